package org.borderwatch.core.config;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/** Every configuration key borderwatch knows, in one place. conf/local.conf gives each its default. */
public final class ConfigKeys {
  private ConfigKeys() {}

  public static final ConfigKey<String> LAKEHOUSE_ROOT = ConfigKey.path("lakehouse.root",
      "Root of the lakehouse: Delta tables, embedded metastore, simulated world, reports");

  public static final ConfigKey<String> METASTORE_URI = ConfigKey.string("metastore.uri",
      "Hive metastore thrift URI; empty for the embedded Derby metastore under the lakehouse",
      Pattern.compile("^$|^thrift://[^\\s]+$"), "empty (embedded Derby) or a thrift://host:port URI");

  public static final ConfigKey<Integer> SHUFFLE_PARTITIONS = ConfigKey.integer("compute.shuffle-partitions",
      "spark.sql.shuffle.partitions for every job", 1, 100_000);

  public static final ConfigKey<Integer> DELTA_LOG_PARTITIONS = ConfigKey.integer("compute.delta-log-partitions",
      "Partitions Delta uses to replay a table's log (spark.databricks.delta.snapshotPartitions)", 1, 1000);

  public static final ConfigKey<Boolean> SPARK_UI = ConfigKey.bool("compute.ui", "Whether Spark's web UI runs");

  public static final ConfigKey<String> LOG_LEVEL = ConfigKey.oneOf("log.level",
      "Log level for borderwatch and Spark", "ERROR", "WARN", "INFO", "DEBUG");

  public static final ConfigKey<String> PSEUDONYM_KEY = ConfigKey.secret("privacy.pseudonym-key",
      "Secret of the keyed hash that pseudonymises identifiers in gold tables", 16);

  public static final ConfigKey<String> PSEUDONYM_KEY_FILE = ConfigKey.string("privacy.pseudonym-key-file",
      "File whose first line is the pseudonym key, readable by its owner only (empty: privacy.pseudonym-key)",
      Pattern.compile("^.*$"), "empty or a local file path");

  public static final ConfigKey<List<String>> ANALYST_WRITABLE_TABLES = ConfigKey.stringList(
      "analyst.writable-tables", "Tables an analyst session may write to (all others are read-only)",
      Pattern.compile("^(bronze|silver|gold|ops)\\.[a-z0-9_]+$"), "database.table names in bronze, silver, gold or ops");

  /** A table pattern of an access role: db.table or db.* (a whole layer). */
  private static final Pattern TABLE_PATTERN = Pattern.compile("^(bronze|silver|gold|ops)\\.([a-z0-9_]+|\\*)$");

  public static final ConfigKey<List<String>> ACCESS_ANALYST_READS = ConfigKey.stringList("access.analyst-reads",
      "Tables the analyst role reads in sql and serve sessions (db.table, or db.* for a layer)", TABLE_PATTERN,
      "db.table or db.* names in bronze, silver, gold or ops");

  public static final ConfigKey<List<String>> ACCESS_INVESTIGATOR_READS = ConfigKey.stringList(
      "access.investigator-reads", "Tables the investigator role reads in sql and serve sessions (db.table, or db.*)",
      TABLE_PATTERN, "db.table or db.* names in bronze, silver, gold or ops");

  public static final ConfigKey<String> SERVE_TOKENS_FILE = ConfigKey.string("serve.tokens-file",
      "File of serve's credentials, one per line: TOKEN USER ROLE (empty: no tokens, loopback only)",
      Pattern.compile("^.*$"), "empty or a local file path");

  public static final ConfigKey<String> SIM_SCALE = ConfigKey.oneOf("simulator.scale",
      "World size when simulate runs without --scale (and when pipeline finds an empty landing zone)",
      "tiny", "small", "medium", "large");

  public static final ConfigKey<Integer> SIM_SEED = ConfigKey.integer("simulator.seed",
      "Seed of the simulated world", 0, Integer.MAX_VALUE);

  public static final ConfigKey<String> SIM_START_WEEK = ConfigKey.string("simulator.start-week",
      "First ISO week of the simulated world", Pattern.compile("^\\d{4}-W\\d{2}$"), "an ISO week YYYY-Www");

  public static final ConfigKey<Double> SIM_NAME_NOISE = ConfigKey.decimal("simulator.name-noise",
      "Scale of name variation in simulated records (1 = the field's usual mess)", 0, 3);

