package org.borderwatch.cli.command;

import picocli.CommandLine.Command;

@Command(name = "simulate", description = "Generate a simulated Southeast Asia world: raw dumps from four sources, with ground truth.")
public final class SimulateCommand extends NotBuiltCommand {
  @Override
  protected String plannedIn() {
    return " raw dumps from four sources, with ground truth:the simulator";
  }
}
