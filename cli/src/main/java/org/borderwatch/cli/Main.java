package org.borderwatch.cli;

import java.io.PrintWriter;
import org.borderwatch.cli.command.FeaturesCommand;
import org.borderwatch.cli.command.IngestCommand;
import org.borderwatch.cli.command.EraseCommand;
import org.borderwatch.cli.command.MaintainCommand;
import org.borderwatch.cli.command.NetworksCommand;
import org.borderwatch.cli.command.PipelineCommand;
import org.borderwatch.cli.command.ReportCommand;
import org.borderwatch.cli.command.ResolveCommand;
import org.borderwatch.cli.command.ScoreCommand;
import org.borderwatch.cli.command.ServeCommand;
import org.borderwatch.cli.command.SimulateCommand;
import org.borderwatch.cli.command.SqlCommand;
import org.borderwatch.cli.command.TablesCommand;
import org.borderwatch.cli.command.TrainCommand;
import org.borderwatch.cli.command.VictimsCommand;
import org.borderwatch.core.error.BorderwatchException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ScopeType;

/** Entry point for the launcher and for spark-submit: parses arguments and runs one command. */
@Command(name = "borderwatch", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
    versionProvider = Main.Version.class,
    description = "Crime analytics against migrant smuggling and human trafficking in Southeast Asia.",
    synopsisSubcommandLabel = "<command>",
    commandListHeading = "%nCommands:%n",
    footer = {"", "Exit codes: 0 ok, 1 failed, 2 usage or configuration error.",
        "Run 'borderwatch <command> --help' for a command's options."},
    subcommands = {
        SimulateCommand.class, IngestCommand.class, ResolveCommand.class, NetworksCommand.class,
        FeaturesCommand.class, TrainCommand.class, ScoreCommand.class, VictimsCommand.class,
        ReportCommand.class, PipelineCommand.class, SqlCommand.class, ServeCommand.class,
        TablesCommand.class, MaintainCommand.class, EraseCommand.class, org.borderwatch.bench.BenchCommand.class})
public final class Main implements Runnable {
  @Mixin
  GlobalOptions global;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code (tests call this instead of main). */
  public static int run(String... args) {
    CommandLine cl = commandLine();
    return cl.execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setParameterExceptionHandler((ex, args) -> {
      CommandLine bad = ex.getCommandLine();
      PrintWriter err = bad.getErr();
      err.println("borderwatch: " + ex.getMessage());
      if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
        err.println();
      }
      bad.usage(err);
      err.flush();
      return BorderwatchException.USAGE;
    });
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      if (ex instanceof BorderwatchException be) {
        err.println("borderwatch: " + be.getMessage());
        err.flush();
        return be.exitCode();
      }
      err.println("borderwatch: unexpected error: " + ex);
      ex.printStackTrace(err);
      err.flush();
      return BorderwatchException.FAILED;
    });
    return cl;
  }

  /** Without a command: print usage and exit 2. */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  public GlobalOptions global() {
    return global;
  }

  /** Version from the jar manifest (or "dev" when run from classes). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"borderwatch " + (v == null ? "dev" : v) + " (Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION() + ")"};
    }
  }
}
