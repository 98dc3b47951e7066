package org.borderwatch.cli.command;

import picocli.CommandLine.Command;

@Command(name = "serve", description = "Start a read-only Spark Connect server over the lakehouse for analysts.")
public final class ServeCommand extends NotBuiltCommand {
  @Override
  protected String plannedIn() {
    return "publishing";
  }
}
