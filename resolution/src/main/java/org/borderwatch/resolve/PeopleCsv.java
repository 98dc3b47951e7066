package org.borderwatch.resolve;


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
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.borderwatch.common.linkage.StableIds;
import org.borderwatch.common.text.DelimitedText;
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
 * phone, email, address, city, postcode. Names, dates, phones and countries are conformed as in ingestion; email,
 * city, address and postcode are normalised (case, accents, punctuation, spaces). What is compared, and how, is the
 * settings file's (--settings; by default the bundled conf/resolution/people.conf, which compares every column).
 * Writes DIR/entities.csv (id,entity_id) and DIR/pairs.csv (pairs with match probability ≥ 0.5 and each field's
 * weight).
 *
 * <p>The file is read as RFC 4180 text ({@link DelimitedText}): strictly decoded in the given encoding (UTF-8
 * by default), the delimiter given or detected from the header, quoted fields with delimiters, doubled quotes
 * and line breaks. Columns of other names are reported and left out unless {@code --map} names them; dates that
 * are not understood are reported (count and first examples) and then treated as missing. Several columns may map to
 * address (a street number and street lines, say): their values are joined in the file's order.
 */
public final class PeopleCsv {
  public static final List<String> COLUMNS = List.of("id", "given_name", "family_name", "full_name", "dob", "sex",
      "nationality", "document_number", "phone", "email", "address", "city", "postcode");

  /** Standard columns that several of the file's columns may map to (joined with a space, in the file's order). */
  static final java.util.Set<String> JOINABLE = java.util.Set.of("address");

  private PeopleCsv() {}

  /**
   * How to read the file: delimiter (0 = detect), encoding (null = detect: the byte-order mark's, else UTF-8), and
   * renames of the file's columns to standard ones.
   */
  public record Options(char delimiter, java.nio.charset.Charset encoding, Map<String, String> map,
      String labelColumn, org.borderwatch.common.linkage.LinkageSettings settings, Path against) {
    public static final Options DEFAULT = new Options((char) 0, null, Map.of(), null, null, null);

    public Options(char delimiter, java.nio.charset.Charset encoding, Map<String, String> map) {
      this(delimiter, encoding, map, null, null, null);
    }

    public Options(char delimiter, java.nio.charset.Charset encoding, Map<String, String> map, String labelColumn) {
      this(delimiter, encoding, map, labelColumn, null, null);
    }

    /** The same options, linking against a previous resolution's folder. */
    public Options against(Path dir) {
      return new Options(delimiter, encoding, map, labelColumn, settings, dir);
    }
  }

  /**
   * What was written, what the reader had to say about the file, each id's entity, and each id's value in the label
   * column (empty without one; a blank value has no entry), for scoring the resolution elsewhere.
   */
  public record Summary(long people, long entities, long pairs, List<String> warnings, Map<String, String> entityOf,
      Map<String, String> labels, Incremental incremental) {}

  /** With --against: the new people, those that joined an existing entity, and the new entities they form. */
  public record Incremental(long newPeople, long joinedExisting, long newEntities) {}

  /** A previous resolution's folder: its people (records.csv, the standard columns as read) and their entities. */
  record Previous(List<Map<String, String>> rows, Map<String, String> entityOf) {}

