package org.borderwatch.cli.command;

import picocli.CommandLine.Command;

@Command(name = "score", description = "Score next week's zone and route risk into gold tables.")
public final class ScoreCommand extends NotBuiltCommand {
  @Override
  protected String plannedIn() {
    return "zone and route forecasting";
  }
}
