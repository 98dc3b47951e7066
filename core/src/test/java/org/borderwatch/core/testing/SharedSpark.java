package org.borderwatch.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.core.config.BorderwatchConfig;
import org.borderwatch.core.session.SparkSessions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One SparkSession per test JVM, built by the production session factory over a temporary lakehouse
 * (Delta, embedded Derby metastore), with local[2] and two shuffle partitions. Tests receive the
 * session or the config as parameters; temp views and caches are cleared after each test.
 */
public final class SharedSpark implements ParameterResolver, AfterEachCallback {
  private static BorderwatchConfig config;
  private static SparkSession spark;
  private static Path root;

  public static synchronized SparkSession session() {
    if (spark == null) {
      try {
        root = Files.createTempDirectory("borderwatch-test-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      config = BorderwatchConfig.load(null, Map.of(), List.of(
          "lakehouse.root=" + root.resolve("lakehouse"),
          "compute.shuffle-partitions=2",
          "compute.ui=false",
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
}
