package org.borderwatch.report.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.common.deploy.DeploymentOptimizer;
import org.borderwatch.core.catalog.Lakehouse;
import org.borderwatch.core.config.BorderwatchConfig;
import org.borderwatch.core.job.JobContext;
import org.borderwatch.core.job.Progress;
import org.borderwatch.models.ScoreJob;
import org.borderwatch.testing.FreshLakehouse;
import org.junit.jupiter.api.Test;

/** Deployment recommendations from a small scored week: feasible, optimal, idempotent. */
@FreshLakehouse
class DeploymentJobTest {
  @Test
  void allocatesTheBundledUnitsToScoredZones(SparkSession spark, BorderwatchConfig config) throws Exception {
    List<DeploymentOptimizer.Base> bases = DeploymentJob.units(config);
    assertEquals(List.of(15, 34), List.of(bases.size(), bases.stream().mapToInt(DeploymentOptimizer.Base::units).sum()),
        "the bundled roster: bases and units");
    // four zones near Mae Sot, two near Sadao, one far from every base
    Object[][] zones = {{"z1", 16.72, 98.55, 2.0}, {"z2", 16.80, 98.50, 1.5}, {"z3", 16.60, 98.65, 0.2},
        {"z4", 16.02, 98.86, 0.9}, {"z5", 6.65, 100.40, 1.2}, {"z6", 6.70, 100.30, 0.1}, {"z7", 3.0, 95.0, 5.0}};
    List<Row> rows = new ArrayList<>();
    int rank = 1;
    for (Object[] z : zones) {
      rows.add(RowFactory.create(z[0], "2026-W10", "x", z[1], z[2], 0.1, z[3], 0.1, rank++, "low", null, "v",
          null));
    }
    spark.sql("DROP TABLE IF EXISTS gold.zone_risk_weekly");
    Lakehouse.overwrite(spark, ScoreJob.ZONE_SPEC, spark.createDataFrame(rows, ScoreJob.ZONE_SPEC.schema()));
    JobContext ctx = JobContext.of(spark, config, null, "deploy", Progress.silent());
    DeploymentJob job = new DeploymentJob();
    job.run(ctx);
    List<Row> first = spark.table("gold.deployment_recommendations").orderBy("base_id", "cell").collectAsList();
    new DeploymentJob().run(ctx);
    assertEquals(first, spark.table("gold.deployment_recommendations").orderBy("base_id", "cell").collectAsList());

    Map<String, Integer> perBase = new HashMap<>();
    for (Row r : first) {
      perBase.merge(r.getString(r.fieldIndex("base_id")), r.getInt(r.fieldIndex("units")), Integer::sum);
      assertTrue(!r.getString(r.fieldIndex("cell")).equals("z7"), "no base reaches z7");
    }
    for (DeploymentOptimizer.Base b : bases) {
      assertTrue(perBase.getOrDefault(b.id(), 0) <= b.units(), b.id());
    }
    // Mae Sot's 4 units on its two riskiest zones, Sadao's 3 on its riskiest: 2(1-0.7^2) + 1.5(1-0.7^2) + 1.2(1-0.7^3)
    assertEquals(List.of("mae-sot>z1:2", "mae-sot>z2:2", "sadao>z5:3"), first.stream().map(r -> r.getString(
        r.fieldIndex("base_id")) + ">" + r.getString(r.fieldIndex("cell")) + ":" + r.getInt(r.fieldIndex("units")))
        .toList());
    assertEquals(2 * (1 - 0.49) + 1.5 * (1 - 0.49) + 1.2 * (1 - 0.343), job.plan().expectedInterdictions(), 1e-9);
    // the written plan is the optimiser's, and beats stacking every unit on the riskiest zone in reach
    double written = spark.sql("select sum(e) from (select cell, max(expected_interdictions) e from "
        + "gold.deployment_recommendations group by cell)").first().getDouble(0);
    assertEquals(job.plan().expectedInterdictions(), written, 1e-9);
    List<DeploymentOptimizer.Zone> zs = new ArrayList<>();
    for (Object[] z : zones) {
      zs.add(new DeploymentOptimizer.Zone((String) z[0], (double) z[1], (double) z[2], (double) z[3]));
    }
    assertTrue(job.plan().expectedInterdictions() >= DeploymentJob.naive(bases, zs, 0.3) - 1e-12);
  }
}