  /** Reads DIR/records.csv and DIR/entities.csv as a previous {@code resolve --input} wrote them. */
  static Previous previous(Path dir) throws IOException {
    Path recs = dir.resolve("records.csv");
    Path ents = dir.resolve("entities.csv");
    if (!Files.isRegularFile(recs) || !Files.isRegularFile(ents)) {
      throw Errors.missingInput("--against " + dir, "give the --out folder of an earlier resolve --input (it holds "
          + "records.csv and entities.csv)");
    }
    DelimitedText.Table r;
    DelimitedText.Table e;
    try {
      r = DelimitedText.parse(DelimitedText.decode(Files.readAllBytes(recs), StandardCharsets.UTF_8), ',');
    } catch (IllegalArgumentException x) {
      throw Errors.badInputFile(recs.toString(), x.getMessage());
    }
    try {
      e = DelimitedText.parse(DelimitedText.decode(Files.readAllBytes(ents), StandardCharsets.UTF_8), ',');
    } catch (IllegalArgumentException x) {
      throw Errors.badInputFile(ents.toString(), x.getMessage());
    }
    if (!r.header().equals(COLUMNS)) {
      throw Errors.badInputFile(recs.toString(), "not a records.csv of resolve --input (header " + r.header() + ")");
    }
    Map<String, String> entityOf = new HashMap<>();
    for (String[] row : e.rows()) {
      entityOf.put(row[0], row[1]);
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 0; i < r.rows().size(); i++) {
      Map<String, String> v = new HashMap<>();
      String[] row = r.rows().get(i);
      for (int c = 0; c < COLUMNS.size(); c++) {
        v.put(COLUMNS.get(c), row[c].isBlank() ? null : row[c]);
      }
      if (!entityOf.containsKey(v.get("id"))) {
        throw Errors.badInputFile(ents.toString(), "no entity for id '" + v.get("id") + "' of records.csv line "
            + r.lines().get(i));
      }
      rows.add(v);
    }
    return new Previous(rows, entityOf);
  }

