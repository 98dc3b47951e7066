package org.borderwatch.cli.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.cli.GlobalOptions;
import org.borderwatch.cli.Main;
import org.borderwatch.core.config.BorderwatchConfig;
import org.borderwatch.core.job.Job;
import org.borderwatch.core.job.JobContext;
import org.borderwatch.core.job.JobOutcome;
import org.borderwatch.core.job.JobRunner;
import org.borderwatch.core.job.Progress;
import org.borderwatch.core.session.SparkSessions;
import org.borderwatch.core.time.IsoWeek;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every command shares: configuration loaded and validated once, the SparkSession built only when
 * the command needs one, and jobs run through the {@link JobRunner} so each run lands in ops.job_runs.
 */
public abstract class BaseCommand implements Callable<Integer> {
  @Mixin
  GlobalOptions options;

  @ParentCommand
  Main parent;

  @Spec
  CommandSpec spec;

  private BorderwatchConfig config;
  private SparkSession spark;

  protected BorderwatchConfig config() {
    if (config == null) {
      GlobalOptions g = options.over(parent == null ? null : parent.global());
      List<String> overrides = new ArrayList<>(g.overrides());
      if (g.verbose()) {
        overrides.add("log.level=INFO");
      }
      Path file = g.configFile();
      if (file == null && System.getenv("BORDERWATCH_CONFIG") != null) {
        file = Path.of(System.getenv("BORDERWATCH_CONFIG"));
      }
      config = BorderwatchConfig.load(file, System.getenv(), overrides);
    }
    return config;
  }

  /** A job session (read-write). */
  protected SparkSession spark() {
    if (spark == null) {
      spark = SparkSessions.build(config(), "borderwatch " + spec.name(), SparkSessions.Mode.JOB, OpsCatalog::ensure);
    }
    return spark;
  }

  /** A read-only analyst session of {@code role} (analyst or investigator). */
  protected SparkSession analystSpark(String role) {
    if (spark == null) {
      spark = SparkSessions.build(config(), "borderwatch " + spec.name(), SparkSessions.Mode.ANALYST,
          OpsCatalog::ensure, role);
    }
    return spark;
  }

  protected Progress progress() {
    return Progress.stderr();
  }

  /** Standard output of this command line (tests capture it). */
  protected java.io.PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** Standard error of this command line. */
  protected java.io.PrintWriter err() {
    return spec.commandLine().getErr();
  }

  protected String arguments() {
    return redacted(spec.commandLine().getParseResult().originalArgs());
  }

  /** The arguments as recorded (ops.job_runs): the value of a secret key given with --conf is never kept. */
  static String redacted(List<String> args) {
    List<String> out = new java.util.ArrayList<>();
    for (String a : args) {
      String shown = a;
      for (org.borderwatch.core.config.ConfigKey<?> k : org.borderwatch.core.config.ConfigKeys.all()) {
        if (k.secret() && a.startsWith(k.name() + "=")) {
          shown = k.name() + "=(secret)";
        }
      }
      out.add(shown);
    }
    return String.join(" ", out);
  }

  protected JobContext context(IsoWeek week) {
    return JobContext.of(spark(), config(), week, arguments(), progress());
  }

  /**
   * Prints an evaluation's figures and error analysis; with {@code doc}, writes {@code figures} and the error
   * analysis as the page's generated figures section.
   */
  protected void printEvaluation(Map<String, Double> m, int width, List<String> errors, java.nio.file.Path doc,
      String figures) throws java.io.IOException {
    out().println("Accuracy against the simulator's truth:");
    m.forEach((k, v) -> out().printf(java.util.Locale.ROOT, "  %-" + width + "s %s%n", k,
        v == Math.rint(v) && Math.abs(v) > 1 ? String.format(java.util.Locale.ROOT, "%,.0f", v)
            : String.format(java.util.Locale.ROOT, "%.4f", v)));
    if (!errors.isEmpty()) {
      out().println("Error analysis:");
      errors.forEach(l -> out().println("  " + l));
    }
    if (doc != null) {
      org.borderwatch.core.doc.GeneratedSection.write(doc, "figures", errors.isEmpty() ? figures : figures
          + "\nError analysis (the truth's roles and kinds against what borderwatch inferred):\n\n```text\n"
          + String.join("\n", errors) + "\n```\n");
      out().println("Figures written to " + doc);
    }
  }

  protected JobOutcome runJob(Job job, IsoWeek week) {
    return JobRunner.run(job, context(week));
  }
}
