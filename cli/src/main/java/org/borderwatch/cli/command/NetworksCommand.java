package org.borderwatch.cli.command;

import java.util.Locale;
import java.util.Map;
import org.borderwatch.core.time.IsoWeek;
import org.borderwatch.evaluation.NetworksEvaluation;
import org.borderwatch.networks.NetworksJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "networks", description = "Find networks, key individuals, roles, money flows and mule accounts (GraphX).")
public final class NetworksCommand extends BaseCommand {
  @Option(names = "--week", paramLabel = "YYYY-Www", description = "Week to analyse (default: the latest with data)")
  String week;

  @Option(names = "--evaluate", description = "Also print accuracy against the simulator's truth")
  boolean evaluate;

  @Option(names = "--truth", paramLabel = "DIR", description = "Truth folder (default: <lakehouse>/world/truth)")
  String truth;

  @Option(names = "--doc", paramLabel = "FILE", description = "With --evaluate: write the figures section of this "
      + "page (e.g. docs/networks.md), with the error analysis")
  java.nio.file.Path doc;

  @Override
  public Integer call() throws Exception {
    if (doc != null && !evaluate) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--doc needs --evaluate");
    }
    IsoWeek w = week == null ? null : IsoWeek.parse(week);
    NetworksJob job = new NetworksJob();
    out().println(runJob(job, w).summary());
    if (evaluate) {
      String dir = truth != null ? truth : org.borderwatch.evaluation.SimulatedTruth.defaultDir(config());
      Map<String, Double> m = NetworksEvaluation.evaluate(spark(), dir, job.week().toString());
      out().println("Accuracy against the simulator's truth:");
      m.forEach((k, v) -> out().printf(Locale.ROOT, "  %-28s %s%n", k,
          v == Math.rint(v) && Math.abs(v) > 1 ? String.format(Locale.ROOT, "%,.0f", v)
              : String.format(Locale.ROOT, "%.4f", v)));
      out().println("Error analysis:");
      java.util.List<String> errors = NetworksEvaluation.errorAnalysis(spark(), job.week().toString());
      errors.forEach(l -> out().println("  " + l));
      if (doc != null) {
        String body = org.borderwatch.evaluation.EvaluationDoc.networks(m,
            org.borderwatch.evaluation.EvaluationDoc.describeWorld(dir), job.week().toString())
            + "\nError analysis (the truth's roles and kinds against what borderwatch inferred):\n\n```text\n"
            + String.join("\n", errors) + "\n```\n";
        org.borderwatch.core.doc.GeneratedSection.write(doc, "figures", body);
        out().println("Figures written to " + doc);
      }
    }
    out().flush();
    return 0;
  }
}
