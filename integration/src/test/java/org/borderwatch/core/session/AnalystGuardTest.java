package org.borderwatch.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.core.config.BorderwatchConfig;
import org.borderwatch.core.error.BorderwatchException;
import org.borderwatch.testing.FreshLakehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@FreshLakehouse
class AnalystGuardTest {
  static SparkSession analyst;

  @BeforeAll
  static void tables(SparkSession spark, BorderwatchConfig config) {
    spark.sql("CREATE DATABASE IF NOT EXISTS silver");
    spark.sql("CREATE DATABASE IF NOT EXISTS ops");
    spark.sql("CREATE TABLE IF NOT EXISTS silver.guard_items (id STRING, n INT) USING delta");
    spark.sql("CREATE TABLE IF NOT EXISTS ops.victim_feedback (alert_id STRING, decision STRING) USING delta");
    spark.sql("INSERT INTO silver.guard_items VALUES ('a', 1)");
    analyst = SparkSessions.build(config, "guard-test", SparkSessions.Mode.ANALYST);
  }

  @Test
  void readsAndSessionCommandsAreAllowed() {
    assertEquals(1L, analyst.sql("SELECT count(*) FROM silver.guard_items").first().getLong(0));
    assertEquals(List.of("guard_items"), analyst.sql("SHOW TABLES IN silver").collectAsList().stream()
        .map(r -> r.getString(1)).toList());
    assertEquals(List.of("id", "n"), analyst.sql("DESCRIBE TABLE silver.guard_items").collectAsList().stream()
        .map(r -> r.getString(0)).toList());
    List<String> history = analyst.sql("DESCRIBE HISTORY silver.guard_items").collectAsList().stream()
        .map(r -> r.<String>getAs("operation")).toList();
    assertEquals("CREATE TABLE", history.get(history.size() - 1), history.toString());
    analyst.sql("CREATE OR REPLACE TEMP VIEW v AS SELECT * FROM silver.guard_items");
    assertEquals(1L, analyst.sql("SELECT count(*) FROM v").first().getLong(0));
    analyst.sql("SET spark.sql.shuffle.partitions=3");
    assertEquals("3", analyst.conf().get("spark.sql.shuffle.partitions"));
    assertTrue(analyst.sql("EXPLAIN SELECT * FROM silver.guard_items").first().getString(0).contains("guard_items"));
  }

  @Test
  void everyKindOfWriteIsRefused(@TempDir Path dir) {
    String[] writes = {
        "INSERT INTO silver.guard_items VALUES ('b', 2)",
        "INSERT OVERWRITE silver.guard_items SELECT * FROM silver.guard_items",
        "DELETE FROM silver.guard_items WHERE id = 'a'",
        "UPDATE silver.guard_items SET n = 3",
        "MERGE INTO silver.guard_items t USING silver.guard_items s ON t.id = s.id WHEN MATCHED THEN DELETE",
        "CREATE TABLE silver.guard_new (x INT) USING delta",
        "CREATE TABLE silver.guard_ctas USING delta AS SELECT 1 AS x",
        "DROP TABLE silver.guard_items",
        "TRUNCATE TABLE silver.guard_items",
        "ALTER TABLE silver.guard_items ADD COLUMNS (y INT)",
        "CREATE DATABASE analyst_scratch",
        "CREATE VIEW silver.guard_view AS SELECT 1 AS x",
        "OPTIMIZE silver.guard_items",
        "VACUUM silver.guard_items",
        "DELETE FROM ops.victim_feedback",
    };
    for (String sql : writes) {
      BorderwatchException e = assertThrows(BorderwatchException.class, () -> analyst.sql(sql).collect(), sql);
      assertTrue(e.getMessage().startsWith("refused: this is a read-only analyst session"), e.getMessage());
    }
    assertThrows(BorderwatchException.class,
        () -> analyst.sql("SELECT 1 AS x").write().parquet(dir.resolve("out").toString()));
    assertThrows(BorderwatchException.class,
        () -> analyst.sql("SELECT 'c' AS id, 3 AS n").write().format("delta").mode("append")
            .saveAsTable("silver.guard_items"));
    assertEquals(1L, analyst.sql("SELECT count(*) FROM silver.guard_items").first().getLong(0));
  }

  @Test
  void appendsToTheReviewTableAreAllowed(SparkSession spark) {
    analyst.sql("INSERT INTO ops.victim_feedback VALUES ('A-1', 'confirmed')");
    assertEquals(1L, spark.sql("SELECT count(*) FROM ops.victim_feedback WHERE alert_id = 'A-1'").first().getLong(0));
  }

  @Test
  void jobSessionsAreNotGuarded(SparkSession spark) {
    spark.sql("INSERT INTO silver.guard_items VALUES ('z', 9)");
    assertEquals(List.of("a", "z"), spark.sql("SELECT id FROM silver.guard_items ORDER BY id").collectAsList().stream()
        .map(r -> r.getString(0)).toList());
    spark.sql("DELETE FROM silver.guard_items WHERE id = 'z'");
    assertEquals(List.of("a"), spark.sql("SELECT id FROM silver.guard_items ORDER BY id").collectAsList().stream()
        .map(r -> r.getString(0)).toList());
  }
}
