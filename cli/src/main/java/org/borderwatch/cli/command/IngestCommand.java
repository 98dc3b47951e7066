package org.borderwatch.cli.command;

import org.borderwatch.core.config.LakehousePaths;
import org.borderwatch.ingest.IngestJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "ingest", description = "Land new dumps from the landing zone into bronze and build the silver tables.")
public final class IngestCommand extends BaseCommand {
  @Option(names = "--landing", paramLabel = "DIR", description = "Landing zone (default: <lakehouse>/world/landing)")
  String landing;

  @Option(names = "--source", paramLabel = "SOURCE", description = "Only this source: border, police, social or finance")
  String source;

  @Override
  public Integer call() {
    String dir = landing != null ? landing : new LakehousePaths(config()).landing();
    IngestJob job = new IngestJob(dir, source);
    var outcome = runJob(job, null);
    out().println(outcome.summary());
    out().flush();
    return 0;
  }
}
