package org.borderwatch.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every command accepts, before or after the command name. */
public final class GlobalOptions {
  @Option(names = "--config", paramLabel = "FILE",
      description = "Configuration file (default: $BORDERWATCH_CONFIG, else the built-in conf/local.conf)")
  Path configFile;

  @Option(names = "--conf", paramLabel = "KEY=VALUE",
      description = "Override a configuration key (repeatable); spark.* keys go to Spark")
  List<String> overrides = new ArrayList<>();

  @Option(names = {"-v", "--verbose"}, description = "Log at INFO (Spark's chatter included)")
  boolean verbose;

  public Path configFile() {
    return configFile;
  }

  public List<String> overrides() {
    return overrides;
  }

  public boolean verbose() {
    return verbose;
  }

  /** This command's options on top of its parent's. */
  public GlobalOptions over(GlobalOptions parent) {
    GlobalOptions merged = new GlobalOptions();
    merged.configFile = configFile != null ? configFile : parent == null ? null : parent.configFile;
    if (parent != null) {
      merged.overrides.addAll(parent.overrides);
    }
    merged.overrides.addAll(overrides);
    merged.verbose = verbose || parent != null && parent.verbose;
    return merged;
  }
}
