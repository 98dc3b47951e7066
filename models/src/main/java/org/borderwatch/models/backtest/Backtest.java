package org.borderwatch.models.backtest;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.common.metrics.Metrics;
import org.borderwatch.core.job.Progress;
import org.borderwatch.models.zone.Trainer;
import org.borderwatch.models.zone.ZoneRiskModel.Kind;
import org.borderwatch.models.zone.ZoneRiskModel;
import org.borderwatch.zones.StudyGrid;
import org.borderwatch.zones.ZoneFeatures;

/**
 * Rolling-origin weekly backtest. The last N weeks with outcomes are forecast in blocks: for each block the
 * models are trained on every week before it (hyper-parameters chosen once, by rolling validation on the
 * weeks before the first origin) and score the block's weeks from their leak-free features. Baselines score
 * the same weeks from the same features: the zone's detections last week, in the last 4 and 12 weeks and in
 * all history; a Gaussian kernel density whose bandwidth and window are chosen on training weeks; and the
 * distance to the nearest known crossing. Every ranking breaks ties by the same static prior (nearer to a
 * known crossing first, then the cell id), never at random. Everything is measured against the detections
 * that followed and, when true outcomes are given, against them.
 */
public final class Backtest {
  /** Backtest settings. */
  public record Config(int weeks, int refitWeeks, int minTrainWeeks, List<Integer> kdeBandwidthsKm,
      Trainer.Config training) {}

  /** One figure. */
  public record Figure(String model, String method, String target, String metric, double value) {}

  /** Everything the backtest measured. */
  public record Report(List<Figure> figures, List<Metrics.Bin> calibration, Map<String, String> facts,
      Trainer.Choice zoneChoice, Trainer.Choice corridorChoice) {
    public double get(String model, String method, String target, String metric) {
      for (Figure f : figures) {
        if (f.model().equals(model) && f.method().equals(method) && f.target().equals(target)
            && f.metric().equals(metric)) {
          return f.value();
        }
      }
      return Double.NaN;
    }
  }

  public static final double[] SHARES = {0.01, 0.05, 0.10};
  public static final String MODEL_STD = "model (standard effort)";
  public static final String MODEL_PLAN = "model (planned effort)";
  public static final String LAST_WEEK = "last week";
  public static final String LAST_4 = "last 4 weeks";
  public static final String LAST_12 = "last 12 weeks";
  public static final String ALL_HISTORY = "all history";
  public static final String KDE = "KDE (chosen on training weeks)";
  public static final String DISTANCE = "distance to a known crossing";
  public static final List<String> ZONE_METHODS = List.of(MODEL_STD, MODEL_PLAN, LAST_WEEK, LAST_4, LAST_12,
      ALL_HISTORY, KDE, DISTANCE);
  public static final List<String> CORRIDOR_METHODS = List.of(MODEL_STD, MODEL_PLAN, LAST_WEEK, LAST_4, LAST_12,
      ALL_HISTORY);
  /** KDE windows tried: the feature holding the window's counts, and its name. */
  static final List<String[]> KDE_WINDOWS = List.of(new String[] {"det_l4", "4 weeks"},
      new String[] {"det_l12", "12 weeks"}, new String[] {"det_rate_all", "all history"});
  /** Training weeks (at most) on which the KDE's bandwidth and window are chosen. */
  static final int KDE_SELECTION_WEEKS = 26;

  private final SparkSession spark;
  private final Config config;
  private final StudyGrid grid;
  private final Progress progress;

  public Backtest(SparkSession spark, Config config, StudyGrid grid, Progress progress) {
    this.spark = spark;
    this.config = config;
    this.grid = grid;
    this.progress = progress;
  }

