package org.borderwatch.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.core.config.BorderwatchConfig;
import org.borderwatch.core.job.JobContext;
import org.borderwatch.core.job.Progress;
import org.borderwatch.evaluation.SimulatedTruth;
import org.borderwatch.models.backtest.Backtest;
import org.borderwatch.testing.ChainOrder;
import org.borderwatch.testing.SparkTest;
import org.borderwatch.testing.TinyChain;
import org.borderwatch.zones.ZoneFeatures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Train with the backtest (scored against the true crossings held outside the lakehouse) and score, on the tiny
 * world after the pipeline: registry, the model against its baselines, identical re-scoring.
 */
@SparkTest
@Order(ChainOrder.MODELS)
class TrainScoreTest {
  static BorderwatchConfig cfg;
  static List<Row> pipelineZones;
  static List<Row> pipelineRoutes;
  static List<Row> rescoredZones;
  static List<Row> rescoredRoutes;
  static ScoreJob rescored;
  static TrainJob train;
  static Path doc;

  @BeforeAll
  static void trainWithTheBacktest(SparkSession spark) throws Exception {
    TinyChain.ensure();
    cfg = TinyChain.config();
    // the idempotent re-run of score, with the pipeline's model
    pipelineZones = spark.table("gold.zone_risk_weekly").orderBy("cell").collectAsList();
    pipelineRoutes = spark.table("gold.route_risk_weekly").orderBy("corridor_id").collectAsList();
    rescored = new ScoreJob();
    rescored.run(JobContext.of(spark, cfg, null, "score", Progress.silent()));
    rescoredZones = spark.table("gold.zone_risk_weekly").orderBy("cell").collectAsList();
    rescoredRoutes = spark.table("gold.route_risk_weekly").orderBy("corridor_id").collectAsList();
    JobContext ctx = JobContext.of(spark, cfg, null, "test", Progress.silent());
    doc = Files.createTempFile("models", ".md");
    train = new TrainJob(true, new SimulatedTruth(spark, TinyChain.truth()), doc);
    train.run(ctx);
  }

  @Test
  void registryRecordsBothModelsWithWindowParametersAndImportances(SparkSession spark) {
    // the pipeline's training and this one's: one row per model each, every one on the same window
    assertEquals(4L, spark.table("ops.model_registry").count());
    List<Row> rows = spark.sql("select * from ops.model_registry where version = (select max(version) from "
        + "ops.model_registry) order by model").collectAsList();
    assertEquals(2, rows.size());
    assertEquals("corridor_volume", rows.get(0).getAs("model"));
    assertEquals("zone_risk", rows.get(1).getAs("model"));
    for (Row r : rows) {
      assertEquals("2025-W01", r.getAs("train_from"));
      assertEquals("2025-W20", r.getAs("train_to"), "trained on every week with outcomes");
      assertTrue(((String) r.getAs("params")).contains("\"max_depth\""));
      assertTrue(((String) r.getAs("metrics")).contains("depth=2,iterations=4"), (String) r.getAs("metrics"));
      for (String f : List.of("x_det_l4", "units_w")) {
        assertTrue(((String) r.getAs("importances")).contains("\"" + f + "\""), f);
      }
    }
  }

