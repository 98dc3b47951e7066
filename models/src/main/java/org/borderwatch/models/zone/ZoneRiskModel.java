package org.borderwatch.models.zone;

import static org.apache.spark.ml.functions.vector_to_array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.GBTClassificationModel;
import org.apache.spark.ml.classification.GBTClassifier;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.regression.GBTRegressionModel;
import org.apache.spark.ml.regression.GBTRegressor;
import org.apache.spark.ml.regression.IsotonicRegression;
import org.apache.spark.ml.regression.IsotonicRegressionModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.common.forecast.CountBlend;

/**
 * Gradient-boosted trees (MLlib) on zone-week or corridor-week features.
 *
 * <p>Zone risk: a classifier of "at least one detection in the zone next week", trained on the older
 * weeks of the window (quiet zone-weeks subsampled and weighted back), with an isotonic calibration fitted
 * on the most recent weeks it did not see. Expected detections = calibrated probability × the mean count of
 * a zone-week with an event. Corridor activity: a regressor of next week's observed volume.
 *
 * <p>Detections follow patrols, so patrol effort is a feature, and for ranking the model is scored at
 * the standard effort (the training window's mean deployment, everywhere): the ranking then reflects
 * where smuggling is likely rather than where units happened to be.
 */
public final class ZoneRiskModel {
  /** Zone-weeks with an event the calibration weeks must hold for the isotonic calibration to be fitted. */
  public static final int MIN_CALIBRATION_EVENTS = 20;

  public enum Kind {
    ZONE, CORRIDOR
  }

  /**
   * Training settings. {@code blend}: for zones, the weight of the model in its combination with the
   * all-history counts ({@link CountBlend}; 1 = the model alone), chosen on validation weeks.
   */
  public record Settings(int maxDepth, int maxIter, double negativeSample, long seed, double blend) {
    public Settings withBlend(double w) {
      return new Settings(maxDepth, maxIter, negativeSample, seed, w);
    }
  }

  /** The all-history rate the zone ranking is combined with. */
  public static final String BLEND_RATE = "det_rate_all";

  private final Kind kind;
  private final List<String> features;
  private final List<String> effortFeatures;
  private final PipelineModel pipeline;
  private final IsotonicRegressionModel calibration;
  private final Map<String, Double> standardEffort;
  private final Map<String, Double> typical;
  private final double meanCountIfEvent;
  private final Settings settings;

  private ZoneRiskModel(Kind kind, List<String> features, List<String> effortFeatures, PipelineModel pipeline,
      IsotonicRegressionModel calibration, Map<String, Double> standardEffort, Map<String, Double> typical,
      double meanCountIfEvent, Settings settings) {
    this.kind = kind;
    this.features = List.copyOf(features);
    this.effortFeatures = List.copyOf(effortFeatures);
    this.pipeline = pipeline;
    this.calibration = calibration;
    this.standardEffort = standardEffort;
    this.typical = typical;
    this.meanCountIfEvent = meanCountIfEvent;
    this.settings = settings;
  }

  public static String labelColumn(Kind kind) {
    return kind == Kind.ZONE ? "y_det" : "y_volume";
  }

  private static String keyColumn(Kind kind) {
    return kind == Kind.ZONE ? "cell" : "corridor_id";
  }

