package org.borderwatch.common.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.borderwatch.common.deploy.DeploymentOptimizer.Base;
import org.borderwatch.common.deploy.DeploymentOptimizer.Plan;
import org.borderwatch.common.deploy.DeploymentOptimizer.Zone;
import org.junit.jupiter.api.Test;

/** The allocation against brute force: every assignment of every unit, on random small cases. */
class DeploymentOptimizerTest {
  @Test
  void matchesBruteForceOnRandomSmallCases() {
    Random rnd = new Random(11);
    for (int trial = 0; trial < 300; trial++) {
      List<Base> bases = new ArrayList<>();
      int nb = 1 + rnd.nextInt(3);
      for (int b = 0; b < nb; b++) {
        bases.add(new Base("B" + b, 10 + rnd.nextDouble(), 100 + rnd.nextDouble(), rnd.nextInt(3),
            20 + rnd.nextDouble() * 80));
      }
      List<Zone> zones = new ArrayList<>();
      int nz = 1 + rnd.nextInt(4);
      for (int z = 0; z < nz; z++) {
        zones.add(new Zone("Z" + z, 10 + rnd.nextDouble(), 100 + rnd.nextDouble(),
            rnd.nextDouble() < 0.2 ? 0 : rnd.nextDouble() * 5));
      }
      double p = 0.2 + rnd.nextDouble() * 0.6;
      Plan plan = DeploymentOptimizer.optimise(bases, zones, p);
      double best = bruteForce(bases, zones, p);
      assertEquals(best, plan.expectedInterdictions(), 1e-9, "trial " + trial);
      // the plan is feasible: units per base, reach
      for (int b = 0; b < nb; b++) {
        int used = 0;
        for (int z = 0; z < nz; z++) {
          used += plan.units()[b][z];
          assertTrue(plan.units()[b][z] == 0 || DeploymentOptimizer.reaches(bases.get(b), zones.get(z)));
        }
        assertTrue(used <= bases.get(b).units());
      }
    }
  }

  @Test
  void diminishingReturnsSpreadUnitsOverEqualZones() {
    List<Base> bases = List.of(new Base("B", 10, 100, 2, 500));
    List<Zone> zones = List.of(new Zone("a", 10, 100, 4), new Zone("b", 10.1, 100, 4));
    Plan plan = DeploymentOptimizer.optimise(bases, zones, 0.5);
    assertEquals(1, plan.atZone(0));
    assertEquals(1, plan.atZone(1));
    assertEquals(4.0, plan.expectedInterdictions(), 1e-12); // 2 × 4 × 0.5
  }

  static double bruteForce(List<Base> bases, List<Zone> zones, double p) {
    List<Integer> unitBase = new ArrayList<>();
    for (int b = 0; b < bases.size(); b++) {
      for (int u = 0; u < bases.get(b).units(); u++) {
        unitBase.add(b);
      }
    }
    return search(0, unitBase, new int[bases.size()][zones.size()], bases, zones, p);
  }

  static double search(int i, List<Integer> unitBase, int[][] units, List<Base> bases, List<Zone> zones, double p) {
    if (i == unitBase.size()) {
      return DeploymentOptimizer.evaluate(units, zones, p);
    }
    double best = search(i + 1, unitBase, units, bases, zones, p); // idle
    int b = unitBase.get(i);
    for (int z = 0; z < zones.size(); z++) {
      if (DeploymentOptimizer.reaches(bases.get(b), zones.get(z))) {
        units[b][z]++;
        best = Math.max(best, search(i + 1, unitBase, units, bases, zones, p));
        units[b][z]--;
      }
    }
    return best;
  }
}
