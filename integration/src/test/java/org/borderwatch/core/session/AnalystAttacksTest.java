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
 * An analyst's session (sql) against statements that try to lift its restrictions, run code, or read around
 * the catalog: each is refused by the guard with its message, the session stays an analyst's, and the
 * lakehouse's tables (every file under the warehouse) are byte for byte what they were.
 */
@FreshLakehouse
class AnalystAttacksTest {
  static final String REFUSED = "refused: this is a read-only analyst session";

  static TreeMap<String, String> files(Path dir) throws Exception {
    TreeMap<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
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
    String location = spark.sql("DESCRIBE DETAIL silver.attack_items").first().<String>getAs("location");
    SparkSession analyst = SparkSessions.build(config, "attack-test", SparkSessions.Mode.ANALYST);
    Path warehouse = Path.of(java.net.URI.create(toUri(new LakehousePaths(config).warehouse())));
    TreeMap<String, String> before = files(warehouse);
    List<String> databases = spark.sql("SHOW DATABASES").collectAsList().stream().map(r -> r.getString(0)).toList();

    List<String> attacks = List.of(
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
        "TRUNCATE TABLE silver.attack_items");
    List<String> notRefused = new ArrayList<>();
    for (String sql : attacks) {
      try {
        analyst.sql(sql).collect();
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
    // still an analyst's session: a write is refused, the setting is as it was
    assertEquals("true", analyst.conf().get(SparkSessions.ANALYST_CONF));
    assertEquals("false", analyst.conf().get("spark.sql.runSQLOnFiles"));
    BorderwatchException e = org.junit.jupiter.api.Assertions.assertThrows(BorderwatchException.class,
        () -> analyst.sql("INSERT INTO silver.attack_items VALUES ('b', 2)").collect());
    assertTrue(e.getMessage().startsWith(REFUSED), e.getMessage());
    // reads of the catalog's tables still work
    assertEquals(1L, analyst.sql("SELECT count(*) FROM silver.attack_items").first().getLong(0));
    assertEquals(databases, spark.sql("SHOW DATABASES").collectAsList().stream().map(r -> r.getString(0)).toList());
    assertEquals(before, files(warehouse), "the warehouse's files");
    assertTrue(!Files.exists(Path.of("/tmp/borderwatch-attack")) && !Files.exists(Path.of("/tmp/borderwatch-attack-y")));
  }

  private static String toUri(String p) {
    return p.startsWith("file:") ? p : Path.of(p).toAbsolutePath().toUri().toString();
  }
}
