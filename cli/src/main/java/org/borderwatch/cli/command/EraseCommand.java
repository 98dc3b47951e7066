package org.borderwatch.cli.command;

import org.borderwatch.core.privacy.EraseJob;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Erases a person from every layer, the landing lines they came from, the reports and Delta's history. */
@Command(name = "erase", description = "Erase a person from every layer, their landing lines, reports and the tables' "
    + "history (docs/security.md, Erasure).")
public final class EraseCommand extends BaseCommand {
  static final class Who {
    @Option(names = "--person", paramLabel = "KEY", required = true,
        description = "The person's pseudonym in gold (PER-...)")
    String person;

    @Option(names = "--source-id", paramLabel = "ID", required = true,
        description = "The id of a source record that mentions the person (every person it mentions is erased)")
    String sourceId;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Who who;

  @Option(names = "--landing", paramLabel = "DIR",
      description = "Landing zone the person's lines came from (default: <lakehouse>/world/landing)")
  String landing;

  /** The reference is not recorded in ops.job_runs (ops.erasures keeps a digest of it). */
  @Override
  protected String arguments() {
    return "erase " + (who.person != null ? "--person" : "--source-id") + " (not recorded)";
  }

  @Override
  public Integer call() {
    out().println(runJob(new EraseJob(who.person, who.sourceId, landing), null).summary());
    out().flush();
    return 0;
  }
}