  /**
   * Runs the backtest on the feature tables. {@code truth}: outcomes beyond the detections (the simulator's
   * true crossings), or null.
   */
  public Report run(Dataset<Row> zoneFeatures, Dataset<Row> corridorFeatures, TrueOutcomes truth) {
    boolean hasTruth = truth != null;
    List<String> zf = ZoneFeatures.zoneFeatureNames();
    List<String> cf = ZoneFeatures.corridorFeatureNames();
    List<String> effort = ZoneFeatures.EFFORT_FEATURES;
    Dataset<Row> zones = zoneFeatures.where(col("has_outcome")).cache();
    Dataset<Row> corridors = corridorFeatures.where(col("has_outcome")).cache();
    Row span = zones.selectExpr("min(week_index)", "max(week_index)").first();
    long first = span.getLong(0);
    long last = span.getLong(1);
    long origin0 = Math.max(first + config.minTrainWeeks(), last - config.weeks() + 1);
    if (origin0 > last) {
      throw new IllegalArgumentException("not enough weeks for a backtest: " + (last - first + 1) + " weeks of "
          + "features, need more than models.min-train-weeks = " + config.minTrainWeeks());
    }
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("weeks of features", String.valueOf(last - first + 1));
    facts.put("first forecast week", org.borderwatch.core.time.IsoWeek.ofIndex(origin0).toString());
    facts.put("last forecast week", org.borderwatch.core.time.IsoWeek.ofIndex(last).toString());
    facts.put("forecast weeks", String.valueOf(last - origin0 + 1));
    facts.put("zones", String.valueOf(grid.zones().size()));
    facts.put("zone resolution", String.valueOf(grid.resolution()));

    Progress.Stage sel = progress.stage("hyper-parameters by rolling validation (before " 
        + org.borderwatch.core.time.IsoWeek.ofIndex(origin0) + ")");
    Trainer.Choice[] choices = new Trainer.Choice[2];
    final long o0 = origin0;
    org.borderwatch.core.job.Parallel.run(List.of(
        () -> choices[0] = Trainer.select(Kind.ZONE, zones.where(col("week_index").lt(o0)), zf, effort,
            config.training()),
        () -> choices[1] = Trainer.select(Kind.CORRIDOR, corridors.where(col("week_index").lt(o0)), cf, effort,
            config.training())));
    Trainer.Choice zc = choices[0];
    Trainer.Choice cc = choices[1];
    sel.done(zc.settings() + " / " + cc.settings());

    Map<Long, Map<String, Double>> trueCells = hasTruth ? truth.cells(grid.resolution()) : Map.of();
    Map<Long, Map<String, Double>> trueCorridors = hasTruth ? truth.crossings() : Map.of();

    Map<String, Long> zonePrior = staticPrior(grid);
    Progress.Stage ks = progress.stage("KDE bandwidth and window on training weeks");
    KdeChoice kc = chooseKde(zones.where(col("week_index").lt(o0).and(col("week_index").geq(o0 - KDE_SELECTION_WEEKS))),
        zonePrior);
    ks.done(kc.describe());
    facts.put("KDE bandwidth and window (chosen by mean PAI@5% of detections on training weeks)", kc.describe());
    Kde kde = kc.kde();

    Accumulator za = new Accumulator();
    Accumulator ca = new Accumulator();
    List<double[]> calib = new ArrayList<>();
    double trainSeconds = 0;
    int fits = 0;
    double inGrid = 0;
    double allTrue = 0;
    for (long o = origin0; o <= last; o += config.refitWeeks()) {
      long end = Math.min(last, o + config.refitWeeks() - 1);
      Progress.Stage st = progress.stage("backtest block " + org.borderwatch.core.time.IsoWeek.ofIndex(o) + ".."
          + org.borderwatch.core.time.IsoWeek.ofIndex(end));
      long t0 = System.nanoTime();
      ZoneRiskModel[] fitted = new ZoneRiskModel[2];
      final long oo = o;
      org.borderwatch.core.job.Parallel.run(List.of(
          () -> fitted[0] = ZoneRiskModel.fit(Kind.ZONE, zones.where(col("week_index").lt(oo)), zf, effort,
              zc.settings(), config.training().calibrationWeeks()),
          () -> fitted[1] = ZoneRiskModel.fit(Kind.CORRIDOR, corridors.where(col("week_index").lt(oo)), cf, effort,
              cc.settings(), 0)));
      ZoneRiskModel zm = fitted[0];
      ZoneRiskModel cm = fitted[1];
      trainSeconds += (System.nanoTime() - t0) / 1e9;
      fits++;
      Dataset<Row> block = zones.where(col("week_index").between(o, end));
      // models rank by their rank score, as the score job does (ZoneRiskModel#score)
      Dataset<Row> std = zm.score(block, true).select(col("cell"), col("week_index"), col("rank_score").as("s_std"));
      List<Row> rows = zm.score(block, false).join(std, new String[] {"cell", "week_index"})
          .select("week_index", "cell", "s_std", "rank_score", "det_l1", "det_l4", "det_l12", "det_rate_all",
              "crossing_km", "y_det", kc.window(), "score").collectAsList();
      Map<Long, List<Row>> byWeek = new HashMap<>();
      for (Row r : rows) {
        byWeek.computeIfAbsent(r.getLong(0), k -> new ArrayList<>()).add(r);
      }
      for (Map.Entry<Long, List<Row>> e : byWeek.entrySet()) {
        List<Row> wk = e.getValue();
        int n = wk.size();
        double[][] s = new double[ZONE_METHODS.size()][n];
        double[] det = new double[n];
        double[] tru = new double[n];
        long[] ties = new long[n];
        Map<String, Double> window = new HashMap<>();
        for (Row r : wk) {
          window.put(r.getString(1), r.getDouble(10));
        }
        Map<String, Double> smoothed = kde.smooth(window);
        Map<String, Double> trueHere = trueCells.getOrDefault(e.getKey(), Map.of());
        for (int i = 0; i < n; i++) {
          Row r = wk.get(i);
          String cell = r.getString(1);
          s[0][i] = r.getDouble(2);
          s[1][i] = r.getDouble(3);
          s[2][i] = r.getDouble(4);
          s[3][i] = r.getDouble(5);
          s[4][i] = r.getDouble(6);
          s[5][i] = r.getDouble(7);
          s[6][i] = smoothed.getOrDefault(cell, 0.0);
          s[7][i] = -r.getDouble(8);
          det[i] = r.getInt(9);
          tru[i] = trueHere.getOrDefault(cell, 0.0);
          ties[i] = zonePrior.getOrDefault(cell, Long.MAX_VALUE);
          calib.add(new double[] {r.getDouble(11), det[i] > 0 ? 1 : 0});
        }
        if (hasTruth) {
          inGrid += java.util.Arrays.stream(tru).sum();
          allTrue += trueHere.values().stream().mapToDouble(Double::doubleValue).sum();
        }
        for (int m = 0; m < ZONE_METHODS.size(); m++) {
          za.week(ZONE_METHODS.get(m), "detected", s[m], det, ties);
          if (hasTruth) {
            za.week(ZONE_METHODS.get(m), "true", s[m], tru, ties);
          }
        }
      }
      // corridors
      Dataset<Row> cblock = corridors.where(col("week_index").between(o, end));
      Dataset<Row> cstd = cm.score(cblock, true).select(col("corridor_id"), col("week_index"),
          col("score").as("s_std"));
      List<Row> crow = cm.score(cblock, false).join(cstd, new String[] {"corridor_id", "week_index"})
          .select("week_index", "corridor_id", "crossing_id", "s_std", "score", "x_persons_l1", "x_persons_l4",
              "x_persons_l12", "x_persons_rate_all", "y_volume").collectAsList();
      Map<Long, List<Row>> cByWeek = new HashMap<>();
      for (Row r : crow) {
        cByWeek.computeIfAbsent(r.getLong(0), k -> new ArrayList<>()).add(r);
      }
      for (Map.Entry<Long, List<Row>> e : cByWeek.entrySet()) {
        List<Row> wk = e.getValue();
        int n = wk.size();
        double[][] s = new double[CORRIDOR_METHODS.size()][n];
        double[] obs = new double[n];
        double[] tru = new double[n];
        long[] ties = corridorPrior(wk);
        Map<String, Double> trueHere = trueCorridors.getOrDefault(e.getKey(), Map.of());
        for (int i = 0; i < n; i++) {
          Row r = wk.get(i);
          s[0][i] = r.getDouble(3);
          s[1][i] = r.getDouble(4);
          s[2][i] = r.getDouble(5);
          s[3][i] = r.getDouble(6) / 4.0;
          s[4][i] = r.getDouble(7) / 12.0;
          s[5][i] = r.getDouble(8);
          obs[i] = r.getInt(9);
          tru[i] = trueHere.getOrDefault(r.getString(2), 0.0);
        }
        for (int m = 0; m < CORRIDOR_METHODS.size(); m++) {
          ca.corridorWeek(CORRIDOR_METHODS.get(m), "detected", s[m], obs, ties);
          if (hasTruth) {
            ca.corridorWeek(CORRIDOR_METHODS.get(m), "true", s[m], tru, ties);
          }
        }
      }
      st.done(rows.size() + crow.size());
    }
    zones.unpersist();
    corridors.unpersist();

    List<Figure> figures = new ArrayList<>();
    figures.addAll(za.figures("zone"));
    figures.addAll(ca.figures("corridor"));
    double[] p = new double[calib.size()];
    boolean[] y = new boolean[calib.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = calib.get(i)[0];
      y[i] = calib.get(i)[1] > 0;
    }
    Metrics.Bin[] bins = Metrics.calibration(p, y, 10);
    figures.add(new Figure("zone", MODEL_PLAN, "detected", "brier", Metrics.brier(p, y)));
    figures.add(new Figure("zone", MODEL_PLAN, "detected", "ece", Metrics.ece(bins)));
    facts.put("model fits", String.valueOf(fits));
    facts.put("mean training time per refit (zone + corridor), s", String.format(Locale.ROOT, "%.1f",
        trainSeconds / Math.max(1, fits)));
    if (hasTruth) {
      facts.put("true crossings in forecast weeks", String.format(Locale.ROOT, "%.0f", allTrue));
      facts.put("share of them inside the zones", String.format(Locale.ROOT, "%.3f", allTrue == 0 ? 0 : inGrid / allTrue));
    }
    return new Report(figures, List.of(bins), facts, zc, cc);
  }

