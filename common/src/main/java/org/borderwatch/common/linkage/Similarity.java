package org.borderwatch.common.linkage;

import java.util.List;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/** String similarities used to compare names (pure, no Spark). */
public final class Similarity {
  private static final JaroWinklerSimilarity JW = new JaroWinklerSimilarity();
  private static final ThreadLocal<org.apache.commons.codec.language.DoubleMetaphone> METAPHONE =
      ThreadLocal.withInitial(org.apache.commons.codec.language.DoubleMetaphone::new);

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

  /**
   * Whether every token of the shorter list (either, when both are as long) has a partner in the other at
   * Jaro-Winkler at least {@code min}: a name with a part missing and a typo in another.
   */
  public static boolean fuzzyWithin(List<String> a, List<String> b, double min) {
    if (a.isEmpty() || b.isEmpty()) {
      return false;
    }
    if (a.size() == b.size()) {
      return allClose(a, b, min) || allClose(b, a, min);
    }
    return a.size() < b.size() ? allClose(a, b, min) : allClose(b, a, min);
  }

  private static boolean allClose(List<String> small, List<String> large, double min) {
    for (String x : small) {
      double best = 0;
      for (String y : large) {
        best = Math.max(best, JW.apply(x, y));
      }
      if (best < min) {
        return false;
      }
    }
    return true;
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

  /**
   * Optimal string alignment distance (Levenshtein with swaps of two adjacent characters as one edit), stopping
   * early beyond max.
   */
  public static int osa(String a, String b, int max) {
    if (Math.abs(a.length() - b.length()) > max) {
      return max + 1;
    }
    int n = a.length();
    int m = b.length();
    int[][] d = new int[n + 1][m + 1];
    for (int i = 0; i <= n; i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= m; j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= n; i++) {
      int rowMin = Integer.MAX_VALUE;
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > max) {
        return max + 1;
      }
    }
    return Math.min(d[n][m], max + 1);
  }

  /** The tokens' Double Metaphone primary codes, sorted and joined: English spellings that sound alike meet. */
  public static String metaphoneKey(List<String> tokens) {
    List<String> codes = new java.util.ArrayList<>(tokens.size());
    for (String t : tokens) {
      String c = METAPHONE.get().doubleMetaphone(t);
      codes.add(c == null || c.isEmpty() ? t : c);
    }
    codes.sort(null);
    return String.join(" ", codes);
  }
}
