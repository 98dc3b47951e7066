package org.borderwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.testing.FreshLakehouse;
import org.borderwatch.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@FreshLakehouse
class SqlAndTablesTest {

  @Test
  void selectOnePrintsTheValue() {
    CliRun r = SharedSpark.cli("sql", "select 1 as one");
    assertEquals(0, r.exit(), r.err());
    assertEquals("one\n---\n  1\n", r.out());
    r = SharedSpark.cli("sql", "--format", "csv", "select 1 as one");
    assertEquals("one\n1\n", r.out());
    r = SharedSpark.cli("sql", "--format", "json", "select 1 as one, 'a' as s");
    assertEquals("{\"one\":1,\"s\":\"a\"}\n", r.out());
  }

  @Test
  void theReadmesOpsQueryWorksOnANewLakehouse() {
    // the lakehouse is new (no job has run): the first command creates the ops tables, empty
    CliRun r = SharedSpark.cli("sql", "--format", "csv",
        "select * from ops.job_runs order by started_at desc limit 5");
    assertEquals(0, r.exit(), r.err());
    assertEquals(String.join(",", org.borderwatch.core.job.JobRunner.JOB_RUNS.schema().fieldNames()) + "\n", r.out(),
        "the table's header and no run");
    r = SharedSpark.cli("sql", "--format", "csv", "select count(*) n from ops.victim_feedback");
    assertEquals(0, r.exit(), r.err());
    assertEquals("n\n0\n", r.out(), "the analyst's feedback table is there to append to");
  }

  @Test
  void scriptFileRunsEveryStatement(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("q.sql");
    Files.writeString(f, "CREATE OR REPLACE TEMP VIEW w AS SELECT id FROM range(3);\nSELECT sum(id) AS total FROM w;\n");
    CliRun r = SharedSpark.cli("sql", "-f", f.toString(), "--format", "csv");
    assertEquals(0, r.exit(), r.err());
    assertEquals("total\n3\n", r.out());
  }

  @Test
  void sqlErrorIsSparksMessageWithoutStackTrace() {
    CliRun r = SharedSpark.cli("sql", "select * from no_such_table");
    assertEquals(1, r.exit());
    assertTrue(r.err().startsWith("borderwatch: SQL error: [TABLE_OR_VIEW_NOT_FOUND]"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  void analystSqlIsReadOnlyUnlessReadWrite(SparkSession spark) {
    CliRun r = SharedSpark.cli("sql", "create database analyst_made");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("refused: this is a read-only analyst session"), r.err());
    r = SharedSpark.cli("sql", "--read-write", "create database if not exists engineer_made");
    assertEquals(0, r.exit(), r.err());
    assertTrue(spark.catalog().databaseExists("engineer_made"));
    spark.sql("DROP DATABASE engineer_made");
  }

  @Test
  void tablesListsEveryTableAndCreatesTheDatabases(SparkSession spark) {
    CliRun r = SharedSpark.cli("tables");
    assertEquals(0, r.exit(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(List.of("layer", "table", "rows", "last_update", "description"), List.of(lines.get(0).split(" +")));
    // every table of the catalog, one line each, by layer (bronze, silver, gold, ops) and name
    assertEquals(org.borderwatch.core.catalog.Tables.all().stream().sorted(java.util.Comparator.comparing(
        (org.borderwatch.core.catalog.TableId t) -> t.layer().ordinal()).thenComparing(t -> t.name()))
        .map(t -> t.fullName()).toList(),
        lines.subList(2, lines.size()).stream().map(l -> l.split(" +")[0] + "." + l.split(" +")[1]).toList());
    for (String db : new String[] {"bronze", "silver", "gold", "ops"}) {
      assertTrue(spark.catalog().databaseExists(db), db);
    }
  }
}
