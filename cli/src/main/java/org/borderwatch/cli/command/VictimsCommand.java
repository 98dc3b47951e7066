package org.borderwatch.cli.command;

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

  @Option(names = "--doc", paramLabel = "FILE", description = "With --evaluate: write the figures section of this "
      + "page (e.g. docs/victims.md), with the error analysis")
  java.nio.file.Path doc;

  @Override
  public Integer call() throws Exception {
    if (doc != null && !evaluate) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--doc needs --evaluate");
    }
    IsoWeek w = week == null ? null : IsoWeek.parse(week);
    VictimsJob job = new VictimsJob();
    out().println(runJob(job, w).summary());
    if (evaluate) {
      String dir = truth != null ? truth : org.borderwatch.evaluation.SimulatedTruth.defaultDir(config());
      Map<String, Double> m = VictimsEvaluation.evaluate(spark(), dir, config());
      java.util.List<String> errors = VictimsEvaluation.errorAnalysis(spark());
      printEvaluation(m, 34, errors, doc, doc == null ? null : org.borderwatch.evaluation.EvaluationDoc.victims(m,
          org.borderwatch.evaluation.EvaluationDoc.describeWorld(dir), job.week().toString()));
    }
    out().flush();
    return 0;
  }
}
