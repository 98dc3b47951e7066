package org.borderwatch.cli.command;

import picocli.CommandLine.Command;

@Command(name = "resolve", description = "Link person mentions across all sources into stable, explained identities.")
public final class ResolveCommand extends NotBuiltCommand {
  @Override
  protected String plannedIn() {
    return "entity resolution";
  }
}
