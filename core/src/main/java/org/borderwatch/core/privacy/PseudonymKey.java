package org.borderwatch.core.privacy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.core.config.BorderwatchConfig;
import org.borderwatch.core.config.ConfigKeys;
import org.borderwatch.core.config.LakehousePaths;
import org.borderwatch.core.config.SecretFiles;
import org.borderwatch.core.error.BorderwatchException;

/**
 * The pseudonym key and the rule that keeps the public development key off real data. The key comes from
 * {@code privacy.pseudonym-key-file} (a file readable by its owner only) when set, else from
 * {@code privacy.pseudonym-key} (or BORDERWATCH_PRIVACY_PSEUDONYM_KEY). The development key of conf/local.conf is
 * accepted only on a lakehouse that has never ingested anything but a simulated world: the first ingest from a
 * landing zone that is not a simulated world's leaves a mark on the lakehouse, and from then on every job that makes
 * pseudonyms refuses the development key, as ingest itself does.
 */
public final class PseudonymKey {
  /** conf/local.conf's key: public, for the simulated world only. */
  public static final String DEVELOPMENT = "local-development-key-not-for-real-data";
  /** The file a simulated world's folder holds next to its landing zone (the simulator's manifest). */
  public static final String WORLD_MANIFEST = "world.json";
  /** The mark a lakehouse gets when data that is not a simulated world's is ingested into it. */
  public static final String REAL_DATA_MARK = "_real_data";

  private PseudonymKey() {}

  /** The configured key: the key file's first line when privacy.pseudonym-key-file is set, else the key itself. */
  public static String of(BorderwatchConfig config) {
    String file = config.get(ConfigKeys.PSEUDONYM_KEY_FILE).strip();
    if (file.isEmpty()) {
      return config.get(ConfigKeys.PSEUDONYM_KEY);
    }
    String key = SecretFiles.readOwnerOnly(java.nio.file.Path.of(file), "privacy.pseudonym-key-file").stream()
        .map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    if (key.length() < 16) {
      throw new BorderwatchException(BorderwatchException.USAGE, "privacy.pseudonym-key-file: " + file
          + " must hold a key of at least 16 characters on its first line");
    }
    return key;
  }

  /**
   * The key for making pseudonyms on this lakehouse: refused when it is the development key and the lakehouse has
   * ingested data that is not a simulated world's.
   */
  public static String forLakehouse(SparkSession spark, BorderwatchConfig config) {
    String key = of(config);
    if (key.equals(DEVELOPMENT)) {
      String mark = read(spark, new Path(new LakehousePaths(config).root(), REAL_DATA_MARK));
      if (mark != null) {
        throw refused("this lakehouse holds data that is not a simulated world (" + mark.strip() + ")");
      }
    }
    return key;
  }

  /**
   * Called by ingest before it reads {@code landing}: a landing zone that is not a simulated world's marks the
   * lakehouse as holding real data, and is refused with the development key.
   */
  public static void beforeIngest(SparkSession spark, BorderwatchConfig config, String landing) {
    Path root = new Path(landing);
    Path manifest = root.getParent() == null ? null : new Path(root.getParent(), WORLD_MANIFEST);
    if (manifest != null && exists(spark, manifest)) {
      return; // a simulated world
    }
    if (of(config).equals(DEVELOPMENT)) {
      throw refused("the landing zone " + landing + " is not a simulated world (no " + WORLD_MANIFEST + " beside it)");
    }
    Path mark = new Path(new LakehousePaths(config).root(), REAL_DATA_MARK);
    if (!exists(spark, mark)) {
      try (FSDataOutputStream out = mark.getFileSystem(spark.sparkContext().hadoopConfiguration()).create(mark, false)) {
        out.write(("first ingested from a landing zone that is not a simulated world at " + Instant.now() + "\n")
            .getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        if (!exists(spark, mark)) {
          throw new BorderwatchException(BorderwatchException.FAILED, "cannot mark the lakehouse as holding real data ("
              + mark + "): " + e.getMessage());
        }
      }
    }
  }

  private static BorderwatchException refused(String why) {
    return new BorderwatchException(BorderwatchException.USAGE, "refused: the development pseudonym key (conf/local.conf's "
        + "privacy.pseudonym-key) is public and for the simulated world only, and " + why + "; set a secret key with "
        + "BORDERWATCH_PRIVACY_PSEUDONYM_KEY or privacy.pseudonym-key-file (docs/security.md, Keys)");
  }

  private static boolean exists(SparkSession spark, Path p) {
    try {
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      return fs.exists(p);
    } catch (IOException e) {
      return false;
    }
  }

  private static String read(SparkSession spark, Path p) {
    try {
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(p)) {
        return null;
      }
      try (var in = fs.open(p)) {
        return new String(in.readNBytes(4096), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new BorderwatchException(BorderwatchException.FAILED, "cannot read " + p + ": " + e.getMessage());
    }
  }
}
