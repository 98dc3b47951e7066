package org.borderwatch.models;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.core.catalog.Lakehouse;
import org.borderwatch.core.catalog.TableSpec;
import org.borderwatch.core.catalog.Tables;
import org.borderwatch.core.config.BorderwatchConfig;
import org.borderwatch.core.config.ConfigKeys;
import org.borderwatch.core.config.LakehousePaths;
import org.borderwatch.core.error.Errors;
import org.borderwatch.core.job.Job;
import org.borderwatch.core.job.JobContext;
import org.borderwatch.core.job.JobOutcome;
import org.borderwatch.core.job.Progress;
import org.borderwatch.core.time.IsoWeek;
import org.borderwatch.models.backtest.Backtest;
import org.borderwatch.models.backtest.ModelsDoc;
import org.borderwatch.models.backtest.TrueOutcomes;
import org.borderwatch.models.zone.Trainer;
import org.borderwatch.models.zone.ZoneRiskModel.Kind;
import org.borderwatch.models.zone.ZoneRiskModel;
import org.borderwatch.zones.StudyGrid;
import org.borderwatch.zones.ZoneFeatures;

/**
 * train: the zone-risk and corridor-volume models on every week with outcomes (hyper-parameters by rolling
 * validation), saved and recorded in ops.model_registry; optionally the rolling-origin backtest into
 * ops.backtest_results and docs/models.md.
 */
public final class TrainJob implements Job {
  public static final String ZONE_MODEL = "zone_risk";
  public static final String CORRIDOR_MODEL = "corridor_volume";

  public static final TableSpec BACKTEST_SPEC = TableSpec.of(Tables.BACKTEST_RESULTS)
      .col("run_id", StringType, false, "Backtest run")
      .col("run_at", TimestampType, "When it ran")
      .col("model", StringType, false, "zone or corridor")
      .col("method", StringType, false, "The model (at standard or planned patrol effort) or a baseline")
      .col("target", StringType, false, "detected (detections that followed) or true (simulator's crossings)")
      .col("metric", StringType, false, "hit_rate@k%, pai@k%, pr_auc, brier, ece, top5_recall, mae")
      .col("value", DoubleType, "Mean over the forecast weeks (pr_auc, brier, ece: pooled)")
      .key("run_id", "model", "method", "target", "metric")
      .build();

  private final boolean backtest;
  private final TrueOutcomes truth;
  private final Path doc;
  private Backtest.Report report;
  private final Map<String, Double> timings = new LinkedHashMap<>();

  /** {@code truth}: outcomes beyond the detections to score the backtest against (simulated worlds), or null. */
  public TrainJob(boolean backtest, TrueOutcomes truth, Path doc) {
    this.backtest = backtest;
    this.truth = truth;
    this.doc = doc;
  }

  @Override
  public String name() {
    return "train";
  }

  public Backtest.Report report() {
    return report;
  }

  public Map<String, Double> timings() {
    return timings;
  }

  public static Trainer.Config trainerConfig(BorderwatchConfig c) {
    return new Trainer.Config(c.get(ConfigKeys.MODEL_GBT_DEPTHS), c.get(ConfigKeys.MODEL_GBT_ITERATIONS),
        c.get(ConfigKeys.MODEL_NEGATIVE_SAMPLE), c.get(ConfigKeys.MODEL_CALIBRATION_WEEKS),
        c.get(ConfigKeys.MODEL_VALIDATION_FOLDS),
        c.get(ConfigKeys.MODEL_REFIT_WEEKS), 7L);
  }

