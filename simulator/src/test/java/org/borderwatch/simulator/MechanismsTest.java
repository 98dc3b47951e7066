package org.borderwatch.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.borderwatch.core.time.IsoWeek;
import org.borderwatch.simulator.geo.CrossingPoint;
import org.borderwatch.simulator.geo.Geography;
import org.borderwatch.simulator.world.Dynamics;
import org.borderwatch.simulator.world.Events;
import org.borderwatch.simulator.world.WeekEvents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The world's mechanisms, shown on its truth (dynamics only: nothing rendered). */
class MechanismsTest {
  static final IsoWeek START = IsoWeek.parse("2025-W01");
  static Simulator.Result year;

  @BeforeAll
  static void twoYears() {
    SimulationParams p = SimulationParams.defaults(5, Scale.SMALL, START, 104);
    year = new Simulator(p, 2).run(null, 104, null);
  }

  static Map<String, Integer> tripsByCrossing(Simulator.Result r, int from, int to) {
    Map<String, Integer> out = new HashMap<>();
    for (WeekEvents ev : r.events) {
      if (ev.week >= from && ev.week <= to) {
        for (Events.Trip t : ev.trips) {
          out.merge(t.crossing().id(), 1, Integer::sum);
        }
      }
    }
    return out;
  }

  @Test
  void patrolsAtACrossingDisplaceTrafficToItsNeighbours() {
    SimulationParams base = SimulationParams.defaults(3, Scale.SMALL, START, 40);
    base = base.withPatrols(base.patrols().withoutCampaigns());
    Simulator.Result before = new Simulator(base, 2).run(null, 40, null);
    // the busiest informal crossing with neighbours
    Map<String, Integer> busy = tripsByCrossing(before, 10, 39);
    String target = busy.entrySet().stream()
        .filter(e -> !Geography.get().crossing(e.getKey()).official())
        .filter(e -> !Geography.get().neighbours(Geography.get().crossing(e.getKey())).isEmpty())
        .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    Simulator.Result after = new Simulator(base.withPatrols(base.patrols().with(target, 15, 39, 5)), 2)
        .run(null, 40, null);
    Map<String, Integer> b = tripsByCrossing(before, 18, 39);
    Map<String, Integer> a = tripsByCrossing(after, 18, 39);
    int neighboursBefore = 0;
    int neighboursAfter = 0;
    for (CrossingPoint n : Geography.get().neighbours(Geography.get().crossing(target))) {
      neighboursBefore += b.getOrDefault(n.id(), 0);
      neighboursAfter += a.getOrDefault(n.id(), 0);
    }
    assertTrue(a.getOrDefault(target, 0) < 0.6 * b.getOrDefault(target, 0),
        target + ": " + b.get(target) + " trips before, " + a.get(target) + " with patrols");
    assertTrue(neighboursAfter > neighboursBefore, "neighbours " + neighboursBefore + " → " + neighboursAfter);
    // before the surge the two worlds are the same
    assertEquals(tripsByCrossing(before, 0, 14), tripsByCrossing(after, 0, 14));
  }

  @Test
  void seaCrossingsNearlyStopInTheMonsoon() {
    double monsoon = 0;
    double dry = 0;
    int monsoonWeeks = 0;
    int dryWeeks = 0;
    for (WeekEvents ev : year.events) {
      int woy = START.plus(ev.week).week();
      long sea = ev.trips.stream().filter(t -> t.crossing().type() == CrossingPoint.Type.SEA).count();
      if (Dynamics.seaSeason(woy) < 1) {
        monsoon += sea;
        monsoonWeeks++;
      } else {
        dry += sea;
        dryWeeks++;
      }
    }
    double ratio = (monsoon / monsoonWeeks) / (dry / dryWeeks);
    assertTrue(dry / dryWeeks > 0.5, "sea trips happen in the dry season: " + dry);
    assertTrue(ratio < 0.25, "monsoon/dry weekly sea trips = " + ratio);
  }

