package org.borderwatch.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.core.privacy.EraseJob;
import org.borderwatch.core.privacy.Pseudonymizer;
import org.borderwatch.core.session.AnalystAccess;
import org.borderwatch.core.session.AnalystAudit;
import org.borderwatch.ingest.IngestJob;
import org.borderwatch.resolve.ResolveJob;
import org.borderwatch.testing.ChainOrder;
import org.borderwatch.testing.SharedSpark;
import org.borderwatch.testing.SparkTest;
import org.borderwatch.testing.TinyChain;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * erase on the tiny world, after every stage ran: one person (a name and document nobody else has) is erased; then
 * no file of the lakehouse (tables, old versions, logs, landing files, reports, the audit) holds their name, document
 * number or pseudonym, others are intact, and the next ingest and resolve do not bring them back.
 */
@SparkTest
@Order(ChainOrder.ERASE)
class ErasureTest {
  /**
   * Every file under {@code dir} that holds one of {@code values}: text and gzip files as UTF-8, Parquet files (data
   * files of every version, checkpoints) value by value with Parquet's own reader (no Spark job per folder).
   */
  static List<String> holding(Path dir, Set<String> values) throws Exception {
    List<String> out = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    Configuration hadoop = new Configuration();
    for (Path p : files) {
      String text;
      if (p.getFileName().toString().endsWith(".parquet")) {
        text = parquetText(p, hadoop);
      } else {
        byte[] b = Files.readAllBytes(p);
        if (p.getFileName().toString().endsWith(".gz")) {
          try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
            b = in.readAllBytes();
          }
        }
        text = new String(b, StandardCharsets.UTF_8);
      }
      for (String v : values) {
        if (text.contains(v)) {
          out.add(dir.relativize(p) + " holds " + v);
        }
      }
    }
    return out;
  }

  /** Every string value of a Parquet file (nested groups, lists and maps included), one per line. */
  static String parquetText(Path file, Configuration hadoop) throws Exception {
    StringBuilder text = new StringBuilder();
    try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(),
        new org.apache.hadoop.fs.Path(file.toUri())).withConf(hadoop).build()) {
      Group g;
      while ((g = reader.read()) != null) {
        appendStrings(g, text);
      }
    }
    return text.toString();
  }

  private static void appendStrings(Group g, StringBuilder text) {
    GroupType type = g.getType();
    for (int f = 0; f < type.getFieldCount(); f++) {
      Type t = type.getType(f);
      for (int i = 0; i < g.getFieldRepetitionCount(f); i++) {
        if (!t.isPrimitive()) {
          appendStrings(g.getGroup(f, i), text);
        } else if (t.asPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.BINARY) {
          text.append(g.getBinary(f, i).toStringUsingUTF8()).append('\n');
        }
      }
    }
  }

  @Test
  void anErasedPersonLeavesNoTraceAndDoesNotComeBack(SparkSession spark) throws Exception {
    TinyChain.ensure();
    Path lakehouse = SharedSpark.root().resolve("lakehouse");
    Path landing = lakehouse.resolve("world").resolve("landing");
    // the person: a checkpoint traveller with a document number, at least two mentions, and a name and document
    // that no other identity's mentions hold (so that finding them anywhere afterwards is a leak)
    Map<String, Set<String>> valuesByEntity = new HashMap<>();
    Map<String, Integer> mentions = new HashMap<>();
    List<Row> rows = spark.sql("SELECT e.entity_id, m.name_original, m.document_number, m.name_latin, m.source "
        + "FROM silver.mention_entities e JOIN silver.person_mentions m USING (mention_id)").collectAsList();
    for (Row r : rows) {
      Set<String> v = valuesByEntity.computeIfAbsent(r.getString(0), k -> new TreeSet<>());
      for (int i = 1; i <= 3; i++) {
        if (!r.isNullAt(i)) {
          v.add(r.getString(i));
        }
      }
      mentions.merge(r.getString(0), 1, Integer::sum);
    }
    String entity = null;
    Set<String> values = null;
    String document = null;
    for (Row r : rows) {
      String e = r.getString(0);
      if (!"checkpoint".equals(r.getString(4)) || r.isNullAt(2) || mentions.get(e) < 2 || r.getString(1).length() < 8) {
        continue;
      }
      Set<String> mine = new TreeSet<>(List.of(r.getString(1), r.getString(2)));
      boolean unique = valuesByEntity.entrySet().stream().filter(x -> !x.getKey().equals(e))
          .flatMap(x -> x.getValue().stream()).noneMatch(o -> mine.stream().anyMatch(o::contains));
      if (unique && (entity == null || e.compareTo(entity) < 0)) {
        entity = e;
        values = mine;
        document = r.getString(2);
      }
    }
    assertTrue(entity != null, "a person to erase");
    String key = new Pseudonymizer(SharedSpark.TEST_KEY).token("per", entity);
    Set<String> grep = new TreeSet<>(values);
    for (String v : values) {
      grep.add(Normalizer.normalize(v, Normalizer.Form.NFC));
    }
    grep.add(key);
    // the pseudonym gold gives their document (gold.persons and wherever else it is cited)
    grep.add(new Pseudonymizer(SharedSpark.TEST_KEY).token("doc", document));
    long persons = spark.table("gold.persons").count();
    long allMentions = spark.table("silver.person_mentions").count();
    int theirs = mentions.get(entity);
    // before: the name is in the landing zone, the tables, and (here) an audited statement and a report
    AnalystAudit audit = new AnalystAudit();
    audit.record(new AnalystAudit.Entry(java.time.Instant.now(), new AnalystAccess("investigator", "ivan", "sql@test",
        List.of(), List.of()), "t", "SELECT * FROM silver.person_mentions WHERE name_original = '"
        + values.iterator().next() + "'", List.of("silver.person_mentions"), 1L, "allowed", null));
    audit.flush(spark);
    Path report = lakehouse.resolve("reports").resolve("2099-W01");
    Files.createDirectories(report);
    Files.writeString(report.resolve("report.html"), "<p>key individual " + key + "</p>");
    Files.writeString(report.resolve("report.pdf"), "%PDF (the report of the same week)");
    // the search finds them before the erasure: in the landing files, and in the tables' Parquet files
    List<String> before = holding(lakehouse, grep);
    assertTrue(before.stream().anyMatch(h -> h.startsWith(lakehouse.relativize(landing) + "/")), before.toString());
    assertTrue(before.stream().anyMatch(h -> h.startsWith("warehouse/") && h.contains(".parquet holds ")),
        "the person is in the tables' Parquet files before the erasure: " + before);

    new EraseJob(key, null, null).run(TinyChain.context("erase"));
    assertEquals(List.of(), holding(lakehouse, grep), "files that still hold the person");
    assertEquals(persons - 1, spark.table("gold.persons").count());
    assertEquals(allMentions - theirs, spark.table("silver.person_mentions").count());
    assertTrue(!Files.exists(report.resolve("report.pdf")));
    Row erasure = spark.table("ops.erasures").first();
    assertEquals(1L, spark.table("ops.erasures").count());
    assertEquals(theirs, erasure.<Integer>getAs("mentions"));
    // history is gone: no version before the erasure can be read back
    assertThrows(Exception.class, () -> spark.read().option("versionAsOf", 0).table("silver.person_mentions").count());
    // again: nothing left, said so
    assertEquals("already erased: nothing of this person is left",
        new EraseJob(key, null, null).run(TinyChain.context("erase")).summary());

    // the next run: the landing files are known (their new checksums recorded), and resolving again finds nobody
    IngestJob ingest = new IngestJob(landing.toString(), null);
    ingest.run(TinyChain.context("ingest"));
    assertEquals(0, ingest.result().files());
    assertEquals(0L, spark.sql("SELECT count(*) FROM ops.ingest_log WHERE status = 'CHANGED_REJECTED'").first()
        .getLong(0));
    // and the stages that make person-level gold from silver (the rest of the pipeline works on zones and corridors)
    new ResolveJob().run(TinyChain.context("resolve"));
    new org.borderwatch.victims.VictimsJob().run(TinyChain.context("victims"));
    new org.borderwatch.networks.NetworksJob().run(TinyChain.context("networks"));
    assertEquals(persons - 1, spark.table("gold.persons").count());
    List<String> back = new ArrayList<>();
    for (Row t : spark.sql("SHOW TABLES IN gold").collectAsList()) {
      if (t.getBoolean(2)) {
        continue; // a job's temporary view of the session
      }
      org.apache.spark.sql.Dataset<Row> d = spark.table("gold." + t.getString(1));
      org.apache.spark.sql.Column json = org.apache.spark.sql.functions.to_json(org.apache.spark.sql.functions.struct(
          java.util.Arrays.stream(d.columns()).map(org.apache.spark.sql.functions::col)
              .toArray(org.apache.spark.sql.Column[]::new)));
      for (String v : grep) {
        if (!d.where(json.contains(v)).isEmpty()) {
          back.add("gold." + t.getString(1) + " holds " + v);
        }
      }
    }
    assertEquals(List.of(), back, "what the next run brought back");
    // the week's report written again from the new gold, and then no file of the lakehouse (tables of every layer,
    // their logs, reports, landing files) holds the person
    new org.borderwatch.report.weekly.ReportJob().run(TinyChain.context("report"));
    assertEquals(List.of(), holding(lakehouse, grep), "files that hold the person after the next run");
  }
}
