package org.borderwatch.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.core.config.BorderwatchConfig;
import org.borderwatch.core.job.JobContext;
import org.borderwatch.core.job.Progress;
import org.borderwatch.core.testing.SparkTest;
import org.borderwatch.ingest.testing.TinyWorld;
import org.borderwatch.models.backtest.Backtest;
import org.borderwatch.zones.FeaturesJob;
import org.borderwatch.zones.ZoneFeatures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Train, backtest and score on the tiny world (small settings): registry, figures, idempotent re-scoring. */
@SparkTest
class TrainScoreTest {
  static BorderwatchConfig cfg;
  static TrainJob train;
  static Path doc;

  @BeforeAll
  static void trainOnce(SparkSession spark, BorderwatchConfig config) throws Exception {
    TinyWorld.ensure();
    cfg = org.borderwatch.models.testing.TinyGold.trainConfig(config);
    JobContext ctx = JobContext.of(spark, cfg, null, "test", Progress.silent());
    new FeaturesJob().run(ctx);
    doc = Files.createTempFile("models", ".md");
    train = new TrainJob(true, TinyWorld.truth(), doc);
    train.run(ctx);
  }

  @Test
  void registryRecordsBothModelsWithWindowParametersAndImportances(SparkSession spark) {
    List<Row> rows = spark.table("ops.model_registry").orderBy("model").collectAsList();
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

  @Test
  void backtestMeasuresEveryMethodOnBothTargets() throws Exception {
    Backtest.Report r = train.report();
    for (String m : Backtest.ZONE_METHODS) {
      for (String target : List.of("detected", "true")) {
        double pai = r.get("zone", m, target, "pai@5%");
        double hit = r.get("zone", m, target, "hit_rate@10%");
        assertFalse(Double.isNaN(hit), m + " " + target);
        assertTrue(hit >= 0 && hit <= 1, m + " hit rate " + hit);
        assertTrue(pai >= 0 && pai <= 20.0 + 1e-9, m + " PAI@5% is at most 1/0.05: " + pai);
      }
    }
    double ece = r.get("zone", Backtest.MODEL_PLAN, "detected", "ece");
    assertTrue(ece >= 0 && ece <= 1, "ece " + ece);
    for (String m : Backtest.CORRIDOR_METHODS) {
      assertFalse(Double.isNaN(r.get("corridor", m, "detected", "mae")), m);
    }
    String md = Files.readString(doc);
    assertTrue(md.contains("| model (standard effort) |"), md);
    assertTrue(md.contains("PAI at 5% of area"), md);
    assertEquals("4", r.facts().get("forecast weeks"));
  }

  @Test
  void rescoringAWeekGivesIdenticalRowsWithReasons(SparkSession spark) throws Exception {
    JobContext ctx = JobContext.of(spark, cfg, null, "score", Progress.silent());
    ScoreJob s = new ScoreJob();
    s.run(ctx);
    assertEquals("2025-W21", s.scoredWeek().toString(), "the week after the data");
    List<Row> first = spark.table("gold.zone_risk_weekly").orderBy("cell").collectAsList();
    List<Row> firstRoutes = spark.table("gold.route_risk_weekly").orderBy("corridor_id").collectAsList();
    new ScoreJob().run(ctx);
    assertEquals(first, spark.table("gold.zone_risk_weekly").orderBy("cell").collectAsList());
    assertEquals(firstRoutes, spark.table("gold.route_risk_weekly").orderBy("corridor_id").collectAsList());

    long zones = spark.table("silver.zone_features").where("week = '2025-W21'").count();
    assertEquals(zones, first.size());
    Row top = spark.table("gold.zone_risk_weekly").where("rank = 1").first();
    assertEquals("very high", top.getAs("risk_band"));
    List<Row> reasons = top.getList(top.fieldIndex("reasons"));
    assertFalse(reasons.isEmpty(), "the top zone says why");
    assertTrue(reasons.size() <= 3);
    for (Row reason : reasons) {
      assertTrue(ZoneFeatures.zoneFeatureNames().contains(reason.getString(0)), reason.toString());
      assertFalse(ZoneFeatures.EFFORT_FEATURES.contains(reason.getString(0)), "effort is held at the standard");
      assertTrue(reason.getDouble(3) > 0, "a reason raised the score");
    }
    // ranks are a permutation
    assertEquals(zones, spark.table("gold.zone_risk_weekly").selectExpr("count(distinct rank)").first().getLong(0));
    double p = spark.table("gold.zone_risk_weekly").selectExpr("max(probability)").first().getDouble(0);
    assertTrue(p >= 0 && p <= 1);
  }
}