  /**
   * Trains on {@code train} (rows with outcomes). For zones, the last {@code calibrationWeeks} weeks are
   * held out to fit the calibration (0 = no calibration).
   */
  public static ZoneRiskModel fit(Kind kind, Dataset<Row> train, List<String> features, List<String> effortFeatures,
      Settings s, int calibrationWeeks) {
    String label = labelColumn(kind);
    Dataset<Row> data = train.where(col(label).isNotNull()).na().fill(0.0, features.toArray(new String[0]));
    long maxWeek = data.selectExpr("max(week_index)").first().getLong(0);
    Dataset<Row> fitPart = calibrationWeeks > 0 && kind == Kind.ZONE
        ? data.where(col("week_index").leq(maxWeek - calibrationWeeks)) : data;
    Dataset<Row> calPart = data.where(col("week_index").gt(maxWeek - calibrationWeeks));

    Map<String, Double> std = new LinkedHashMap<>();
    Map<String, Double> typical = new LinkedHashMap<>();
    List<Column> aggs = new ArrayList<>();
    for (String f : features) {
      aggs.add(org.apache.spark.sql.functions.avg(col(f)).as("mean_" + f));
      aggs.add(org.apache.spark.sql.functions.percentile_approx(col(f), lit(0.5), lit(1000)).as("med_" + f));
    }
    Row stats = fitPart.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0])).first();
    for (String f : features) {
      typical.put(f, ((Number) stats.getAs("med_" + f)).doubleValue());
      if (effortFeatures.contains(f)) {
        std.put(f, ((Number) stats.getAs("mean_" + f)).doubleValue());
      }
    }

    VectorAssembler va = new VectorAssembler().setInputCols(features.toArray(new String[0])).setOutputCol("features")
        .setHandleInvalid("keep");
    PipelineStage model;
    Dataset<Row> sample;
    if (kind == Kind.ZONE) {
      Column pos = col(label).gt(0);
      Column keep = pos.or(org.apache.spark.sql.functions.pmod(xxhash64(col("cell"), col("week"), lit(s.seed())),
          lit(1_000_000L)).lt(lit((long) (s.negativeSample() * 1_000_000))));
      sample = fitPart.where(keep).withColumn("label", when(pos, 1.0).otherwise(0.0))
          .withColumn("w", when(pos, 1.0).otherwise(1.0 / s.negativeSample()));
      model = new GBTClassifier().setLabelCol("label").setFeaturesCol("features").setWeightCol("w")
          .setMaxDepth(s.maxDepth()).setMaxIter(s.maxIter()).setStepSize(0.1).setSeed(s.seed()).setMaxBins(32);
    } else {
      sample = fitPart.withColumn("label", col(label).cast("double"));
      model = new GBTRegressor().setLabelCol("label").setFeaturesCol("features").setMaxDepth(s.maxDepth())
          .setMaxIter(s.maxIter()).setStepSize(0.1).setSeed(s.seed()).setMaxBins(32);
    }
    // Few partitions: boosting runs a Spark job per tree level, and on tens of thousands of rows the cost is
    // the number of tasks, not the data. The sample is materialised once for all the rounds.
    int parts = Math.max(1, Math.min(sample.sparkSession().sparkContext().defaultParallelism(),
        kind == Kind.ZONE ? 4 : 1));
    Dataset<Row> prepared = sample.coalesce(parts).cache();
    PipelineModel pm;
    try {
      pm = new Pipeline().setStages(new PipelineStage[] {va, model}).fit(prepared);
    } finally {
      prepared.unpersist();
    }
    double meanCount = 1.0;
    IsotonicRegressionModel cal = null;
    if (kind == Kind.ZONE) {
      Row m = fitPart.where(col(label).gt(0)).selectExpr("avg(" + label + ")").first();
      meanCount = m.isNullAt(0) ? 1.0 : m.getDouble(0);
      ZoneRiskModel raw = new ZoneRiskModel(kind, features, effortFeatures, pm, null, std, typical, meanCount, s);
      // Isotonic regression on a handful of events is a step function fitted to noise (on few events its top step
      // can be zero, and every zone then scores zero); below MIN_CALIBRATION_EVENTS the weighted trees'
      // probability (negatives re-weighted for their sampling) stands as it is.
      if (calibrationWeeks > 0 && calPart.where(col(label).gt(0)).count() >= MIN_CALIBRATION_EVENTS) {
        Dataset<Row> scored = raw.rawScore(calPart, false).withColumn("label",
            when(col(label).gt(0), 1.0).otherwise(0.0));
        cal = new IsotonicRegression().setFeaturesCol("p_raw").setLabelCol("label").setPredictionCol("p_cal")
            .fit(scored);
      }
    }
    return new ZoneRiskModel(kind, features, effortFeatures, pm, cal, std, typical, meanCount, s);
  }

  /** Adds p_raw (zones: uncalibrated probability; corridors: predicted volume). */
  Dataset<Row> rawScore(Dataset<Row> rows, boolean standardEffort) {
    Dataset<Row> in = rows.na().fill(0.0, features.toArray(new String[0]));
    if (standardEffort) {
      for (Map.Entry<String, Double> e : this.standardEffort.entrySet()) {
        in = in.withColumn(e.getKey(), lit(e.getValue()));
      }
    }
    Dataset<Row> out = pipeline.transform(in);
    if (kind == Kind.ZONE) {
      out = out.withColumn("p_raw", vector_to_array(col("probability"), "float64").getItem(1));
    } else {
      out = out.withColumn("p_raw", org.apache.spark.sql.functions.greatest(col("prediction"), lit(0.0)));
    }
    return out.drop("features", "rawPrediction", "probability", "prediction");
  }

  /**
   * Scores rows: {@code score} (zones: calibrated probability; corridors: predicted volume) and, for zones,
   * {@code expected_count}. At standard effort when {@code standardEffort}.
   */
  public Dataset<Row> score(Dataset<Row> rows, boolean standardEffort) {
    Dataset<Row> out = rawScore(rows, standardEffort);
    if (kind == Kind.ZONE && calibration != null) {
      out = calibration.transform(out).withColumnRenamed("p_cal", "score");
    } else {
      out = out.withColumn("score", col("p_raw"));
    }
    if (kind == Kind.ZONE) {
      out = out.withColumn("expected_count", col("score").multiply(meanCountIfEvent));
      // the ranking: the uncalibrated probability (the calibration is monotone, so this is its order with
      // its steps' ties broken), combined with the all-history counts when validation chose to
      double w = settings.blend();
      Column rank = w >= 1.0 || !features.contains(BLEND_RATE) ? col("p_raw")
          : org.apache.spark.sql.functions.exp(lit(w).multiply(org.apache.spark.sql.functions.log(col("p_raw")
              .plus(CountBlend.EPSILON))).plus(lit(1 - w).multiply(org.apache.spark.sql.functions.log(
                  org.apache.spark.sql.functions.coalesce(col(BLEND_RATE), lit(0.0)).plus(CountBlend.EPSILON)))));
      out = out.withColumn("rank_score", rank);
    }
    return out;
  }

  /**
   * Reasons by occlusion: for each feature, the score with that feature set to its typical (median)
   * value; the effect is the score minus that. For zones the score is the one zones are ranked by (the
   * uncalibrated probability, or its blend with the counts), which moves with every feature the trees use,
   * where the calibrated probability is a step function that often does not. Returns key, week, feature,
   * value, typical, effect.
   */
  public Dataset<Row> contributions(Dataset<Row> rows, boolean standardEffort) {
    SparkSession spark = rows.sparkSession();
    String key = keyColumn(kind);
    Dataset<Row> base = rows.na().fill(0.0, features.toArray(new String[0]));
    if (standardEffort) {
      for (Map.Entry<String, Double> e : this.standardEffort.entrySet()) {
        base = base.withColumn(e.getKey(), lit(e.getValue()));
      }
    }
    String by = kind == Kind.ZONE ? "rank_score" : "score";
    Dataset<Row> full = score(base, false).select(col(key), col("week"), col(by).as("s_full"));
    // one copy of each row per feature (explode, not a union of plans), with that feature at its typical value
    List<String> occluded = new ArrayList<>();
    for (String f : features) {
      if (!(standardEffort && this.standardEffort.containsKey(f))) {
        occluded.add(f); // effort held at the standard is not a reason
      }
    }
    Column which = org.apache.spark.sql.functions.array(occluded.stream().map(org.apache.spark.sql.functions::lit)
        .toArray(Column[]::new));
    Dataset<Row> variants = base.withColumn("bw_feature", org.apache.spark.sql.functions.explode(which));
    Column value = null;
    for (String f : occluded) {
      value = value == null ? when(col("bw_feature").equalTo(f), col(f).cast("double"))
          : value.when(col("bw_feature").equalTo(f), col(f).cast("double"));
    }
    variants = variants.withColumn("bw_value", value);
    Map<String, Column> replaced = new LinkedHashMap<>();
    for (String f : occluded) {
      replaced.put(f, when(col("bw_feature").equalTo(f), lit(typical.get(f))).otherwise(col(f)));
    }
    variants = variants.withColumns(replaced);
    Dataset<Row> scoredVariants = score(variants, false).select(col(key), col("week"), col("bw_feature").as("feature"),
        col("bw_value").as("value"), col(by).as("s_occ"));
    Map<String, Double> t = typical;
    List<Row> trows = new ArrayList<>();
    t.forEach((k, v) -> trows.add(org.apache.spark.sql.RowFactory.create(k, v)));
    Dataset<Row> typ = spark.createDataFrame(trows, new org.apache.spark.sql.types.StructType()
        .add("feature", "string").add("typical", "double"));
    return scoredVariants.join(full, new String[] {key, "week"}).join(org.apache.spark.sql.functions.broadcast(typ), "feature")
        .withColumn("effect", col("s_full").minus(col("s_occ"))).drop("s_full", "s_occ");
  }

  public Map<String, Double> importances() {
    org.apache.spark.ml.linalg.Vector v = kind == Kind.ZONE
        ? ((GBTClassificationModel) pipeline.stages()[1]).featureImportances()
        : ((GBTRegressionModel) pipeline.stages()[1]).featureImportances();
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < features.size(); i++) {
      out.put(features.get(i), v.apply(i));
    }
    return out;
  }

  public Settings settings() {
    return settings;
  }

  public Map<String, Double> standardEffort() {
    return standardEffort;
  }

  public Kind kind() {
    return kind;
  }

  public List<String> features() {
    return features;
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Saves the model under a folder (Spark ML format plus meta.json). */
  public void save(String dir) throws IOException {
    pipeline.write().overwrite().save(dir + "/pipeline");
    if (calibration != null) {
      calibration.write().overwrite().save(dir + "/calibration");
    }
    ObjectNode meta = JSON.createObjectNode();
    meta.put("kind", kind.name());
    meta.set("features", JSON.valueToTree(features));
    meta.set("effort_features", JSON.valueToTree(effortFeatures));
    meta.set("standard_effort", JSON.valueToTree(standardEffort));
    meta.set("typical", JSON.valueToTree(typical));
    meta.put("mean_count_if_event", meanCountIfEvent);
    meta.put("max_depth", settings.maxDepth());
    meta.put("max_iter", settings.maxIter());
    meta.put("negative_sample", settings.negativeSample());
    meta.put("seed", settings.seed());
    meta.put("blend", settings.blend());
    meta.put("calibrated", calibration != null);
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(dir + "/meta.json");
    org.apache.hadoop.fs.FileSystem fs = p.getFileSystem(SparkSession.active().sparkContext().hadoopConfiguration());
    try (var out = fs.create(p, true)) {
      out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(meta));
    }
  }

  @SuppressWarnings("unchecked")
  public static ZoneRiskModel load(String dir) throws IOException {
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(dir + "/meta.json");
    org.apache.hadoop.fs.FileSystem fs = p.getFileSystem(SparkSession.active().sparkContext().hadoopConfiguration());
    Map<String, Object> meta;
    try (var in = fs.open(p)) {
      meta = JSON.readValue((java.io.InputStream) in, Map.class);
    }
    PipelineModel pm = PipelineModel.load(dir + "/pipeline");
    IsotonicRegressionModel cal = Boolean.TRUE.equals(meta.get("calibrated"))
        ? IsotonicRegressionModel.load(dir + "/calibration") : null;
    Map<String, Double> std = new LinkedHashMap<>();
    ((Map<String, Number>) meta.get("standard_effort")).forEach((k, v) -> std.put(k, v.doubleValue()));
    Map<String, Double> typ = new LinkedHashMap<>();
    ((Map<String, Number>) meta.get("typical")).forEach((k, v) -> typ.put(k, v.doubleValue()));
    Settings s = new Settings(((Number) meta.get("max_depth")).intValue(), ((Number) meta.get("max_iter")).intValue(),
        ((Number) meta.get("negative_sample")).doubleValue(), ((Number) meta.get("seed")).longValue(),
        meta.get("blend") == null ? 1.0 : ((Number) meta.get("blend")).doubleValue());
    return new ZoneRiskModel(Kind.valueOf((String) meta.get("kind")), (List<String>) meta.get("features"),
        (List<String>) meta.get("effort_features"), pm, cal, std, typ,
        ((Number) meta.get("mean_count_if_event")).doubleValue(), s);
  }
}
