package org.borderwatch.core.privacy;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.transform;

import io.delta.tables.DeltaTable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.borderwatch.core.catalog.Lakehouse;
import org.borderwatch.core.catalog.TableId;
import org.borderwatch.core.catalog.TableSpec;
import org.borderwatch.core.catalog.Tables;
import org.borderwatch.core.config.LakehousePaths;
import org.borderwatch.core.error.BorderwatchException;
import org.borderwatch.core.job.Job;
import org.borderwatch.core.job.JobContext;
import org.borderwatch.core.job.JobOutcome;
import org.borderwatch.core.job.Progress;

/**
 * erase: removes a person from the lakehouse. The person is named by their gold pseudonym ({@code --person}) or by
 * the id of a source record that mentions them ({@code --source-id}); their resolved identity gives their mentions,
 * the mentions give their identifiers (names, document numbers, phones, handles, accounts, in the forms the
 * agencies delivered and the forms silver holds) and the landing lines they came from. Then, in order:
 * <ol>
 *   <li>their own rows go: their mentions and identity rows in silver, every gold row keyed by their pseudonym;</li>
 *   <li>every other row of every table (bronze, silver, gold, ops) that holds one of their identifiers keeps its row
 *   with the identifier replaced by {@code [erased]} (a crossing record, a case file naming several persons, an
 *   audited statement); a row that would still hold one in a nested field is removed;</li>
 *   <li>the landing lines they came from are rewritten the same way (so a later ingest cannot bring them back), and
 *   {@code ops.ingested_files} learns the files' new size and checksum;</li>
 *   <li>weekly reports that name their pseudonym are removed (the next {@code report} re-issues the week);</li>
 *   <li>Delta's history of every table changed is removed: data files the current version does not read (as VACUUM
 *   with no retention would) and the old log (checkpoint, then the commits before it): time travel before the
 *   erasure is gone, by design;</li>
 *   <li>{@code ops.erasures} records the erasure without the person's data (a digest of the reference given).</li>
 * </ol>
 * Idempotent: a second run finds nothing of the person and says the reference was already erased.
 */
public final class EraseJob implements Job {
  /** What an identifier becomes. */
  public static final String ERASED = "[erased]";
  /** Identifier columns of silver.person_mentions. */
  static final List<String> IDENTIFIER_COLUMNS = List.of("name_original", "name_latin", "document_number",
      "phone_e164", "handle", "account_no");
  /** The pseudonym kind gold gives each identifier column's values (bw_pseudonym(kind, value)). */
  static final Map<String, String> PSEUDONYM_KINDS = Map.of("document_number", "doc", "phone_e164", "phn",
      "handle", "hdl", "account_no", "acc");
  /** Shortest value treated as an identifier (shorter ones would match too much text). */
  static final int MIN_IDENTIFIER = 4;

