package org.borderwatch.common.linkage;

import java.util.List;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/** String similarities used to compare names (pure, no Spark). */
public final class Similarity {
  private static final JaroWinklerSimilarity JW = new JaroWinklerSimilarity();

  private Similarity() {}

  public static double jaroWinkler(String a, String b) {
    if (a == null || b == null) {
      return 0;
    }
    return JW.apply(a, b);
  }

  /**
   * Symmetric Monge-Elkan: for each token the best Jaro-Winkler match in the other name, averaged both
   * ways. Reordered and partly missing names still score high.
   */
  public static double tokenSet(List<String> a, List<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    return (oneWay(a, b) + oneWay(b, a)) / 2;
  }

  private static double oneWay(List<String> a, List<String> b) {
    double sum = 0;
    for (String x : a) {
      double best = 0;
      for (String y : b) {
        best = Math.max(best, JW.apply(x, y));
      }
      sum += best;
    }
    return sum / a.size();
  }

  /** Whether every token of the shorter list has an exact partner in the longer one. */
  public static boolean subset(List<String> a, List<String> b) {
    List<String> small = a.size() <= b.size() ? a : b;
    List<String> large = a.size() <= b.size() ? b : a;
    return !small.isEmpty() && large.containsAll(small) && small.size() < large.size();
  }

  /** Levenshtein distance, stopping early beyond max. */
  public static int levenshtein(String a, String b, int max) {
    if (Math.abs(a.length() - b.length()) > max) {
      return max + 1;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin > max) {
        return max + 1;
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
