package org.borderwatch.common.metrics;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Forecast metrics on plain arrays (one entry per zone or corridor). Rankings break ties by a fixed
 * pseudo-random key per item, so a method that scores many zones equal (a count baseline with many
 * zeros) is neither helped nor hurt by the order the zones happen to come in.
 */
public final class Metrics {
  private Metrics() {}

  /** Item order by score, highest first; ties by {@code tieKeys} ascending. */
  public static Integer[] ranking(double[] scores, long[] tieKeys) {
    Integer[] idx = new Integer[scores.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingLong(i -> tieKeys[i]));
    return idx;
  }

  /** Number of items flagged when a share of the area is flagged: ceil(share · n), at least 1. */
  public static int flagged(int n, double share) {
    return Math.max(1, (int) Math.ceil(share * n - 1e-9));
  }

  /** Share of the events that fall in the top {@code share} of items; NaN when there are no events. */
  public static double hitRate(double[] scores, double[] events, long[] tieKeys, double share) {
    double total = 0;
    for (double e : events) {
      total += e;
    }
    if (total <= 0) {
      return Double.NaN;
    }
    Integer[] order = ranking(scores, tieKeys);
    int k = flagged(scores.length, share);
    double hit = 0;
    for (int i = 0; i < k; i++) {
      hit += events[order[i]];
    }
    return hit / total;
  }

  /** Predictive accuracy index: hit rate over the share of area flagged (equal-area zones). */
  public static double pai(double[] scores, double[] events, long[] tieKeys, double share) {
    int k = flagged(scores.length, share);
    return hitRate(scores, events, tieKeys, share) / ((double) k / scores.length);
  }

  /** Area under the precision-recall curve (average precision), ties broken as in {@link #ranking}. */
  public static double prAuc(double[] scores, boolean[] positive, long[] tieKeys) {
    int pos = 0;
    for (boolean b : positive) {
      pos += b ? 1 : 0;
    }
    if (pos == 0) {
      return Double.NaN;
    }
    Integer[] order = ranking(scores, tieKeys);
    double ap = 0;
    int tp = 0;
    for (int i = 0; i < order.length; i++) {
      if (positive[order[i]]) {
        tp++;
        ap += (double) tp / (i + 1);
      }
    }
    return ap / pos;
  }

  /**
   * Highest recall over score thresholds whose precision is at least {@code minPrecision}. A threshold
   * takes every item scoring at or above it, so items with equal scores are never split; 0 when no
   * threshold reaches the precision, NaN without positives.
   */
  public static double recallAtPrecision(double[] scores, boolean[] positive, double minPrecision) {
    Integer[] order = new Integer[scores.length];
    int pos = 0;
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
      pos += positive[i] ? 1 : 0;
    }
    if (pos == 0) {
      return Double.NaN;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> -scores[i]));
    double best = 0;
    int tp = 0;
    for (int k = 0; k < order.length; k++) {
      tp += positive[order[k]] ? 1 : 0;
      boolean cut = k + 1 == order.length || scores[order[k + 1]] != scores[order[k]];
      if (cut && tp >= minPrecision * (k + 1)) {
        best = Math.max(best, (double) tp / pos);
      }
    }
    return best;
  }

  /** Mean squared error of probabilities. */
  public static double brier(double[] p, boolean[] y) {
    double s = 0;
    for (int i = 0; i < p.length; i++) {
      double d = p[i] - (y[i] ? 1 : 0);
      s += d * d;
    }
    return s / p.length;
  }

  /** One bin of a calibration curve. */
  public record Bin(double lo, double hi, long n, double meanPredicted, double observed) {}

  /**
   * Calibration curve on bins of equal count (so every bin has support), and expected calibration error:
   * the count-weighted mean of |mean predicted − observed rate| over the bins.
   */
  public static Bin[] calibration(double[] p, boolean[] y, int bins) {
    Integer[] order = new Integer[p.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
    Bin[] out = new Bin[bins];
    for (int b = 0; b < bins; b++) {
      int from = (int) ((long) b * p.length / bins);
      int to = (int) ((long) (b + 1) * p.length / bins);
      double sp = 0;
      double sy = 0;
      for (int i = from; i < to; i++) {
        sp += p[order[i]];
        sy += y[order[i]] ? 1 : 0;
      }
      int n = to - from;
      out[b] = new Bin(n == 0 ? 0 : p[order[from]], n == 0 ? 0 : p[order[to - 1]], n, n == 0 ? 0 : sp / n,
          n == 0 ? 0 : sy / n);
    }
    return out;
  }

  public static double ece(Bin[] bins) {
    double n = 0;
    double s = 0;
    for (Bin b : bins) {
      n += b.n();
      s += b.n() * Math.abs(b.meanPredicted() - b.observed());
    }
    return n == 0 ? Double.NaN : s / n;
  }

  /** Share of the true top-k items (by volume) that are in the predicted top k. */
  public static double topKRecall(double[] predicted, double[] actual, long[] tieKeys, int k) {
    Integer[] truth = ranking(actual, tieKeys);
    Integer[] pred = ranking(predicted, tieKeys);
    int kk = Math.min(k, predicted.length);
    java.util.Set<Integer> top = new java.util.HashSet<>();
    int positives = 0;
    for (int i = 0; i < kk; i++) {
      if (actual[truth[i]] > 0) {
        top.add(truth[i]);
        positives++;
      }
    }
    if (positives == 0) {
      return Double.NaN;
    }
    int hit = 0;
    for (int i = 0; i < kk; i++) {
      if (top.contains(pred[i])) {
        hit++;
      }
    }
    return (double) hit / positives;
  }

  public static double mae(double[] predicted, double[] actual) {
    double s = 0;
    for (int i = 0; i < predicted.length; i++) {
      s += Math.abs(predicted[i] - actual[i]);
    }
    return s / predicted.length;
  }

  /** A stable pseudo-random key for tie-breaking (SplitMix64 of the item's name hash and a salt). */
  public static long tieKey(String item, long salt) {
    long z = item.hashCode() * 0x9E3779B97F4A7C15L + salt;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
