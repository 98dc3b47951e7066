package org.borderwatch.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.core.config.BorderwatchConfig;
import org.borderwatch.core.error.Errors;
import org.borderwatch.core.job.JobContext;
import org.borderwatch.core.job.Progress;
import org.borderwatch.core.session.SparkSessions;
import org.borderwatch.simulator.Scale;
import org.borderwatch.simulator.SimulateJob;
import org.borderwatch.simulator.Simulator;
import org.borderwatch.simulator.WorldManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * bench SUITE: runs a benchmark in a lakehouse of its own (bench/work/SCALE), each figure a ratio against
 * a plain-Spark baseline measured in the same run. Results are printed and saved under bench/results/.
 */
@Command(name = "bench", description = "Run a benchmark suite (simulate, ingest, resolve, networks, models) with its "
    + "plain-Spark baseline; the lists suite: resolution of corrupted lists of people at three noise levels; or the "
    + "heldout suite: every stage on a held-out seed's world against its truth (--seed S), and the page of all "
    + "seeds (--doc docs/held-out.md).")
public final class BenchCommand implements Callable<Integer> {
  /** Suites. */
  public static final List<String> SUITES = List.of("simulate", "ingest", "resolve", "networks", "models", "lists",
      "heldout");

  @Parameters(paramLabel = "SUITE", description = "simulate, ingest, resolve, networks, models, lists or heldout")
  String suite;

  @Option(names = "--doc", paramLabel = "FILE", description = "lists: write the figures section of this page "
      + "(docs/entity-resolution.md); heldout without --seed: write this page (docs/held-out.md) from every held-out "
      + "seed's saved figures")
  Path doc;

  @Option(names = "--tuning-only", description = "lists: only the tuning seeds (for choosing settings; never the "
      + "held-out seeds), no page written")
  boolean tuningOnly;

  @Option(names = "--seed", description = "heldout: the held-out seed to run (101, 102 or 103)")
  Long seed;

  @Option(names = "--scale", defaultValue = "medium", description = "World size (default: ${DEFAULT-VALUE})")
  String scale;

  @Option(names = "--work", paramLabel = "DIR", defaultValue = "bench/work",
      description = "Working folder (worlds are reused between runs; default: ${DEFAULT-VALUE})")
  Path work;

  @Option(names = "--results", paramLabel = "DIR", defaultValue = "bench/results",
      description = "Where result JSON files go (default: ${DEFAULT-VALUE})")
  Path results;

  @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "Configuration override (repeatable)")
  List<String> overrides = new java.util.ArrayList<>();

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!SUITES.contains(suite)) {
      throw Errors.badArgument("SUITE", suite, String.join(", ", SUITES));
    }
    Scale sc = Scale.parse(scale);
    PrintWriter out = spec.commandLine().getOut();
    if (suite.equals("heldout") && seed == null) {
      if (doc == null) {
        throw Errors.badArgument("--seed", "(missing)", "a held-out seed (" + HeldOutBench.SEEDS + "), or --doc FILE "
            + "to write the page from the saved figures");
      }
      BenchResult page = HeldOutBench.writePage(results, sc, doc);
      page.print(out);
      out.println("page written to " + doc);
      out.flush();
      return 0;
    }
    if (suite.equals("heldout") && !HeldOutBench.SEEDS.contains(seed)) {
      throw Errors.badArgument("--seed", String.valueOf(seed), "one of the held-out seeds " + HeldOutBench.SEEDS);
    }
    Path dir = suite.equals("heldout") ? HeldOutBench.seedDir(work, seed, sc)
        : work.resolve(sc.name().toLowerCase(Locale.ROOT)).toAbsolutePath();
    List<String> conf = new java.util.ArrayList<>(List.of("lakehouse.root=" + dir.resolve("lakehouse")));
    conf.addAll(overrides);
    String file = System.getenv("BORDERWATCH_CONFIG");
    BorderwatchConfig config = BorderwatchConfig.load(file == null ? null : Path.of(file), System.getenv(), conf);
    SparkSession spark = SparkSessions.build(config, "borderwatch bench " + suite);
    JobContext ctx = JobContext.of(spark, config, null, "bench " + suite, Progress.stderr());
    Path world = dir.resolve("world");
    BenchResult r;
    if (suite.equals("lists")) {
      if (tuningOnly && doc != null) {
        throw Errors.badArgument("--doc", doc.toString(), "no --doc with --tuning-only (the page shows held-out seeds)");
      }
      r = ListsBench.run(ctx, work.resolve("lists").toAbsolutePath(), doc, tuningOnly);
    } else if (suite.equals("heldout")) {
      r = HeldOutBench.runSeed(ctx, dir, seed, sc);
    } else if (suite.equals("simulate")) {
      long t0 = System.nanoTime();
      SimulateJob job = new SimulateJob(sc, 42L, null, null, dir.resolve("simulate-" + System.nanoTime()), null, null);
      job.run(ctx);
      Simulator.Result res = job.result();
      double secs = (System.nanoTime() - t0) / 1e9;
      long records = res.records.values().stream().flatMap(m -> m.values().stream()).mapToLong(Integer::longValue).sum();
      r = new BenchResult("simulate", scale).put("records", records).put("lines", res.lines)
          .put("landing MB", res.bytes / 1e6).put("generation seconds (landing files)", res.seconds)
          .put("total seconds (with truth Parquet)", secs)
          .put("records per second", records / res.seconds)
          .put("records per second per core", records / res.seconds / Runtime.getRuntime().availableProcessors());
    } else {
      if (WorldManifest.read(world) == null) {
        ctx.progress().info("no " + sc.name().toLowerCase(Locale.ROOT) + " world in " + world + ": simulating it");
        new SimulateJob(sc, 42L, null, null, world, null, null).run(ctx);
      }
      r = switch (suite) {
        case "ingest" -> IngestBench.run(ctx, world, scale, dir);
        case "resolve" -> ResolveBench.run(ctx, world, scale);
        case "networks" -> NetworksBench.run(ctx, world, scale);
        default -> ModelsBench.run(ctx, world, scale);
      };
    }
    r.print(out);
    out.println("saved " + (suite.equals("heldout") ? r.saveAs(HeldOutBench.resultFile(results, seed, sc))
        : r.save(results)));
    out.flush();
    return 0;
  }
}