  public static final ConfigKey<Double> SIM_DUPLICATE_RATE = ConfigKey.decimal("simulator.defects.duplicate-rate",
      "Share of records exported twice", 0, 0.5);

  public static final ConfigKey<Double> SIM_MALFORMED_RATE = ConfigKey.decimal("simulator.defects.malformed-rate",
      "Share of lines damaged (truncated JSON, stray delimiter, invalid UTF-8)", 0, 0.5);

  public static final ConfigKey<Double> SIM_BAD_COORD_RATE = ConfigKey.decimal(
      "simulator.defects.bad-coordinate-rate", "Share of coordinates out of range", 0, 0.5);

  public static final ConfigKey<Double> SIM_SWAPPED_COORD_RATE = ConfigKey.decimal(
      "simulator.defects.swapped-coordinate-rate", "Share of coordinates with latitude and longitude swapped", 0, 0.5);

  public static final ConfigKey<Double> SIM_LATE_RATE = ConfigKey.decimal("simulator.defects.late-rate",
      "Share of event records exported one to three weeks late", 0, 0.5);

  public static final ConfigKey<Boolean> SIM_UNLISTED_CROSSINGS = ConfigKey.bool("simulator.records.unlisted-crossings",
      "Networks also use crossing points no agency lists (not in conf/crossings.csv), some opening during the run");

  public static final ConfigKey<Double> SIM_PATROL_ABSENT = ConfigKey.decimal("simulator.records.patrol-absent",
      "Share of rostered mobile patrol units not where the roster says in a week", 0, 1);

  public static final ConfigKey<Double> SIM_PATROL_UNROSTERED = ConfigKey.decimal(
      "simulator.records.patrol-unrostered", "Chance a listed informal point without rostered units is patrolled", 0, 1);

  public static final ConfigKey<Double> SIM_VICTIM_UNRECORDED = ConfigKey.decimal(
      "simulator.records.victim-unrecorded", "Share of interdicted victims a case file records as witnesses", 0, 1);

  public static final ConfigKey<Double> SIM_VICTIM_FALSE = ConfigKey.decimal("simulator.records.victim-false",
      "Share of interdicted non-victims a case file records as victims", 0, 1);

  public static final ConfigKey<Double> SIM_PERSON_OMITTED = ConfigKey.decimal("simulator.records.person-omitted",
      "Share of interdicted travellers missing from the case file", 0, 1);

  public static final ConfigKey<Double> SIM_ROLE_SWAPPED = ConfigKey.decimal("simulator.records.role-swapped",
      "Share of case-file persons on the wrong side (a traveller as suspect, crew as witness)", 0, 1);

  public static final ConfigKey<Double> SIM_ROLE_GUESS_WRONG = ConfigKey.decimal("simulator.records.role-guess-wrong",
      "Share of wrong role guesses at interdiction (a traveller as driver, crew as migrant)", 0, 1);

  public static final ConfigKey<Double> SIM_LEGIT_PLATE = ConfigKey.decimal("simulator.records.legit-plate",
      "Share of legitimate official crossings driven across with a vehicle plate", 0, 1);

  public static final ConfigKey<Double> SIM_GROUP_CROSSING = ConfigKey.decimal("simulator.records.group-crossing",
      "Share of legitimate crossings made with one to five companions in one vehicle", 0, 1);

  public static final ConfigKey<Double> SIM_BORDER_PASS = ConfigKey.decimal("simulator.records.border-pass",
      "Share of border residents who cross on a certificate of identity (border pass)", 0, 1);

  public static final ConfigKey<Double> SIM_AD_MIMICRY = ConfigKey.decimal("simulator.records.ad-mimicry",
      "Share of deceptive job ads written like an honest employer's (company, ordinary pay, legal terms)", 0, 1);

  public static final ConfigKey<Double> SIM_AD_LURE = ConfigKey.decimal("simulator.records.ad-lure",
      "Share of honest job ads for well-paid work abroad, travel arranged and fees from the salary", 0, 1);

  public static final ConfigKey<Double> SIM_SCREENING_UNASKED = ConfigKey.decimal(
      "simulator.records.screening-unasked",
      "Share of screening questions left blank when the interview has no interpreter", 0, 1);

  public static final ConfigKey<Double> SIM_MONEY_STRUCTURING = ConfigKey.decimal(
      "simulator.records.money-structuring",
      "Share of networks splitting money just below the reporting threshold (the others use other rules)", 0, 1);