  public static final TableSpec ERASURES = TableSpec.of(Tables.ERASURES)
      .col("erasure_id", DataTypes.StringType, false, "Unique id of the erasure")
      .col("erased_at", DataTypes.TimestampType, false, "When (UTC)")
      .col("erased_by", DataTypes.StringType, "Operating-system user who ran erase")
      .col("reference_digest", DataTypes.StringType, false,
          "SHA-256 of the reference given (person:KEY or source:ID), to tell a repeated request; not the person's data")
      .col("entities", DataTypes.IntegerType, "Resolved identities erased")
      .col("mentions", DataTypes.IntegerType, "Mentions erased")
      .col("rows_changed", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType),
          "Rows removed or redacted, by table")
      .col("landing_files", DataTypes.IntegerType, "Landing files whose lines were redacted")
      .col("reports_removed", DataTypes.IntegerType, "Report files removed (re-issue them with report)")
      .col("history_removed", DataTypes.BooleanType, "Old Delta versions of the changed tables removed")
      .key("erasure_id")
      .build();

  private final String personKey;
  private final String sourceId;
  private final String landing;

  /**
   * @param personKey the person's gold pseudonym (PER-...), or null
   * @param sourceId the id of a source record mentioning the person, or null (exactly one of the two)
   * @param landing the landing zone the person's lines came from (null: the lakehouse's simulated world's)
   */
  public EraseJob(String personKey, String sourceId, String landing) {
    if ((personKey == null) == (sourceId == null)) {
      throw new BorderwatchException(BorderwatchException.USAGE, "erase needs exactly one of --person KEY and "
          + "--source-id ID");
    }
    this.personKey = personKey;
    this.sourceId = sourceId;
    this.landing = landing;
  }

  @Override
  public String name() {
    return "erase";
  }

  @Override
  public JobOutcome run(JobContext ctx) throws Exception {
    SparkSession spark = ctx.spark();
    Progress progress = ctx.progress();
    Lakehouse.bootstrap(spark);
    Lakehouse.ensure(spark, ERASURES);
    String reference = personKey != null ? "person:" + personKey : "source:" + sourceId;
    String digest = sha256(reference.getBytes(StandardCharsets.UTF_8));
    Pseudonymizer pseudonyms = new Pseudonymizer(PseudonymKey.forLakehouse(spark, ctx.config()));
    pseudonyms.register(spark);

    // 1. the person: identities, mentions, identifiers, landing lines
    Progress.Stage find = progress.stage("find the person");
    Dataset<Row> me = spark.table(Tables.SILVER_MENTION_ENTITIES.fullName());
    Dataset<Row> chosen = personKey != null
        ? me.select("entity_id").distinct().where(expr("bw_pseudonym('per', entity_id)").equalTo(lit(personKey)))
        : me.where(col("source_record_id").equalTo(lit(sourceId))).select("entity_id").distinct();
    List<String> entities = chosen.collectAsList().stream().map(r -> r.getString(0)).sorted().toList();
    if (entities.isEmpty()) {
      boolean done = spark.table(ERASURES.fullName()).where(col("reference_digest").equalTo(lit(digest))).count() > 0;
      if (done) {
        find.done("already erased");
        return new JobOutcome(0, 0, "already erased: nothing of this person is left");
      }
      throw new BorderwatchException(BorderwatchException.FAILED, "no person " + (personKey != null
          ? "with key " + personKey : "mentioned by source record " + sourceId) + " in "
          + Tables.SILVER_MENTION_ENTITIES.fullName());
    }
    List<String> mentions = me.where(col("entity_id").isin(entities.toArray())).select("mention_id").distinct()
        .collectAsList().stream().map(r -> r.getString(0)).toList();
    List<String> keys = entities.stream().map(e -> pseudonyms.token("per", e)).toList();
    List<String> selected = new ArrayList<>(IDENTIFIER_COLUMNS);
    selected.addAll(List.of("source_file", "source_line"));
    List<Row> mentionRows = spark.table(Tables.SILVER_PERSON_MENTIONS.fullName())
        .where(col("mention_id").isin(mentions.toArray()))
        .select(selected.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new)).collectAsList();
    Set<String> identifiers = new TreeSet<>();
    Map<String, Set<Integer>> lines = new TreeMap<>();
    Set<String> identifierKeys = new TreeSet<>();
    for (Row r : mentionRows) {
      for (int i = 0; i < IDENTIFIER_COLUMNS.size(); i++) {
        addIdentifier(identifiers, r.getString(i));
        // gold holds their documents, phones, accounts and handles as pseudonyms too (gold.persons, ads' contacts,
        // mule accounts, evidence): those pseudonyms are theirs as well
        String kind = PSEUDONYM_KINDS.get(IDENTIFIER_COLUMNS.get(i));
        if (kind != null && !r.isNullAt(i)) {
          identifierKeys.add(pseudonyms.token(kind, r.getString(i)));
          if (kind.equals("hdl") && r.getString(i).startsWith("@")) {
            identifierKeys.add(pseudonyms.token(kind, r.getString(i).substring(1)));
          }
        }
      }
      if (!r.isNullAt(IDENTIFIER_COLUMNS.size()) && !r.isNullAt(IDENTIFIER_COLUMNS.size() + 1)) {
        lines.computeIfAbsent(r.getString(IDENTIFIER_COLUMNS.size()), k -> new TreeSet<>())
            .add(r.getInt(IDENTIFIER_COLUMNS.size() + 1));
      }
    }
    Path landingRoot = new Path(landing != null ? landing : new LakehousePaths(ctx.config()).landing());
    // the forms the agencies delivered: values on the person's landing lines that match an identifier once
    // normalised (spacing, punctuation, case, Unicode form), e.g. "+66 81-234 5678" for +66812345678
    Set<String> normalised = new TreeSet<>();
    identifiers.forEach(v -> normalised.add(normal(v)));
    for (Map.Entry<String, Set<Integer>> f : lines.entrySet()) {
      List<String> text = readLines(spark, new Path(landingRoot, f.getKey()));
      if (text == null) {
        continue;
      }
      for (int n : f.getValue()) {
        if (n >= 1 && n <= text.size()) {
          for (String token : tokens(text.get(n - 1))) {
            if (normalised.contains(normal(token))) {
              addIdentifier(identifiers, token);
            }
          }
        }
      }
    }
    List<String> erase = new ArrayList<>(identifiers);
    erase.addAll(keys);
    erase.addAll(identifierKeys);
    erase.addAll(entities);
    erase.sort((a, b) -> b.length() != a.length() ? Integer.compare(b.length(), a.length()) : a.compareTo(b));
    find.done(entities.size() + " identit" + (entities.size() == 1 ? "y" : "ies") + ", " + mentions.size()
        + " mentions, " + identifiers.size() + " identifier forms, lines in " + lines.size() + " landing files");

    // 2. every table of every layer
    Progress.Stage tablesStage = progress.stage("erase from the tables");
    List<String> all = new ArrayList<>();
    for (TableId.Layer layer : TableId.Layer.values()) {
      for (org.apache.spark.sql.catalog.Table t : spark.catalog().listTables(layer.database()).collectAsList()) {
        if (!t.isTemporary() && (t.tableType() == null || !t.tableType().equalsIgnoreCase("VIEW"))) {
          all.add(layer.database() + "." + t.name());
        }
      }
    }
    // tables are independent: a few at a time (each is mostly small Spark jobs waiting on one another)
    Map<String, Long> changed = new LinkedHashMap<>();
    List<Long> counts = inParallel(spark, all, table -> eraseFrom(spark, table, entities, mentions, keys, erase));
    for (int i = 0; i < all.size(); i++) {
      if (counts.get(i) > 0) {
        changed.put(all.get(i), counts.get(i));
      }
    }
    tablesStage.done(changed.values().stream().mapToLong(Long::longValue).sum() + " rows in " + changed.size()
        + " tables");

    // 3. the landing lines
    Progress.Stage landingStage = progress.stage("redact the landing lines");
    int files = 0;
    for (Map.Entry<String, Set<Integer>> f : lines.entrySet()) {
      if (redactLanding(spark, landingRoot, f.getKey(), f.getValue(), erase)) {
        files++;
      }
    }
    landingStage.done(files + " files rewritten");

    // 4. reports that name the person
    int reports = removeReports(spark, new Path(new LakehousePaths(ctx.config()).reports()), erase);

    // 5. history
    Progress.Stage history = progress.stage("remove the history of " + changed.size() + " tables");
    inParallel(spark, new ArrayList<>(changed.keySet()), table -> {
      purgeHistory(spark, table);
      return 0L;
    });
    history.done("old versions removed");

    // 6. the record, without the person's data
    String id = java.util.UUID.randomUUID().toString();
    Row record = RowFactory.create(id, Timestamp.from(Instant.now()), System.getProperty("user.name"), digest,
        entities.size(), mentions.size(), scala.jdk.javaapi.CollectionConverters.asScala(changed), files, reports, true);
    Lakehouse.append(spark, ERASURES, spark.createDataFrame(List.of(record), ERASURES.schema()));
    long rows = changed.values().stream().mapToLong(Long::longValue).sum();
    return new JobOutcome(mentions.size(), rows, String.format(Locale.ROOT,
        "erased %d identit%s (%d mentions): %d rows in %d tables, %d landing files, %d report files, history removed",
        entities.size(), entities.size() == 1 ? "y" : "ies", mentions.size(), rows, changed.size(), files, reports));
  }

  /** Work on one table. */
  interface TableWork {
    long apply(String table) throws Exception;
  }

  /** Runs {@code work} on every table, four at a time; results in the tables' order; the first failure is thrown. */
  static List<Long> inParallel(SparkSession spark, List<String> tables, TableWork work) throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "borderwatch-erase");
      t.setDaemon(true);
      return t;
    });
    try {
      List<java.util.concurrent.Future<Long>> futures = new ArrayList<>();
      for (String t : tables) {
        futures.add(pool.submit(() -> {
          SparkSession.setActiveSession(spark);
          return work.apply(t);
        }));
      }
      List<Long> out = new ArrayList<>();
      for (java.util.concurrent.Future<Long> f : futures) {
        try {
          out.add(f.get());
        } catch (java.util.concurrent.ExecutionException e) {
          throw e.getCause() instanceof Exception x ? x : new IllegalStateException(e.getCause());
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void addIdentifier(Set<String> out, String v) {
    if (v != null && v.strip().length() >= MIN_IDENTIFIER && !v.equals(ERASED)) {
      out.add(v.strip());
      out.add(Normalizer.normalize(v.strip(), Normalizer.Form.NFC));
      out.add(Normalizer.normalize(v.strip(), Normalizer.Form.NFD));
    }
  }

  /** Lower case, Unicode NFKC, letters and digits only: how an identifier is compared across its forms. */
  static String normal(String v) {
    return Normalizer.normalize(v, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }

  /** The values a raw line holds: its CSV cells and JSON strings, quotes removed. */
  static List<String> tokens(String line) {
    List<String> out = new ArrayList<>();
    for (String cell : line.split("[,;|\\t]")) {
      out.add(cell.strip().replaceAll("^\"|\"$", ""));
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(line);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** Removes the person's own rows and redacts their identifiers elsewhere in one table; returns rows changed. */
  static long eraseFrom(SparkSession spark, String table, List<String> entities, List<String> mentions,
      List<String> keys, List<String> erase) {
    DeltaTable delta;
    try {
      delta = DeltaTable.forName(spark, table);
    } catch (RuntimeException e) {
      return 0; // not a Delta table
    }
    Dataset<Row> df = delta.toDF();
    Set<String> columns = Set.of(df.columns());
    long changed = 0;
    // the person's own rows
    Column own = lit(false);
    if (table.equals(Tables.SILVER_MENTION_ENTITIES.fullName()) && columns.contains("entity_id")) {
      own = own.or(col("entity_id").isin(entities.toArray()));
    }
    if (columns.contains("mention_id")) {
      own = own.or(col("mention_id").isin(mentions.toArray()));
    }
    if (columns.contains("mention_l") && columns.contains("mention_r")) {
      own = own.or(col("mention_l").isin(mentions.toArray())).or(col("mention_r").isin(mentions.toArray()));
    }
    if (columns.contains("person_key")) {
      own = own.or(col("person_key").isin(keys.toArray()));
    }
    // identifiers in other rows: replaced in top-level strings and string arrays
    Column holds = lit(false);
    Map<String, Column> redacted = new LinkedHashMap<>();
    for (StructField f : df.schema().fields()) {
      Column c = col("`" + f.name().replace("`", "``") + "`");
      if (f.dataType() == DataTypes.StringType) {
        holds = holds.or(containsAny(c, erase));
        redacted.put("`" + f.name().replace("`", "``") + "`", redact(c, erase));
      } else if (f.dataType() instanceof ArrayType a && a.elementType() == DataTypes.StringType) {
        holds = holds.or(exists(c, x -> containsAny(x, erase)));
        redacted.put("`" + f.name().replace("`", "``") + "`", transform(c, x -> redact(x, erase)));
      }
    }
    // nested fields (structs, maps, arrays of them), where a value cannot be replaced in place: searched as JSON
    List<Column> complex = new ArrayList<>();
    for (StructField f : df.schema().fields()) {
      boolean flat = !complexType(f.dataType())
          || f.dataType() instanceof ArrayType a && !complexType(a.elementType());
      if (!flat) {
        complex.add(col("`" + f.name().replace("`", "``") + "`"));
      }
    }
    Column nested = complex.isEmpty() ? lit(false) : containsAny(org.apache.spark.sql.functions.to_json(
        org.apache.spark.sql.functions.struct(complex.toArray(Column[]::new))), erase);
    if (df.where(own.or(holds).or(nested)).isEmpty()) {
      return 0; // one scan for most tables: nothing of the person
    }
    long ownRows = df.where(own).count();
    if (ownRows > 0) {
      delta.delete(own);
      changed += ownRows;
    }
    Dataset<Row> current = delta.toDF();
    long holding = redacted.isEmpty() ? 0 : current.where(holds).count();
    if (holding > 0) {
      delta.update(holds, redacted);
      changed += holding;
    }
    // anything left in nested fields: the row goes
    long left = delta.toDF().where(nested).count();
    if (left > 0) {
      delta.delete(nested);
      changed += left;
    }
    return changed;
  }

  private static boolean complexType(org.apache.spark.sql.types.DataType t) {
    return t instanceof org.apache.spark.sql.types.StructType || t instanceof org.apache.spark.sql.types.MapType
        || t instanceof ArrayType;
  }

  /** One pattern of every value, each literal, longest first (so that a longer form is replaced whole). */
  static String pattern(List<String> values) {
    return String.join("|", values.stream().map(java.util.regex.Pattern::quote).toList());
  }

  private static Column containsAny(Column c, List<String> values) {
    return org.apache.spark.sql.functions.coalesce(c.rlike(pattern(values)), lit(false));
  }

  private static Column redact(Column c, List<String> values) {
    return org.apache.spark.sql.functions.regexp_replace(c, lit(pattern(values)), lit(ERASED));
  }

  /** The lines of a landing file (gunzipped), or null when it is not there. */
  private static List<String> readLines(SparkSession spark, Path p) throws IOException {
    byte[] bytes = read(spark, p);
    if (bytes == null) {
      return null;
    }
    return List.of(new String(bytes, StandardCharsets.UTF_8).split("\n", -1));
  }

  private static byte[] read(SparkSession spark, Path p) throws IOException {
    FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
    if (!fs.exists(p)) {
      return null;
    }
    byte[] raw;
    try (InputStream in = fs.open(p)) {
      raw = in.readAllBytes();
    }
    if (!p.getName().endsWith(".gz")) {
      return raw;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
      return in.readAllBytes();
    }
  }

  /**
   * Replaces the identifiers on the given lines of a landing file (the other lines and the line count stay), writes
   * the file back and gives ops.ingested_files its new size, time and checksum. Returns whether it changed.
   */
  static boolean redactLanding(SparkSession spark, Path root, String rel, Set<Integer> lineNumbers, List<String> erase)
      throws IOException {
    Path p = new Path(root, rel);
    byte[] bytes = read(spark, p);
    if (bytes == null) {
      return false;
    }
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
    boolean any = false;
    for (int n : lineNumbers) {
      if (n >= 1 && n <= lines.length) {
        String before = lines[n - 1];
        String after = before;
        for (String v : erase) {
          after = after.replace(v, ERASED);
        }
        if (!after.equals(before)) {
          lines[n - 1] = after;
          any = true;
        }
      }
    }
    if (!any) {
      return false;
    }
    byte[] text = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    byte[] out = text;
    if (p.getName().endsWith(".gz")) {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      try (OutputStream gz = new GZIPOutputStream(buf)) {
        gz.write(text);
      }
      out = buf.toByteArray();
    }
    FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
    Path tmp = new Path(p.getParent(), "." + p.getName() + ".erasing");
    try (OutputStream o = fs.create(tmp, true)) {
      o.write(out);
    }
    fs.delete(p, false);
    fs.rename(tmp, p);
    FileStatus st = fs.getFileStatus(p);
    if (spark.catalog().tableExists(Tables.INGESTED_FILES.fullName())) {
      Map<String, Column> set = new LinkedHashMap<>();
      set.put("size_bytes", lit(st.getLen()));
      set.put("modified_at", lit(st.getModificationTime()));
      set.put("checksum", lit(sha256(out)));
      DeltaTable.forName(spark, Tables.INGESTED_FILES.fullName()).update(col("file").equalTo(lit(rel)), set);
    }
    return true;
  }

  /** Removes report files (HTML, and the PDF beside it) that name one of the values; returns how many. */
  static int removeReports(SparkSession spark, Path reports, List<String> erase) throws IOException {
    FileSystem fs = reports.getFileSystem(spark.sparkContext().hadoopConfiguration());
    if (!fs.exists(reports)) {
      return 0;
    }
    int removed = 0;
    org.apache.hadoop.fs.RemoteIterator<org.apache.hadoop.fs.LocatedFileStatus> it = fs.listFiles(reports, true);
    List<Path> html = new ArrayList<>();
    while (it.hasNext()) {
      Path p = it.next().getPath();
      if (p.getName().endsWith(".html")) {
        html.add(p);
      }
    }
    for (Path p : html) {
      String text;
      try (InputStream in = fs.open(p)) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (erase.stream().anyMatch(text::contains)) {
        Path pdf = new Path(p.getParent(), p.getName().replaceFirst("\\.html$", ".pdf"));
        removed += fs.delete(p, false) ? 1 : 0;
        removed += fs.exists(pdf) && fs.delete(pdf, false) ? 1 : 0;
      }
    }
    return removed;
  }

  /**
   * Removes a table's history: every data file the current version does not read (as VACUUM with no retention would),
   * then, after a clean commit and a checkpoint of it, every older commit, checksum and checkpoint of its log.
   */
  static void purgeHistory(SparkSession spark, String table) throws IOException {
    // deletion vectors only hide removed rows: their files are rewritten first
    String dv = spark.sql("SHOW TBLPROPERTIES " + table).collectAsList().stream()
        .filter(r -> r.getString(0).equals("delta.enableDeletionVectors")).map(r -> r.getString(1)).findFirst()
        .orElse("false");
    if (dv.equalsIgnoreCase("true")) {
      spark.sql("REORG TABLE " + table + " APPLY (PURGE)").collect();
    }
    String location = spark.sql("DESCRIBE DETAIL " + table).first().<String>getAs("location");
    // what VACUUM with no retention does, without its listing jobs: every data file the current version does not
    // read is deleted (with its checksum file)
    Set<String> current = new java.util.HashSet<>();
    for (String f : DeltaTable.forName(spark, table).toDF().inputFiles()) {
      current.add(new Path(f).toUri().getPath());
    }
    Path root = new Path(location);
    FileSystem tfs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
    org.apache.hadoop.fs.RemoteIterator<org.apache.hadoop.fs.LocatedFileStatus> files = tfs.listFiles(root, true);
    List<Path> unused = new ArrayList<>();
    while (files.hasNext()) {
      Path f = files.next().getPath();
      String rel = f.toUri().getPath().substring(root.toUri().getPath().length());
      if (rel.contains("/_delta_log/") || rel.startsWith("_delta_log/") || rel.startsWith("/_delta_log")) {
        continue;
      }
      String name = f.getName();
      boolean checksum = name.startsWith(".") && name.endsWith(".crc");
      String data = checksum ? new Path(f.getParent(), name.substring(1, name.length() - 4)).toUri().getPath()
          : f.toUri().getPath();
      if (!current.contains(data)) {
        unused.add(f);
      }
    }
    for (Path f : unused) {
      tfs.delete(f, false);
    }
    org.apache.spark.sql.delta.DeltaLog log = org.apache.spark.sql.delta.DeltaLog.forTable(spark, new Path(location));
    // a commit of its own, so that the last commit names none of the values the erasure's commits named
    spark.sql("ALTER TABLE " + table + " SET TBLPROPERTIES ('borderwatch.history-removed-at' = '"
        + Instant.now() + "')");
    org.apache.spark.sql.delta.Snapshot snap = log.update(false, scala.Option.empty(), scala.Option.empty());
    long version = snap.version();
    log.checkpoint(snap, scala.Option.empty());
    Path logDir = new Path(location, "_delta_log");
    FileSystem fs = logDir.getFileSystem(spark.sparkContext().hadoopConfiguration());
    for (FileStatus f : fs.listStatus(logDir)) {
      String n = f.getPath().getName().replaceFirst("^\\.", "");
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d{20})\\..*").matcher(n);
      if (f.isFile() && m.matches() && Long.parseLong(m.group(1)) < version) {
        fs.delete(f.getPath(), false);
      }
    }
  }

  static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
