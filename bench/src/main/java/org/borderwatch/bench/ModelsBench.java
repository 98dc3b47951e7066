package org.borderwatch.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Path;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.GBTClassifier;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.core.catalog.Lakehouse;
import org.borderwatch.core.catalog.Tables;
import org.borderwatch.core.job.JobContext;
import org.borderwatch.ingest.IngestJob;
import org.borderwatch.models.ScoreJob;
import org.borderwatch.models.TrainJob;
import org.borderwatch.zones.FeaturesJob;
import org.borderwatch.zones.ZoneFeatures;

/**
 * Forecasting stages on a world: features, train (rolling selection of hyper-parameters, calibrated zone
 * model and corridor model) and score, each timed; and, in the same run, the plain-Spark way to get a
 * zone model: one MLlib GBT classifier with default settings on the same zone-week features.
 */
public final class ModelsBench {
  private ModelsBench() {}

  public static BenchResult run(JobContext ctx, Path world, String scale) throws Exception {
    SparkSession spark = ctx.spark();
    if (!Lakehouse.exists(spark, Tables.SILVER_PATROLS)) {
      ctx.progress().info("silver has no border data: ingesting the " + scale + " world's border and social feeds "
          + "(not timed)");
      new IngestJob(world.resolve("landing").toString(), "border").run(ctx);
      new IngestJob(world.resolve("landing").toString(), "social").run(ctx);
    }
    long t0 = System.nanoTime();
    new FeaturesJob().run(ctx);
    double featureSeconds = (System.nanoTime() - t0) / 1e9;
    t0 = System.nanoTime();
    TrainJob train = new TrainJob(false, null, null);
    train.run(ctx);
    double trainSeconds = (System.nanoTime() - t0) / 1e9;
    t0 = System.nanoTime();
    ScoreJob score = new ScoreJob();
    score.run(ctx);
    double scoreSeconds = (System.nanoTime() - t0) / 1e9;

    Dataset<Row> zones = spark.table(Tables.SILVER_ZONE_FEATURES.fullName()).where(col("has_outcome"));
    long zoneWeeks = zones.count();
    long corridorWeeks = spark.table(Tables.SILVER_CORRIDOR_FEATURES.fullName()).where(col("has_outcome")).count();
    String[] features = ZoneFeatures.zoneFeatureNames().toArray(new String[0]);
    Dataset<Row> plainIn = zones.na().fill(0.0, features).withColumn("label", when(col("y_det").gt(0), 1.0)
        .otherwise(0.0));
    t0 = System.nanoTime();
    new Pipeline().setStages(new PipelineStage[] {new VectorAssembler().setInputCols(features)
        .setOutputCol("features"), new GBTClassifier().setLabelCol("label").setFeaturesCol("features")}).fit(plainIn);
    double plainSeconds = (System.nanoTime() - t0) / 1e9;
    int cores = Runtime.getRuntime().availableProcessors();
    return new BenchResult("models", scale)
        .put("zone-weeks with outcomes", zoneWeeks)
        .put("corridor-weeks with outcomes", corridorWeeks)
        .put("features seconds (all weeks)", featureSeconds)
        .put("train seconds (both models, rolling selection, calibration)", trainSeconds)
        .put("score seconds (one week, with reasons)", scoreSeconds)
        .put("plain MLlib GBT, default settings, one zone model: seconds", plainSeconds)
        .put("ratio train/plain", trainSeconds / plainSeconds)
        .put("zone-weeks trained per second per core", zoneWeeks / trainSeconds / cores)
        .put("scored week", score.scoredWeek().toString());
  }
}