  /**
   * The static prior that breaks ties in every ranking (models and baselines alike): the zone nearer to a
   * known crossing first, then the cell id. Returns each zone's place in that order.
   */
  public static Map<String, Long> staticPrior(StudyGrid grid) {
    Map<String, Double> km = new HashMap<>();
    grid.zones().values().forEach(z -> km.put(z.cell(), z.crossingKm()));
    return org.borderwatch.common.forecast.StaticPrior.places(km);
  }

  /** Corridor ties: the corridor id's alphabetical place (a fixed rule, never random). */
  static long[] corridorPrior(List<Row> week) {
    List<String> ids = new ArrayList<>();
    for (Row r : week) {
      ids.add(r.getString(1));
    }
    List<String> sorted = new ArrayList<>(ids);
    java.util.Collections.sort(sorted);
    long[] out = new long[ids.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = java.util.Collections.binarySearch(sorted, ids.get(i));
    }
    return out;
  }

  /** The KDE baseline's chosen bandwidth and window, with what each candidate scored. */
  public record KdeChoice(Kde kde, int bandwidthKm, String window, String windowName, Map<String, Double> candidates) {
    String describe() {
      StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%d km, %s; candidates:", bandwidthKm,
          windowName));
      candidates.forEach((k, v) -> b.append(String.format(Locale.ROOT, " %s → %.3f;", k, v)));
      b.setLength(b.length() - 1);
      return b.toString();
    }
  }

  /**
   * Chooses the KDE's bandwidth (models.kde-bandwidths-km) and window (4 weeks, 12 weeks, all history) by
   * the mean PAI@5% of detections on the given training weeks; a tie keeps the narrower bandwidth and the
   * shorter window. With no training week that has a detection, the first candidate.
   */
  KdeChoice chooseKde(Dataset<Row> training, Map<String, Long> prior) {
    List<String> cols = new ArrayList<>(List.of("week_index", "cell", "y_det"));
    for (String[] w : KDE_WINDOWS) {
      cols.add(w[0]);
    }
    List<Row> rows = training.select(cols.stream().map(org.apache.spark.sql.functions::col)
        .toArray(org.apache.spark.sql.Column[]::new)).collectAsList();
    Map<Long, List<Row>> byWeek = new java.util.TreeMap<>();
    for (Row r : rows) {
      byWeek.computeIfAbsent(r.getLong(0), k -> new ArrayList<>()).add(r);
    }
    Map<String, Double> scores = new LinkedHashMap<>();
    KdeChoice best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int h : config.kdeBandwidthsKm()) {
      Kde kde = new Kde(grid, h);
      for (int wi = 0; wi < KDE_WINDOWS.size(); wi++) {
        double sum = 0;
        int n = 0;
        for (List<Row> wk : byWeek.values()) {
          Map<String, Double> counts = new HashMap<>();
          for (Row r : wk) {
            counts.put(r.getString(1), r.getDouble(3 + wi));
          }
          Map<String, Double> sm = kde.smooth(counts);
          double[] sc = new double[wk.size()];
          double[] ev = new double[wk.size()];
          long[] ties = new long[wk.size()];
          for (int i = 0; i < sc.length; i++) {
            Row r = wk.get(i);
            sc[i] = sm.getOrDefault(r.getString(1), 0.0);
            ev[i] = r.getInt(2);
            ties[i] = prior.getOrDefault(r.getString(1), Long.MAX_VALUE);
          }
          double v = Metrics.pai(sc, ev, ties, 0.05);
          if (!Double.isNaN(v)) {
            sum += v;
            n++;
          }
        }
        double mean = n == 0 ? Double.NaN : sum / n;
        String[] w = KDE_WINDOWS.get(wi);
        scores.put(h + " km/" + w[1], mean);
        if (best == null || (!Double.isNaN(mean) && mean > bestScore)) {
          best = new KdeChoice(kde, h, w[0], w[1], scores);
          bestScore = Double.isNaN(mean) ? Double.NEGATIVE_INFINITY : mean;
        }
      }
    }
    return best;
  }

  /** Per-week metrics, averaged over weeks; PR-AUC pooled over all forecast zone-weeks. */
  static final class Accumulator {
    private final Map<String, List<Double>> sums = new LinkedHashMap<>();
    private final Map<String, List<double[]>> pooled = new LinkedHashMap<>();

    void week(String method, String target, double[] scores, double[] events, long[] ties) {
      for (double share : SHARES) {
        String pct = String.format(Locale.ROOT, "%d%%", Math.round(share * 100));
        add(method, target, "hit_rate@" + pct, Metrics.hitRate(scores, events, ties, share));
        add(method, target, "pai@" + pct, Metrics.pai(scores, events, ties, share));
      }
      String key = method + "|" + target;
      List<double[]> pool = pooled.computeIfAbsent(key, k -> new ArrayList<>());
      for (int i = 0; i < scores.length; i++) {
        pool.add(new double[] {scores[i], events[i], ties[i]});
      }
    }

    void corridorWeek(String method, String target, double[] scores, double[] actual, long[] ties) {
      add(method, target, "top5_recall", Metrics.topKRecall(scores, actual, ties, 5));
      if (target.equals("detected")) {
        add(method, target, "mae", Metrics.mae(scores, actual));
      }
    }

    private void add(String method, String target, String metric, double v) {
      if (!Double.isNaN(v)) {
        sums.computeIfAbsent(method + "|" + target + "|" + metric, k -> new ArrayList<>()).add(v);
      }
    }

    List<Figure> figures(String model) {
      List<Figure> out = new ArrayList<>();
      for (Map.Entry<String, List<Double>> e : sums.entrySet()) {
        String[] k = e.getKey().split("\\|");
        out.add(new Figure(model, k[0], k[1], k[2], e.getValue().stream().mapToDouble(Double::doubleValue).average()
            .orElse(Double.NaN)));
      }
      for (Map.Entry<String, List<double[]>> e : pooled.entrySet()) {
        String[] k = e.getKey().split("\\|");
        List<double[]> l = e.getValue();
        double[] s = new double[l.size()];
        boolean[] pos = new boolean[l.size()];
        long[] t = new long[l.size()];
        for (int i = 0; i < s.length; i++) {
          s[i] = l.get(i)[0];
          pos[i] = l.get(i)[1] > 0;
          t[i] = (long) l.get(i)[2];
        }
        out.add(new Figure(model, k[0], k[1], "pr_auc", Metrics.prAuc(s, pos, t)));
      }
      return out;
    }
  }
}
