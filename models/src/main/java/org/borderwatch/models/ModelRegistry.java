package org.borderwatch.models;

import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.core.catalog.Lakehouse;
import org.borderwatch.core.catalog.TableSpec;
import org.borderwatch.core.catalog.Tables;

/** ops.model_registry: every trained model with what it was trained on and how it scored. */
public final class ModelRegistry {
  private ModelRegistry() {}

  public static final TableSpec SPEC = TableSpec.of(Tables.MODEL_REGISTRY)
      .col("model", StringType, false, "zone_risk or corridor_volume")
      .col("version", StringType, false, "Version (UTC time of training, yyyyMMddHHmmss)")
      .col("trained_at", TimestampType, "When it was trained")
      .col("train_from", StringType, "First ISO week of the training window")
      .col("train_to", StringType, "Last ISO week of the training window")
      .col("params", StringType, "Hyper-parameters and settings, JSON")
      .col("metrics", StringType, "Rolling-validation scores of every candidate, JSON")
      .col("importances", StringType, "Feature importances (MLlib, normalised), JSON")
      .col("path", StringType, "Where the model is saved (Spark ML format)")
      .key("model", "version")
      .build();

  private static final ObjectMapper JSON = new ObjectMapper();

  public static void record(SparkSession spark, String model, String version, Timestamp at, String from, String to,
      Map<String, ?> params, Map<String, ?> metrics, Map<String, Double> importances, String path) {
    try {
      Row r = RowFactory.create(model, version, at, from, to, JSON.writeValueAsString(params),
          JSON.writeValueAsString(metrics), JSON.writeValueAsString(importances), path);
      Lakehouse.merge(spark, SPEC, spark.createDataFrame(List.of(r), SPEC.schema()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The latest registered version of a model. */
  public record Latest(String version, String path, java.sql.Timestamp trainedAt) {}

  /** The latest version of a model, or null when none is registered. */
  public static Latest latest(SparkSession spark, String model) {
    if (!Lakehouse.exists(spark, Tables.MODEL_REGISTRY)) {
      return null;
    }
    List<Row> r = spark.table(Tables.MODEL_REGISTRY.fullName()).where(org.apache.spark.sql.functions.col("model")
        .equalTo(model)).orderBy(org.apache.spark.sql.functions.col("version").desc())
        .select("version", "path", "trained_at").limit(1).collectAsList();
    return r.isEmpty() ? null : new Latest(r.get(0).getString(0), r.get(0).getString(1), r.get(0).getTimestamp(2));
  }
}
