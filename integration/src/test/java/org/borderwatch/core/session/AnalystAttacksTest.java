package org.borderwatch.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.core.config.BorderwatchConfig;
import org.borderwatch.core.config.LakehousePaths;
import org.borderwatch.core.error.BorderwatchException;
import org.borderwatch.testing.FreshLakehouse;
import org.junit.jupiter.api.Test;

/**
 * An analyst's session (sql) against statements that try to lift its restrictions, run code, read around
 * the catalog or read a layer the role may not: each is refused by the guard with its message and recorded in
 * ops.analyst_audit, the session stays an analyst's, and the lakehouse's tables (every file under the warehouse but
 * the audit's) are byte for byte what they were. An investigator's session reads silver, not bronze.
 */
@FreshLakehouse
class AnalystAttacksTest {
  static final String REFUSED = "refused: this is a read-only analyst session";

  static TreeMap<String, String> files(Path dir) throws Exception {
    TreeMap<String, String> out = new TreeMap<>();
    Path audit = dir.resolve("ops.db").resolve("analyst_audit");
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).filter(p -> !p.startsWith(audit)).toList()) {
        out.put(dir.relativize(p).toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
            .digest(Files.readAllBytes(p))));
      }
    }
    return out;
  }

  @Test
  void attacksAreRefusedAndLeaveTheLakehouseAsItWas(SparkSession spark, BorderwatchConfig config) throws Exception {
    spark.sql("CREATE DATABASE IF NOT EXISTS silver");
    spark.sql("CREATE TABLE IF NOT EXISTS silver.attack_items (id STRING, n INT) USING delta");
    spark.sql("INSERT INTO silver.attack_items VALUES ('a', 1)");
    spark.sql("CREATE DATABASE IF NOT EXISTS gold");
    spark.sql("CREATE TABLE IF NOT EXISTS gold.attack_scores (id STRING, score DOUBLE) USING delta");
    spark.sql("INSERT INTO gold.attack_scores VALUES ('a', 0.5)");
    spark.sql("CREATE DATABASE IF NOT EXISTS bronze");
    spark.sql("CREATE TABLE IF NOT EXISTS bronze.attack_raw (line STRING) USING delta");
    spark.sql("INSERT INTO bronze.attack_raw VALUES ('raw')");
    spark.sql("CREATE DATABASE IF NOT EXISTS ops");
    spark.sql("CREATE TABLE IF NOT EXISTS ops.victim_feedback (alert_id STRING, decision STRING) USING delta");
    String location = spark.sql("DESCRIBE DETAIL silver.attack_items").first().<String>getAs("location");
    SparkSession analyst = SparkSessions.build(config, "attack-test", SparkSessions.Mode.ANALYST);
    SparkSession investigator = SparkSessions.build(config, "attack-test", SparkSessions.Mode.ANALYST, null,
        AnalystAccess.INVESTIGATOR);
    org.borderwatch.core.catalog.Lakehouse.ensure(spark, AnalystAudit.SPEC);
    Path warehouse = Path.of(java.net.URI.create(toUri(new LakehousePaths(config).warehouse())));
    TreeMap<String, String> before = files(warehouse);
    List<String> databases = spark.sql("SHOW DATABASES").collectAsList().stream().map(r -> r.getString(0)).toList();

    List<String> codeAndWrites = List.of(
        // lifting or widening the restrictions
        "SET spark.borderwatch.analyst=false",
        "set  Spark.Borderwatch.Analyst = false",
        "RESET",
        "RESET spark.borderwatch.analyst",
        "SET spark.borderwatch.analyst.writableTables=ops.job_runs",
        "SET spark.sql.runSQLOnFiles=true",
        // persistent views, whatever their text says
        "CREATE VIEW silver.v1 AS SELECT 'localtempview' AS x, * FROM silver.attack_items",
        "CREATE OR REPLACE VIEW silver.v2 AS SELECT 1 AS localtempview",
        // the metastore
        "ANALYZE TABLES IN silver COMPUTE STATISTICS",
        "ANALYZE TABLE silver.attack_items COMPUTE STATISTICS",
        "ALTER TABLE silver.attack_items SET TBLPROPERTIES ('x' = 'y')",
        "COMMENT ON TABLE silver.attack_items IS 'x'",
        "CREATE SCHEMA attack_schema",
        "DROP DATABASE silver CASCADE",
        // code in the session
        "SELECT reflect('java.lang.System', 'getProperty', 'user.name')",
        "SELECT java_method('java.lang.System', 'getProperty', 'user.name')",
        "SELECT try_reflect('java.lang.System', 'exit', 7)",
        "SELECT id FROM silver.attack_items WHERE reflect('java.lang.Thread', 'sleep', 1L) IS NULL",
        "WITH x AS (SELECT reflect('java.lang.System', 'getenv', 'HOME') r) SELECT * FROM x",
        "SELECT * FROM (SELECT upper(java_method('java.lang.System', 'getProperty', 'user.home')) r)",
        "ADD JAR /tmp/borderwatch-no-such.jar",
        "CREATE TEMPORARY FUNCTION f AS 'java.lang.String'",
        "CREATE FUNCTION silver.f AS 'java.lang.String'",
        // reads around the catalog
        "CREATE TEMPORARY VIEW j USING jdbc OPTIONS (url 'jdbc:derby:memory:attack;create=true', dbtable 'SYS.SYSTABLES')",
        "CREATE TEMPORARY VIEW t USING text OPTIONS (path '/etc/passwd')",
        "SELECT * FROM text.`/etc/passwd`",
        "SELECT * FROM csv.`/etc/passwd`",
        "SELECT * FROM json.`/etc/passwd`",
        "SELECT * FROM delta.`" + location + "`",
        "SELECT * FROM parquet.`" + location + "`",
        // shared memory, files and history
        "CACHE TABLE silver.attack_items",
        "CACHE TABLE c AS SELECT * FROM silver.attack_items",
        "INSERT OVERWRITE DIRECTORY '/tmp/borderwatch-attack' USING parquet SELECT 1 AS x",
        "RESTORE TABLE silver.attack_items TO VERSION AS OF 0",
        "VACUUM silver.attack_items RETAIN 0 HOURS",
        "OPTIMIZE silver.attack_items ZORDER BY (n)",
        "CREATE TABLE silver.x USING delta LOCATION '/tmp/borderwatch-attack-y' AS SELECT 1 AS a",
        "DELETE FROM silver.attack_items",
        "INSERT INTO silver.attack_items SELECT /*+ REPARTITION(1) */ * FROM silver.attack_items",
        "UPDATE silver.attack_items SET n = 2 WHERE id = 'a' -- localtempview",
        "TRUNCATE TABLE silver.attack_items",
        // code or files inside a subquery
        "SELECT 1 WHERE EXISTS (SELECT reflect('java.lang.System', 'getProperty', 'user.name'))",
        "SELECT (SELECT java_method('java.lang.System', 'getenv', 'HOME'))",
        "CREATE GLOBAL TEMPORARY VIEW shared AS SELECT * FROM gold.attack_scores");
    // a layer the analyst role does not read: silver's identities, bronze's raw lines, the audit
    List<String> layerAttacks = List.of(
        "SELECT * FROM silver.attack_items",
        "SELECT s.* FROM gold.attack_scores s JOIN silver.attack_items i ON s.id = i.id",
        "SELECT * FROM gold.attack_scores WHERE id IN (SELECT id FROM silver.attack_items)",
        "SELECT (SELECT max(n) FROM silver.attack_items) AS m",
        "WITH i AS (SELECT * FROM silver.attack_items) SELECT count(*) FROM i",
        "SELECT * FROM gold.attack_scores UNION ALL SELECT id, n FROM silver.attack_items",
        "CREATE TEMPORARY VIEW around AS SELECT * FROM silver.attack_items",
        "DESCRIBE HISTORY silver.attack_items",
        "DESCRIBE TABLE EXTENDED silver.attack_items",
        "DESCRIBE HISTORY '" + location + "'",
        "SELECT * FROM silver.attack_items VERSION AS OF 0",
        "SELECT * FROM bronze.attack_raw",
        "SELECT * FROM ops.analyst_audit",
        "SELECT * FROM spark_catalog.silver.attack_items",
        "INSERT INTO ops.victim_feedback SELECT id, 'confirmed' FROM silver.attack_items");
    List<String> attacks = new ArrayList<>(codeAndWrites);
    attacks.addAll(layerAttacks);
    AnalystAudit audit = new AnalystAudit();
    List<String> notRefused = new ArrayList<>();
    for (String sql : attacks) {
      try {
        audit.run(analyst, "attacks", sql, df -> df.collectAsList().size());
        notRefused.add(sql + " => ran");
      } catch (BorderwatchException e) {
        if (!e.getMessage().startsWith(REFUSED)) {
          notRefused.add(sql + " => " + e.getMessage());
        }
      } catch (Exception e) {
        notRefused.add(sql + " => " + e.getClass().getSimpleName() + ": " + e.getMessage().lines().findFirst()
            .orElse(""));
      }
    }
    assertEquals(List.of(), notRefused, "statements not refused by the guard");
    assertTrue(attacks.size() >= 40, attacks.size() + " attacks");
    // an investigator reads silver, not bronze
    assertEquals(1L, audit.run(investigator, "investigator", "SELECT * FROM silver.attack_items", df -> df.count()));
    BorderwatchException bronze = org.junit.jupiter.api.Assertions.assertThrows(BorderwatchException.class,
        () -> audit.run(investigator, "investigator", "SELECT * FROM bronze.attack_raw", df -> df.count()));
    assertTrue(bronze.getMessage().startsWith(REFUSED + " and the statement would read bronze.attack_raw, which the "
        + "investigator role may not read"), bronze.getMessage());
    assertEquals(attacks.size() + 2, audit.flush(spark));
    // still an analyst's session: a write is refused, the setting is as it was
    assertEquals("true", analyst.conf().get(SparkSessions.ANALYST_CONF));
    assertEquals("false", analyst.conf().get("spark.sql.runSQLOnFiles"));
    BorderwatchException e = org.junit.jupiter.api.Assertions.assertThrows(BorderwatchException.class,
        () -> analyst.sql("INSERT INTO silver.attack_items VALUES ('b', 2)").collect());
    assertTrue(e.getMessage().startsWith(REFUSED), e.getMessage());
    // reads of the role's tables still work
    assertEquals(1L, analyst.sql("SELECT count(*) FROM gold.attack_scores").first().getLong(0));
    // every statement is in the audit: who, role, outcome and why
    String user = System.getProperty("user.name");
    List<org.apache.spark.sql.Row> entries = spark.sql("SELECT statement, user, role, origin, outcome, reason, "
        + "tables_read, rows_returned FROM ops.analyst_audit ORDER BY at").collectAsList();
    for (String sql : attacks) {
      List<org.apache.spark.sql.Row> hit = entries.stream().filter(r -> r.getString(0).equals(sql)
          && r.getString(2).equals("analyst")).toList();
      assertEquals(1, hit.size(), sql);
      assertEquals(List.of(user, "analyst", "refused"), List.of(hit.get(0).getString(1), hit.get(0).getString(2),
          hit.get(0).getString(4)), sql);
      assertTrue(hit.get(0).getString(3).startsWith("sql@") && hit.get(0).getString(5).startsWith(REFUSED), sql);
      assertEquals(layerAttacks.contains(sql), hit.get(0).getString(5).contains(", which the analyst role may not "
          + "read"), sql + ": " + hit.get(0).getString(5));
    }
    org.apache.spark.sql.Row read = entries.get(entries.size() - 2);
    assertEquals(List.of("SELECT * FROM silver.attack_items", "investigator", "allowed", List.of("silver.attack_items"),
        1L), List.of(read.getString(0), read.getString(2), read.getString(4), read.getList(6), read.getLong(7)));
    assertEquals("refused", entries.get(entries.size() - 1).getString(4));
    assertEquals(databases, spark.sql("SHOW DATABASES").collectAsList().stream().map(r -> r.getString(0)).toList());
    assertEquals(before, files(warehouse), "the warehouse's files");
    assertTrue(!Files.exists(Path.of("/tmp/borderwatch-attack")) && !Files.exists(Path.of("/tmp/borderwatch-attack-y")));
  }

  private static String toUri(String p) {
    return p.startsWith("file:") ? p : Path.of(p).toAbsolutePath().toUri().toString();
  }
}
