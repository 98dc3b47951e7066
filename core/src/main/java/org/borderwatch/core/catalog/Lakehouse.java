package org.borderwatch.core.catalog;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The lakehouse catalog: the four databases, Delta tables created from their specs (with comments),
 * and the write modes jobs use. All writes conform the data to the declared schema first, so a
 * table's schema changes only when its spec does.
 */
public final class Lakehouse {
  private static final Set<String> BOOTSTRAPPED = ConcurrentHashMap.newKeySet();
  private static final Set<String> ENSURED = ConcurrentHashMap.newKeySet();

  private Lakehouse() {}

  /**
   * Forgets which databases and tables this process has already created or checked, so that the next call
   * checks the metastore again: for a process that dropped them itself (the tests empty one lakehouse between
   * classes).
   */
  public static void forgetCatalog() {
    BOOTSTRAPPED.clear();
    ENSURED.clear();
  }

  /** Creates the four databases in the metastore when they are missing. */
  public static void bootstrap(SparkSession spark) {
    String key = spark.sparkContext().applicationId() + "|" + spark.conf().get("spark.sql.warehouse.dir", "");
    if (BOOTSTRAPPED.contains(key)) {
      return;
    }
    for (TableId.Layer layer : TableId.Layer.values()) {
      spark.sql("CREATE DATABASE IF NOT EXISTS " + layer.database() + " COMMENT '"
          + layer.description().replace("'", "\\'") + "'");
    }
    BOOTSTRAPPED.add(key);
  }

  /** Creates the table from its spec when missing; adds columns the spec gained since (explicit evolution). */
  public static void ensure(SparkSession spark, TableSpec spec) {
    String key = spark.sparkContext().applicationId() + "|" + spec.fullName();
    if (ENSURED.contains(key) && spark.catalog().tableExists(spec.fullName())) {
      return;
    }
    bootstrap(spark);
    if (!spark.catalog().tableExists(spec.fullName())) {
      DeltaTable.createIfNotExists(spark)
          .tableName(spec.fullName())
          .comment(spec.id().description())
          .addColumns(spec.schema())
          .partitionedBy(spec.partitionBy().toArray(new String[0]))
          .property("delta.autoOptimize.optimizeWrite", "false")
          .execute();
    } else {
      StructType existing = spark.table(spec.fullName()).schema();
      Set<String> have = Set.of(existing.fieldNames());
      List<String> add = new ArrayList<>();
      for (StructField f : spec.schema().fields()) {
        if (!have.contains(f.name())) {
          add.add("`" + f.name() + "` " + f.dataType().sql() + " COMMENT '"
              + f.getComment().get().replace("'", "\\'") + "'");
        }
      }
      if (!add.isEmpty()) {
        spark.sql("ALTER TABLE " + spec.fullName() + " ADD COLUMNS (" + String.join(", ", add) + ")");
      }
    }
    ENSURED.add(key);
  }

