package org.borderwatch.models;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.borderwatch.core.catalog.Lakehouse;
import org.borderwatch.core.catalog.TableSpec;
import org.borderwatch.core.catalog.Tables;
import org.borderwatch.core.error.Errors;
import org.borderwatch.core.job.Job;
import org.borderwatch.core.job.JobContext;
import org.borderwatch.core.job.JobOutcome;
import org.borderwatch.core.job.Progress;
import org.borderwatch.core.time.IsoWeek;
import org.borderwatch.models.zone.ZoneRiskModel;

/**
 * score: next week's zone risk and corridor activity from the latest registered models, into
 * gold.zone_risk_weekly and gold.route_risk_weekly (the week's rows replaced in one commit, so re-scoring
 * a week gives the same rows). Zones are ranked at the standard patrol effort; each score carries its
 * three strongest reasons, found by occlusion (the score with the feature at its typical value).
 */
public final class ScoreJob implements Job {
  static final StructType REASON = new StructType().add("feature", StringType).add("value", DoubleType)
      .add("typical", DoubleType).add("effect", DoubleType);

  public static final TableSpec ZONE_SPEC = TableSpec.of(Tables.GOLD_ZONE_RISK)
      .col("cell", StringType, false, "H3 cell of the zone")
      .col("week", StringType, false, "ISO week forecast")
      .col("crossing_id", StringType, "Nearest crossing")
      .col("cell_lat", DoubleType, "Latitude of the zone's centre")
      .col("cell_lon", DoubleType, "Longitude of the zone's centre")
      .col("probability", DoubleType, "Calibrated probability of at least one detection at standard patrol effort")
      .col("expected_count", DoubleType, "Expected detections at standard patrol effort")
      .col("probability_planned", DoubleType, "Calibrated probability at the patrol effort planned for the week")
      .col("rank", IntegerType, "Rank of the zone this week (1 = highest risk)")
      .col("risk_band", StringType, "very high (top 1% of zones), high (top 5%), elevated (top 10%), low")
      .col("reasons", DataTypes.createArrayType(REASON), "Three features that raised the zone's rank score most: "
          + "value, typical value, and the change in the rank score (the uncalibrated probability, or its blend with "
          + "the all-history counts) when the feature is set to its typical value")
      .col("model_version", StringType, "ops.model_registry version")
      .col("scored_at", TimestampType, "Model version's training time (stable across re-scoring)")
      .key("cell", "week")
      .build();

  public static final TableSpec ROUTE_SPEC = TableSpec.of(Tables.GOLD_ROUTE_RISK)
      .col("corridor_id", StringType, false, "origin country > crossing > destination country")
      .col("week", StringType, false, "ISO week forecast")
      .col("crossing_id", StringType, "Crossing or border segment")
      .col("origin", StringType, "Origin country")
      .col("destination", StringType, "Destination country")
      .col("predicted_volume", DoubleType, "People expected to be seen crossing at standard patrol effort")
      .col("recent_weekly_volume", DoubleType, "Mean weekly people seen over the last four weeks")
      .col("change_vs_4w", DoubleType, "predicted_volume − recent_weekly_volume")
      .col("rank", IntegerType, "Rank of the corridor this week")
      .col("reasons", DataTypes.createArrayType(REASON), "Three features that raised the prediction most")
      .col("model_version", StringType, "ops.model_registry version")
      .key("corridor_id", "week")
      .build();

  private IsoWeek scored;

  @Override
  public String name() {
    return "score";
  }

  public IsoWeek scoredWeek() {
    return scored;
  }

