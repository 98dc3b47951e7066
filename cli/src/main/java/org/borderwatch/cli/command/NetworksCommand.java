package org.borderwatch.cli.command;

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
      java.util.List<String> errors = NetworksEvaluation.errorAnalysis(spark(), job.week().toString());
      printEvaluation(m, 28, errors, doc, doc == null ? null : org.borderwatch.evaluation.EvaluationDoc.networks(m,
          org.borderwatch.evaluation.EvaluationDoc.describeWorld(dir), job.week().toString()));
    }
    out().flush();
    return 0;
  }
}