  /** Date layouts understood in the dob column, besides a bare year. */
  static final List<String> DATE_PATTERNS = List.of("yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "yyyyMMdd");

  static final StructType INPUT = DataTypes.createStructType(List.of(
      DataTypes.createStructField("mention_id", DataTypes.StringType, false),
      DataTypes.createStructField("name_key", DataTypes.StringType, true),
      DataTypes.createStructField("family_key", DataTypes.StringType, true),
      DataTypes.createStructField("dob", DataTypes.DateType, true),
      DataTypes.createStructField("birth_year", DataTypes.IntegerType, true),
      DataTypes.createStructField("document", DataTypes.StringType, true),
      DataTypes.createStructField("phone", DataTypes.StringType, true),
      DataTypes.createStructField("nationality", DataTypes.StringType, true),
      DataTypes.createStructField("sex", DataTypes.StringType, true),
      DataTypes.createStructField("email", DataTypes.StringType, true),
      DataTypes.createStructField("city", DataTypes.StringType, true),
      DataTypes.createStructField("address", DataTypes.StringType, true),
      DataTypes.createStructField("postcode", DataTypes.StringType, true)));

  /** One input row conformed into the resolver's shape (pure, for tests). */
  static Row conform(Map<String, String> v) {
    String nat = Countries.alpha3(v.get("nationality"));
    String full = v.get("full_name");
    if (full == null) {
      // a column may be present with a blank value (null here): never a name of "null"
      full = String.join(" ", List.of(blankIfNull(v.get("given_name")), blankIfNull(v.get("family_name")))).strip();
    }
    Names.Conformed n = Names.conform(full.isEmpty() ? null : full, nat, true);
    String family = v.get("family_name") != null ? familyKey(v.get("family_name"), nat) : n.family();
    Object parsed = v.get("dob") == null ? null : parseDate(v.get("dob"));
    LocalDate dob = parsed instanceof LocalDate x ? x : null;
    Integer year = parsed instanceof Integer y ? y : null;
    String sex = v.get("sex") == null ? null : v.get("sex").strip().toUpperCase(Locale.ROOT).startsWith("F") ? "F"
        : v.get("sex").strip().toUpperCase(Locale.ROOT).startsWith("M") ? "M" : null;
    String doc = v.get("document_number") == null ? null
        : v.get("document_number").replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    return RowFactory.create(v.get("id"), n.key(), family == null || family.isEmpty() ? null : family,
        dob == null ? null : java.sql.Date.valueOf(dob), year != null ? year : dob == null ? null : dob.getYear(), doc,
        Phones.e164(v.get("phone"), Countries.alpha2(nat)), nat, sex, email(v.get("email")), words(v.get("city")),
        words(v.get("address")), postcode(v.get("postcode")));
  }

  /** The family name's key: its tokens without suffixes after the first (Jr, 3rd Baronet). */
  static String familyKey(String family, String nat) {
    return String.join(" ", Names.withoutSuffixes(Names.tokens(Names.latin(Names.nfkc(family)))));
  }

  /** An email address in lower case without spaces; null when it has no '@' with text on both sides. */
  static String email(String e) {
    if (e == null) {
      return null;
    }
    String x = e.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    int at = x.indexOf('@');
    return at > 0 && at < x.length() - 1 ? x : null;
  }

  /** Lower-case ASCII words without punctuation (a city or an address); null when none is left. */
  static String words(String s) {
    if (s == null) {
      return null;
    }
    List<String> t = Names.tokens(Names.latin(Names.nfkc(s)));
    return t.isEmpty() ? null : String.join(" ", t);
  }

  /** A postcode in upper case without spaces or hyphens; null when empty. */
  static String postcode(String s) {
    if (s == null) {
      return null;
    }
    String x = s.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    return x.isEmpty() ? null : x;
  }

  private static String blankIfNull(String s) {
    return s == null ? "" : s;
  }

  /**
   * The file read and checked: standard columns by name, the rows' values in that order, warnings, and each row's
   * value in the label column when one is named (a column read apart and never matched on, such as a benchmark's
   * true cluster ids; null without one, a blank value null).
   */
  record Input(List<String> columns, List<String[]> rows, List<String> warnings, List<String> labels) {}

  /** Reads and checks the list (pure, for tests): every problem is an error or a warning naming its line. */
  static Input read(String file, byte[] bytes, Options o) {
    DelimitedText.Table t;
    try {
      t = DelimitedText.parse(DelimitedText.decode(bytes, o.encoding() != null ? o.encoding()
          : DelimitedText.detect(bytes)), o.delimiter());
    } catch (IllegalArgumentException e) {
      throw Errors.badInputFile(file, e.getMessage());
    }
    List<String> warnings = new ArrayList<>();
    for (String from : o.map().keySet()) {
      if (!t.header().contains(from)) {
        throw Errors.badInputFile(file, "--map names a column '" + from + "' the header does not have (columns: "
            + String.join(", ", t.header()) + ")");
      }
      if (!COLUMNS.contains(o.map().get(from))) {
        throw Errors.badArgument("--map", from + "=" + o.map().get(from), "a standard column: " + COLUMNS);
      }
    }
    int labelAt = -1;
    if (o.labelColumn() != null) {
      labelAt = t.header().indexOf(o.labelColumn());
      if (labelAt < 0) {
        throw Errors.badInputFile(file, "no truth column '" + o.labelColumn() + "' in the header (columns: "
            + String.join(", ", t.header()) + ")");
      }
      if (o.map().containsKey(o.labelColumn()) || COLUMNS.contains(o.labelColumn())) {
        throw Errors.badArgument("--truth-column", o.labelColumn(), "a column that is not also matched on (it is "
            + "the answer, never an input)");
      }
    }
    List<String> names = new ArrayList<>();
    for (String h : t.header()) {
      names.add(o.map().getOrDefault(h, h));
    }
    List<String> columns = new ArrayList<>();
    List<List<Integer>> at = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      if (i == labelAt) {
        continue; // read apart, never matched on
      }
      if (!COLUMNS.contains(n)) {
        unknown.add(t.header().get(i));
      } else if (columns.contains(n) && JOINABLE.contains(n)) {
        at.get(columns.indexOf(n)).add(i);
      } else if (columns.contains(n)) {
        throw Errors.badInputFile(file, "two columns would be '" + n + "' (check --map; only " + JOINABLE
            + " may come from several)");
      } else {
        columns.add(n);
        at.add(new ArrayList<>(List.of(i)));
      }
    }
    if (!columns.contains("id")) {
      throw Errors.badInputFile(file, "no 'id' column among " + t.header() + " (delimiter '"
          + DelimitedText.printable(t.delimiter()) + "'" + (o.delimiter() == 0 ? ", detected" : "")
          + "); the standard columns are " + COLUMNS + ", and --map THEIR_NAME=id renames one");
    }
    if (t.rows().isEmpty()) {
      throw Errors.badInputFile(file, "a header and no rows: nothing to resolve");
    }
    if (!unknown.isEmpty()) {
      warnings.add("columns left out (not standard; --map THEIR_NAME=STANDARD_NAME uses one): "
          + String.join(", ", unknown));
    }
    List<String[]> rows = new ArrayList<>();
    List<String> labels = labelAt < 0 ? null : new ArrayList<>();
    int blankLabels = 0;
    Map<String, Integer> firstLineOfId = new HashMap<>();
    int badDates = 0;
    List<String> badDateExamples = new ArrayList<>();
    int dobAt = columns.indexOf("dob");
    for (int r = 0; r < t.rows().size(); r++) {
      String[] all = t.rows().get(r);
      String[] v = new String[columns.size()];
      for (int c = 0; c < v.length; c++) {
        StringBuilder s = new StringBuilder();
        for (int i : at.get(c)) {
          if (!all[i].isBlank()) {
            s.append(s.length() == 0 ? "" : " ").append(all[i].strip());
          }
        }
        v[c] = s.length() == 0 ? null : s.toString();
      }
      int line = t.lines().get(r);
      if (v[0] == null) {
        throw Errors.badInputFile(file, "line " + line + ": no id");
      }
      Integer first = firstLineOfId.putIfAbsent(v[0], line);
      if (first != null) {
        throw Errors.badInputFile(file, "line " + line + ": id '" + v[0] + "' again (first on line " + first
            + "); ids must be unique");
      }
      if (dobAt >= 0 && v[dobAt] != null && parseDate(v[dobAt]) == null) {
        badDates++;
        if (badDateExamples.size() < 3) {
          badDateExamples.add("'" + v[dobAt] + "' on line " + line);
        }
      }
      rows.add(v);
      if (labels != null) {
        String c = all[labelAt].strip();
        blankLabels += c.isEmpty() ? 1 : 0;
        labels.add(c.isEmpty() ? null : c);
      }
    }
    if (blankLabels > 0) {
      warnings.add(blankLabels + " row(s) with a blank truth column, each counted as a cluster of its own");
    }
    if (badDates > 0) {
      warnings.add(String.format(Locale.ROOT, "%d date(s) of birth not understood, treated as missing (%s); "
          + "understood: %s or a bare year", badDates, String.join(", ", badDateExamples),
          String.join(", ", DATE_PATTERNS)));
    }
    return new Input(List.copyOf(columns), rows, List.copyOf(warnings), labels);
  }

