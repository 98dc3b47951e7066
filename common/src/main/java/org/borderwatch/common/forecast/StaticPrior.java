package org.borderwatch.common.forecast;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed rule every zone ranking breaks its ties by (the models' and the baselines' alike, in the backtest, in
 * validation and in the score job's SQL order): the zone nearer to a known crossing first, then the cell id.
 * Never random.
 */
public final class StaticPrior {
  private StaticPrior() {}

  /** Each cell's place in the prior's order (0 first), from its distance to the nearest known crossing. */
  public static Map<String, Long> places(Map<String, Double> crossingKm) {
    List<Map.Entry<String, Double>> order = new ArrayList<>(crossingKm.entrySet());
    order.sort(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey(
        Comparator.naturalOrder())));
    Map<String, Long> out = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      out.put(order.get(i).getKey(), (long) i);
    }
    return out;
  }
}
