package org.borderwatch.common.metrics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Agreement of a clustering with the true classes of the same items: adjusted Rand index and purity. */
public final class Partitions {
  private Partitions() {}

  /** Adjusted Rand index of two labelings given as pairs (a, b). */
  public static double ari(List<long[]> pairs) {
    int n = pairs.size();
    if (n < 2) {
      return Double.NaN;
    }
    Map<Long, Map<Long, Integer>> table = new HashMap<>();
    Map<Long, Integer> a = new HashMap<>();
    Map<Long, Integer> b = new HashMap<>();
    for (long[] p : pairs) {
      table.computeIfAbsent(p[0], k -> new HashMap<>()).merge(p[1], 1, Integer::sum);
      a.merge(p[0], 1, Integer::sum);
      b.merge(p[1], 1, Integer::sum);
    }
    double index = 0;
    for (Map<Long, Integer> row : table.values()) {
      for (int c : row.values()) {
        index += c2(c);
      }
    }
    double sa = a.values().stream().mapToDouble(Partitions::c2).sum();
    double sb = b.values().stream().mapToDouble(Partitions::c2).sum();
    double expected = sa * sb / c2(n);
    double max = (sa + sb) / 2;
    return max == expected ? 1.0 : (index - expected) / (max - expected);
  }

  private static double c2(int x) {
    return x * (x - 1) / 2.0;
  }

  /** Share of items in the majority class of their cluster (cluster = position c, class = position k). */
  public static double purity(List<long[]> pairs, int c, int k) {
    Map<Long, Map<Long, Integer>> t = new HashMap<>();
    for (long[] p : pairs) {
      t.computeIfAbsent(p[c], x -> new HashMap<>()).merge(p[k], 1, Integer::sum);
    }
    int sum = 0;
    for (Map<Long, Integer> m : t.values()) {
      sum += m.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }
    return pairs.isEmpty() ? Double.NaN : (double) sum / pairs.size();
  }
}
