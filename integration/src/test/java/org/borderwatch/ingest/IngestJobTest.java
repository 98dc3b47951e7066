package org.borderwatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.core.catalog.Tables;
import org.borderwatch.core.config.BorderwatchConfig;
import org.borderwatch.core.error.BorderwatchException;
import org.borderwatch.core.job.JobContext;
import org.borderwatch.core.job.Progress;
import org.borderwatch.ingest.core.DefectCorpusTest.CorpusFile;
import org.borderwatch.ingest.core.DefectCorpusTest;
import org.borderwatch.testing.FreshLakehouse;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest job on the defect corpus, then the same landing zone again (nothing changes), one more file
 * (exactly its rows are added), a late correction (its silver row is updated) and a changed file (refused).
 */
@FreshLakehouse
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestJobTest {
  @TempDir
  static Path landing;
  static Map<String, Long> versionsAfterFirst;

  /** What the last ingest said on its progress stream. */
  static String said;

  static IngestJob.Result ingest(SparkSession spark, BorderwatchConfig config) throws Exception {
    IngestJob job = new IngestJob(landing.toString(), null);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.PrintStream out = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8)) {
      job.run(JobContext.of(spark, config, null, "ingest", new Progress(out, true)));
    }
    said = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    return job.result();
  }

  static void write(String rel, byte[] bytes) throws Exception {
    Path p = landing.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.write(p, bytes);
  }

  static Map<String, Long> versions(SparkSession spark) throws Exception {
    Map<String, Long> v = new TreeMap<>();
    for (String db : List.of("bronze", "silver", "ops")) {
      for (org.apache.spark.sql.catalog.Table t : spark.catalog().listTables(db).collectAsList()) {
        String name = db + "." + t.name();
        v.put(name, spark.sql("DESCRIBE HISTORY " + name + " LIMIT 1").first().getLong(0));
      }
    }
    return v;
  }

  @Test
  @Order(1)
  void defectCorpusLandsWithExactQuarantineAndAccounting(SparkSession spark, BorderwatchConfig config)
      throws Exception {
    Set<String> expectedQuarantine = new HashSet<>();
    for (CorpusFile f : DefectCorpusTest.corpus()) {
      write(f.path(), f.bytes());
    }
    IngestJob.Result r = ingest(spark, config);
    assertEquals(6, r.files());
    // the exact quarantine: file, line and reason of every bad line
    Set<String> quarantine = spark.table(Tables.QUARANTINE.fullName()).collectAsList().stream()
        .map(q -> q.getAs("source_file") + ":" + q.getAs("line") + ":" + q.getAs("reason")).collect(Collectors.toSet());
    expectedQuarantine.addAll(Set.of(
        "border/detections/detections_2025-W10.jsonl.gz:3:BAD_COORDINATES",
        "border/detections/detections_2025-W10.jsonl.gz:5:MISSING_REQUIRED",
        "border/detections/detections_2025-W10.jsonl.gz:6:MALFORMED_JSON",
        "border/detections/detections_2025-W10.jsonl.gz:7:BAD_VALUE",
        "social/posts/posts_2025-W10.jsonl.gz:0:UNREADABLE_FILE",
        "police/screenings/screenings_2025-W10.csv:4:WRONG_FIELD_COUNT",
        "police/screenings/screenings_2025-W10.csv:5:INVALID_UTF8",
        "police/screenings/screenings_2025-W10.csv:6:BLANK_LINE",
        "police/screenings/screenings_2025-W10.csv:7:BAD_VALUE",
        "police/screenings/screenings_2025-W10.csv:8:BAD_VALUE",
        "border/checkpoints/th/checkpoint_th_2025-W10.csv:3:BAD_VALUE",
        "border/checkpoints/th/checkpoint_th_2025-W10.csv:4:MISSING_REQUIRED"));
    assertEquals(expectedQuarantine, quarantine);

    // one log row per file, lines read = landed + quarantined, exactly
    Map<String, String> log = spark.table(Tables.INGEST_LOG.fullName()).collectAsList().stream()
        .collect(Collectors.toMap(x -> x.getAs("file"), x -> x.getAs("lines_read") + "=" + x.getAs("rows_landed")
            + "+" + x.getAs("rows_quarantined") + " dup " + x.getAs("duplicates")));
    assertEquals(Map.of(
        "border/detections/detections_2025-W10.jsonl.gz", "8=4+4 dup 1",
        "border/detections/detections_2025-W11.jsonl.gz", "0=0+0 dup 0",
        "social/posts/posts_2025-W10.jsonl.gz", "1=0+1 dup 0",
        "police/screenings/screenings_2025-W10.csv", "8=3+5 dup 1",
        "border/checkpoints/th/checkpoint_th_2025-W10.csv", "3=1+2 dup 0",
        "border/checkpoints/th/checkpoint_th_2025-W11.csv", "0=0+0 dup 0"), log);
    Row drift = spark.sql("SELECT drift_fields FROM ops.ingest_log WHERE file LIKE '%detections_2025-W10%'").first();
    assertEquals(List.of("sensor_model"), drift.getList(0));
    // and said once, for the feed and field, with its file
    assertEquals(List.of("! sensor_model: not in the detections contract, kept in _rescued (1 file: "
        + "border/detections/detections_2025-W10.jsonl.gz)"), said.lines().map(String::strip)
            .filter(l -> l.contains("sensor_model")).toList(), said);

    // silver: duplicates gone, swapped coordinates repaired and flagged, renamed column accepted
    List<Row> det = spark.sql("SELECT detection_id, lat, lon, coord_repaired FROM silver.detections "
        + "ORDER BY detection_id").collectAsList();
    assertEquals(List.of("D1|17.28999|104.7421|false", "D2|17.28999|104.7421|true", "D4|16.5|98.6|false"),
        det.stream().map(x -> x.get(0) + "|" + x.get(1) + "|" + x.get(2) + "|" + x.get(3)).toList());
    assertEquals("MD091744", spark.sql("SELECT document_number FROM silver.border_crossings").first().getString(0));
    assertEquals(2L, spark.table("silver.victim_screenings").count());
    assertEquals(1L, spark.sql("SELECT count(*) FROM silver.victim_screenings WHERE screening_id = 'V2' "
        + "AND name_original = 'Sok, Dara' AND deception AND indicator_count = 6 AND indicators_asked = 9 "
        + "AND restriction_of_movement IS NULL AND NOT isolation").first().getLong(0));
    assertEquals("{\"sensor_model\":\"RDR-9\"}",
        spark.sql("SELECT _rescued FROM bronze.detections WHERE detection_id = 'D4'").first().getString(0));
    versionsAfterFirst = versions(spark);
  }

  @Test
  @Order(2)
  void ingestingTheSameLandingZoneAgainChangesNoTable(SparkSession spark, BorderwatchConfig config) throws Exception {
    IngestJob.Result r = ingest(spark, config);
    assertEquals(0, r.files());
    assertEquals(6, r.skipped());
    assertEquals(versionsAfterFirst, versions(spark));
  }

  @Test
  @Order(3)
  void oneMoreFileAddsExactlyItsRowsAndALateRecordUpdatesSilver(SparkSession spark, BorderwatchConfig config)
      throws Exception {
    long bronzeBefore = spark.table("bronze.detections").count();
    long silverBefore = spark.table("silver.detections").count();
    String late = "{\"detection_id\":\"D1\",\"observed_at\":\"2025-03-09T01:07:10+07:00\",\"lat\":17.28999,"
        + "\"lon\":104.7421,\"group_size\":9,\"sensor\":\"patrol\",\"unit\":\"UNIT-THLAMID-2\"}";
    String fresh = "{\"detection_id\":\"D9\",\"observed_at\":\"2025-03-16T03:00:00+07:00\",\"lat\":16.8,"
        + "\"lon\":98.5,\"group_size\":4,\"sensor\":\"camera\"}";
    write("border/detections/detections_2025-W12.jsonl.gz",
        DefectCorpusTest.gzip((late + "\n" + fresh + "\n").getBytes(StandardCharsets.UTF_8)));
    IngestJob.Result r = ingest(spark, config);
    assertEquals(1, r.files());
    assertEquals(bronzeBefore + 2, spark.table("bronze.detections").count());
    assertEquals(silverBefore + 1, spark.table("silver.detections").count());
    Row d1 = spark.sql("SELECT group_size, sensor, source_file FROM silver.detections WHERE detection_id = 'D1'")
        .first();
    assertEquals(9, d1.getInt(0));
    assertEquals("patrol", d1.getString(1));
    assertTrue(d1.getString(2).endsWith("detections_2025-W12.jsonl.gz"));
  }

  @Test
  @Order(4)
  void aFileChangedAfterIngestIsReportedAndLeftOut(SparkSession spark, BorderwatchConfig config) throws Exception {
    long before = spark.table("bronze.checkpoint_th").count();
    Path f = landing.resolve("border/checkpoints/th/checkpoint_th_2025-W11.csv");
    Files.writeString(f, Files.readString(f) + "TH-9;MAE_SOT;IN;03/03/2568 08:00;;MIN;MMR;M;01/01/2540;P;MA1;\n");
    IngestJob.Result r = ingest(spark, config);
    assertEquals(1, r.changed());
    assertEquals(before, spark.table("bronze.checkpoint_th").count());
    assertEquals("CHANGED_REJECTED", spark.sql("SELECT status FROM ops.ingest_log WHERE file LIKE "
        + "'%checkpoint_th_2025-W11.csv' ORDER BY ingested_at DESC LIMIT 1").first().getString(0));
  }
  @Test
  @Order(5)
  void hostileFileNamesAreDataAndLinksAreNotFollowed(SparkSession spark, BorderwatchConfig config) throws Exception {
    Map<String, Long> before = new TreeMap<>();
    for (String t : List.of("bronze.checkpoint_th", "bronze.quarantine", "bronze.detections", "silver.detections",
        "ops.ingest_log", "ops.ingested_files")) {
      before.put(t, spark.table(t).count());
    }
    // names a careless ingest would paste into SQL: a predicate that matches every row, quotes, a backslash,
    // a line break
    List<String> names = List.of("border/detections/detections_P') OR 1=1 --.jsonl.gz",
        "border/detections/detections_x\\') OR 1=1 --.jsonl.gz",
        "border/detections/detections_it's a \\ test.jsonl.gz", "border/detections/detections_two\nlines.jsonl.gz");
    int id = 100;
    for (String n : names) {
      write(n, DefectCorpusTest.gzip(("{\"detection_id\":\"H" + (id++) + "\",\"observed_at\":\"2025-03-16T03:00:00+07:00\","
          + "\"lat\":16.8,\"lon\":98.5,\"group_size\":2,\"sensor\":\"camera\"}\n").getBytes(StandardCharsets.UTF_8)));
    }
    // links: to a file outside the zone, dangling, and a loop
    Path dir = landing.resolve("border/detections");
    Files.createSymbolicLink(dir.resolve("detections_passwd.jsonl.gz"), Path.of("/etc/passwd"));
    Files.createSymbolicLink(dir.resolve("detections_gone.jsonl.gz"), Path.of("/nowhere/at/all.jsonl.gz"));
    Files.createSymbolicLink(dir.resolve("loop"), dir);
    IngestJob.Result r = ingest(spark, config);
    assertEquals(4, r.files());
    // exactly the four files' rows are added; no table lost a row
    assertEquals(before.get("bronze.detections") + 4, spark.table("bronze.detections").count());
    assertEquals(before.get("silver.detections") + 4, spark.table("silver.detections").count());
    assertEquals(before.get("bronze.checkpoint_th"), spark.table("bronze.checkpoint_th").count());
    assertEquals(before.get("bronze.quarantine"), spark.table("bronze.quarantine").count());
    // the names land verbatim; each link is logged, none followed: nothing of /etc/passwd anywhere
    List<Row> log = spark.sql("SELECT file, status FROM ops.ingest_log WHERE batch_id = (SELECT max(batch_id) FROM "
        + "ops.ingest_log) ORDER BY file").collectAsList();
    assertEquals(List.of(
        "border/checkpoints/th/checkpoint_th_2025-W11.csv CHANGED_REJECTED", // still changed since test 4
        "border/detections/detections_P') OR 1=1 --.jsonl.gz INGESTED",
        "border/detections/detections_gone.jsonl.gz SKIPPED_LINK",
        "border/detections/detections_it's a \\ test.jsonl.gz INGESTED",
        "border/detections/detections_passwd.jsonl.gz SKIPPED_LINK",
        "border/detections/detections_two\nlines.jsonl.gz INGESTED",
        "border/detections/detections_x\\') OR 1=1 --.jsonl.gz INGESTED",
        "border/detections/loop SKIPPED_LINK"), log.stream().map(x -> x.getString(0) + " " + x.getString(1)).toList());
    assertEquals(0, spark.table("bronze.quarantine").where("raw_text LIKE '%root:%'").count());
    assertTrue(said.contains("! 3 symbolic links in the landing zone not followed (ingest.follow-links is false)"),
        said);
    // and the next ingest, with one more plain file, replaces by those names without a mismatch; a NUL inside its
    // id is removed, and counted
    write("border/detections/detections_2025-W13.jsonl.gz", DefectCorpusTest.gzip(("{\"detection_id\":\"H2\\u000000\","
        + "\"observed_at\":\"2025-03-23T03:00:00+07:00\",\"lat\":16.8,\"lon\":98.5,\"group_size\":2,\"sensor\":"
        + "\"camera\"}\n").getBytes(StandardCharsets.UTF_8)));
    assertEquals(1, ingest(spark, config).files());
    assertEquals(before.get("bronze.detections") + 5, spark.table("bronze.detections").count());
    assertEquals(1L, spark.table("bronze.detections").where("detection_id = 'H200'").count());
    assertEquals(List.of(1), spark.sql("SELECT repaired_lines FROM ops.ingest_log WHERE file = "
        + "'border/detections/detections_2025-W13.jsonl.gz'").collectAsList().stream().map(x -> x.getInt(0)).toList());
    assertTrue(said.contains("! control characters (NUL and the like) removed from fields of landed lines in 1 file: "
        + "border/detections/detections_2025-W13.jsonl.gz (1)"), said);
  }

  @Test
  @Order(6)
  void theDevelopmentKeyIsRefusedOnDataThatIsNotASimulatedWorld(SparkSession spark, BorderwatchConfig config,
      @TempDir Path world) throws Exception {
    BorderwatchConfig development = config.with(Map.of("privacy.pseudonym-key",
        org.borderwatch.core.privacy.PseudonymKey.DEVELOPMENT));
    long logged = spark.table("ops.ingest_log").count();
    write("border/detections/detections_2025-W12.jsonl.gz", DefectCorpusTest.gzip(("{\"detection_id\":\"K1\","
        + "\"observed_at\":\"2025-03-16T03:00:00+07:00\",\"camera\":\"c\"}\n").getBytes(StandardCharsets.UTF_8)));
    // this landing zone is hand-made: ingest refuses the public key before it lands a line
    BorderwatchException e = assertThrows(BorderwatchException.class, () -> ingest(spark, development));
    assertTrue(e.getMessage().startsWith("refused: the development pseudonym key"), e.getMessage());
    assertEquals(logged, spark.table("ops.ingest_log").count());
    // the earlier ingests (with a key of the tests' own) marked the lakehouse: jobs that make pseudonyms refuse it too
    BorderwatchException made = assertThrows(BorderwatchException.class,
        () -> org.borderwatch.core.privacy.PseudonymKey.forLakehouse(spark, development));
    assertTrue(made.getMessage().contains("this lakehouse holds data that is not a simulated world"), made.getMessage());
    assertEquals(org.borderwatch.testing.SharedSpark.TEST_KEY, org.borderwatch.core.privacy.PseudonymKey.forLakehouse(spark, config));
    // a simulated world's landing zone (its manifest beside it) takes the development key
    Files.createDirectories(world.resolve("landing"));
    Files.writeString(world.resolve(org.borderwatch.core.privacy.PseudonymKey.WORLD_MANIFEST), "{}");
    org.borderwatch.core.privacy.PseudonymKey.beforeIngest(spark, development, world.resolve("landing").toString());
    // a key file: its first line, and only when its owner alone reads it
    Path keyFile = world.resolve("key");
    Files.writeString(keyFile, "a-key-from-a-file-0123456789\n");
    Files.setPosixFilePermissions(keyFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    BorderwatchConfig fromFile = config.with(Map.of("privacy.pseudonym-key-file", keyFile.toString()));
    BorderwatchException open = assertThrows(BorderwatchException.class,
        () -> org.borderwatch.core.privacy.PseudonymKey.of(fromFile));
    assertTrue(open.getMessage().contains("is readable by others"), open.getMessage());
    Files.setPosixFilePermissions(keyFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    assertEquals("a-key-from-a-file-0123456789", org.borderwatch.core.privacy.PseudonymKey.forLakehouse(spark, fromFile));
  }
}
