package org.borderwatch.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.borderwatch.core.config.ConfigKeys;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.CollectionAccumulator;
import org.borderwatch.core.catalog.Lakehouse;
import org.borderwatch.core.catalog.TableSpec;
import org.borderwatch.core.error.BorderwatchException;
import org.borderwatch.core.job.Job;
import org.borderwatch.core.job.JobContext;
import org.borderwatch.core.job.JobOutcome;
import org.borderwatch.core.job.Parallel;
import org.borderwatch.core.job.Progress;
import org.borderwatch.ingest.core.BronzeSpecs;
import org.borderwatch.ingest.core.Feed;
import org.borderwatch.ingest.core.FileReader;
import org.borderwatch.ingest.core.FeedContract;
import org.borderwatch.ingest.core.BronzeParser;
import org.borderwatch.ingest.core.Mentions;
import org.borderwatch.ingest.core.Raw;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ingest: finds landing files not ingested yet, lands their lines in bronze (or quarantine, with a
 * reason), accounts for every line in ops.ingest_log, and merges the conformed rows into silver by
 * natural key. Files already ingested (same path, size and time, or same checksum) are skipped; a file
 * that changed after it was ingested is reported and left out (deliver corrections as new files).
 */
public final class IngestJob implements Job {
  private static final Logger LOG = LoggerFactory.getLogger(IngestJob.class);

  private final String landing;
  private final String source;
  private boolean bronzeOnly;
  private boolean followLinks;
  /** Symbolic links the last scan found and did not follow. */
  private final List<Found> links = new ArrayList<>();

  /**
   * @param landing landing-zone path or URI
   * @param source border, police, social or finance; null for all
   */
  public IngestJob(String landing, String source) {
    this.landing = landing;
    this.source = source;
    if (source != null && !Feeds.SOURCES.contains(source)) {
      throw org.borderwatch.core.error.Errors.badArgument("--source", source, String.join(", ", Feeds.SOURCES));
    }
  }

  @Override
  public String name() {
    return "ingest";
  }

  /** Lands bronze and the accounting only, without building silver (used by the benchmark). */
  public IngestJob bronzeOnly() {
    this.bronzeOnly = true;
    return this;
  }

  /** A landing file found by the scan. */
  record Found(String relative, String absolute, long size, long modified, Feed feed) {}

  /** What one run did, for callers and tests. */
  public record Result(int files, int skipped, int changed, long linesRead, long landed, long quarantined,
      long duplicates, Map<String, Long> silverRows) {}

  private Result last;

  public Result result() {
    return last;
  }

