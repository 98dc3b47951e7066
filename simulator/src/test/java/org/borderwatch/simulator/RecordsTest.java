package org.borderwatch.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.borderwatch.core.time.IsoWeek;
import org.borderwatch.simulator.dump.TruthRows;
import org.borderwatch.simulator.geo.CrossingPoint;
import org.borderwatch.simulator.geo.Geography;
import org.borderwatch.simulator.world.Events;
import org.borderwatch.simulator.world.Person;
import org.borderwatch.simulator.world.Role;
import org.borderwatch.simulator.world.WeekEvents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the records get wrong (docs/simulator.md): unlisted crossing points, patrols off the roster, case files and
 * role guesses with errors, opaque identifiers, legitimate plates and border passes. Rates are checked within
 * three standard deviations of the configured ones; counts of the seeded world are exact.
 */
class RecordsTest {
  static final IsoWeek START = IsoWeek.parse("2025-W01");
  static final Realism R = Realism.defaults();
  static Simulator.Result world;

  @BeforeAll
  static void simulate() {
    world = new Simulator(SimulationParams.defaults(13, Scale.SMALL, START, 80), 2).run(null, 80, null);
  }

  /** A rate within three standard deviations of the configured one (DefectRatesTest's check), on enough cases. */
  static void within3sd(double expected, long hits, long n, String what) {
    assertTrue(n > 30, what + ": too few cases (" + n + ")");
    DefectRatesTest.within(what, hits, n, expected);
  }

  @Test
  void networksUseUnlistedPointsOnlyOnceTheyOpen() {
    Map<String, Integer> unlisted = new HashMap<>();
    long trips = 0;
    for (WeekEvents ev : world.events) {
      for (Events.Trip t : ev.trips) {
        trips++;
        CrossingPoint cp = t.crossing();
        if (!cp.known()) {
          assertTrue(ev.week >= cp.opensWeek(), t.id() + " crossed " + cp.id() + " in week " + ev.week
              + " before it opened (" + cp.opensWeek() + ")");
          unlisted.merge(cp.id(), 1, Integer::sum);
        }
      }
    }
    int total = unlisted.values().stream().mapToInt(Integer::intValue).sum();
    // points open from the start and points opening mid-run both carry traffic
    assertTrue(unlisted.containsKey("tha-song-yang") && unlisted.containsKey("mae-ramat"), unlisted.toString());
    assertTrue(total > 0.03 * trips && total < 0.5 * trips, total + " of " + trips + " trips at unlisted points");
    // nobody patrols them: no unit at an unlisted point in any week
    for (WeekEvents ev : world.events) {
      for (CrossingPoint cp : Geography.get().crossings()) {
        if (!cp.known()) {
          assertEquals(0.0, ev.roster.get(cp.id()), cp.id());
          assertEquals(0.0, ev.patrols.get(cp.id()), cp.id());
        }
      }
    }
  }

  @Test
  void patrolsDeviateFromTheRoster() {
    long rosteredUnits = 0;
    long absent = 0;
    long idlePoints = 0;
    long unrostered = 0;
    for (WeekEvents ev : world.events) {
      for (CrossingPoint cp : Geography.get().listed()) {
        if (cp.official()) {
          assertEquals(ev.roster.get(cp.id()), ev.patrols.get(cp.id()), "checkpoints keep their staff");
          continue;
        }
        double planned = ev.roster.get(cp.id());
        double out = ev.patrols.get(cp.id());
        if (planned > 0) {
          rosteredUnits += (long) planned;
          absent += (long) (planned - out);
        } else {
          idlePoints++;
          unrostered += out > 0 ? 1 : 0;
        }
      }
    }
    within3sd(R.patrolAbsent(), absent, rosteredUnits, "rostered units absent");
    within3sd(R.patrolUnrostered(), unrostered, idlePoints, "unrostered patrols");
  }

