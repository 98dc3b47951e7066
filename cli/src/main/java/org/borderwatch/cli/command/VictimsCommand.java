package org.borderwatch.cli.command;

import java.util.Locale;
import java.util.Map;
import org.borderwatch.core.time.IsoWeek;
import org.borderwatch.evaluation.VictimsEvaluation;
import org.borderwatch.victims.VictimsJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "victims", description = "Score recruitment ads and flag possible trafficking victims for protection.")
public final class VictimsCommand extends BaseCommand {
  @Option(names = "--week", paramLabel = "YYYY-Www", description = "Week to analyse (default: the latest with data)")
  String week;

  @Option(names = "--evaluate", description = "Also print accuracy against the simulator's truth, with the "
      + "keyword baseline")
  boolean evaluate;

  @Option(names = "--truth", paramLabel = "DIR", description = "Truth folder (default: <lakehouse>/world/truth)")
  String truth;

  @Override
  public Integer call() throws Exception {
    IsoWeek w = week == null ? null : IsoWeek.parse(week);
    VictimsJob job = new VictimsJob();
    out().println(runJob(job, w).summary());
    if (evaluate) {
      String dir = truth != null ? truth : org.borderwatch.evaluation.SimulatedTruth.defaultDir(config());
      Map<String, Double> m = VictimsEvaluation.evaluate(spark(), dir, config());
      out().println("Accuracy against the simulator's truth:");
      m.forEach((k, v) -> out().printf(Locale.ROOT, "  %-34s %s%n", k,
          v == Math.rint(v) && Math.abs(v) > 1 ? String.format(Locale.ROOT, "%,.0f", v)
              : String.format(Locale.ROOT, "%.4f", v)));
      out().println("Error analysis:");
      VictimsEvaluation.errorAnalysis(spark()).forEach(l -> out().println("  " + l));
    }
    out().flush();
    return 0;
  }
}
