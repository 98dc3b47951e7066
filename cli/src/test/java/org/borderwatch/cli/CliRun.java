package org.borderwatch.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.borderwatch.core.testing.SharedSpark;
import picocli.CommandLine;

/** Runs the command line in-process against the shared test lakehouse and captures its output. */
public record CliRun(int exit, String out, String err) {

  /** Runs with lakehouse.root pointing at the shared test session's lakehouse. */
  public static CliRun onTestLakehouse(String... args) {
    List<String> all = new ArrayList<>();
    all.add("--conf");
    all.add("lakehouse.root=" + SharedSpark.root().resolve("lakehouse"));
    all.add("--conf");
    all.add("compute.shuffle-partitions=2");
    SharedSpark.session();
    all.addAll(List.of(args));
    return plain(all.toArray(new String[0]));
  }

  /** Runs exactly the given arguments. */
  public static CliRun plain(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
