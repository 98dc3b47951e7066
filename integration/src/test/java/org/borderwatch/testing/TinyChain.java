package org.borderwatch.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.cli.CliRun;
import org.borderwatch.core.config.BorderwatchConfig;
import org.borderwatch.core.job.JobContext;
import org.borderwatch.core.job.Progress;
import org.borderwatch.core.time.IsoWeek;
import org.borderwatch.simulator.Scale;
import org.borderwatch.simulator.SimulateJob;

/**
 * The tiny simulated world through the whole pipeline, once per test JVM, on the shared session. The world is
 * simulated into the lakehouse's landing zone, its truth is moved out of the lakehouse (so no stage could read
 * it), and {@code borderwatch pipeline} runs in-process with the tiny settings below. The stage tests then read
 * the tables it wrote, and each re-runs its own job once to show that it is idempotent.
 *
 * <p>The chain starts from an empty lakehouse: the tests with hand-built inputs run before it (class order, see
 * {@link ChainOrder}) and leave nothing it could pick up. Nothing is cached between builds, so no fixture can
 * be stale.
 */
public final class TinyChain {
  public static final int WEEKS = 20;
  public static final long SEED = 9;
  public static final String START = "2025-W01";

  /** Settings for tiny data: small trees, one ring of zones around each crossing, short backtest, 8 PageRank rounds. */
  public static final Map<String, Object> SETTINGS = settings();

  private static CliRun pipeline;
  private static Path truth;

  private TinyChain() {}

  private static Map<String, Object> settings() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("models.gbt-depths", List.of(2, 3));
    m.put("models.gbt-iterations", List.of(4));
    m.put("models.min-train-weeks", 8);
    m.put("models.backtest-weeks", 4);
    m.put("models.refit-weeks", 4);
    m.put("models.calibration-weeks", 3);
    m.put("models.validation-folds", 1);
    m.put("zones.ring", 1);
    m.put("networks.pagerank-iterations", 8);
    return m;
  }

  /** The shared test configuration with the tiny settings. */
  public static BorderwatchConfig config() {
    return SharedSpark.config().with(SETTINGS);
  }

  /** A job context on the shared session with the tiny settings. */
  public static JobContext context(String arguments) {
    return JobContext.of(SharedSpark.session(), config(), null, arguments, Progress.silent());
  }

  /** Runs the chain if it has not run in this JVM; returns the pipeline's captured output. */
  public static synchronized CliRun ensure() throws Exception {
    if (pipeline == null) {
      SparkSession spark = SharedSpark.session();
      SharedSpark.resetLakehouse();
      Path lakehouse = SharedSpark.root().resolve("lakehouse");
      Path world = lakehouse.resolve("world");
      new SimulateJob(Scale.TINY, SEED, IsoWeek.parse(START), WEEKS, world, null, null)
          .run(JobContext.of(spark, SharedSpark.config(), null, "simulate", Progress.silent()));
      truth = SharedSpark.root().resolve("truth-held-out");
      SharedSpark.deleteTree(truth);
      Files.move(world.resolve("truth"), truth);
      List<String> args = new ArrayList<>();
      for (Map.Entry<String, Object> e : SETTINGS.entrySet()) {
        args.add("--conf");
        args.add(e.getKey() + "=" + (e.getValue() instanceof List<?> l
            ? String.join(",", l.stream().map(String::valueOf).toList()) : e.getValue()));
      }
      args.add("pipeline");
      CliRun run = SharedSpark.cli(args.toArray(new String[0]));
      if (run.exit() != 0) {
        throw new IllegalStateException("the pipeline failed on the tiny world (exit " + run.exit() + "):\n"
            + run.err() + run.out());
      }
      pipeline = run;
    }
    return pipeline;
  }

  /** The tiny world's truth, held outside the lakehouse (for the evaluations only). */
  public static String truth() throws Exception {
    ensure();
    return truth.toString();
  }

  /** The latest week of a table's {@code week} column. */
  public static String latestWeek(String table) {
    List<Row> r = SharedSpark.session().sql("select max(week) from " + table).collectAsList();
    return r.get(0).getString(0);
  }
}
