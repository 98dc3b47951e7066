package org.borderwatch.cli.command;

import picocli.CommandLine.Command;

@Command(name = "train", description = "Train the zone-risk and corridor-activity models and run their backtest.")
public final class TrainCommand extends NotBuiltCommand {
  @Override
  protected String plannedIn() {
    return "zone and route forecasting";
  }
}
