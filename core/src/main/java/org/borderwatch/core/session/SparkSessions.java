package org.borderwatch.core.session;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.core.config.BorderwatchConfig;
import org.borderwatch.core.config.ConfigKeys;
import org.borderwatch.core.config.LakehousePaths;
import org.borderwatch.core.error.BorderwatchException;

/**
 * Builds the one SparkSession a command uses: Delta, the Hive metastore (embedded Derby by default),
 * UTC, and the analyst guard. The master is never set here: spark-submit or the launcher sets it.
 */
public final class SparkSessions {
  /** Spark conf key: whether this is a read-only analyst session. */
  public static final String ANALYST_CONF = "spark.borderwatch.analyst";
  /** Spark conf key: comma-separated tables an analyst session may append to. */
  public static final String WRITABLE_CONF = "spark.borderwatch.analyst.writableTables";

  private SparkSessions() {}

  /** What a session is for. */
  public enum Mode {
    /** A job: reads and writes the lakehouse. */
    JOB,
    /** An analyst's session (sql): read-only except the analyst tables; a child session of the process's root. */
    ANALYST,
    /** A Spark Connect server: every session it creates for clients is an analyst session. */
    SERVER
  }

  /** A job session (read-write). */
  public static SparkSession build(BorderwatchConfig config, String appName) {
    return build(config, appName, Mode.JOB);
  }

  /**
   * @param mode JOB for jobs; ANALYST and SERVER sessions refuse writes except to the configured analyst tables
   */
  public static SparkSession build(BorderwatchConfig config, String appName, Mode mode) {
    return build(config, appName, mode, null);
  }

  /**
   * As {@link #build(BorderwatchConfig, String, Mode)}; {@code prepare} runs on the process's job session
   * before an analyst session is made from it (e.g. to create the catalog's ops tables on a new lakehouse).
   * A SERVER process prepares on a session of its own, before any client connects.
   */
  public static SparkSession build(BorderwatchConfig config, String appName, Mode mode,
      java.util.function.Consumer<SparkSession> prepare) {
    return build(config, appName, mode, prepare, AnalystAccess.ANALYST);
  }

  /**
   * As {@link #build(BorderwatchConfig, String, Mode, java.util.function.Consumer)}; an ANALYST session gets
   * {@code role} (analyst or investigator): the tables it reads come from the role's access key.
   */
  public static SparkSession build(BorderwatchConfig config, String appName, Mode mode,
      java.util.function.Consumer<SparkSession> prepare, String role) {
    AnalystAccess.requireRole(role);
    if (System.getProperty("spark.master") == null && !config.sparkConf().containsKey("spark.master")
        && SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty()) {
      throw new BorderwatchException(BorderwatchException.USAGE,
          "no Spark master is set: run through bin/borderwatch (local mode) or spark-submit --master <url>, "
              + "or pass --conf spark.master=<url>");
    }
    LakehousePaths paths = new LakehousePaths(config);
    if (paths.isLocal()) {
      // Keep derby.log under the lakehouse instead of the working directory.
      System.setProperty("derby.system.home", paths.root());
      System.setProperty("derby.stream.error.file", paths.root() + "/derby.log");
      new java.io.File(paths.root()).mkdirs();
    }
    int partitions = config.get(ConfigKeys.SHUFFLE_PARTITIONS);
    SparkSession.Builder b = SparkSession.builder()
        .appName(appName)
        .config("spark.sql.extensions",
            "io.delta.sql.DeltaSparkSessionExtension," + AnalystGuardExtension.class.getName())
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.sql.catalogImplementation", "hive")
        .config("spark.sql.warehouse.dir", paths.warehouse())
        .config("spark.sql.shuffle.partitions", partitions)
        .config("spark.default.parallelism", Math.max(2, partitions))
        .config("spark.databricks.delta.snapshotPartitions", config.get(ConfigKeys.DELTA_LOG_PARTITIONS))
        // Delta's VACUUM lists files with this many tasks (Spark's default, 10,000, swamps a small machine).
        .config("spark.sql.sources.parallelPartitionDiscovery.parallelism", Math.max(2, partitions))
        .config("spark.ui.enabled", config.get(ConfigKeys.SPARK_UI))
        .config("spark.ui.showConsoleProgress", false)
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.legacy.createHiveTableByDefault", false)
        .config(ANALYST_CONF, mode == Mode.SERVER)
        .config("spark.sql.runSQLOnFiles", mode != Mode.SERVER)
        .config(WRITABLE_CONF, String.join(",", config.get(ConfigKeys.ANALYST_WRITABLE_TABLES)))
        .config(AnalystGuardExtension.ANALYST_READS_CONF, String.join(",", config.get(ConfigKeys.ACCESS_ANALYST_READS)));
    String uri = config.get(ConfigKeys.METASTORE_URI);
    if (uri.isEmpty()) {
      b.config("spark.hadoop.javax.jdo.option.ConnectionURL",
          "jdbc:derby:;databaseName=" + paths.metastoreDb() + ";create=true");
      b.config("spark.hadoop.datanucleus.schema.autoCreateAll", true);
      b.config("spark.hadoop.hive.metastore.schema.verification", false);
    } else {
      b.config("spark.hadoop.hive.metastore.uris", uri);
    }
    for (Map.Entry<String, String> e : config.sparkConf().entrySet()) {
      b.config(e.getKey(), e.getValue());
    }
    SparkSession spark = b.enableHiveSupport().getOrCreate();
    spark.sparkContext().setLogLevel(config.get(ConfigKeys.LOG_LEVEL).toUpperCase(Locale.ROOT));
    Logging.apply(config.get(ConfigKeys.LOG_LEVEL));
    if (prepare != null && mode != Mode.SERVER) {
      prepare.accept(spark);
    } else if (prepare != null) {
      // a server's sessions are all analysts': the preparation runs with the process's rights, before any client
      SparkSession job = spark.newSession();
      AnalystGuardExtension.asProcess(() -> prepare.accept(job));
    }
    if (mode == Mode.ANALYST) {
      SparkSession analyst = spark.newSession();
      analyst.conf().set(ANALYST_CONF, "true");
      analyst.conf().set("spark.sql.runSQLOnFiles", "false"); // no format.`path` reads; SET of it is refused
      AnalystGuardExtension.mark(analyst, access(config, role, System.getProperty("user.name", "unknown"),
          "sql@" + host()));
      return analyst;
    }
    return spark;
  }

  /** The access of {@code role} (analyst or investigator) for {@code user} connecting from {@code origin}. */
  public static AnalystAccess access(BorderwatchConfig config, String role, String user, String origin) {
    List<String> reads = AnalystAccess.requireRole(role).equals(AnalystAccess.INVESTIGATOR)
        ? config.get(ConfigKeys.ACCESS_INVESTIGATOR_READS) : config.get(ConfigKeys.ACCESS_ANALYST_READS);
    return new AnalystAccess(role, user, origin, reads, config.get(ConfigKeys.ANALYST_WRITABLE_TABLES));
  }

  /** This machine's name, for an audit's origin ("localhost" when it cannot be told). */
  static String host() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "localhost";
    }
  }

  /** Tables an analyst session may append to, as set on the session. */
  public static List<String> writableTables(SparkSession spark) {
    return writableTables(spark.conf().get(WRITABLE_CONF, ""));
  }

  /** The tables of a {@link #WRITABLE_CONF} value. */
  public static List<String> writableTables(String conf) {
    return conf.isBlank() ? List.of() : List.of(conf.split(","));
  }
}
