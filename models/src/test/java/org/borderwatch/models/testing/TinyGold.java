package org.borderwatch.models.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.core.catalog.Lakehouse;
import org.borderwatch.core.catalog.Tables;
import org.borderwatch.core.config.BorderwatchConfig;
import org.borderwatch.core.job.JobContext;
import org.borderwatch.core.job.Progress;
import org.borderwatch.core.testing.LakehouseSnapshot;
import org.borderwatch.core.testing.SharedSpark;
import org.borderwatch.ingest.testing.TinyWorld;
import org.borderwatch.models.ScoreJob;
import org.borderwatch.models.TrainJob;
import org.borderwatch.networks.NetworksJob;
import org.borderwatch.resolve.testing.TinyResolved;
import org.borderwatch.victims.VictimsJob;
import org.borderwatch.zones.FeaturesJob;

/**
 * The tiny world through every stage of the models module (victims, networks, features, train, score), as
 * the demo world for the reports module's tests (report, notebooks). Saved by the models module's tests once
 * both TrainScoreTest and NetworksJobTest have run in their JVM; built here when no snapshot is there.
 */
public final class TinyGold {
  public static final String NAME = "tiny-world-gold";
  public static final List<String> MODULES = List.of("core", "simulator", "ingestion", "features", "models");
  private static boolean ready;

  private TinyGold() {}

  /** The settings the models module's tests train with (small trees, one ring of zones). */
  public static BorderwatchConfig trainConfig(BorderwatchConfig config) {
    return config.with(Map.of("models.gbt-depths", List.of(2, 3), "models.gbt-iterations", List.of(4),
        "models.min-train-weeks", 8, "models.backtest-weeks", 4, "models.refit-weeks", 4,
        "models.calibration-weeks", 3, "zones.ring", 1, "models.validation-folds", 1));
  }

  public static synchronized Path ensure() throws Exception {
    if (!ready) {
      Path world = LakehouseSnapshot.ensure(NAME, MODULES, () -> {
        TinyResolved.ensure();
        SparkSession spark = SharedSpark.session();
        BorderwatchConfig config = SharedSpark.config();
        new VictimsJob().run(JobContext.of(spark, config, null, "test", Progress.silent()));
        new NetworksJob().run(JobContext.of(spark, config.with(Map.of("networks.pagerank-iterations", 8)), null,
            "test", Progress.silent()));
        JobContext ctx = JobContext.of(spark, trainConfig(config), null, "test", Progress.silent());
        new FeaturesJob().run(ctx);
        new TrainJob(false, null, null).run(ctx);
        new ScoreJob().run(ctx);
        return TinyWorld.ensure();
      });
      TinyWorld.adopt(world);
      ready = true;
    }
    return TinyWorld.ensure();
  }

  /** Saves the shared lakehouse as the snapshot when every stage's tables are there. */
  public static synchronized void saveIfComplete() throws Exception {
    SparkSession spark = SharedSpark.session();
    if (Lakehouse.exists(spark, Tables.GOLD_ZONE_RISK) && Lakehouse.exists(spark, Tables.GOLD_ROUTE_RISK)
        && Lakehouse.exists(spark, Tables.GOLD_NETWORKS) && Lakehouse.exists(spark, Tables.GOLD_VICTIM_ALERTS)
        && Lakehouse.exists(spark, Tables.MODEL_REGISTRY)) {
      LakehouseSnapshot.save(NAME, MODULES, TinyWorld.ensure());
    }
  }
}
