package org.borderwatch.cli.command;

import java.util.List;
import org.borderwatch.core.error.Errors;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/** A command that is declared but not built yet: it says so and exits 3, never faking output. */
public abstract class NotBuiltCommand extends BaseCommand {
  @Unmatched
  List<String> ignored;

  @Parameters(hidden = true, arity = "0..*")
  List<String> rest;

  /** Which capability will fill this command in. */
  protected abstract String plannedIn();

  @Override
  public Integer call() {
    throw Errors.notBuilt(spec.name(), plannedIn());
  }
}