  @Test
  void caseFilesAndRoleGuessesCarryErrors() {
    long victims = 0;
    long victimsRecorded = 0;
    long others = 0;
    long othersAsVictims = 0;
    long travellers = 0;
    long omitted = 0;
    long crew = 0;
    long crewAsWitness = 0;
    long crewGuesses = 0;
    long crewGuessedMigrant = 0;
    Map<String, Events.Trip> trips = new HashMap<>();
    world.events.forEach(ev -> ev.trips.forEach(t -> trips.put(t.id(), t)));
    for (WeekEvents ev : world.events) {
      for (Events.Case c : ev.cases) {
        if (c.trip() == null) {
          continue;
        }
        Events.Trip t = trips.get(c.trip());
        Map<Integer, String> roles = new HashMap<>();
        c.persons().forEach(p -> roles.put(p.person(), p.role()));
        for (int id : t.travellers()) {
          travellers++;
          String role = roles.get(id);
          if (role == null) {
            omitted++;
            continue;
          }
          if (world.world.persons.get(id).role == Role.VICTIM) {
            victims++;
            victimsRecorded += role.equals("victim") ? 1 : 0;
          } else {
            others++;
            othersAsVictims += role.equals("victim") ? 1 : 0;
          }
        }
        for (int id : t.crew()) {
          crew++;
          crewAsWitness += "witness".equals(roles.get(id)) ? 1 : 0;
        }
      }
      for (Events.Interdiction i : ev.interdictions) {
        Events.Trip t = trips.get(i.trip());
        for (int k = 0; k < i.persons().size(); k++) {
          if (t.crew().contains(i.persons().get(k))) {
            crewGuesses++;
            crewGuessedMigrant += i.roleGuesses().get(k).equals("migrant") ? 1 : 0;
          }
        }
      }
    }
    within3sd(R.personOmitted(), omitted, travellers, "travellers missing from the case file");
    within3sd((1 - R.roleSwapped()) * (1 - R.victimUnrecorded()), victimsRecorded, victims,
        "victims on file recorded as victims");
    within3sd((1 - R.roleSwapped()) * R.victimFalse(), othersAsVictims, others, "non-victims recorded as victims");
    within3sd(R.roleSwapped(), crewAsWitness, crew, "crew recorded as witnesses");
    within3sd(R.roleGuessWrong(), crewGuessedMigrant, crewGuesses, "crew taken for migrants at interdiction");
  }

  @Test
  void identifiersAreOpaqueAndUnique() {
    Pattern agency = Pattern.compile("^(DET|INT|CASE|SCR|AR)-[0-9A-Z]{12}$");
    Pattern tx = Pattern.compile("^TX[0-9A-Z]{12}$");
    Pattern post = Pattern.compile("^[0-9]{18}$");
    Set<String> seen = new HashSet<>();
    long ids = 0;
    for (WeekEvents ev : world.events) {
      List<String> all = new java.util.ArrayList<>();
      ev.detections.forEach(d -> all.add(d.id()));
      ev.interdictions.forEach(d -> all.add(d.id()));
      ev.cases.forEach(d -> all.add(d.id()));
      ev.screenings.forEach(d -> all.add(d.id()));
      ev.arrests.forEach(d -> all.add(d.id()));
      for (String id : all) {
        assertTrue(agency.matcher(id).matches(), id);
      }
      ev.payments.forEach(p -> assertTrue(tx.matcher(p.id()).matches(), p.id()));
      ev.posts.forEach(p -> assertTrue(post.matcher(p.id()).matches(), p.id()));
      ev.payments.forEach(p -> all.add(p.id()));
      ev.posts.forEach(p -> all.add(p.id()));
      for (String id : all) {
        ids++;
        assertTrue(seen.add(id), "duplicate id " + id);
      }
    }
    assertTrue(ids > 10_000, ids + " ids");
  }

  @Test
  void legitimateTravellersDriveAndCrossOnBorderPasses(@TempDir Path landing) throws IOException {
    Simulator.Result r = new Simulator(SimulationParams.defaults(13, Scale.TINY, START, 16), 2).run(landing, 0, null);
    Map<String, Integer> personOf = new HashMap<>();
    for (TruthRows t : r.truth.values()) {
      for (Object[] m : t.mentions) {
        if (m[0].equals("checkpoint")) {
          personOf.put((String) m[1], Integer.parseInt(((String) m[3]).substring(1)));
        }
      }
    }
    long legit = 0;
    long withPlate = 0;
    long passEligible = 0;
    long onPass = 0;
    try (Stream<Path> files = Files.list(landing.resolve("border/checkpoints/th"))) {
      for (Path f : files.sorted().toList()) {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
          String[] v = line.split(";", -1);
          if (v.length != 12 || !personOf.containsKey(v[0])) {
            continue; // damaged lines
          }
          Person p = r.world.persons.get(personOf.get(v[0]));
          if (p.role != Role.LEGIT) {
            continue;
          }
          legit++;
          withPlate += v[11].isEmpty() ? 0 : 1;
          if (List.of("MMR", "LAO", "KHM").contains(v[6]) && v[10].equals(p.document)) {
            passEligible++;
            onPass += v[9].equals("CI") ? 1 : 0;
          }
        }
      }
    }
    // a group's companions share the driver's plate: plates = legitPlate + groups (driver and companions)
    double groupRows = R.groupCrossing() * 4; // 1 driver + 3 companions on average
    double expected = ((1 - R.groupCrossing()) * R.legitPlate() + groupRows) / (1 + R.groupCrossing() * 3);
    assertTrue(legit > 500, legit + " legitimate crossings");
    assertTrue(Math.abs(withPlate / (double) legit - expected) < 0.05, withPlate + " of " + legit
        + " legitimate crossings with a plate, expected about " + expected);
    // border passes are per person, so only a rough share: within 0.1 of the configured one
    assertTrue(Math.abs(onPass / (double) passEligible - R.borderPass()) < 0.1, onPass + " of " + passEligible
        + " crossings on a border pass");
  }
}