  @Override
  public JobOutcome run(JobContext ctx) throws IOException {
    SparkSession spark = ctx.spark();
    Progress progress = ctx.progress();
    Lakehouse.bootstrap(spark);
    List<Feed> feeds = new ArrayList<>();
    for (Feed f : Feeds.all(ctx.config())) {
      if (source == null || f.contract().source().equals(source)) {
        feeds.add(f);
      }
    }
    String batch = Instant.now().toString().replaceAll("[-:]", "").replace(".", "") + "-"
        + UUID.randomUUID().toString().substring(0, 8);
    Timestamp now = Timestamp.from(Instant.now());

    // 1. scan the landing zone and decide what is new
    Progress.Stage scan = progress.stage("scan " + landing);
    followLinks = ctx.config().get(ConfigKeys.INGEST_FOLLOW_LINKS);
    links.clear();
    List<Found> found = scan(spark, feeds);
    // the public development key is for simulated worlds: refused before a line of anything else is read
    org.borderwatch.core.privacy.PseudonymKey.beforeIngest(spark, ctx.config(), landing);
    Map<String, Row> known = new HashMap<>();
    for (Row r : Lakehouse.read(spark, BronzeSpecs.INGESTED_FILES).collectAsList()) {
      known.put(r.getString(0), r);
    }
    List<Found> todo = new ArrayList<>();
    List<Row> changedLog = new ArrayList<>();
    int skipped = 0;
    for (Found f : found) {
      Row k = known.get(f.relative());
      if (k == null) {
        todo.add(f);
      } else if (k.getLong(2) == f.size() && k.getLong(3) == f.modified()) {
        skipped++;
      } else {
        String sum = checksum(spark, f.absolute());
        if (sum.equals(k.getString(4))) {
          skipped++; // touched but identical
        } else {
          changedLog.add(RowFactory.create(batch, f.feed().contract().name(), f.feed().contract().source(),
              f.relative(), f.size(), sum, "CHANGED_REJECTED", null, null, null, null, null, null, new String[0], now,
              null));
          progress.info("! " + f.relative() + " changed after it was ingested on " + k.getTimestamp(6)
              + ": left out (deliver corrections as a new file)");
        }
      }
    }
    for (Found l : links) {
      changedLog.add(RowFactory.create(batch, l.feed().contract().name(), l.feed().contract().source(),
          l.relative(), null, null, "SKIPPED_LINK", null, null, null, null, null, null, new String[0], now, null));
    }
    if (!links.isEmpty()) {
      progress.info(String.format(Locale.ROOT, "! %d symbolic link%s in the landing zone not followed "
          + "(ingest.follow-links is false), logged as SKIPPED_LINK: %s", links.size(), links.size() == 1 ? "" : "s",
          links.stream().limit(3).map(Found::relative).collect(Collectors.joining(", "))
              + (links.size() > 3 ? ", …" : "")));
    }
    scan.done(String.format(Locale.ROOT, "%d files: %d new, %d already ingested, %d changed%s", found.size(),
        todo.size(), skipped, changedLog.size() - links.size(), links.isEmpty() ? ""
            : ", " + links.size() + " links skipped"));
    if (!changedLog.isEmpty()) {
      Lakehouse.append(spark, BronzeSpecs.INGEST_LOG, spark.createDataFrame(changedLog, BronzeSpecs.INGEST_LOG.schema()));
    }
    if (todo.isEmpty()) {
      last = new Result(0, skipped, changedLog.size() - links.size(), 0, 0, 0, 0, Map.of());
      return new JobOutcome(0, 0, "nothing new: " + skipped + " files already ingested");
    }

    // 2. one pass per feed: parse each new file on the executors and write its landed lines to bronze;
    //    quarantined lines and each file's accounting come back through accumulators
    Progress.Stage bronze = progress.stage("bronze: " + todo.size() + " files");
    Map<String, String> where = new HashMap<>();
    for (Found f : todo) {
      where.put(f.relative(), f.absolute());
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    FileReader reader = new FileReader(spark.sparkContext().hadoopConfiguration());
    CollectionAccumulator<Row> badLines = spark.sparkContext().collectionAccumulator("quarantined lines");
    CollectionAccumulator<Row> fileStats = spark.sparkContext().collectionAccumulator("file accounting");
    List<Runnable> writes = new ArrayList<>();
    Progress.Counter feedsDone = bronze.counter(0, "feeds written");
    for (Feed feed : feeds) {
      FeedContract c = feed.contract();
      List<Found> files = todo.stream().filter(f -> f.feed() == feed)
          .sorted((a, b) -> Long.compare(b.size(), a.size())).toList();
      if (files.isEmpty()) {
        continue;
      }
      TableSpec spec = BronzeSpecs.of(c);
      int slices = Math.max(1, Math.min(files.size(), 2 * spark.sparkContext().defaultParallelism()));
      JavaRDD<Row> rows = jsc.parallelize(files.stream().map(Found::relative).toList(), slices)
          .flatMap(new BronzeParser(c, where, reader, batch, now, badLines, fileStats));
      Dataset<Row> df = spark.createDataFrame(rows, spec.schema());
      List<String> rel = files.stream().map(Found::relative).toList();
      writes.add(() -> {
        Lakehouse.replaceWhere(spark, spec, df, inFiles("_source_file", rel));
        feedsDone.step();
      });
    }
    feedsDone.addTotal(writes.size());
    Parallel.run(writes);

    // 3. accounting per file: lines read = landed + quarantined, exactly
    List<Row> log = new ArrayList<>();
    List<Row> ingested = new ArrayList<>();
    long linesRead = 0;
    long landed = 0;
    long quarantined = 0;
    long duplicates = 0;
    Map<String, Found> foundByFile = todo.stream().collect(Collectors.toMap(Found::relative, f -> f));
    List<Row> stats = new ArrayList<>(fileStats.value());
    if (stats.size() != todo.size()) {
      throw new IllegalStateException("accounting came back for " + stats.size() + " of " + todo.size() + " files");
    }
    stats.sort((a, b) -> a.getString(1).compareTo(b.getString(1)));
    // drift: one line per feed and field, with how many files carried it (each file's list is in ops.ingest_log)
    Map<String, Map<String, List<String>>> driftFiles = new java.util.TreeMap<>(); // contract → field → files
    List<String> repairedFiles = new ArrayList<>();
    for (Row fr : stats) {
      String file = fr.getString(1);
      Found f = foundByFile.get(file);
      int total = fr.getInt(2);
      int header = fr.getInt(3);
      int read = fr.getInt(4);
      int ok = fr.getInt(5);
      int bad = fr.getInt(6);
      int dup = fr.getInt(7);
      if (read != ok + bad || read != total - header) {
        throw new IllegalStateException("line accounting does not reconcile for " + file + ": read " + read
            + ", landed " + ok + ", quarantined " + bad + ", lines " + total + " (header " + header + ")");
      }
      String[] drift = (String[]) fr.get(8);
      for (String field : drift) {
        driftFiles.computeIfAbsent(f.feed().contract().name(), k -> new java.util.TreeMap<>())
            .computeIfAbsent(field, k -> new ArrayList<>()).add(file);
      }
      log.add(RowFactory.create(batch, f.feed().contract().name(), f.feed().contract().source(), file, fr.getLong(10),
          fr.getString(9), "INGESTED", total, header, read, ok, bad, dup, drift, now, fr.getInt(11)));
      if (fr.getInt(11) > 0) {
        repairedFiles.add(file + " (" + fr.getInt(11) + ")");
      }
      ingested.add(RowFactory.create(file, f.feed().contract().name(), f.size(), f.modified(), fr.getString(9), batch,
          now));
      linesRead += read;
      landed += ok;
      quarantined += bad;
      duplicates += dup;
    }
    driftFiles.forEach((contract, fields) -> fields.forEach((field, files) ->
        progress.info(driftLine(contract, field, files))));
    if (!repairedFiles.isEmpty()) {
      progress.info("! control characters (NUL and the like) removed from fields of landed lines in "
          + repairedFiles.size() + " file" + (repairedFiles.size() == 1 ? "" : "s") + ": "
          + String.join(", ", repairedFiles.subList(0, Math.min(5, repairedFiles.size())))
          + (repairedFiles.size() > 5 ? ", ..." : "") + " (ops.ingest_log.repaired_lines)");
    }
    List<Row> badRows = new ArrayList<>(badLines.value());
    badRows.sort((a, b) -> a.getString(1).equals(b.getString(1)) ? Integer.compare(a.getInt(2), b.getInt(2))
        : a.getString(1).compareTo(b.getString(1)));
    if (badRows.size() != quarantined) {
      throw new IllegalStateException("quarantine rows " + badRows.size() + " differ from the accounting " + quarantined);
    }
    Lakehouse.replaceWhere(spark, BronzeSpecs.QUARANTINE, spark.createDataFrame(badRows,
        BronzeSpecs.QUARANTINE.schema()), inFiles("source_file", todo.stream().map(Found::relative).toList()));
    bronze.done(String.format(Locale.ROOT, "%,d lines: %,d landed, %,d quarantined", linesRead, landed, quarantined));

    // 5. silver: conform, drop exact duplicates, merge by natural key (late records update their row)
    Map<String, Long> silverRows = new LinkedHashMap<>();
    if (!bronzeOnly) {
      silver(spark, feeds, todo, batch, silverRows, progress);
    }

    // 6. the accounting last: a crash before this point re-ingests the same files next time
    Lakehouse.append(spark, BronzeSpecs.INGEST_LOG, spark.createDataFrame(log, BronzeSpecs.INGEST_LOG.schema()));
    Lakehouse.upsert(spark, BronzeSpecs.INGESTED_FILES, spark.createDataFrame(ingested,
        BronzeSpecs.INGESTED_FILES.schema()), ingested.size());
    last = new Result(todo.size(), skipped, changedLog.size() - links.size(), linesRead, landed, quarantined, duplicates, silverRows);
    LOG.info("ingest batch {}: {} files, {} lines", batch, todo.size(), linesRead);
    return new JobOutcome(linesRead, landed + silverRows.values().stream().mapToLong(Long::longValue).sum(),
        String.format(Locale.ROOT, "%d files, %d lines: %d landed, %d quarantined, %d duplicates", todo.size(),
            linesRead, landed, quarantined, duplicates));
  }

  /** One warning line for a field a feed's contract does not know, over every file that carried it. */
  static String driftLine(String contract, String field, List<String> files) {
    return "! " + field + ": not in the " + contract + " contract, kept in _rescued (" + files.size()
        + (files.size() == 1 ? " file: " + files.get(0) : " files, " + files.get(0) + " … " + files.get(files.size() - 1))
        + ")";
  }

  private void silver(SparkSession spark, List<Feed> feeds, List<Found> todo, String batch,
      Map<String, Long> silverRows, Progress progress) {
    Progress.Stage silver = progress.stage("silver");
    Map<String, Dataset<Row>> byTable = new LinkedHashMap<>();
    Map<String, TableSpec> specs = new LinkedHashMap<>();
    Dataset<Row> mentions = null;
    for (Feed feed : feeds) {
      FeedContract c = feed.contract();
      if (todo.stream().noneMatch(f -> f.feed() == feed)) {
        continue; // nothing new for this feed: its silver tables are not touched
      }
      // this run's landed rows, read back from bronze; exact duplicates dropped
      int n = c.fields().size();
      Dataset<Row> feedRows = spark.table(c.bronzeTable().fullName()).filter(col("_batch_id").equalTo(batch))
          .dropDuplicates("_record_hash");
      JavaRDD<Raw> raws = feedRows.toJavaRDD().map(r -> {
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
          values[i] = r.getString(i);
        }
        return new Raw(c, values, r.getString(n + 1), r.getInt(n + 2), batch);
      });
      for (Feed.Output out : feed.outputs()) {
        Feed.Conformer conformer = out.rows();
        Dataset<Row> df = spark.createDataFrame(raws.flatMap(r -> conformer.apply(r).iterator()), out.spec().schema());
        specs.put(out.spec().fullName(), out.spec());
        byTable.merge(out.spec().fullName(), df, Dataset::unionByName);
      }
      Dataset<Row> m = spark.createDataFrame(raws.flatMap(r -> feed.mentions(r).iterator()), Mentions.SPEC.schema());
      mentions = mentions == null ? m : mentions.unionByName(m);
    }
    if (mentions != null) {
      specs.put(Mentions.SPEC.fullName(), Mentions.SPEC);
      byTable.put(Mentions.SPEC.fullName(), mentions);
    }
    Map<String, Long> merged = new java.util.concurrent.ConcurrentHashMap<>();
    List<Runnable> merges = new ArrayList<>();
    Progress.Counter tablesDone = silver.counter(byTable.size(), "tables merged");
    for (Map.Entry<String, Dataset<Row>> e : byTable.entrySet()) {
      TableSpec spec = specs.get(e.getKey());
      merges.add(() -> {
        Dataset<Row> latest = latestPerKey(e.getValue(), spec).persist(StorageLevel.MEMORY_AND_DISK());
        long n = latest.count();
        Lakehouse.upsert(spark, spec, latest, n);
        latest.unpersist();
        merged.put(e.getKey(), n);
        tablesDone.step();
      });
    }
    Parallel.run(merges);
    for (String t : byTable.keySet()) {
      silverRows.put(t, merged.get(t));
    }
    silver.done(silverRows.values().stream().mapToLong(Long::longValue).sum());
  }

