package org.borderwatch.cli.command;

import org.borderwatch.core.catalog.MaintainJob;
import picocli.CommandLine.Command;

@Command(name = "maintain", description = "Compact (OPTIMIZE) and clean (VACUUM) the Delta tables.")
public final class MaintainCommand extends BaseCommand {
  @Override
  public Integer call() {
    out().println(runJob(new MaintainJob(), null).summary());
    out().flush();
    return 0;
  }
}