  public static final ConfigKey<List<Integer>> H3_RESOLUTIONS = ConfigKey.intList("grid.h3-resolutions",
      "H3 resolutions every located record is indexed at", 0, 15);

  public static final ConfigKey<Integer> ZONE_RESOLUTION = ConfigKey.integer("grid.zone-resolution",
      "H3 resolution of forecast zones (one of grid.h3-resolutions)", 0, 15);

  public static final ConfigKey<Integer> VACUUM_RETENTION_HOURS = ConfigKey.integer("maintain.vacuum-retention-hours",
      "Hours of old table versions VACUUM keeps (time travel window); at least Delta's safe minimum of 168", 168,
      87_600);

  public static final ConfigKey<Double> RESOLVE_TARGET_PRECISION = ConfigKey.decimal("resolve.target-precision",
      "Estimated precision the link threshold is set for (the mean match probability of accepted links)", 0.5, 0.9999);

  public static final ConfigKey<Integer> RESOLVE_MAX_BLOCK = ConfigKey.integer("resolve.max-block-records",
      "Blocks larger than this (records sharing a blocking key) are skipped for that rule", 10, 100_000);

  public static final ConfigKey<Integer> RESOLVE_MAX_CLUSTER = ConfigKey.integer("resolve.max-cluster-records",
      "Clusters with more distinct records than this are split at their weakest links", 10, 100_000);

  public static final ConfigKey<Integer> RESOLVE_RANDOM_PAIRS = ConfigKey.integer("resolve.random-pairs",
      "Random record pairs drawn to estimate the u probabilities", 1_000, 10_000_000);

  public static final ConfigKey<String> RESOLVE_SETTINGS = ConfigKey.string("resolve.settings",
      "Settings file of the lakehouse's resolution (fields, levels, blocking rules, guards); empty = the bundled "
      + "conf/resolution/lakehouse.conf", Pattern.compile("^$|^\\S.*\\.conf$"),
      "empty (the bundled conf/resolution/lakehouse.conf) or a path to a .conf file");

  public static final ConfigKey<Integer> ZONE_RING = ConfigKey.integer("zones.ring",
      "Forecast zones: H3 cells within this many rings of a known crossing (conf/crossings.csv)", 1, 30);

  public static final ConfigKey<Integer> MODEL_BACKTEST_WEEKS = ConfigKey.integer("models.backtest-weeks",
      "Weeks at the end of the data the rolling-origin backtest forecasts", 2, 520);

  public static final ConfigKey<Integer> MODEL_REFIT_WEEKS = ConfigKey.integer("models.refit-weeks",
      "In the backtest, models are retrained every this many weeks (on all weeks before the origin)", 1, 52);

  public static final ConfigKey<Integer> MODEL_CALIBRATION_WEEKS = ConfigKey.integer("models.calibration-weeks",
      "Most recent training weeks held out to fit the probability calibration (isotonic)", 1, 104);

  public static final ConfigKey<Integer> MODEL_MIN_TRAIN_WEEKS = ConfigKey.integer("models.min-train-weeks",
      "Weeks of features a model needs before it is trained", 2, 520);

  public static final ConfigKey<Integer> MODEL_VALIDATION_FOLDS = ConfigKey.integer("models.validation-folds",
      "Folds of the rolling time-series validation that chooses hyper-parameters (each refit-weeks long)", 1, 12);

  public static final ConfigKey<List<Integer>> MODEL_GBT_DEPTHS = ConfigKey.intList("models.gbt-depths",
      "Tree depths tried by rolling time-series validation", 1, 12);

  public static final ConfigKey<List<Integer>> MODEL_GBT_ITERATIONS = ConfigKey.intList("models.gbt-iterations",
      "Boosting rounds tried by rolling time-series validation", 1, 500);

  public static final ConfigKey<Double> MODEL_NEGATIVE_SAMPLE = ConfigKey.decimal("models.negative-sample",
      "Share of zone-weeks without an event kept for training (reweighted, so probabilities stay unbiased)", 0.01, 1);

  public static final ConfigKey<List<Integer>> MODEL_KDE_BANDWIDTHS_KM = ConfigKey.intList("models.kde-bandwidths-km",
      "Bandwidths (km) tried for the kernel-density baseline; one is chosen on training weeks", 1, 200);

