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
    List<String> catalog = catalog(spark);

    // the attacks: integration/src/test/resources/analyst-attacks.sql (ServeIT sends the same over Spark Connect)
    List<String> codeAndWrites = new ArrayList<>();
    List<String> layerAttacks = new ArrayList<>();
    boolean layer = false;
    for (String line : new String(AnalystAttacksTest.class.getResourceAsStream("/analyst-attacks.sql").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
      if (line.startsWith("# layer")) {
        layer = true;
      } else if (!line.isBlank() && !line.startsWith("#")) {
        (layer ? layerAttacks : codeAndWrites).add(line.replace("${location}", location));
      }
    }
    // an allowed append, fed from a layer the analyst does not read
    layerAttacks.add("INSERT INTO ops.victim_feedback SELECT id, 'confirmed' FROM silver.attack_items");
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
    assertEquals(catalog, catalog(spark), "the catalog's tables, views and functions");
    assertEquals(before, files(warehouse), "the warehouse's files");
    assertTrue(!Files.exists(Path.of("/tmp/borderwatch-attack")) && !Files.exists(Path.of("/tmp/borderwatch-attack-y")));
  }

  /** Every table and view of every database, and the session's functions that are not built in. */
  static List<String> catalog(SparkSession spark) {
    List<String> out = new ArrayList<>();
    for (org.apache.spark.sql.Row db : spark.sql("SHOW DATABASES").collectAsList()) {
      for (org.apache.spark.sql.Row t : spark.sql("SHOW TABLES IN " + db.getString(0)).collectAsList()) {
        out.add(db.getString(0) + "." + t.getString(1) + (t.getBoolean(2) ? " (temporary)" : ""));
      }
      spark.sql("SHOW USER FUNCTIONS IN " + db.getString(0)).collectAsList().forEach(f -> out.add("function "
          + f.getString(0)));
    }
    return out;
  }

  private static String toUri(String p) {
    return p.startsWith("file:") ? p : Path.of(p).toAbsolutePath().toUri().toString();
  }
}