  /** Selects the spec's columns in order, cast to their declared types. A missing column is a bug. */
  public static Dataset<Row> conform(Dataset<Row> df, TableSpec spec) {
    Set<String> have = Set.of(df.columns());
    List<Column> cols = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (StructField f : spec.schema().fields()) {
      if (!have.contains(f.name())) {
        missing.add(f.name());
      } else {
        cols.add(col("`" + f.name() + "`").cast(f.dataType()).as(f.name(), f.metadata()));
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("data for " + spec.fullName() + " lacks columns " + missing);
    }
    return df.select(cols.toArray(new Column[0]));
  }

  /** Replaces the whole table's content (one atomic Delta commit). */
  public static void overwrite(SparkSession spark, TableSpec spec, Dataset<Row> df) {
    if (createWith(spark, spec, df)) {
      return;
    }
    ensure(spark, spec);
    try {
      conform(df, spec).writeTo(spec.fullName()).overwrite(lit(true));
    } catch (NoSuchTableException e) {
      throw vanished(spec, e);
    }
  }

  /**
   * Replaces the rows matching a condition, e.g. one week (one atomic Delta commit). Into an empty table
   * this is a plain append (nothing to replace, and no per-row check of the condition).
   */
  public static void replaceWhere(SparkSession spark, TableSpec spec, Dataset<Row> df, String condition) {
    replaceWhere(spark, spec, df, expr(condition));
  }

  /**
   * As {@link #replaceWhere(SparkSession, TableSpec, Dataset, String)} with the condition as a Column: values
   * from outside (file names) go in as literals, never as SQL text.
   */
  public static void replaceWhere(SparkSession spark, TableSpec spec, Dataset<Row> df,
      org.apache.spark.sql.Column condition) {
    if (createWith(spark, spec, df)) {
      return;
    }
    ensure(spark, spec);
    if (spark.table(spec.fullName()).isEmpty()) {
      append(spark, spec, df);
      return;
    }
    try {
      conform(df, spec).writeTo(spec.fullName()).overwrite(condition);
    } catch (NoSuchTableException e) {
      throw vanished(spec, e);
    }
  }

  /**
   * Creates the table from its first rows in one commit (CREATE TABLE AS SELECT with the spec's comments),
   * and returns true; returns false when the table already exists.
   */
  static boolean createWith(SparkSession spark, TableSpec spec, Dataset<Row> df) {
    if (exists(spark, spec.id())) {
      return false;
    }
    bootstrap(spark);
    var w = conform(df, spec).writeTo(spec.fullName()).using("delta")
        .tableProperty("comment", spec.id().description())
        .tableProperty("delta.autoOptimize.optimizeWrite", "false");
    if (!spec.partitionBy().isEmpty()) {
      Column[] parts = spec.partitionBy().stream().map(c -> col("`" + c + "`")).toArray(Column[]::new);
      w = w.partitionedBy(parts[0], java.util.Arrays.copyOfRange(parts, 1, parts.length));
    }
    try {
      w.create();
    } catch (org.apache.spark.sql.catalyst.analysis.TableAlreadyExistsException e) {
      return false; // created meanwhile by another writer: fall back to a normal write
    }
    return true;
  }

  /** Appends rows. */
  public static void append(SparkSession spark, TableSpec spec, Dataset<Row> df) {
    if (createWith(spark, spec, df)) {
      return;
    }
    ensure(spark, spec);
    try {
      conform(df, spec).writeTo(spec.fullName()).append();
    } catch (NoSuchTableException e) {
      throw vanished(spec, e);
    }
  }

  /** Upserts by the spec's natural key: matching rows are updated, new rows inserted. */
  public static void merge(SparkSession spark, TableSpec spec, Dataset<Row> df) {
    if (spec.naturalKey().isEmpty()) {
      throw new IllegalStateException(spec.fullName() + " has no natural key to merge on");
    }
    ensure(spark, spec);
    String cond = spec.naturalKey().stream()
        .map(k -> "t.`" + k + "` <=> s.`" + k + "`")
        .collect(Collectors.joining(" AND "));
    DeltaTable.forName(spark, spec.fullName()).as("t")
        .merge(conform(df, spec).as("s"), cond)
        .whenMatched().updateAll()
        .whenNotMatched().insertAll()
        .execute();
  }

  private static IllegalStateException vanished(TableSpec spec, NoSuchTableException e) {
    return new IllegalStateException(spec.fullName() + " disappeared while being written", e);
  }

  /**
   * Upsert by natural key: a plain append while the table is empty (the first load), a MERGE after.
   *
   * @param rows the number of rows in df (0 only ensures the table exists)
   */
  public static void upsert(SparkSession spark, TableSpec spec, Dataset<Row> df, long rows) {
    if (rows == 0) {
      ensure(spark, spec);
      return;
    }
    if (createWith(spark, spec, df)) {
      return;
    }
    ensure(spark, spec);
    if (spark.table(spec.fullName()).isEmpty()) {
      append(spark, spec, df);
    } else {
      merge(spark, spec, df);
    }
  }

  /** Whether a table exists in the metastore. */
  public static boolean exists(SparkSession spark, TableId id) {
    return spark.catalog().tableExists(id.fullName());
  }

  /** The table, or an empty frame of the spec's schema when it is not created yet. */
  public static Dataset<Row> read(SparkSession spark, TableSpec spec) {
    if (exists(spark, spec.id())) {
      return spark.table(spec.fullName());
    }
    return spark.createDataFrame(List.of(), spec.schema());
  }
}