  public static final ConfigKey<String> DEPLOY_UNITS_FILE = ConfigKey.string("deploy.units-file",
      "CSV of patrol units (base_id,name,lat,lon,units,reach_km); empty = the bundled conf/patrol-units.csv",
      Pattern.compile("^$|^\\S.*\\.csv$"), "empty (the bundled conf/patrol-units.csv) or a path to a .csv file");

  public static final ConfigKey<Double> DEPLOY_PER_UNIT = ConfigKey.decimal("deploy.interdiction-per-unit",
      "Chance that one unit working a zone for a week interdicts a given crossing there (diminishing returns)",
      0.01, 0.99);

  public static final ConfigKey<Boolean> INGEST_FOLLOW_LINKS = ConfigKey.bool("ingest.follow-links",
      "Follow symbolic links in the landing zone (false: each link is skipped and logged as SKIPPED_LINK)");

  public static final ConfigKey<String> REPORT_LANG = ConfigKey.oneOf("report.lang",
      "Language of the weekly report's edition (messages bundle); --lang overrides it", "en", "th");

  public static final ConfigKey<String> REPORT_PAPER = ConfigKey.oneOf("report.paper",
      "Paper size of the weekly report's PDF; --paper overrides it", "A4", "Letter");

  public static final ConfigKey<String> REPORT_BASEMAP = ConfigKey.string("report.basemap",
      "Geography under the report's map: a bundled area's name (conf/basemap/NAME.json), a path to a .json basemap "
          + "made by reports/basemap/reduce.sh, or none",
      Pattern.compile("^none$|^[a-z0-9][a-z0-9-]*$|^\\S.*\\.json$"),
      "none, a bundled area's name (southeast-asia) or a path to a .json file");

  public static final ConfigKey<Integer> NETWORK_WINDOW_WEEKS = ConfigKey.integer("networks.window-weeks",
      "Weeks of links (ending at the week analysed) that make the network graph; older links age out", 1, 520);

  public static final ConfigKey<Double> NETWORK_MIN_MONEY_USD = ConfigKey.decimal("networks.min-money-usd",
      "Total USD between two accounts for the money link to join their holders' networks", 0, 1e9);

  public static final ConfigKey<Integer> NETWORK_HUB_DEGREE = ConfigKey.integer("networks.hub-degree",
      "Accounts with more counterparties than this (agents, collection points) do not join networks by money", 2,
      100000);

  public static final ConfigKey<Integer> NETWORK_BETWEENNESS_SAMPLES = ConfigKey.integer(
      "networks.betweenness-samples",
      "Sources sampled for approximate betweenness in a network larger than this (smaller ones are exact)", 8, 100000);

  public static final ConfigKey<Integer> NETWORK_PAGERANK_ITERATIONS = ConfigKey.integer(
      "networks.pagerank-iterations", "PageRank iterations (GraphX static PageRank)", 1, 200);

  public static final ConfigKey<Double> NETWORK_MULE_THRESHOLD = ConfigKey.decimal("networks.mule-threshold",
      "Mule score from which an account is listed in gold.mule_accounts", 0, 1);

  public static final ConfigKey<Double> VICTIM_AD_THRESHOLD = ConfigKey.decimal("victims.ad-threshold",
      "Estimated probability of deceptive recruitment from which a post is flagged in gold.recruitment_ads", 0, 1);

  public static final ConfigKey<Double> VICTIM_ALERT_THRESHOLD = ConfigKey.decimal("victims.alert-threshold",
      "Victim likelihood from which a person gets a protection alert in gold.victim_alerts", 0, 1);

  public static final ConfigKey<Integer> VICTIM_AD_MIN_DF = ConfigKey.integer("victims.ad-min-posts",
      "Posts a word or word pair must appear in to enter the ad model's vocabulary", 1, 1000);

  /** All keys, in declaration order. */
  public static List<ConfigKey<?>> all() {
    return Holder.ALL;
  }

  private static final class Holder {
    static final List<ConfigKey<?>> ALL = collect();
  }

  private static List<ConfigKey<?>> collect() {
    List<ConfigKey<?>> keys = new ArrayList<>();
    for (Field f : ConfigKeys.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == ConfigKey.class) {
        try {
          keys.add((ConfigKey<?>) f.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return Collections.unmodifiableList(keys);
  }
}
