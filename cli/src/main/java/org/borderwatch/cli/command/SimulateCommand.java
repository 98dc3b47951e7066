package org.borderwatch.cli.command;

import java.nio.file.Path;
import org.borderwatch.core.time.IsoWeek;
import org.borderwatch.simulator.Scale;
import org.borderwatch.simulator.SimulateJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "simulate", description = "Generate a simulated Southeast Asia world: raw dumps from four sources, "
    + "with ground truth.")
public final class SimulateCommand extends BaseCommand {
  @Option(names = "--scale", paramLabel = "SIZE", description = "tiny, small (the demo), medium or large "
      + "(default: simulator.scale)")
  String scale;

  @Option(names = "--seed", description = "Seed of the world (default: simulator.seed)")
  Long seed;

  @Option(names = "--start-week", paramLabel = "YYYY-Www", description = "First week (default: simulator.start-week)")
  String startWeek;

  @Option(names = "--weeks", description = "Weeks to write: a new world's length (default: the scale's), or how "
      + "many more weeks to add to the world already in --out (default 1)")
  Integer weeks;

  @Option(names = "--out", paramLabel = "DIR", description = "World folder: landing/ and truth/ (default: "
      + "<lakehouse>/world)")
  Path out;

  @Option(names = "--patrols", paramLabel = "CSV", description = "Patrol plan overrides: week_index,crossing_id,units")
  Path patrols;

  @Override
  public Integer call() {
    if (weeks != null && weeks < 1) {
      throw org.borderwatch.core.error.Errors.badArgument("--weeks", String.valueOf(weeks), "a positive number");
    }
    Path dir = out != null ? out : Path.of(new org.borderwatch.core.config.LakehousePaths(config()).world());
    SimulateJob job = new SimulateJob(scale == null ? null : Scale.parse(scale), seed,
        startWeek == null ? null : IsoWeek.parse(startWeek), weeks, dir, patrols, out());
    runJob(job, null);
    return 0;
  }
}
