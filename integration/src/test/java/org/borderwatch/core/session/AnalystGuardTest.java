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
    spark.sql("CREATE DATABASE IF NOT EXISTS gold");
    spark.sql("CREATE DATABASE IF NOT EXISTS ops");
    spark.sql("CREATE TABLE IF NOT EXISTS gold.guard_items (id STRING, n INT) USING delta");
    spark.sql("CREATE TABLE IF NOT EXISTS ops.victim_feedback (alert_id STRING, decision STRING) USING delta");
    spark.sql("INSERT INTO gold.guard_items VALUES ('a', 1)");
    analyst = SparkSessions.build(config, "guard-test", SparkSessions.Mode.ANALYST);
  }

  @Test
  void readsAndSessionCommandsAreAllowed() {
    assertEquals(1L, analyst.sql("SELECT count(*) FROM gold.guard_items").first().getLong(0));
    assertEquals(List.of("guard_items"), analyst.sql("SHOW TABLES IN gold").collectAsList().stream()
        .map(r -> r.getString(1)).toList());
    assertEquals(List.of("id", "n"), analyst.sql("DESCRIBE TABLE gold.guard_items").collectAsList().stream()
        .map(r -> r.getString(0)).toList());
    List<String> history = analyst.sql("DESCRIBE HISTORY gold.guard_items").collectAsList().stream()
        .map(r -> r.<String>getAs("operation")).toList();
    assertEquals("CREATE TABLE", history.get(history.size() - 1), history.toString());
    analyst.sql("CREATE OR REPLACE TEMP VIEW v AS SELECT * FROM gold.guard_items");
    assertEquals(1L, analyst.sql("SELECT count(*) FROM v").first().getLong(0));
    analyst.sql("SET spark.sql.shuffle.partitions=3");
    assertEquals("3", analyst.conf().get("spark.sql.shuffle.partitions"));
    assertTrue(analyst.sql("EXPLAIN SELECT * FROM gold.guard_items").first().getString(0).contains("guard_items"));
  }

  @Test
  void everyKindOfWriteIsRefused(@TempDir Path dir) {
    String[] writes = {
        "INSERT INTO gold.guard_items VALUES ('b', 2)",
        "INSERT OVERWRITE gold.guard_items SELECT * FROM gold.guard_items",
        "DELETE FROM gold.guard_items WHERE id = 'a'",
        "UPDATE gold.guard_items SET n = 3",
        "MERGE INTO gold.guard_items t USING gold.guard_items s ON t.id = s.id WHEN MATCHED THEN DELETE",
        "CREATE TABLE gold.guard_new (x INT) USING delta",
        "CREATE TABLE gold.guard_ctas USING delta AS SELECT 1 AS x",
        "DROP TABLE gold.guard_items",
        "TRUNCATE TABLE gold.guard_items",
        "ALTER TABLE gold.guard_items ADD COLUMNS (y INT)",
        "CREATE DATABASE analyst_scratch",
        "CREATE VIEW gold.guard_view AS SELECT 1 AS x",
        "OPTIMIZE gold.guard_items",
        "VACUUM gold.guard_items",
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
            .saveAsTable("gold.guard_items"));
    assertEquals(1L, analyst.sql("SELECT count(*) FROM gold.guard_items").first().getLong(0));
  }

  @Test
  void appendsToTheReviewTableAreAllowed(SparkSession spark) {
    analyst.sql("INSERT INTO ops.victim_feedback VALUES ('A-1', 'confirmed')");
    assertEquals(1L, spark.sql("SELECT count(*) FROM ops.victim_feedback WHERE alert_id = 'A-1'").first().getLong(0));
  }

  @Test
  void jobSessionsAreNotGuarded(SparkSession spark) {
    spark.sql("INSERT INTO gold.guard_items VALUES ('z', 9)");
    assertEquals(List.of("a", "z"), spark.sql("SELECT id FROM gold.guard_items ORDER BY id").collectAsList().stream()
        .map(r -> r.getString(0)).toList());
    spark.sql("DELETE FROM gold.guard_items WHERE id = 'z'");
    assertEquals(List.of("a"), spark.sql("SELECT id FROM gold.guard_items ORDER BY id").collectAsList().stream()
        .map(r -> r.getString(0)).toList());
  }
}
