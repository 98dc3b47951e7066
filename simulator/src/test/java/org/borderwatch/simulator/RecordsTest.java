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
import org.borderwatch.simulator.names.Ethnicity;
import org.borderwatch.simulator.world.Account;
import org.borderwatch.simulator.world.Dynamics;
import org.borderwatch.simulator.world.Events;
import org.borderwatch.simulator.world.Exploitation;
import org.borderwatch.simulator.world.Indicators;
import org.borderwatch.simulator.world.Network;
import org.borderwatch.simulator.world.Person;
import org.borderwatch.simulator.world.Role;
import org.borderwatch.simulator.world.WeekEvents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the records get wrong (docs/simulator.md): unlisted crossing points, patrols off the roster, case files and
 * role guesses with errors, opaque identifiers, legitimate plates and border passes, screenings that depend on
 * interpreters and indicator profiles that depend on the exploitation, ads that borrow each other's wording, and
 * money that follows more than one rule. Rates are checked within
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

  @TempDir static Path landing;
  static Simulator.Result tiny;

  /** A tiny world written to a landing zone, for the checks that read the exported files. */
  static synchronized Simulator.Result tiny() {
    if (tiny == null) {
      tiny = new Simulator(SimulationParams.defaults(13, Scale.TINY, START, 16), 2).run(landing, 0, null);
    }
    return tiny;
  }

  @Test
  void adsBorrowEachOthersWording() throws IOException {
    Simulator.Result r = tiny();
    Map<String, String> kind = new HashMap<>();
    for (TruthRows t : r.truth.values()) {
      for (Object[] p : t.posts) {
        kind.put((String) p[0], (String) p[1]);
      }
    }
    Pattern company = Pattern.compile("(?i)(Seafood Co\\., Ltd\\.|Garment Factory|Recruitment Agency)");
    Pattern abroad = Pattern.compile("(?i) in (Korea|Japan|Taiwan|Dubai|Singapore)\\b");
    long deceptive = 0;
    long disguised = 0;
    long honest = 0;
    long lure = 0;
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    try (Stream<Path> files = Files.list(landing.resolve("social/posts"))) {
      for (Path f : files.sorted().toList()) {
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(
            new java.util.zip.GZIPInputStream(Files.newInputStream(f)), StandardCharsets.UTF_8))) {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            com.fasterxml.jackson.databind.JsonNode n;
            try {
              n = json.readTree(line);
            } catch (IOException damaged) {
              continue; // malformed lines (DefectRatesTest)
            }
            String k = kind.get(n.path("post_id").asText());
            String text = n.path("text").asText();
            if ("deceptive_job".equals(k)) {
              deceptive++;
              disguised += company.matcher(text).find() ? 1 : 0;
            } else if ("honest_job".equals(k)) {
              honest++;
              lure += abroad.matcher(text).find() ? 1 : 0;
            }
          }
        }
      }
    }
    within3sd(R.adMimicry(), disguised, deceptive, "deceptive ads written as a company's");
    within3sd(R.adLure() * 5 / 6, lure, honest, "honest ads for work in Korea, Japan, Taiwan, Dubai or Singapore");
  }

  @Test
  void legitimateTravellersDriveAndCrossOnBorderPasses() throws IOException {
    Simulator.Result r = tiny();
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

  @Test
  void screeningsDependOnInterpretersNotOnWhatHappened() {
    Map<String, Events.Trip> trips = new HashMap<>();
    world.events.forEach(ev -> ev.trips.forEach(t -> trips.put(t.id(), t)));
    Map<String, Events.Trip> tripOfCase = new HashMap<>();
    Map<String, Set<Integer>> screenedInCase = new HashMap<>();
    long questions = 0;
    long unasked = 0;
    for (WeekEvents ev : world.events) {
      for (Events.Case c : ev.cases) {
        if (c.trip() != null) {
          tripOfCase.put(c.id(), trips.get(c.trip()));
        }
      }
      for (Events.Screening x : ev.screenings) {
        screenedInCase.computeIfAbsent(x.caseId(), k -> new HashSet<>()).add(x.person());
        Person p = world.world.persons.get(x.person());
        boolean interviewerLanguage = x.language().equals("Thai") || x.language().equals("Malay");
        boolean ownLanguage = switch (p.ethnicity) {
          case THAI, MALAY -> true;
          default -> false;
        };
        if (!interviewerLanguage) {
          assertEquals((1 << Indicators.NAMES.size()) - 1, x.asked(), x.id() + ": with an interpreter all is asked");
        } else if (!ownLanguage) {
          questions += Indicators.NAMES.size();
          unasked += Indicators.NAMES.size() - Integer.bitCount(x.asked());
        }
        assertEquals(0, x.observed() & ~x.asked(), x.id() + ": nothing recorded that was not asked");
      }
    }
    within3sd(R.screeningUnasked(), unasked, questions, "questions not asked without an interpreter");
    // at interdiction, the chance of a screening follows the interpreters of each language, the same for victims
    // and for migrants
    Map<String, long[]> byGroup = new HashMap<>(); // ethnicity|victim -> screened, travellers
    for (Map.Entry<String, Events.Trip> e : tripOfCase.entrySet()) {
      Set<Integer> screened = screenedInCase.getOrDefault(e.getKey(), Set.of());
      for (int id : e.getValue().travellers()) {
        Person p = world.world.persons.get(id);
        long[] c = byGroup.computeIfAbsent(p.ethnicity + "|" + (p.role == Role.VICTIM), k -> new long[2]);
        c[0] += screened.contains(id) ? 1 : 0;
        c[1]++;
      }
    }
    int groups = 0;
    for (Map.Entry<String, long[]> e : byGroup.entrySet()) {
      if (e.getValue()[1] > 100) {
        groups++;
        Ethnicity ethnicity = Ethnicity.valueOf(e.getKey().split("\\|")[0]);
        within3sd(0.5 + 0.45 * Dynamics.interpreter(ethnicity), e.getValue()[0], e.getValue()[1],
            "screened at interdiction, " + e.getKey());
      }
    }
    assertTrue(groups >= 4, "groups with enough travellers: " + byGroup.keySet());
  }

  @Test
  void indicatorProfilesDifferByExploitation() {
    Map<Exploitation, long[]> isolation = new HashMap<>(); // with isolation, victims
    Map<Exploitation, long[]> violence = new HashMap<>();
    for (Person p : world.world.persons) {
      assertEquals(p.role == Role.VICTIM, p.exploitation != null, p.pid() + " " + p.role);
      if (p.exploitation != null) {
        long[] iso = isolation.computeIfAbsent(p.exploitation, k -> new long[2]);
        iso[0] += Indicators.has(p.indicators, Indicators.NAMES.indexOf("isolation")) ? 1 : 0;
        iso[1]++;
        long[] vio = violence.computeIfAbsent(p.exploitation, k -> new long[2]);
        vio[0] += Indicators.has(p.indicators, Indicators.NAMES.indexOf("physical_sexual_violence")) ? 1 : 0;
        vio[1]++;
      }
    }
    assertEquals(Set.of(Exploitation.values()), isolation.keySet(), "every kind of exploitation occurs");
    int iso = Indicators.NAMES.indexOf("isolation");
    int vio = Indicators.NAMES.indexOf("physical_sexual_violence");
    for (Exploitation k : Exploitation.values()) {
      within3sd(k.rate(iso), isolation.get(k)[0], isolation.get(k)[1], "isolation among " + k);
      within3sd(k.rate(vio), violence.get(k)[0], violence.get(k)[1], "violence among " + k);
    }
    // the profiles are far apart where the work differs: fishing crews are isolated, building workers are not
    assertTrue(Exploitation.FISHING.rate(iso) - Exploitation.CONSTRUCTION.rate(iso) > 0.5);
  }

  @Test
  void moneyFollowsMoreThanOneRule() {
    Map<Network.Structuring, Integer> rules = new HashMap<>();
    for (Network n : world.world.networks) {
      if (n.structuring != null) {
        rules.merge(n.structuring, 1, Integer::sum);
      }
    }
    assertTrue(rules.size() >= 3, "rules in use: " + rules);
    Map<Integer, Map<Integer, Double>> inByWeek = new HashMap<>(); // mule account -> week -> in
    Map<Integer, Map<Integer, Double>> outByWeek = new HashMap<>();
    Map<Network.Structuring, long[]> checked = new HashMap<>(); // payments that keep the rule, payments
    boolean chained = false;
    for (WeekEvents ev : world.events) {
      for (Events.Payment x : ev.payments) {
        Account from = world.world.accounts.get(x.from());
        Account to = world.world.accounts.get(x.to());
        if (!x.purpose().equals("layering")) {
          continue;
        }
        Network.Structuring rule = world.world.networks.get(x.network()).structuring;
        if ("collection".equals(from.use)) {
          long[] c = checked.computeIfAbsent(rule, k -> new long[2]);
          c[1]++;
          double threshold = from.country.reportingThreshold();
          c[0] += switch (rule) {
            case BELOW_THRESHOLD, CASH_OUT -> x.amount() < threshold ? 1 : 0;
            case ROUND_SUMS -> x.amount() % 1000 == 0 ? 1 : 0;
            case HELD -> x.amount() <= 1.2 * threshold ? 1 : 0;
            case CHAIN -> x.amount() <= 0.95 * threshold ? 1 : 0;
          };
          inByWeek.computeIfAbsent(to.id, k -> new HashMap<>()).merge(x.week(), x.amount() / to.country.perUsd(),
              Double::sum);
        } else if ("mule".equals(from.use)) {
          chained |= "mule".equals(to.use);
          outByWeek.computeIfAbsent(from.id, k -> new HashMap<>()).merge(x.week(),
              x.amount() / from.country.perUsd(), Double::sum);
        }
      }
    }
    for (Map.Entry<Network.Structuring, long[]> e : checked.entrySet()) {
      assertEquals(e.getValue()[1], e.getValue()[0], e.getKey() + ": every payment out of collection keeps the rule");
    }
    assertEquals(rules.containsKey(Network.Structuring.CHAIN), chained, "mules pay mules only in chains");
    // held money leaves a mule in weeks it received nothing; under the other rules (chains aside) a mule pays out
    // only in the weeks it is paid
    long heldLater = 0;
    for (Account a : world.world.accounts) {
      if (a.network < 0 || !"mule".equals(a.use) || !inByWeek.containsKey(a.id)) {
        continue;
      }
      Network.Structuring rule = world.world.networks.get(a.network).structuring;
      Set<Integer> inWeeks = inByWeek.get(a.id).keySet();
      Set<Integer> outWeeks = outByWeek.getOrDefault(a.id, Map.of()).keySet();
      if (rule == Network.Structuring.HELD) {
        heldLater += outWeeks.stream().filter(w -> !inWeeks.contains(w)).count();
      } else if (rule != Network.Structuring.CHAIN) {
        assertTrue(inWeeks.containsAll(outWeeks), a.number + " (" + rule + ") pays out only when paid");
      }
    }
    assertEquals(rules.containsKey(Network.Structuring.HELD), heldLater > 0, "held money leaves later: " + heldLater);
  }
}