  @Test
  void postsAndFeesPrecedeTheCrossingsTheyBelongTo() {
    Map<String, Integer> tripWeek = new HashMap<>();
    for (WeekEvents ev : year.events) {
      for (Events.Trip t : ev.trips) {
        tripWeek.put(t.id(), ev.week);
      }
    }
    int posts = 0;
    int fees = 0;
    Map<String, Integer> postsPerTrip = new HashMap<>();
    for (WeekEvents ev : year.events) {
      for (Events.Post p : ev.posts) {
        Integer tw = tripWeek.get(p.trip());
        if (tw != null) {
          assertTrue(p.week() < tw, p.id() + " in week " + p.week() + " for a trip in week " + tw);
          assertTrue(tw - p.week() <= 3);
          postsPerTrip.merge(p.trip(), 1, Integer::sum);
          posts++;
        }
      }
      for (Events.Payment x : ev.payments) {
        Integer tw = x.trip() == null ? null : tripWeek.get(x.trip());
        if (tw != null && x.purpose().equals("smuggling_fee")) {
          assertTrue(x.week() < tw, x.id() + " paid in week " + x.week() + " for a trip in week " + tw);
          fees++;
        }
      }
    }
    // the seeded world (seed 5, small, 104 weeks) is deterministic: these are its exact counts
    assertEquals(2063, tripWeek.size(), "trips");
    assertEquals(6787, posts, "posts");
    assertEquals(10638, fees, "fees");
    assertEquals(tripWeek.size(), postsPerTrip.size(), "every trip was advertised");
  }

  @Test
  void arrestsShrinkNetworksThatRecruitAndSplit() {
    long arrests = year.events.stream().mapToLong(e -> e.arrests.size()).sum();
    long splits = year.world.networks.stream().filter(n -> n.parent >= 0).count();
    long dissolved = year.world.networks.stream().filter(n -> n.dissolvedWeek >= 0).count();
    // the seeded world (seed 5, small, 104 weeks) is deterministic: these are its exact counts
    assertEquals(193, arrests, "arrests");
    assertTrue(splits > 0, "networks split (docs/simulator.md): " + splits);
    assertEquals(8, splits, "successor networks");
    assertEquals(6, dissolved, "dissolved networks");
    assertEquals(Scale.SMALL.networks() + splits, year.world.networks.size(), "new networks are successors");
    assertTrue(year.world.networks.size() > Scale.SMALL.networks(), "new networks formed: " + splits);
    assertFalse(year.world.networks.stream().filter(n -> n.dissolvedWeek >= 0).toList().isEmpty());
  }

  @Test
  void detectionFollowsPatrolEffort() {
    int[] detectedByEffort = new int[3];
    int[] tripsByEffort = new int[3];
    for (WeekEvents ev : year.events) {
      for (Events.Trip t : ev.trips) {
        if (t.crossing().official()) {
          continue;
        }
        double units = ev.patrols.get(t.crossing().id());
        int k = units == 0 ? 0 : units < 2 ? 1 : 2;
        tripsByEffort[k]++;
        detectedByEffort[k] += t.detected() ? 1 : 0;
      }
    }
    double r0 = detectedByEffort[0] / (double) tripsByEffort[0];
    double r1 = detectedByEffort[1] / (double) tripsByEffort[1];
    double r2 = detectedByEffort[2] / (double) tripsByEffort[2];
    assertTrue(r1 > 1.5 * r0, "detection rate without patrols " + r0 + ", with " + r1);
    // P = 1 - exp(-(1.5 coverage + 0.3 units)): 2+ units detect more than 1 (docs/simulator.md); networks avoid
    // campaign points (3+ units) so well that almost no trip meets one
    assertTrue(tripsByEffort[2] >= 30, "trips that met 2 or more patrol units: " + tripsByEffort[2]);
    assertTrue(r2 > r1, "detection rate with 1 unit " + r1 + ", with 2+ " + r2 + " (trips by effort "
        + java.util.Arrays.toString(tripsByEffort) + ")");
  }

  static List<Integer> weeks(int n) {
    return java.util.stream.IntStream.range(0, n).boxed().toList();
  }
}
