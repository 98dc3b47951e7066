package org.borderwatch.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.borderwatch.core.catalog.TableId.Layer;
import org.borderwatch.testing.FreshLakehouse;
import org.junit.jupiter.api.Test;

@FreshLakehouse
class LakehouseTest {
  static final TableId T = new TableId(Layer.SILVER, "lakehouse_test_items", "Items for the catalog test");
  static final TableSpec SPEC = TableSpec.of(T)
      .col("id", DataTypes.StringType, false, "Item id")
      .col("week", DataTypes.StringType, "ISO week")
      .col("n", DataTypes.LongType, "A count")
      .key("id")
      .build();

  @Test
  void databasesAndCommentedTablesAreCreated(SparkSession spark) throws Exception {
    Lakehouse.bootstrap(spark);
    Set<String> dbs = spark.sql("SHOW DATABASES").collectAsList().stream().map(r -> r.getString(0))
        .collect(Collectors.toSet());
    assertTrue(dbs.containsAll(Set.of("bronze", "silver", "gold", "ops")), dbs.toString());

    Lakehouse.ensure(spark, SPEC);
    assertEquals("Items for the catalog test", spark.catalog().getTable(T.fullName()).description());
    List<Row> cols = spark.sql("DESCRIBE TABLE " + T.fullName()).collectAsList();
    assertEquals("Item id", cols.get(0).getString(2));
    assertEquals("A count", cols.get(2).getString(2));
    assertEquals("delta", spark.sql("DESCRIBE DETAIL " + T.fullName()).first().getAs("format"));
  }

  @Test
  void writeModesKeepTheSchemaAndAreIdempotent(SparkSession spark) {
    var schema = SPEC.schema();
    Lakehouse.overwrite(spark, SPEC, spark.createDataFrame(List.of(
        RowFactory.create("a", "2025-W01", 1L), RowFactory.create("b", "2025-W02", 2L)), schema));
    // replacing one week twice gives the same rows
    for (int i = 0; i < 2; i++) {
      Lakehouse.replaceWhere(spark, SPEC, spark.createDataFrame(List.of(
          RowFactory.create("c", "2025-W02", 3L)), schema), "week = '2025-W02'");
    }
    assertEquals(Set.of("a|2025-W01|1", "c|2025-W02|3"), rows(spark));
    Lakehouse.merge(spark, SPEC, spark.createDataFrame(List.of(
        RowFactory.create("a", "2025-W01", 10L), RowFactory.create("d", "2025-W03", 4L)), schema));
    assertEquals(Set.of("a|2025-W01|10", "c|2025-W02|3", "d|2025-W03|4"), rows(spark));
    assertEquals("Item id", spark.sql("DESCRIBE TABLE " + T.fullName()).first().getString(2));
  }

  private static Set<String> rows(SparkSession spark) {
    return spark.table(T.fullName()).collectAsList().stream()
        .map(r -> r.getString(0) + "|" + r.getString(1) + "|" + r.getLong(2)).collect(Collectors.toSet());
  }
}
