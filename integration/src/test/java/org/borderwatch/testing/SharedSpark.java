package org.borderwatch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.cli.CliRun;
import org.borderwatch.core.config.BorderwatchConfig;
import org.borderwatch.core.session.SparkSessions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One SparkSession per test JVM, built by the production session factory over a temporary lakehouse
 * (Delta, embedded Derby metastore), with local[2], one shuffle partition (enough for tiny data), no adaptive
 * execution and no UI.
 * Tests receive the session or the config as parameters; temp views and caches are cleared after each test.
 */
public final class SharedSpark implements ParameterResolver, AfterEachCallback {
  private static BorderwatchConfig config;
  private static SparkSession spark;
  private static Path root;

  /** The tests' pseudonym key (the development key is refused on the hand-made landing zones some tests ingest). */
  public static final String TEST_KEY = "test-suite-key-not-a-secret";

  public static synchronized SparkSession session() {
    if (spark == null) {
      try {
        root = Files.createTempDirectory("borderwatch-test-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      config = BorderwatchConfig.load(null, Map.of(), List.of(
          "lakehouse.root=" + root.resolve("lakehouse"),
          "compute.shuffle-partitions=1",
          "compute.ui=false",
          // the tests ingest hand-made landing zones too, which the public development key is refused on
          "privacy.pseudonym-key=" + TEST_KEY,
          // tiny data: with one shuffle partition adaptive execution has nothing to coalesce, only plans to redo
          "spark.sql.adaptive.enabled=false",
          // the jobs' re-runs generate the same code as their first runs: keep every generated class (default 100)
          "spark.sql.codegen.cache.maxEntries=4000",
          "log.level=ERROR"));
      System.setProperty("spark.master", "local[2]");
      System.setProperty("spark.driver.host", "127.0.0.1");
      System.setProperty("spark.driver.bindAddress", "127.0.0.1");
      spark = SparkSessions.build(config, "borderwatch-tests");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> spark.stop()));
    }
    return spark;
  }

  public static synchronized BorderwatchConfig config() {
    session();
    return config;
  }

  /** Root of the temporary lakehouse the shared session uses. */
  public static synchronized Path root() {
    session();
    return root;
  }

  /**
   * Drops every database of the shared lakehouse and removes its files and folders: a test class that writes
   * tables starts from an empty lakehouse, whatever ran before it in this JVM.
   */
  public static synchronized void resetLakehouse() {
    SparkSession s = session();
    s.catalog().clearCache();
    for (org.apache.spark.sql.Row db : s.sql("SHOW DATABASES").collectAsList()) {
      if (!db.getString(0).equals("default")) {
        s.sql("DROP DATABASE " + db.getString(0) + " CASCADE");
      }
    }
    org.borderwatch.core.catalog.Lakehouse.forgetCatalog();
    Path lakehouse = root.resolve("lakehouse");
    try {
      for (String d : List.of("warehouse", "world", "reports", "models")) {
        deleteTree(lakehouse.resolve(d));
      }
      // a fresh lakehouse has held no data but a simulated world
      Files.deleteIfExists(lakehouse.resolve(org.borderwatch.core.privacy.PseudonymKey.REAL_DATA_MARK));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the command line in-process on the shared session's lakehouse and captures its output. */
  public static CliRun cli(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of("--conf", "lakehouse.root=" + root().resolve("lakehouse"),
        "--conf", "compute.shuffle-partitions=1", "--conf", "log.level=ERROR", "--conf", "privacy.pseudonym-key=" + TEST_KEY));
    all.addAll(List.of(args));
    return CliRun.plain(all.toArray(new String[0]));
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
    Class<?> t = p.getParameter().getType();
    return t == SparkSession.class || t == BorderwatchConfig.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext e) {
    return p.getParameter().getType() == SparkSession.class ? session() : config();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (spark != null) {
      spark.catalog().clearCache();
      for (org.apache.spark.sql.catalog.Table t : spark.catalog().listTables().collectAsList()) {
        if (t.isTemporary()) {
          spark.catalog().dropTempView(t.name());
        }
      }
    }
  }

  /** Removes a file or a folder and everything under it; nothing when it is not there. */
  public static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> all = Files.walk(p)) {
      for (Path x : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(x);
      }
    }
  }
}
