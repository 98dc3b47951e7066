package org.borderwatch.cli.command;

import picocli.CommandLine.Command;

@Command(name = "maintain", description = "Compact (OPTIMIZE) and clean (VACUUM) the Delta tables.")
public final class MaintainCommand extends NotBuiltCommand {
  @Override
  protected String plannedIn() {
    return "ingestion";
  }
}
