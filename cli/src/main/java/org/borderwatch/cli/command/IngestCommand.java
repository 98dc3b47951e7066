package org.borderwatch.cli.command;

import picocli.CommandLine.Command;

@Command(name = "ingest", description = "Land new dumps from the landing zone into bronze and build the silver tables.")
public final class IngestCommand extends NotBuiltCommand {
  @Override
  protected String plannedIn() {
    return "ingestion";
  }
}