  @Override
  public JobOutcome run(JobContext ctx) throws Exception {
    SparkSession spark = ctx.spark();
    ModelRegistry.Latest zoneModel = ModelRegistry.latest(spark, TrainJob.ZONE_MODEL);
    ModelRegistry.Latest corrModel = ModelRegistry.latest(spark, TrainJob.CORRIDOR_MODEL);
    if (zoneModel == null || corrModel == null) {
      throw Errors.missingInput("a trained model in ops.model_registry", "run 'borderwatch train' first");
    }
    Dataset<Row> zf = spark.table(Tables.SILVER_ZONE_FEATURES.fullName());
    IsoWeek week = ctx.weekOpt().orElseGet(() -> IsoWeek.parse(zf.selectExpr("max(week)").first().getString(0)));
    scored = week;
    Dataset<Row> zones = zf.where(col("week").equalTo(week.toString()));
    if (zones.isEmpty()) {
      throw Errors.missingInput("features for " + week, "run 'borderwatch features --week " + week + "' first");
    }
    String zoneVersion = zoneModel.version();
    String corrVersion = corrModel.version();
    Timestamp trainedAt = zoneModel.trainedAt();

    Progress.Stage st = ctx.progress().stage("score zones for " + week);
    ZoneRiskModel zm = ZoneRiskModel.load(zoneModel.path());
    Dataset<Row> std = zm.score(zones, true).select(col("cell"), col("week"), col("crossing_id"), col("score")
        .as("probability"), col("expected_count"), col("rank_score"));
    Dataset<Row> plan = zm.score(zones, false).select(col("cell"), col("score").as("probability_planned"));
    Dataset<Row> reasons = topReasons(zm.contributions(zones, true), "cell");
    long n = zones.count();
    Dataset<Row> grid = new org.borderwatch.zones.StudyGrid(ctx.config().get(
        org.borderwatch.core.config.ConfigKeys.ZONE_RESOLUTION), ctx.config().get(
        org.borderwatch.core.config.ConfigKeys.ZONE_RING)).toDataFrame(spark)
        .select("cell", "cell_lat", "cell_lon", "crossing_km");
    Dataset<Row> ranked = std.join(plan, "cell").join(grid, "cell").join(reasons, new String[] {"cell"}, "left")
        // the backtest's order: the model's rank score (ZoneRiskModel#score), then the static prior (nearer to a
        // known crossing first), then the cell id
        .withColumn("rank", row_number().over(Window.orderBy(col("rank_score").desc(), col("crossing_km"),
            col("cell"))))
        .withColumn("risk_band", when(col("rank").leq(Math.max(1, Math.ceil(0.01 * n))), "very high")
            .when(col("rank").leq(Math.ceil(0.05 * n)), "high").when(col("rank").leq(Math.ceil(0.10 * n)),
                "elevated").otherwise("low"))
        .withColumn("model_version", lit(zoneVersion)).withColumn("scored_at", lit(trainedAt))
        .drop("rank_score", "crossing_km");
    Lakehouse.replaceWhere(spark, ZONE_SPEC, ranked, "week = '" + week + "'");
    st.done(n);

    Progress.Stage sc = ctx.progress().stage("score corridors for " + week);
    ZoneRiskModel cm = ZoneRiskModel.load(corrModel.path());
    Dataset<Row> corr = spark.table(Tables.SILVER_CORRIDOR_FEATURES.fullName()).where(col("week").equalTo(
        week.toString()));
    Dataset<Row> cstd = cm.score(corr, true).select(col("corridor_id"), col("week"), col("crossing_id"),
        col("origin"), col("destination"), col("score").as("predicted_volume"),
        col("x_persons_l4").divide(4.0).as("recent_weekly_volume"));
    Dataset<Row> creasons = topReasons(cm.contributions(corr, true), "corridor_id");
    Dataset<Row> croutes = cstd.join(creasons, new String[] {"corridor_id"}, "left")
        .withColumn("change_vs_4w", col("predicted_volume").minus(col("recent_weekly_volume")))
        .withColumn("rank", row_number().over(Window.orderBy(col("predicted_volume").desc(), col("corridor_id"))))
        .withColumn("model_version", lit(corrVersion));
    long nc = corr.count();
    Lakehouse.replaceWhere(spark, ROUTE_SPEC, croutes, "week = '" + week + "'");
    sc.done(nc);
    return new JobOutcome(n + nc, n + nc, String.format(Locale.ROOT, "%d zones and %d corridors scored for %s "
        + "(models %s, %s)", n, nc, week, zoneVersion, corrVersion));
  }

  /** The three positive effects per key, strongest first, as an array of reason structs. */
  static Dataset<Row> topReasons(Dataset<Row> contributions, String key) {
    return contributions.where(col("effect").gt(0))
        .withColumn("r", row_number().over(Window.partitionBy(col(key)).orderBy(col("effect").desc(),
            col("feature"))))
        .where(col("r").leq(3))
        .groupBy(col(key))
        .agg(org.apache.spark.sql.functions.array_sort(collect_list(struct(col("r"), col("feature"), col("value"),
            col("typical"), col("effect")))).as("rs"))
        .select(col(key), org.apache.spark.sql.functions.transform(col("rs"), x -> struct(x.getField("feature")
            .as("feature"), x.getField("value").as("value"), x.getField("typical").as("typical"),
            x.getField("effect").as("effect"))).as("reasons"));
  }
}
