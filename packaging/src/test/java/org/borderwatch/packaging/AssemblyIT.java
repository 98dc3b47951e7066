package org.borderwatch.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged product, in separate processes: the assembly under spark-submit (Spark's jars on the
 * classpath, as a cluster provides them) and the bin/borderwatch launcher.
 */
class AssemblyIT {
  static final Path JAR = Path.of(System.getProperty("borderwatch.assembly"));
  static final Path LIB = Path.of(System.getProperty("borderwatch.lib"));
  static final Path REPO = Path.of(System.getProperty("borderwatch.repo")).toAbsolutePath().normalize();

  /**
   * The JIT flag of every process these tests start (the pom's {@code test.jit.args}: the C1 compiler only). Each
   * runs for seconds to a minute, too short for C2's compilations to pay back; with C1 alone a spark-submit of
   * {@code tables} took 27 s and 34 s of CPU here instead of 31 s and 56 s.
   */
  static final String SHORT_JVM = System.getProperty("borderwatch.jit", "").strip();

  record Result(int exit, String out, String err) {}

  static Result exec(List<String> cmd, Map<String, String> env, Path dir) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().putAll(env);
    Path out = Files.createTempFile("bw-out", ".txt");
    Path err = Files.createTempFile("bw-err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + cmd);
    }
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** {@code java} with the JIT flag and the flags Spark needs on Java 17, for a process of these tests. */
  static List<String> java() {
    List<String> cmd = new ArrayList<>(List.of("java", SHORT_JVM));
    cmd.addAll(List.of(System.getProperty("borderwatch.opens", "").split(" ")));
    cmd.removeIf(String::isBlank);
    return cmd;
  }

  static List<String> sparkSubmit(String... args) {
    List<String> cmd = java();
    cmd.addAll(List.of("-cp", LIB + "/*", "org.apache.spark.deploy.SparkSubmit",
        "--master", "local[2]", "--class", "org.borderwatch.cli.Main",
        "--conf", "spark.ui.enabled=false", "--conf", "spark.driver.host=127.0.0.1", JAR.toString()));
    cmd.addAll(List.of(args));
    return cmd;
  }

  @Test
  void sparkSubmitRunsTablesFromTheAssemblyAndTheCatalogPersists(@TempDir Path dir) throws Exception {
    String root = dir.resolve("lakehouse").toString();
    Result tables = exec(sparkSubmit("--conf", "lakehouse.root=" + root, "tables"), Map.of(), dir);
    assertEquals(0, tables.exit(), tables.err());
    assertTrue(tables.out().matches("(?s)^layer +table .*"), tables.out());
    assertTrue(tables.out().contains("job_runs"), tables.out());

    Result dbs = exec(sparkSubmit("--conf", "lakehouse.root=" + root, "sql", "--format", "csv", "show databases"),
        Map.of(), dir);
    assertEquals(0, dbs.exit(), dbs.err());
    assertEquals(List.of("namespace", "bronze", "default", "gold", "ops", "silver"),
        dbs.out().lines().sorted((a, b) -> a.equals("namespace") ? -1 : b.equals("namespace") ? 1 : a.compareTo(b))
            .toList());
  }

  @Test
  void launcherRunsHelpAndRejectsUnknownKeys(@TempDir Path dir) throws Exception {
    Map<String, String> env = Map.of("BORDERWATCH_SKIP_BUILD", "1", "BORDERWATCH_HOME", dir.resolve("lh").toString(),
        "BORDERWATCH_MASTER", "local[2]", "BORDERWATCH_JAVA_OPTS", SHORT_JVM);
    String launcher = REPO.resolve("bin/borderwatch").toString();

    Result help = exec(List.of(launcher, "--help"), env, dir);
    assertEquals(0, help.exit(), help.err());
    assertTrue(help.out().contains("pipeline"), help.out());

    // the launcher's sql in local mode on BORDERWATCH_HOME: ServeIT, which needs that Spark JVM anyway

    Result bad = exec(List.of(launcher, "--conf", "no.such.key=1", "tables"), env, dir);
    assertEquals(2, bad.exit());
    assertEquals(1, bad.err().strip().lines().count(), bad.err());
    assertTrue(bad.err().contains("'no.such.key'"), bad.err());
  }
}
