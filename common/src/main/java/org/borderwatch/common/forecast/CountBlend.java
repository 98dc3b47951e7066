package org.borderwatch.common.forecast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.borderwatch.common.metrics.Metrics;

/**
 * The combination of the zone model with the all-history counts a crime analyst ranks by: a weighted
 * geometric mean, rank score = exp(w · ln(p + ε) + (1 − w) · ln(rate + ε)), where p is the model's
 * probability and rate the zone's detections per week over all earlier weeks. w = 1 is the model alone,
 * w = 0 the all-history ranking. The weight is chosen on validation weeks (never on the weeks a figure is
 * published for), and a blend is kept only when it beats the model alone there.
 */
public final class CountBlend {
  private CountBlend() {}

  /** Added to both terms so that a zero probability or a zone with no history still ranks. */
  public static final double EPSILON = 1e-4;

  /** Weights of the model tried, the model alone first (kept on a tie). */
  public static final double[] WEIGHTS = {1.0, 0.75, 0.5, 0.25, 0.0};

  public static double rankScore(double probability, double rate, double weight) {
    if (weight >= 1.0) {
      return probability;
    }
    return Math.exp(weight * Math.log(probability + EPSILON) + (1 - weight) * Math.log(rate + EPSILON));
  }

  /** One validation zone-week: its week, the model's probability, the all-history rate, events, tie key. */
  public record Row(long week, double probability, double rate, double events, long tieKey) {}

  /** The chosen weight and the average precision each weight reached. */
  public record Choice(double weight, Map<Double, Double> scores) {}

  /**
   * Average precision (PR-AUC) of "any event in the zone-week" for each weight, pooled over the rows (the
   * whole ranking counts, not only its top, which a few validation weeks would leave tied); the best weight
   * wins, the model alone on a tie (a blend must strictly improve) or when no row has an event.
   */
  public static Choice choose(List<Row> rows) {
    Map<Double, Double> scores = new LinkedHashMap<>();
    double best = 1.0;
    double bestScore = Double.NEGATIVE_INFINITY;
    boolean[] pos = new boolean[rows.size()];
    long[] t = new long[rows.size()];
    for (int i = 0; i < pos.length; i++) {
      pos[i] = rows.get(i).events() > 0;
      // ties by the static prior within a week, weeks in order
      t[i] = rows.get(i).week() * 1_000_000_000L + rows.get(i).tieKey();
    }
    for (double w : WEIGHTS) {
      double[] s = new double[rows.size()];
      for (int i = 0; i < s.length; i++) {
        s[i] = rankScore(rows.get(i).probability(), rows.get(i).rate(), w);
      }
      double v = Metrics.prAuc(s, pos, t);
      scores.put(w, v);
      if (!Double.isNaN(v) && v > bestScore + 1e-12) {
        best = w;
        bestScore = v;
      }
    }
    return new Choice(best, scores);
  }

  /** A validation week: its events, and the share of them in the top zones by the ranking and by all history. */
  public record Week(long week, double events, double ranking, double allHistory) {}

  /**
   * For each validation week with an event, the share of its events in the top {@code share} of zones when
   * ranked by the rank score at {@code weight}, and by the all-history rate alone (weight 0); ties by the
   * static prior. Weeks in order.
   */
  public static List<Week> weekly(List<Row> rows, double weight, double share) {
    Map<Long, List<Row>> byWeek = new TreeMap<>();
    rows.forEach(r -> byWeek.computeIfAbsent(r.week(), k -> new ArrayList<>()).add(r));
    List<Week> out = new ArrayList<>();
    for (Map.Entry<Long, List<Row>> e : byWeek.entrySet()) {
      List<Row> w = e.getValue();
      double[] ranked = new double[w.size()];
      double[] history = new double[w.size()];
      double[] events = new double[w.size()];
      long[] ties = new long[w.size()];
      double total = 0;
      for (int i = 0; i < ranked.length; i++) {
        Row r = w.get(i);
        ranked[i] = rankScore(r.probability(), r.rate(), weight);
        history[i] = rankScore(r.probability(), r.rate(), 0.0);
        events[i] = r.events();
        ties[i] = r.tieKey();
        total += r.events();
      }
      if (total > 0) {
        out.add(new Week(e.getKey(), total, Metrics.hitRate(ranked, events, ties, share),
            Metrics.hitRate(history, events, ties, share)));
      }
    }
    return out;
  }
}
