package org.borderwatch.cli.command;

import org.borderwatch.core.time.IsoWeek;
import org.borderwatch.zones.FeaturesJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "features", description = "Write zone-week and corridor-week feature tables for a week.")
public final class FeaturesCommand extends BaseCommand {
  @Option(names = "--week", paramLabel = "YYYY-Www",
      description = "Only this week (default: every week of the data and the next one)")
  String week;

  @Override
  public Integer call() {
    out().println(runJob(new FeaturesJob(), week == null ? null : IsoWeek.parse(week)).summary());
    out().flush();
    return 0;
  }
}
