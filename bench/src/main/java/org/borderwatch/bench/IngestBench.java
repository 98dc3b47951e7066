package org.borderwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.core.catalog.Tables;
import org.borderwatch.core.job.JobContext;
import org.borderwatch.core.job.Progress;
import org.borderwatch.ingest.Feeds;
import org.borderwatch.ingest.IngestJob;
import org.borderwatch.ingest.core.Feed;
import org.borderwatch.ingest.core.FeedContract;

/**
 * Bronze ingest of a world's landing zone, ours against a plain {@code spark.read.json/csv(...)
 * .write.format("delta")} of the same files, in the same run and session. Ours also validates every
 * line, quarantines, hashes and accounts; the plain read does none of that (and infers JSON schemas).
 */
public final class IngestBench {
  private IngestBench() {}

  public static BenchResult run(JobContext ctx, Path world, String scale, Path work) throws IOException {
    SparkSession spark = ctx.spark();
    Path landing = world.resolve("landing");
    List<Feed> feeds = Feeds.all(ctx.config());
    long bytes;
    try (Stream<Path> s = Files.walk(landing)) {
      bytes = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    // Warm the JVM and Delta on a slice so that neither side pays the start-up.
    plain(spark, landing, feeds, work.resolve("warmup"), 4);

    for (String t : List.of(Tables.INGEST_LOG.fullName(), Tables.INGESTED_FILES.fullName(),
        Tables.QUARANTINE.fullName())) {
      spark.sql("DROP TABLE IF EXISTS " + t);
    }
    for (Feed f : feeds) {
      spark.sql("DROP TABLE IF EXISTS " + f.contract().bronzeTable().fullName());
    }
    long t0 = System.nanoTime();
    IngestJob ours = new IngestJob(landing.toString(), null).bronzeOnly();
    ours.run(ctx);
    double oursSeconds = (System.nanoTime() - t0) / 1e9;
    long lines = ours.result().linesRead();

    t0 = System.nanoTime();
    long plainRows = plain(spark, landing, feeds, work.resolve("plain"), Integer.MAX_VALUE);
    double plainSeconds = (System.nanoTime() - t0) / 1e9;

    int cores = Runtime.getRuntime().availableProcessors();
    return new BenchResult("ingest-bronze", scale)
        .put("landing files (MB)", bytes / 1e6)
        .put("lines", lines)
        .put("ours: seconds", oursSeconds)
        .put("plain spark.read + delta write: seconds", plainSeconds)
        .put("plain rows written", plainRows)
        .put("ratio ours/plain (target <= 1.5)", oursSeconds / plainSeconds)
        .put("ours: lines per second per core", lines / oursSeconds / cores)
        .put("plain: rows per second per core", plainRows / plainSeconds / cores)
        .put("spark cores", (long) cores);
  }

  /** The plain baseline: each feed's files read by Spark's own reader and written to a Delta path. */
  static long plain(SparkSession spark, Path landing, List<Feed> feeds, Path out, int maxFilesPerFeed)
      throws IOException {
    long rows = 0;
    for (Feed f : feeds) {
      FeedContract c = f.contract();
      Path dir = landing.resolve(c.directory());
      if (!Files.isDirectory(dir)) {
        continue;
      }
      List<String> files = new ArrayList<>();
      try (Stream<Path> s = Files.list(dir)) {
        s.filter(p -> p.getFileName().toString().endsWith(c.fileSuffix())).sorted().limit(maxFilesPerFeed)
            .forEach(p -> files.add(p.toString()));
      }
      if (files.isEmpty()) {
        continue;
      }
      DataFrameReader r = spark.read();
      Dataset<Row> df = c.format() == FeedContract.Format.CSV
          ? r.option("header", "true").option("sep", String.valueOf(c.delimiter())).csv(files.toArray(new String[0]))
          : r.json(files.toArray(new String[0]));
      df.write().format("delta").mode("overwrite").option("overwriteSchema", "true")
          .save(out.resolve(c.name()).toString());
      rows += spark.read().format("delta").load(out.resolve(c.name()).toString()).count();
    }
    return rows;
  }
}