  /** One row per natural key: the one from the latest file and line (a late correction wins). */
  static Dataset<Row> latestPerKey(Dataset<Row> df, TableSpec spec) {
    Column[] keys = spec.naturalKey().stream().map(k -> col("`" + k + "`")).toArray(Column[]::new);
    return df.withColumn("_rank", row_number().over(Window.partitionBy(keys)
            .orderBy(desc("source_file"), desc("source_line"))))
        .filter(col("_rank").equalTo(1)).drop("_rank");
  }

  /** Rows of these files: the names are values of a Column, never SQL text (a name may hold quotes or SQL). */
  static Column inFiles(String column, List<String> files) {
    return col(column).isin(files.toArray());
  }

  private List<Found> scan(SparkSession spark, List<Feed> feeds) throws IOException {
    if (FileReader.local(landing)) {
      return scanLocal(feeds);
    }
    Path root = new Path(landing);
    FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
    if (!fs.exists(root)) {
      throw new BorderwatchException(BorderwatchException.FAILED, "landing zone " + landing
          + " does not exist; run 'borderwatch simulate' or point --landing at the agencies' drop folder");
    }
    String rootUri = fs.makeQualified(root).toString();
    List<Found> out = new ArrayList<>();
    for (Feed feed : feeds) {
      Path dir = new Path(root, feed.contract().directory());
      if (!fs.exists(dir)) {
        continue;
      }
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
      while (it.hasNext()) {
        LocatedFileStatus s = it.next();
        String name = s.getPath().getName();
        if (!s.isFile() || !name.endsWith(feed.contract().fileSuffix()) || name.startsWith(".")
            || name.endsWith(".tmp")) {
          continue;
        }
        String abs = s.getPath().toString();
        String rel = abs.startsWith(rootUri + "/") ? abs.substring(rootUri.length() + 1) : abs;
        out.add(new Found(rel, abs, s.getLen(), s.getModificationTime(), feed));
      }
    }
    out.sort((a, b) -> a.relative().compareTo(b.relative()));
    return out;
  }

