package org.borderwatch.resolve;

import static org.apache.spark.sql.functions.col;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.borderwatch.common.linkage.StableIds;
import org.borderwatch.core.config.BorderwatchConfig;
import org.borderwatch.core.error.Errors;
import org.borderwatch.core.job.Progress;
import org.borderwatch.ingest.conform.Countries;
import org.borderwatch.ingest.conform.Names;
import org.borderwatch.ingest.conform.Phones;
import org.borderwatch.ingest.core.Values;

/**
 * resolve --input people.csv --out DIR: resolves any list of people with the same engine. Standard
 * columns (any subset): id, given_name, family_name, full_name, dob, sex, nationality, document_number,
 * phone, email, address, city. Names, dates, phones and countries are conformed as in ingestion;
 * email, address and city are carried but not compared. Writes DIR/entities.csv (id,entity_id) and
 * DIR/pairs.csv (pairs with match probability ≥ 0.5 and each field's weight).
 */
public final class PeopleCsv {
  public static final List<String> COLUMNS = List.of("id", "given_name", "family_name", "full_name", "dob", "sex",
      "nationality", "document_number", "phone", "email", "address", "city");

  private PeopleCsv() {}

  /** What was written. */
  public record Summary(long people, long entities, long pairs) {}

  static final StructType INPUT = DataTypes.createStructType(List.of(
      DataTypes.createStructField("mention_id", DataTypes.StringType, false),
      DataTypes.createStructField("name_key", DataTypes.StringType, true),
      DataTypes.createStructField("family_key", DataTypes.StringType, true),
      DataTypes.createStructField("dob", DataTypes.DateType, true),
      DataTypes.createStructField("birth_year", DataTypes.IntegerType, true),
      DataTypes.createStructField("document", DataTypes.StringType, true),
      DataTypes.createStructField("phone", DataTypes.StringType, true),
      DataTypes.createStructField("nationality", DataTypes.StringType, true),
      DataTypes.createStructField("sex", DataTypes.StringType, true)));

