package org.borderwatch.cli.command;

import picocli.CommandLine.Command;

@Command(name = "networks", description = "Find networks, key individuals, roles, money flows and mule accounts (GraphX).")
public final class NetworksCommand extends NotBuiltCommand {
  @Override
  protected String plannedIn() {
    return "network analytics";
  }
}