  /**
   * The backtest on the tiny world, pinned: every method against the true crossings (PAI at 5% of the area), the
   * choices made on training weeks, and the conclusion the page computes. On the tiny world (four forecast weeks,
   * few detections) the model does not beat the best fair baseline: validation gives the model weight 0.25 beside
   * the all-history counts, and the ranking is level with the all-history counts on true crossings and half as good
   * as the last 4 weeks' counts on detections. This test fails when any of these figures moves; it is to become
   * "the model beats the best baseline by a margin" once the models earn it (the honest-world issue).
   */
  @Test
  void backtestFiguresOfTheTinyWorld() throws Exception {
    Backtest.Report r = train.report();
    Map<String, Double> paiTrue = new java.util.LinkedHashMap<>();
    Map<String, Double> paiDetected = new java.util.LinkedHashMap<>();
    for (String m : Backtest.ZONE_METHODS) {
      paiTrue.put(m, Math.round(r.get("zone", m, "true", "pai@5%") * 1000) / 1000.0);
      paiDetected.put(m, Math.round(r.get("zone", m, "detected", "pai@5%") * 1000) / 1000.0);
    }
    assertEquals("{model (standard effort)=9.5, model (planned effort)=9.5, last week=9.5, last 4 weeks=19.0, "
        + "last 12 weeks=19.0, all history=9.5, KDE (chosen on training weeks)=9.5, distance to a known crossing=9.5}",
        paiDetected.toString(), "PAI@5% of detections by method");
    Map<String, Double> expected = new java.util.LinkedHashMap<>();
    expected.put(Backtest.MODEL_STD, 16.738);
    expected.put(Backtest.MODEL_PLAN, 16.738);
    expected.put(Backtest.LAST_WEEK, 4.886);
    expected.put(Backtest.LAST_4, 11.31);
    expected.put(Backtest.LAST_12, 16.06);
    expected.put(Backtest.ALL_HISTORY, 16.738);
    expected.put(Backtest.KDE, 16.06);
    expected.put(Backtest.DISTANCE, 4.886);
    String md = Files.readString(doc);
    assertEquals(expected, paiTrue, md);
    assertEquals(0.0956, r.get("zone", Backtest.MODEL_PLAN, "detected", "ece"), 0.0005);
    assertEquals("4", r.facts().get("forecast weeks"));
    for (String m : Backtest.CORRIDOR_METHODS) {
      assertFalse(Double.isNaN(r.get("corridor", m, "detected", "mae")), m);
    }
    assertTrue(md.contains("| model (standard effort) |"), md);
    assertEquals(List.of("PAI at 5% of area: model (standard effort) 16.74, best baseline (all history) 16.74, ratio "
        + "**1.00**: the model is level with the best baseline, not better.", "PAI at 5% of area: model (standard "
        + "effort) 9.50, best baseline (last 4 weeks) 19.00, ratio **0.50**: the model does not beat the best "
        + "baseline."), org.borderwatch.testing.Pages.lines(md, "PAI at 5% of area:"));
    assertEquals("| KDE bandwidth and window (chosen by mean PAI@5% of detections on training weeks) | 10 km, 12 "
        + "weeks; candidates: 5 km/4 weeks → 3.023; 5 km/12 weeks → 3.886; 5 km/all history → 3.886; 10 km/4 weeks "
        + "→ 3.023; 10 km/12 weeks → 5.614; 10 km/all history → 5.614; 20 km/4 weeks → 2.159; 20 km/12 weeks → "
        + "3.886; 20 km/all history → 3.023; 40 km/4 weeks → 2.159; 40 km/12 weeks → 1.871; 40 km/all history → "
        + "1.871 |", org.borderwatch.testing.Pages.line(md, "| KDE bandwidth and window"));
    assertEquals("| zone ranking: weight of the model beside the all-history counts (chosen) | 0.25; candidates "
        + "(fold PR-AUC of detections): 1.00 → 0.058; 0.75 → 0.084; 0.50 → 0.098; 0.25 → 0.107; 0.00 → 0.093 |",
        org.borderwatch.testing.Pages.line(md, "| zone ranking: weight of the model"));
  }

  @Test
  void rescoringAWeekGivesIdenticalRowsWithReasons(SparkSession spark) throws Exception {
    assertEquals("2025-W21", rescored.scoredWeek().toString(), "the week after the data");
    assertEquals(pipelineZones, rescoredZones);
    assertEquals(pipelineRoutes, rescoredRoutes);
    long zones = spark.table("silver.zone_features").where("week = '2025-W21'").count();
    assertEquals(zones, pipelineZones.size());
    Row top = spark.table("gold.zone_risk_weekly").where("rank = 1").first();
    List<Row> reasons = top.getList(top.fieldIndex("reasons"));
    // the tiny world's riskiest zone next week, with what the model says of it: beside the Ranong sea crossing,
    // first because of its detections over all earlier weeks (a fifth of a detection a week), then the persons
    // interdicted near it in the last 12 weeks and the Myanmar crossings at its checkpoint in the last 4
    assertEquals("86643395fffffff ranong 0.122098 [det_rate_all=0.200, int_persons_l12=13.000, chk_mmr_l4=69.000]", String.format(java.util.Locale.ROOT, "%s %s %.6f %s", top.getAs("cell"), top.getAs("crossing_id"),
        top.<Double>getAs("probability"), reasons.stream().map(x -> x.getString(0) + "=" + String.format(
            java.util.Locale.ROOT, "%.3f", x.getDouble(1))).toList()));
    for (Row reason : reasons) {
      assertFalse(ZoneFeatures.EFFORT_FEATURES.contains(reason.getString(0)), "effort is held at the standard");
      assertTrue(reason.getDouble(3) > 0, "a reason raised the score");
    }
  }
}
