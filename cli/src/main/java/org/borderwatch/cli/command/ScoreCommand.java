package org.borderwatch.cli.command;

import org.borderwatch.core.time.IsoWeek;
import org.borderwatch.models.ScoreJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "score", description = "Score next week's zone and route risk into the gold tables.")
public final class ScoreCommand extends BaseCommand {
  @Option(names = "--week", paramLabel = "YYYY-Www",
      description = "Week to score (default: the latest week with features, i.e. the week after the data)")
  String week;

  @Override
  public Integer call() {
    out().println(runJob(new ScoreJob(), week == null ? null : IsoWeek.parse(week)).summary());
    out().flush();
    return 0;
  }
}