  /** A date of birth or a bare year in any understood layout; null when none fits. */
  static Object parseDate(String d) {
    for (String p : DATE_PATTERNS) {
      LocalDate x = Values.date(d, p);
      if (x != null) {
        return x;
      }
    }
    return d.strip().matches("\\d{4}") ? Integer.valueOf(d.strip()) : null;
  }

  public static Summary resolve(SparkSession spark, BorderwatchConfig config, Path input, Path out, Progress progress)
      throws IOException {
    return resolve(spark, config, input, out, Options.DEFAULT, progress);
  }

  public static Summary resolve(SparkSession spark, BorderwatchConfig config, Path input, Path out, Options options,
      Progress progress) throws IOException {
    if (!Files.isRegularFile(input) || !Files.isReadable(input)) {
      throw Errors.missingInput("input file " + input, "give a readable CSV with a header line");
    }
    Input in = read(input.toString(), Files.readAllBytes(input), options);
    in.warnings().forEach(w -> progress.info("! " + input.getFileName() + ": " + w));
    Previous prev = options.against() == null ? null : previous(options.against());
    List<String> used = in.columns();
    List<Map<String, String>> all = new ArrayList<>();
    for (String[] r : in.rows()) {
      Map<String, String> v = new HashMap<>();
      for (int i = 0; i < used.size(); i++) {
        v.put(used.get(i), r[i]);
      }
      all.add(v);
    }
    if (prev != null) {
      for (Map<String, String> v : all) {
        if (prev.entityOf().containsKey(v.get("id"))) {
          throw Errors.badInputFile(input.toString(), "id '" + v.get("id") + "' is already in " + options.against()
              + "; ids must be unique across the lists");
        }
      }
      all.addAll(prev.rows());
    }
    List<Row> conformedRows = new ArrayList<>();
    for (Map<String, String> v : all) {
      conformedRows.add(conform(v));
    }
    Dataset<Row> mentions = spark.createDataFrame(conformedRows, INPUT);
    Resolver.Settings settings = ResolveJob.settings(config, options.settings() != null ? options.settings()
        : SettingsFile.people());
    Resolver.Result res = new Resolver(spark, settings, progress).run(mentions);

    Files.createDirectories(out);
    Map<String, String> entityOfId = new HashMap<>();
    List<Row> assigned = res.assignments.collectAsList();
    Incremental incremental = null;
    if (prev == null) {
      Map<String, String> entityOf = new HashMap<>();
      for (Row r : assigned) {
        entityOfId.put(r.getString(0), entityOf.computeIfAbsent(r.getString(2), StableIds::newId));
      }
    } else {
      incremental = linkNew(res, assigned, conformedRows, prev, settings, entityOfId);
    }
    List<String[]> entities = new ArrayList<>();
    entityOfId.forEach((id, e) -> entities.add(new String[] {id, e}));
    entities.sort((a, b) -> a[0].compareTo(b[0]));
    write(out.resolve("entities.csv"), List.of("id", "entity_id"), entities);
    List<String[]> records = new ArrayList<>();
    for (Map<String, String> v : all) {
      String[] row = new String[COLUMNS.size()];
      for (int c = 0; c < row.length; c++) {
        row[c] = v.getOrDefault(COLUMNS.get(c), null) == null ? "" : v.get(COLUMNS.get(c));
      }
      records.add(row);
    }
    records.sort((a, b) -> a[0].compareTo(b[0]));
    write(out.resolve("records.csv"), COLUMNS, records);
    Map<String, String> labels = new HashMap<>();
    if (in.labels() != null) {
      for (int i = 0; i < in.rows().size(); i++) {
        if (in.labels().get(i) != null) {
          labels.put(in.rows().get(i)[0], in.labels().get(i));
        }
      }
    }

    Map<String, List<String>> idsOfRecord = new HashMap<>();
    for (Row r : assigned) {
      idsOfRecord.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(r.getString(0));
    }
    List<String[]> pairs = new ArrayList<>();
    java.util.function.Predicate<String> isNew = id -> prev == null || !prev.entityOf().containsKey(id);
    Dataset<Row> listed = prev == null ? res.links.unionByName(res.linksBelowThreshold(0.5), true)
        : res.explainedFrom.apply(0.5);
    for (Row p : listed.collectAsList()) {
      for (String a : idsOfRecord.get(p.getString(p.fieldIndex("record_l")))) {
        for (String b : idsOfRecord.get(p.getString(p.fieldIndex("record_r")))) {
          if (isNew.test(a) || isNew.test(b)) {
            pairs.add(pairRow(a, b, p));
          }
        }
      }
    }
    // people with identical fields form one record: they match on everything they have
    for (List<String> ids : idsOfRecord.values()) {
      for (int i = 0; i < ids.size(); i++) {
        for (int j = i + 1; j < ids.size(); j++) {
          if (!isNew.test(ids.get(i)) && !isNew.test(ids.get(j))) {
            continue;
          }
          String[] row = new String[3 + 1 + WEIGHTS.size()];
          java.util.Arrays.fill(row, "");
          row[0] = min(ids.get(i), ids.get(j));
          row[1] = max(ids.get(i), ids.get(j));
          row[2] = "1.000000";
          pairs.add(row);
        }
      }
    }
    pairs.sort((a, b) -> (a[0] + "\u0000" + a[1]).compareTo(b[0] + "\u0000" + b[1]));
    List<String> header = new ArrayList<>(List.of("id_l", "id_r", "match_probability", "match_weight"));
    header.addAll(WEIGHTS);
    write(out.resolve("pairs.csv"), header, pairs);
    return new Summary(entities.size(), new java.util.HashSet<>(entityOfId.values()).size(), pairs.size(),
        in.warnings(), Map.copyOf(entityOfId), Map.copyOf(labels), incremental);
  }

