package org.borderwatch.cli.command;

import picocli.CommandLine.Command;

@Command(name = "report", description = "Allocate patrol units and write the weekly planners' report (HTML and PDF).")
public final class ReportCommand extends NotBuiltCommand {
  @Override
  protected String plannedIn() {
    return "publishing";
  }
}
