package org.borderwatch.cli.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.core.catalog.Lakehouse;
import org.borderwatch.core.catalog.Tables;
import org.borderwatch.core.config.ConfigKeys;
import org.borderwatch.core.config.LakehousePaths;
import org.borderwatch.core.job.Job;
import org.borderwatch.core.job.JobOutcome;
import org.borderwatch.core.time.IsoWeek;
import org.borderwatch.ingest.IngestJob;
import org.borderwatch.models.ScoreJob;
import org.borderwatch.models.TrainJob;
import org.borderwatch.resolve.ResolveJob;
import org.borderwatch.simulator.SimulateJob;
import org.borderwatch.zones.FeaturesJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The main job: every stage in order, each recorded in ops.job_runs, with a line per stage and a closing
 * summary (stages, rows, time). On the embedded default an empty landing zone is first filled by the
 * simulator. The last stage writes the planners' weekly report (HTML and PDF).
 */
@Command(name = "pipeline", description = "Run every stage in order for a week: the main job.")
public final class PipelineCommand extends BaseCommand {
  @Option(names = "--week", paramLabel = "YYYY-Www",
      description = "Week to report on (default: the latest week with data); next week is forecast")
  String week;

  @Option(names = "--retrain", description = "Retrain the models even when a recent model exists")
  boolean retrain;

  record StageResult(String stage, String status, long rowsIn, long rowsOut, double seconds, String detail) {}

  private final List<StageResult> results = new ArrayList<>();
  private final org.borderwatch.report.weekly.ReportJob report = new org.borderwatch.report.weekly.ReportJob();
  private IsoWeek dataWeek;
  private IsoWeek forecastWeek;

  @Override
  public Integer call() throws Exception {
    IsoWeek requested = week == null ? null : IsoWeek.parse(week); // a bad week is a usage error, before any work
    long start = System.nanoTime();
    results.clear();
    SparkSession spark = spark();
    Lakehouse.bootstrap(spark);
    LakehousePaths paths = new LakehousePaths(config());
    err().println("borderwatch pipeline — lakehouse " + paths.root());
    err().flush();

    // the whole run is itself recorded in ops.job_runs (job 'pipeline'), next to each stage's row
    Job whole = new Job() {
      @Override
      public String name() {
        return "pipeline";
      }

      @Override
      public JobOutcome run(org.borderwatch.core.job.JobContext ctx) throws Exception {
        // 1. simulate, only when the landing zone is empty on a local lakehouse (the embedded default)
        Path landing = Path.of(paths.landing().replaceFirst("^file:(//)?", ""));
        if (paths.isLocal() && (!Files.isDirectory(landing) || isEmpty(landing))) {
          Path world = Path.of(paths.world().replaceFirst("^file:(//)?", ""));
          results.add(stage("simulate", new SimulateJob(null, null, null, null, world, null, null), null));
        } else {
          results.add(new StageResult("simulate", "skipped", 0, 0, 0, "landing zone has data"));
        }
        results.add(stage("ingest", new IngestJob(paths.landing(), null), null));
        results.add(stage("resolve", new ResolveJob(), null));
        // victims before networks: every person with a protection alert is kept out of the offender rankings
        results.add(stage("victims", new org.borderwatch.victims.VictimsJob(), requested));
        results.add(stage("networks", new org.borderwatch.networks.NetworksJob(), requested));
        FeaturesJob features = new FeaturesJob();
        results.add(stage("features", features, null));
        dataWeek = features.lastDataWeek();
        IsoWeek reportWeek = requested == null ? dataWeek : requested;
        forecastWeek = reportWeek.plus(1);
        String why = retrainReason(spark, dataWeek);
        if (why != null) {
          results.add(stage("train", new TrainJob(false, null, null), null, why));
        } else {
          results.add(new StageResult("train", "skipped", 0, 0, 0, "models are recent (retrain with --retrain)"));
        }
        results.add(stage("score", new ScoreJob(), forecastWeek));
        results.add(stage("deploy", new org.borderwatch.report.deploy.DeploymentJob(), forecastWeek));
        results.add(stage("report", report, forecastWeek));
        long in = results.stream().mapToLong(StageResult::rowsIn).sum();
        long written = results.stream().mapToLong(StageResult::rowsOut).sum();
        return new JobOutcome(in, written, String.format(Locale.ROOT, "%d stages for %s; report %s", results.size(),
            forecastWeek, report.html()));
      }
    };
    runJob(whole, requested);

    double total = (System.nanoTime() - start) / 1e9;
    var out = out();
    out.println();
    out.printf(Locale.ROOT, "borderwatch pipeline: data through %s, forecast for %s%n", dataWeek, forecastWeek);
    out.printf(Locale.ROOT, "%-10s %-10s %12s %12s %9s  %s%n", "stage", "status", "rows in", "rows out", "seconds",
        "detail");
    for (StageResult r : results) {
      out.printf(Locale.ROOT, "%-10s %-10s %,12d %,12d %9.1f  %s%n", r.stage(), r.status(), r.rowsIn(), r.rowsOut(),
          r.seconds(), r.detail());
    }
    out.printf(Locale.ROOT, "total %.1f s (%.1f min) on %d cores%n", total, total / 60,
        Runtime.getRuntime().availableProcessors());
    out.println("forecasts: gold.zone_risk_weekly, gold.route_risk_weekly, gold.deployment_recommendations (week "
        + forecastWeek + "); "
        + "query them with: bin/borderwatch sql \"select * from gold.zone_risk_weekly where week = '" + forecastWeek
        + "' order by rank limit 10\"");
    out.println("report for planners: " + report.html() + " (PDF: " + report.pdf() + ")");
    out.flush();
    return 0;
  }

  private static boolean isEmpty(Path dir) throws java.io.IOException {
    try (var s = Files.walk(dir)) {
      return s.noneMatch(Files::isRegularFile);
    }
  }

  /** Why the models need training, or null when the latest is recent enough. */
  private String retrainReason(SparkSession spark, IsoWeek dataWeek) {
    if (retrain) {
      return "--retrain";
    }
    if (!Lakehouse.exists(spark, Tables.MODEL_REGISTRY)) {
      return "no model yet";
    }
    List<Row> r = spark.table(Tables.MODEL_REGISTRY.fullName()).selectExpr("max(train_to)").collectAsList();
    if (r.isEmpty() || r.get(0).isNullAt(0)) {
      return "no model yet";
    }
    IsoWeek trainedTo = IsoWeek.parse(r.get(0).getString(0));
    int every = config().get(ConfigKeys.MODEL_REFIT_WEEKS);
    if (dataWeek.index() - trainedTo.index() >= every) {
      return "last trained on data to " + trainedTo + ", retrained every " + every + " weeks";
    }
    return null;
  }

  private StageResult stage(String name, Job job, IsoWeek w) {
    return stage(name, job, w, "");
  }

  private StageResult stage(String name, Job job, IsoWeek w, String why) {
    long t0 = System.nanoTime();
    err().println("▶ " + name + (why.isEmpty() ? "" : " (" + why + ")"));
    err().flush();
    JobOutcome o = runJob(job, w);
    double s = (System.nanoTime() - t0) / 1e9;
    err().printf(Locale.ROOT, "✓ %s: %s (%.1f s)%n", name, o.summary(), s);
    err().flush();
    return new StageResult(name, "ok", o.rowsRead(), o.rowsWritten(), s, o.summary());
  }
}