  /**
   * The new people's entities, the existing ones kept ({@link org.borderwatch.common.linkage.Incremental}): fills
   * {@code entityOfId} for every id, old and new.
   */
  private static Incremental linkNew(Resolver.Result res, List<Row> assigned, List<Row> conformed, Previous prev,
      Resolver.Settings settings, Map<String, String> entityOfId) {
    Map<String, String> recordOf = new HashMap<>();
    for (Row r : assigned) {
      recordOf.put(r.getString(0), r.getString(1));
    }
    Map<String, String> entityOfOldRecord = new java.util.TreeMap<>();
    java.util.Set<String> newRecords = new java.util.TreeSet<>();
    Map<String, org.borderwatch.common.linkage.ChainingGuard.Known> known = new HashMap<>();
    for (Row c : conformed) {
      String id = c.getString(0);
      String rec = recordOf.get(id);
      java.sql.Date dob = (java.sql.Date) c.get(INPUT.fieldIndex("dob"));
      known.putIfAbsent(rec, new org.borderwatch.common.linkage.ChainingGuard.Known(c.getString(INPUT.fieldIndex(
          "document")), dob == null ? null : dob.toLocalDate()));
      if (prev.entityOf().containsKey(id)) {
        entityOfOldRecord.putIfAbsent(rec, prev.entityOf().get(id));
      } else {
        newRecords.add(rec);
      }
    }
    List<org.borderwatch.common.linkage.ChainingGuard.Link> links = new ArrayList<>();
    for (Row l : res.accepted.select("record_l", "record_r", "match_weight").collectAsList()) {
      links.add(new org.borderwatch.common.linkage.ChainingGuard.Link(l.getString(0), l.getString(1), l.getDouble(2)));
    }
    Map<String, String> assignedNew = org.borderwatch.common.linkage.Incremental.assign(entityOfOldRecord,
        newRecords, links, known, settings.linkage(), settings.maxCluster());
    java.util.Set<String> taken = new java.util.HashSet<>(prev.entityOf().values());
    Map<String, String> fresh = new HashMap<>();
    long newPeople = 0;
    long joined = 0;
    for (Row c : conformed) {
      String id = c.getString(0);
      if (prev.entityOf().containsKey(id)) {
        entityOfId.put(id, prev.entityOf().get(id)); // existing people keep their entities
        continue;
      }
      newPeople++;
      String a = assignedNew.get(recordOf.get(id));
      if (!a.startsWith("new:")) {
        joined++;
        entityOfId.put(id, a);
      } else {
        entityOfId.put(id, fresh.computeIfAbsent(a, k -> {
          String e = StableIds.newId(k.substring(4));
          for (int i = 1; taken.contains(e); i++) {
            e = StableIds.newId(k.substring(4) + "#" + i);
          }
          taken.add(e);
          return e;
        }));
      }
    }
    return new Incremental(newPeople, joined, fresh.size());
  }

  private static String min(String a, String b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static String max(String a, String b) {
    return a.compareTo(b) <= 0 ? b : a;
  }

  /** The weight columns of pairs.csv: one per field the engine can compare (empty when the settings do not). */
  static final List<String> WEIGHTS = java.util.Arrays.stream(org.borderwatch.common.linkage.LinkageSettings.Field
      .values()).map(f -> "w_" + f.column()).toList();

  private static String[] pairRow(String a, String b, Row p) {
    List<String> out = new ArrayList<>(List.of(min(a, b), max(a, b), fmt(p.getAs("match_probability")),
        fmt(p.getAs("match_weight"))));
    for (String w : WEIGHTS) {
      out.add(fmt(p.getAs(w)));
    }
    return out.toArray(String[]::new);
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
          q.add(s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
              ? '"' + s.replace("\"", "\"\"") + '"' : s);
        }
        w.write(String.join(",", q));
        w.write('\n');
      }
    }
  }
}
