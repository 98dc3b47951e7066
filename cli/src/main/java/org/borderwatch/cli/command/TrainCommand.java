package org.borderwatch.cli.command;

import java.nio.file.Path;
import org.borderwatch.evaluation.SimulatedTruth;
import org.borderwatch.models.TrainJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train", description = "Train the zone-risk and corridor models; optionally run the backtest.")
public final class TrainCommand extends BaseCommand {
  @Option(names = "--backtest", description = "Also run the rolling-origin backtest against the baselines")
  boolean backtest;

  @Option(names = "--truth", paramLabel = "DIR",
      description = "Simulator truth folder to score the backtest against true crossings (default: "
          + "<lakehouse>/world/truth when it exists)")
  String truth;

  @Option(names = "--doc", paramLabel = "FILE", description = "With --backtest: write the backtest tables here "
      + "(e.g. docs/models.md)")
  Path doc;

  @Override
  public Integer call() {
    String t = truth != null || !backtest ? truth : SimulatedTruth.defaultDirIfPresent(config());
    out().println(runJob(new TrainJob(backtest, t == null ? null : new SimulatedTruth(spark(), t), doc), null)
        .summary());
    out().flush();
    return 0;
  }
}
