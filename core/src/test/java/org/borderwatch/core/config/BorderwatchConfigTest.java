package org.borderwatch.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.borderwatch.core.error.BorderwatchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BorderwatchConfigTest {

  @Test
  void builtInDefaultsLoadAndValidate() {
    BorderwatchConfig c = BorderwatchConfig.load(null, Map.of(), List.of());
    assertEquals("./lakehouse", c.get(ConfigKeys.LAKEHOUSE_ROOT));
    assertEquals("", c.get(ConfigKeys.METASTORE_URI));
    assertEquals(8, c.get(ConfigKeys.SHUFFLE_PARTITIONS));
    assertEquals(false, c.get(ConfigKeys.SPARK_UI));
    assertEquals(List.of("ops.victim_feedback"), c.get(ConfigKeys.ANALYST_WRITABLE_TABLES));
  }

  @Test
  void borderwatchHomeMovesTheLakehouse() {
    BorderwatchConfig c = BorderwatchConfig.load(null, Map.of("BORDERWATCH_HOME", "/data/bw"), List.of());
    assertEquals("/data/bw", c.get(ConfigKeys.LAKEHOUSE_ROOT));
  }

  @Test
  void environmentThenCommandLineOverride() {
    BorderwatchConfig env = BorderwatchConfig.load(null,
        Map.of("BORDERWATCH_COMPUTE_SHUFFLE_PARTITIONS", "3"), List.of());
    assertEquals(3, env.get(ConfigKeys.SHUFFLE_PARTITIONS));
    BorderwatchConfig both = BorderwatchConfig.load(null,
        Map.of("BORDERWATCH_COMPUTE_SHUFFLE_PARTITIONS", "3"), List.of("compute.shuffle-partitions=5"));
    assertEquals(5, both.get(ConfigKeys.SHUFFLE_PARTITIONS));
  }

  @Test
  void unknownKeyIsOneLineNamingTheKey() {
    BorderwatchException e = assertThrows(BorderwatchException.class,
        () -> BorderwatchConfig.load(null, Map.of(), List.of("no.such.key=1")));
    assertEquals(2, e.exitCode());
    assertTrue(e.getMessage().startsWith("configuration error: unknown key 'no.such.key' with value '1' from --conf"),
        e.getMessage());
    assertTrue(!e.getMessage().contains("\n"));
  }

  @Test
  void typoGetsASuggestion() {
    BorderwatchException e = assertThrows(BorderwatchException.class,
        () -> BorderwatchConfig.load(null, Map.of(), List.of("compute.shuffle-partition=4")));
    assertTrue(e.getMessage().contains("did you mean 'compute.shuffle-partitions'"), e.getMessage());
  }

  @Test
  void badValuesNameKeyValueAndWhatIsAllowed() {
    BorderwatchException e = assertThrows(BorderwatchException.class,
        () -> BorderwatchConfig.load(null, Map.of(), List.of("compute.shuffle-partitions=abc")));
    assertEquals("configuration error: key 'compute.shuffle-partitions' has value 'abc' from --conf; "
        + "allowed: an integer from 1 to 100000", e.getMessage());
    e = assertThrows(BorderwatchException.class,
        () -> BorderwatchConfig.load(null, Map.of(), List.of("compute.ui=maybe")));
    assertTrue(e.getMessage().contains("allowed: true or false"));
    e = assertThrows(BorderwatchException.class,
        () -> BorderwatchConfig.load(null, Map.of(), List.of("log.level=LOUD")));
    assertTrue(e.getMessage().contains("allowed: one of ERROR, WARN, INFO, DEBUG"));
    e = assertThrows(BorderwatchException.class,
        () -> BorderwatchConfig.load(null, Map.of(), List.of("metastore.uri=mysql://x")));
    assertTrue(e.getMessage().contains("thrift://"));
    e = assertThrows(BorderwatchException.class,
        () -> BorderwatchConfig.load(null, Map.of(), List.of("privacy.pseudonym-key=short")));
    assertTrue(e.getMessage().contains("(secret)") && !e.getMessage().contains("short"), e.getMessage());
  }

  @Test
  void unknownEnvironmentVariableIsAnError() {
    BorderwatchException e = assertThrows(BorderwatchException.class,
        () -> BorderwatchConfig.load(null, Map.of("BORDERWATCH_NO_SUCH", "x"), List.of()));
    assertTrue(e.getMessage().contains("'BORDERWATCH_NO_SUCH'"));
  }

  @Test
  void malformedOverrideIsAnError() {
    BorderwatchException e = assertThrows(BorderwatchException.class,
        () -> BorderwatchConfig.load(null, Map.of(), List.of("justakey")));
    assertEquals(2, e.exitCode());
    assertTrue(e.getMessage().contains("key=value"));
  }

  @Test
  void sparkKeysPassThrough() {
    BorderwatchConfig c = BorderwatchConfig.load(null, Map.of(), List.of("spark.executor.memory=4g"));
    assertEquals(Map.of("spark.executor.memory", "4g"), c.sparkConf());
  }

  @Test
  void remoteLakehouseNeedsAnExternalMetastore() {
    BorderwatchException e = assertThrows(BorderwatchException.class,
        () -> BorderwatchConfig.load(null, Map.of(), List.of("lakehouse.root=s3a://bucket/bw")));
    assertTrue(e.getMessage().contains("metastore.uri"));
    BorderwatchConfig ok = BorderwatchConfig.load(null, Map.of(),
        List.of("lakehouse.root=s3a://bucket/bw", "metastore.uri=thrift://metastore:9083"));
    assertEquals("s3a://bucket/bw/warehouse", new LakehousePaths(ok).warehouse());
  }

  @Test
  void fileUnknownKeyAndMissingKey(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("x.conf");
    Files.writeString(f, "lakehouse.root = /tmp/x\ncompute { shuffle-partitions = 2, bogus = 1 }\n");
    BorderwatchException e = assertThrows(BorderwatchException.class,
        () -> BorderwatchConfig.load(f, Map.of(), List.of()));
    assertTrue(e.getMessage().contains("'compute.bogus'"), e.getMessage());
    Files.writeString(f, "lakehouse.root = /tmp/x\n");
    e = assertThrows(BorderwatchException.class, () -> BorderwatchConfig.load(f, Map.of(), List.of()));
    assertTrue(e.getMessage().contains("is missing"), e.getMessage());
  }

  @Test
  void repositoryConfigFilesAreValid() {
    Path conf = Path.of(System.getProperty("user.dir")).resolve("../conf");
    BorderwatchConfig local = BorderwatchConfig.load(conf.resolve("local.conf"), Map.of(), List.of());
    assertEquals("./lakehouse", local.get(ConfigKeys.LAKEHOUSE_ROOT));
    BorderwatchConfig cluster = BorderwatchConfig.load(conf.resolve("cluster.conf"),
        Map.of("BORDERWATCH_PRIVACY_PSEUDONYM_KEY", "a-real-secret-from-the-vault"), List.of());
    assertTrue(cluster.get(ConfigKeys.METASTORE_URI).startsWith("thrift://"));
  }
}
