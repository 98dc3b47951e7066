package org.borderwatch.cli.command;

import picocli.CommandLine.Command;

@Command(name = "features", description = "Write zone-week and corridor-week feature tables for a week.")
public final class FeaturesCommand extends NotBuiltCommand {
  @Override
  protected String plannedIn() {
    return "zone and route forecasting";
  }
}
