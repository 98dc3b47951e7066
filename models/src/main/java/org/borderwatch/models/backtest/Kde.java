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

  /** Smoothed scores for every zone from counts per zone. */
  public Map<String, Double> smooth(Map<String, Double> counts) {
    Map<String, Double> out = new HashMap<>();
    for (Map.Entry<String, List<Object[]>> e : neighbours.entrySet()) {
      double s = 0;
      for (Object[] nb : e.getValue()) {
        Double c = counts.get((String) nb[0]);
        if (c != null && c > 0) {
          s += c * (double) nb[1];
        }
      }
      out.put(e.getKey(), s);
    }
    return out;
  }
}