  @Override
  public JobOutcome run(JobContext ctx) throws Exception {
    SparkSession spark = ctx.spark();
    if (!Lakehouse.exists(spark, Tables.SILVER_ZONE_FEATURES) || !Lakehouse.exists(spark, Tables.SILVER_CORRIDOR_FEATURES)) {
      throw Errors.missingInput("silver.zone_features", "run 'borderwatch features' first");
    }
    BorderwatchConfig cfg = ctx.config();
    Trainer.Config tc = trainerConfig(cfg);
    Dataset<Row> zones = spark.table(Tables.SILVER_ZONE_FEATURES.fullName()).where(col("has_outcome")).cache();
    Dataset<Row> corridors = spark.table(Tables.SILVER_CORRIDOR_FEATURES.fullName()).where(col("has_outcome")).cache();
    Row span = zones.selectExpr("min(week_index)", "max(week_index)", "count(*)").first();
    if (span.isNullAt(0) || span.getLong(1) - span.getLong(0) + 1 < cfg.get(ConfigKeys.MODEL_MIN_TRAIN_WEEKS)) {
      throw Errors.missingInput("at least models.min-train-weeks = " + cfg.get(ConfigKeys.MODEL_MIN_TRAIN_WEEKS)
          + " weeks of features with outcomes", "ingest more weeks, then run 'borderwatch features'");
    }
    String from = IsoWeek.ofIndex(span.getLong(0)).toString();
    String to = IsoWeek.ofIndex(span.getLong(1)).toString();
    String version = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
    Timestamp at = Timestamp.from(Instant.now());
    LakehousePaths paths = ctx.paths();
    long written = 0;
    // the two models are independent: fit them from two driver threads, then record them in turn
    Map<Kind, Object[]> fitted = new java.util.concurrent.ConcurrentHashMap<>();
    Progress.Stage st = ctx.progress().stage("train zone_risk and corridor_volume on " + from + ".." + to);
    // progress: every fold's fit of both selections, and the two final fits
    Progress.Counter fitsDone = st.counter(Kind.values().length, "model fits");
    List<Runnable> fits = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      fits.add(() -> {
        Dataset<Row> data = kind == Kind.ZONE ? zones : corridors;
        List<String> features = kind == Kind.ZONE ? ZoneFeatures.zoneFeatureNames()
            : ZoneFeatures.corridorFeatureNames();
        long t0 = System.nanoTime();
        Trainer.Choice choice = Trainer.select(kind, data, features, ZoneFeatures.EFFORT_FEATURES, tc, fitsDone);
        ZoneRiskModel m = ZoneRiskModel.fit(kind, data, features, ZoneFeatures.EFFORT_FEATURES, choice.settings(),
            kind == Kind.ZONE ? tc.calibrationWeeks() : 0);
        fitsDone.step();
        fitted.put(kind, new Object[] {choice, m, (System.nanoTime() - t0) / 1e9, features});
      });
    }
    long tAll = System.nanoTime();
    org.borderwatch.core.job.Parallel.run(fits);
    timings.put("training of both models (rolling selection + final fits), s", (System.nanoTime() - tAll) / 1e9);
    StringBuilder done = new StringBuilder();
    for (Kind kind : Kind.values()) {
      String name = kind == Kind.ZONE ? ZONE_MODEL : CORRIDOR_MODEL;
      Trainer.Choice choice = (Trainer.Choice) fitted.get(kind)[0];
      ZoneRiskModel m = (ZoneRiskModel) fitted.get(kind)[1];
      double secs = (double) fitted.get(kind)[2];
      @SuppressWarnings("unchecked")
      List<String> features = (List<String>) fitted.get(kind)[3];
      String path = paths.models() + "/" + name + "/" + version;
      m.save(path);
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("max_depth", choice.settings().maxDepth());
      params.put("max_iter", choice.settings().maxIter());
      params.put("step_size", 0.1);
      params.put("negative_sample", kind == Kind.ZONE ? choice.settings().negativeSample() : 1.0);
      params.put("calibration_weeks", kind == Kind.ZONE ? tc.calibrationWeeks() : 0);
      if (kind == Kind.ZONE) {
        params.put("blend_with_all_history", choice.settings().blend());
      }
      params.put("standard_effort", m.standardEffort());
      params.put("features", features);
      Map<String, Object> metrics = new LinkedHashMap<>();
      metrics.put("selection_metric", choice.metric());
      metrics.put("candidates", choice.candidates());
      if (!choice.blends().isEmpty()) {
        Map<String, Double> blends = new LinkedHashMap<>();
        choice.blends().forEach((w, v) -> blends.put(String.valueOf(w), v));
        metrics.put("blend_candidates_pr_auc", blends);
      }
      if (!choice.weeks().isEmpty()) {
        List<Map<String, Object>> weeks = new ArrayList<>();
        for (org.borderwatch.common.forecast.CountBlend.Week w : choice.weeks()) {
          Map<String, Object> x = new LinkedHashMap<>();
          x.put("week", IsoWeek.ofIndex(w.week()).toString());
          x.put("detections", w.events());
          x.put("hit_rate", w.ranking());
          x.put("hit_rate_all_history", w.allHistory());
          weeks.add(x);
        }
        metrics.put("validation_weeks", weeks);
      }
      metrics.put("training_seconds", secs);
      ModelRegistry.record(spark, name, version, at, from, to, params, metrics, m.importances(), path);
      written++;
      done.append(done.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%s depth %d, %d rounds",
          name, choice.settings().maxDepth(), choice.settings().maxIter()));
      if (kind == Kind.ZONE) {
        done.append(String.format(Locale.ROOT, ", model weight %.2f beside the all-history counts",
            choice.settings().blend()));
      }
    }
    st.done(done.toString());
    if (backtest) {
      StudyGrid grid = new StudyGrid(cfg.get(ConfigKeys.ZONE_RESOLUTION), cfg.get(ConfigKeys.ZONE_RING));
      Backtest.Config bc = new Backtest.Config(cfg.get(ConfigKeys.MODEL_BACKTEST_WEEKS),
          cfg.get(ConfigKeys.MODEL_REFIT_WEEKS), cfg.get(ConfigKeys.MODEL_MIN_TRAIN_WEEKS),
          cfg.get(ConfigKeys.MODEL_KDE_BANDWIDTHS_KM), tc);
      long t0 = System.nanoTime();
      report = new Backtest(spark, bc, grid, ctx.progress()).run(zones, corridors, truth);
      timings.put("backtest, s", (System.nanoTime() - t0) / 1e9);
      String runId = version;
      List<Row> rows = new ArrayList<>();
      for (Backtest.Figure f : report.figures()) {
        rows.add(RowFactory.create(runId, at, f.model(), f.method(), f.target(), f.metric(),
            Double.isNaN(f.value()) ? null : f.value()));
      }
      Lakehouse.append(spark, BACKTEST_SPEC, spark.createDataFrame(rows, BACKTEST_SPEC.schema()));
      written += rows.size();
      if (doc != null) {
        ModelsDoc.write(doc, report, cfg, truth != null, timings);
      }
    }
    zones.unpersist();
    corridors.unpersist();
    return new JobOutcome(span.getLong(2), written, "models " + version + " trained on " + from + ".." + to
        + (report == null ? "" : String.format(Locale.ROOT, "; backtest: zone PAI@5%% on true crossings %.2f "
            + "(best baseline %.2f)", report.get("zone", Backtest.MODEL_STD, "true", "pai@5%"),
            ModelsDoc.bestBaseline(report, "zone", "true", "pai@5%"))));
  }
}
