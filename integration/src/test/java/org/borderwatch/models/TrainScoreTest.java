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
   * The backtest on the tiny world, pinned: every method against the true crossings (PAI at 5% of the area) and
   * the calibration of the model. docs/models.md says the model beats every baseline on the small world; on the
   * tiny world it does not: 12 weeks of detections smoothed by KDE put 70% of the true crossings in the top 5% of
   * zones, the model 39%, and in its four forecast weeks no zone had a detection at all. This test fails when
   * any of these figures moves; it is to become "the model beats the best baseline by a margin" once the models
   * earn it (the honest-world issue).
   */
  @Test
  void backtestFiguresOfTheTinyWorld() throws Exception {
    Backtest.Report r = train.report();
    Map<String, Double> paiTrue = new java.util.LinkedHashMap<>();
    for (String m : Backtest.ZONE_METHODS) {
      paiTrue.put(m, r.get("zone", m, "true", "pai@5%"));
      assertEquals(0.0, r.get("zone", m, "detected", "pai@5%"), 1e-12, m + ": no detection in the forecast weeks");
    }
    Map<String, Double> expected = new java.util.LinkedHashMap<>();
    expected.put(Backtest.MODEL_STD, 7.498);
    expected.put(Backtest.MODEL_PLAN, 7.498);
    expected.put("last week", 0.0);
    expected.put("last 4 weeks", 3.936);
    expected.put("KDE 4 weeks", 3.936);
    expected.put("KDE 12 weeks", 13.334);
    for (var e : expected.entrySet()) {
      assertEquals(e.getValue(), paiTrue.get(e.getKey()), 0.01, e.getKey() + " in " + paiTrue);
    }
    assertEquals("KDE 12 weeks", paiTrue.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey(),
        "the best ranking of zones on the tiny world");
    assertEquals(0.0041, r.get("zone", Backtest.MODEL_PLAN, "detected", "ece"), 0.0005);
    assertEquals("4", r.facts().get("forecast weeks"));
    for (String m : Backtest.CORRIDOR_METHODS) {
      assertFalse(Double.isNaN(r.get("corridor", m, "detected", "mae")), m);
    }
    String md = Files.readString(doc);
    assertTrue(md.contains("| model (standard effort) |"), md);
    assertTrue(md.contains("PAI at 5% of area: model (standard effort) 7.50, best baseline 13.33, ratio **0.56**."),
        md);
  }

  @Test
  void rescoringAWeekGivesIdenticalRowsWithReasons(SparkSession spark) throws Exception {
    assertEquals("2025-W21", rescored.scoredWeek().toString(), "the week after the data");
    assertEquals(pipelineZones, rescoredZones);
    assertEquals(pipelineRoutes, rescoredRoutes);
    long zones = spark.table("silver.zone_features").where("week = '2025-W21'").count();
    assertEquals(zones, pipelineZones.size());
    Row top = spark.table("gold.zone_risk_weekly").where("rank = 1").first();
    // the tiny world's riskiest zone next week: beside the Nakhon Phanom crossing of the Mekong, 1.6 km away
    assertEquals("86416808fffffff", top.getAs("cell"));
    assertEquals("mekong-nakhon-phanom", top.getAs("crossing_id"));
    assertEquals(0.002907, top.<Double>getAs("probability"), 1e-5);
    List<Row> reasons = top.getList(top.fieldIndex("reasons"));
    assertEquals(List.of("crossing_km"), reasons.stream().map(x -> x.getString(0)).toList(), "the top zone says why");
    assertEquals(1.586, reasons.get(0).getDouble(1), 0.001, "its distance to the crossing");
    for (Row reason : reasons) {
      assertFalse(ZoneFeatures.EFFORT_FEATURES.contains(reason.getString(0)), "effort is held at the standard");
      assertTrue(reason.getDouble(3) > 0, "a reason raised the score");
    }
  }
}