  /** One input row conformed into the resolver's shape (pure, for tests). */
  static Row conform(Map<String, String> v) {
    String nat = Countries.alpha3(v.get("nationality"));
    String full = v.get("full_name");
    if (full == null) {
      full = String.join(" ", List.of(v.getOrDefault("given_name", ""), v.getOrDefault("family_name", ""))).strip();
    }
    Names.Conformed n = Names.conform(full.isEmpty() ? null : full, nat);
    String family = v.get("family_name") != null ? String.join(" ", Names.tokens(Names.latin(v.get("family_name"))))
        : n.family();
    LocalDate dob = null;
    Integer year = null;
    String d = v.get("dob");
    if (d != null) {
      for (String p : List.of("yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "yyyyMMdd")) {
        dob = dob == null ? Values.date(d, p) : dob;
      }
      if (dob == null && d.strip().matches("\\d{4}")) {
        year = Integer.parseInt(d.strip());
      }
    }
    String sex = v.get("sex") == null ? null : v.get("sex").strip().toUpperCase(Locale.ROOT).startsWith("F") ? "F"
        : v.get("sex").strip().toUpperCase(Locale.ROOT).startsWith("M") ? "M" : null;
    String doc = v.get("document_number") == null ? null
        : v.get("document_number").replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    return RowFactory.create(v.get("id"), n.key(), family == null || family.isEmpty() ? null : family,
        dob == null ? null : java.sql.Date.valueOf(dob), year != null ? year : dob == null ? null : dob.getYear(), doc,
        Phones.e164(v.get("phone"), Countries.alpha2(nat)), nat, sex);
  }

  public static Summary resolve(SparkSession spark, BorderwatchConfig config, Path input, Path out, Progress progress)
      throws IOException {
    if (!Files.isReadable(input)) {
      throw Errors.missingInput("input file " + input, "give a readable CSV with a header line");
    }
    Dataset<Row> raw = spark.read().option("header", "true").option("inferSchema", "false")
        .option("mode", "FAILFAST").csv(input.toString());
    Set<String> have = Set.of(raw.columns());
    if (!have.contains("id")) {
      throw Errors.badArgument("--input", input.toString(), "a CSV with an 'id' column and any of " + COLUMNS);
    }
    List<String> used = COLUMNS.stream().filter(have::contains).toList();
    Dataset<Row> picked = raw.select(used.stream().map(c -> col("`" + c + "`")).toArray(org.apache.spark.sql.Column[]::new));
    long dupIds = picked.count() - picked.select("id").distinct().count();
    if (dupIds > 0) {
      throw Errors.badArgument("--input", input.toString(), "unique values in the id column (" + dupIds + " repeated)");
    }
    JavaRDD<Row> conformed = picked.toJavaRDD().map(r -> {
      Map<String, String> v = new HashMap<>();
      for (int i = 0; i < used.size(); i++) {
        String s = r.getString(i);
        v.put(used.get(i), s == null || s.isBlank() ? null : s);
      }
      return conform(v);
    });
    Dataset<Row> mentions = spark.createDataFrame(conformed, INPUT);
    Resolver.Result res = new Resolver(spark, ResolveJob.settings(config), progress).run(mentions);

    Files.createDirectories(out);
    Map<String, String> entityOf = new HashMap<>();
    List<String[]> entities = new ArrayList<>();
    for (Row r : res.assignments.collectAsList()) {
      String e = entityOf.computeIfAbsent(r.getString(2), StableIds::newId);
      entities.add(new String[] {r.getString(0), e});
    }
    entities.sort((a, b) -> a[0].compareTo(b[0]));
    write(out.resolve("entities.csv"), List.of("id", "entity_id"), entities);

    Map<String, List<String>> idsOfRecord = new HashMap<>();
    for (Row r : res.assignments.collectAsList()) {
      idsOfRecord.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(r.getString(0));
    }
    List<String[]> pairs = new ArrayList<>();
    for (Row p : res.links.unionByName(res.linksBelowThreshold(0.5), true).collectAsList()) {
      for (String a : idsOfRecord.get(p.getString(p.fieldIndex("record_l")))) {
        for (String b : idsOfRecord.get(p.getString(p.fieldIndex("record_r")))) {
          pairs.add(pairRow(a, b, p));
        }
      }
    }
    // people with identical fields form one record: they match on everything they have
    for (List<String> ids : idsOfRecord.values()) {
      for (int i = 0; i < ids.size(); i++) {
        for (int j = i + 1; j < ids.size(); j++) {
          pairs.add(new String[] {min(ids.get(i), ids.get(j)), max(ids.get(i), ids.get(j)), "1.000000", "", "", "",
              "", "", "", ""});
        }
      }
    }
    pairs.sort((a, b) -> (a[0] + "\u0000" + a[1]).compareTo(b[0] + "\u0000" + b[1]));
    write(out.resolve("pairs.csv"), List.of("id_l", "id_r", "match_probability", "match_weight", "w_name", "w_dob",
        "w_document", "w_phone", "w_nationality", "w_sex"), pairs);
    return new Summary(entities.size(), new java.util.HashSet<>(entityOf.values()).size(), pairs.size());
  }

  private static String min(String a, String b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static String max(String a, String b) {
    return a.compareTo(b) <= 0 ? b : a;
  }

  private static String[] pairRow(String a, String b, Row p) {
    return new String[] {min(a, b), max(a, b), fmt(p.getAs("match_probability")), fmt(p.getAs("match_weight")),
        fmt(p.getAs("w_name")), fmt(p.getAs("w_dob")), fmt(p.getAs("w_document")), fmt(p.getAs("w_phone")),
        fmt(p.getAs("w_nationality")), fmt(p.getAs("w_sex"))};
  }

  private static String fmt(Object d) {
    return d == null ? "" : String.format(Locale.ROOT, "%.6f", (Double) d);
  }

  private static void write(Path f, List<String> header, List<String[]> rows) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
      w.write(String.join(",", header));
      w.write('\n');
      for (String[] r : rows) {
        List<String> q = new ArrayList<>();
        for (String s : r) {
          q.add(s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s);
        }
        w.write(String.join(",", q));
        w.write('\n');
      }
    }
  }
}
