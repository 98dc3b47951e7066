package org.borderwatch.models.zone;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.borderwatch.common.forecast.CountBlend;
import org.borderwatch.common.forecast.StaticPrior;
import org.borderwatch.common.metrics.Metrics;
import org.borderwatch.models.zone.ZoneRiskModel.Kind;
import org.borderwatch.models.zone.ZoneRiskModel.Settings;

/**
 * Hyper-parameters by rolling time-series validation: for each candidate, train on every week before a
 * fold's origin and score the fold's weeks (never a random split); the candidate with the best mean
 * fold score wins (zones: PR-AUC of detections; corridors: mean absolute error of the volume). For zones, the
 * weight of the model in its combination with the all-history counts is then chosen on the winner's fold
 * rows by the average precision of detections ({@link CountBlend}; the model alone unless a blend is strictly better).
 */
public final class Trainer {
  private Trainer() {}


  /** Training settings shared by train and backtest. */
  public record Config(List<Integer> depths, List<Integer> iterations, double negativeSample, int calibrationWeeks,
      int folds, int foldWeeks, long seed) {}

  /** The chosen settings and what each candidate scored. */
  /**
   * The chosen settings, each candidate's score, the blends tried, and (zones) each validation week's share of
   * detections in the top 5% of zones by the chosen ranking and by all history alone: how the model's forecasts
   * fared on weeks it had not seen (each fold forecast by a model fitted on the weeks before it).
   */
  public record Choice(Settings settings, Map<String, Double> candidates, String metric, Map<Double, Double> blends,
      List<CountBlend.Week> weeks) {}

  /** Share of zones whose detections count in the validation weeks' figures (the top 5%). */
  public static final double TOP_SHARE = 0.05;

  public static Choice select(Kind kind, Dataset<Row> data, List<String> features, List<String> effort, Config c) {
    return select(kind, data, features, effort, c, null);
  }

  /** As above, counting each fold's fit on {@code counter} (its total grows by the fits this selection runs). */
  public static Choice select(Kind kind, Dataset<Row> data, List<String> features, List<String> effort, Config c,
      org.borderwatch.core.job.Progress.Counter counter) {
    String label = ZoneRiskModel.labelColumn(kind);
    Dataset<Row> labelled = data.where(col(label).isNotNull()).cache();
    long maxWeek = labelled.selectExpr("max(week_index)").first().getLong(0);
    long minWeek = labelled.selectExpr("min(week_index)").first().getLong(0);
    // every candidate on every fold: independent fits, run from a few driver threads (boosting is many small
    // Spark jobs, so concurrent fits overlap their scheduling latency)
    List<Settings> candidates = new ArrayList<>();
    for (int depth : c.depths()) {
      for (int iter : c.iterations()) {
        candidates.add(new Settings(depth, iter, c.negativeSample(), c.seed(), 1.0));
      }
    }
    double[][] foldScore = new double[candidates.size()][c.folds() + 1]; // NaN: fold not run or undefined
    // zones: each candidate's scored validation rows, for the choice of the blend with the counts
    List<List<CountBlend.Row>> blendRows = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      blendRows.add(java.util.Collections.synchronizedList(new ArrayList<>()));
    }
    for (double[] row : foldScore) {
      java.util.Arrays.fill(row, Double.NaN);
    }
    List<Runnable> tasks = new ArrayList<>();
    for (int ci = 0; ci < candidates.size(); ci++) {
      Settings s = candidates.get(ci);
      for (int f = c.folds(); f >= 1; f--) {
        long origin = maxWeek - (long) f * c.foldWeeks() + 1;
        if (origin - minWeek < 4) {
          continue;
        }
        final int candidate = ci;
        final int fold = f;
        tasks.add(() -> {
          Dataset<Row> train = labelled.where(col("week_index").lt(origin));
          Dataset<Row> test = labelled.where(col("week_index").geq(origin)
              .and(col("week_index").lt(origin + c.foldWeeks())));
          ZoneRiskModel m = ZoneRiskModel.fit(kind, train, features, effort, s, 0);
          boolean zone = kind == Kind.ZONE && features.contains(ZoneRiskModel.BLEND_RATE);
          List<Row> rows = (zone ? m.score(test, false).select(col("score"), col(label), col("p_raw"),
              col(ZoneRiskModel.BLEND_RATE), col("week_index"), col("crossing_km"), col("cell"))
              : m.score(test, false).select(col("score"), col(label))).collectAsList();
          if (zone) {
            Map<String, Double> km = new java.util.HashMap<>();
            rows.forEach(r -> km.put(r.getString(6), r.getDouble(5)));
            Map<String, Long> prior = StaticPrior.places(km);
            for (Row r : rows) {
              blendRows.get(candidate).add(new CountBlend.Row(r.getLong(4), r.getDouble(2), r.getDouble(3),
                  ((Number) r.get(1)).doubleValue(), prior.get(r.getString(6))));
            }
          }
          double[] p = new double[rows.size()];
          double[] y = new double[rows.size()];
          boolean[] pos = new boolean[rows.size()];
          long[] ties = new long[rows.size()];
          for (int i = 0; i < p.length; i++) {
            p[i] = rows.get(i).getDouble(0);
            y[i] = ((Number) rows.get(i).get(1)).doubleValue();
            pos[i] = y[i] > 0;
            ties[i] = i;
          }
          double v = kind == Kind.ZONE ? Metrics.prAuc(p, pos, ties) : Metrics.mae(p, y);
          foldScore[candidate][fold] = v; // each task writes its own cell
          if (counter != null) {
            counter.step();
          }
        });
      }
    }
    if (counter != null) {
      counter.addTotal(tasks.size());
    }
    org.borderwatch.core.job.Parallel.run(tasks);
    Map<String, Double> scores = new LinkedHashMap<>();
    Settings best = null;
    double bestScore = Double.NaN;
    for (int ci = 0; ci < candidates.size(); ci++) {
      Settings s = candidates.get(ci);
      double sum = 0;
      int n = 0;
      for (double v : foldScore[ci]) {
        if (!Double.isNaN(v)) {
          sum += v;
          n++;
        }
      }
      double mean = n == 0 ? Double.NaN : sum / n;
      scores.put(String.format(Locale.ROOT, "depth=%d,iterations=%d", s.maxDepth(), s.maxIter()), mean);
      boolean better = best == null || (!Double.isNaN(mean) && (Double.isNaN(bestScore)
          || (kind == Kind.ZONE ? mean > bestScore : mean < bestScore)));
      if (better) {
        best = s;
        bestScore = mean;
      }
    }
    labelled.unpersist();
    Map<Double, Double> blends = Map.of();
    List<CountBlend.Week> weeks = List.of();
    if (kind == Kind.ZONE && features.contains(ZoneRiskModel.BLEND_RATE)) {
      List<CountBlend.Row> rows = blendRows.get(candidates.indexOf(best));
      CountBlend.Choice bc = CountBlend.choose(rows);
      best = best.withBlend(bc.weight());
      blends = bc.scores();
      weeks = CountBlend.weekly(rows, bc.weight(), TOP_SHARE);
    }
    return new Choice(best, scores, kind == Kind.ZONE ? "pr_auc_detected" : "mae_volume", blends, weeks);
  }
}
