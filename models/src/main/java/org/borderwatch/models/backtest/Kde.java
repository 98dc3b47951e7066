package org.borderwatch.models.backtest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.borderwatch.zones.StudyGrid;

/**
 * Kernel density baseline: each zone's score is the Gaussian-weighted sum of recent event counts at zone
 * centres within three bandwidths, exp(−d²/2h²). The classic hotspot map an analyst would draw.
 */
public final class Kde {
  private final Map<String, List<Object[]>> neighbours = new HashMap<>();

  public Kde(StudyGrid grid, double bandwidthKm) {
    List<StudyGrid.Zone> zones = new ArrayList<>(grid.zones().values());
    double reach = 3 * bandwidthKm;
    for (StudyGrid.Zone a : zones) {
      List<Object[]> l = new ArrayList<>();
      for (StudyGrid.Zone b : zones) {
        if (Math.abs(a.lat() - b.lat()) > reach / 100.0) {
          continue;
        }
        double d = org.borderwatch.common.geo.GreatCircle.km(a.lat(), a.lon(), b.lat(), b.lon());
        if (d <= reach) {
          l.add(new Object[] {b.cell(), Math.exp(-d * d / (2 * bandwidthKm * bandwidthKm))});
        }
      }
      neighbours.put(a.cell(), l);
    }
  }

  /**
   * Smoothed scores for every zone from counts per zone. The kernel is symmetric, so each zone with a count
   * spreads it to the zones within reach (counts are sparse: most zones have none).
   */
  public Map<String, Double> smooth(Map<String, Double> counts) {
    Map<String, Double> out = new HashMap<>();
    for (String cell : neighbours.keySet()) {
      out.put(cell, 0.0);
    }
    for (Map.Entry<String, Double> c : counts.entrySet()) {
      List<Object[]> nbs = c.getValue() == null || c.getValue() <= 0 ? null : neighbours.get(c.getKey());
      if (nbs == null) {
        continue;
      }
      for (Object[] nb : nbs) {
        out.merge((String) nb[0], c.getValue() * (double) nb[1], Double::sum);
      }
    }
    return out;
  }
}