  /** Local landing zones are listed with java.nio (no process per file for permissions). */
  private List<Found> scanLocal(List<Feed> feeds) throws IOException {
    java.nio.file.Path root = java.nio.file.Path.of(landing.replaceFirst("^file:", "")).toAbsolutePath();
    if (!java.nio.file.Files.isDirectory(root)) {
      throw new BorderwatchException(BorderwatchException.FAILED, "landing zone " + landing
          + " does not exist; run 'borderwatch simulate' or point --landing at the agencies' drop folder");
    }
    List<Found> out = new ArrayList<>();
    for (Feed feed : feeds) {
      java.nio.file.Path dir = root.resolve(feed.contract().directory());
      if (!java.nio.file.Files.isDirectory(dir)) {
        continue;
      }
      java.nio.file.FileVisitOption[] how = followLinks
          ? new java.nio.file.FileVisitOption[] {java.nio.file.FileVisitOption.FOLLOW_LINKS}
          : new java.nio.file.FileVisitOption[0];
      List<java.nio.file.Path> paths;
      try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.walk(dir, Integer.MAX_VALUE, how)) {
        paths = s.toList();
      } catch (java.io.UncheckedIOException e) {
        if (e.getCause() instanceof java.nio.file.FileSystemLoopException loop) {
          throw new BorderwatchException(BorderwatchException.FAILED, "the landing zone has a symbolic link loop at "
              + loop.getFile() + " (ingest.follow-links is true): remove the link or set it to false");
        }
        throw e;
      }
      for (java.nio.file.Path p : paths) {
        if (!followLinks && java.nio.file.Files.isSymbolicLink(p)) {
          links.add(new Found(root.relativize(p).toString(), p.toString(), 0, 0, feed));
          continue;
        }
        if (!java.nio.file.Files.isRegularFile(p)) {
          continue;
        }
        {
          String name = p.getFileName().toString();
          if (!name.endsWith(feed.contract().fileSuffix()) || name.startsWith(".") || name.endsWith(".tmp")) {
            continue;
          }
          var attrs = java.nio.file.Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class);
          out.add(new Found(root.relativize(p).toString(), p.toString(), attrs.size(),
              attrs.lastModifiedTime().toMillis(), feed));
        }
      }
    }
    out.sort((a, b) -> a.relative().compareTo(b.relative()));
    return out;
  }

  private static String checksum(SparkSession spark, String file) throws IOException {
    if (FileReader.local(file)) {
      try {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
            java.nio.file.Files.readAllBytes(java.nio.file.Path.of(file.replaceFirst("^file:", "")))));
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    Path p = new Path(URI.create(file));
    FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
    try (InputStream in = fs.open(p)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
