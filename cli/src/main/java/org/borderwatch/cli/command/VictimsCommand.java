package org.borderwatch.cli.command;

import picocli.CommandLine.Command;

@Command(name = "victims", description = "Score recruitment ads and flag possible trafficking victims for protection.")
public final class VictimsCommand extends NotBuiltCommand {
  @Override
  protected String plannedIn() {
    return "victim identification";
  }
}
