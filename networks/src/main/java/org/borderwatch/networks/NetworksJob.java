package org.borderwatch.networks;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createMapType;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.borderwatch.core.catalog.Lakehouse;
import org.borderwatch.core.catalog.TableSpec;
import org.borderwatch.core.catalog.Tables;
import org.borderwatch.core.config.BorderwatchConfig;
import org.borderwatch.core.config.ConfigKeys;
import org.borderwatch.core.error.Errors;
import org.borderwatch.core.graph.GraphX;
import org.borderwatch.core.job.Job;
import org.borderwatch.core.job.JobContext;
import org.borderwatch.core.job.JobOutcome;
import org.borderwatch.core.job.Progress;
import org.borderwatch.core.evidence.Evidence;
import org.borderwatch.core.privacy.Pseudonymizer;
import org.borderwatch.core.time.IsoWeek;
import org.borderwatch.networks.graph.NetworkGraph;

/**
 * networks: the week's offender networks, key individuals, roles, money flows and mule accounts, from
 * resolved persons and silver tables (see docs/networks.md). Every output replaces its week in one commit,
 * so re-running a week gives the same rows. Persons who look like victims or travellers are marked for
 * protection and never ranked.
 */
public final class NetworksJob implements Job {
  static final StructType REASON = new StructType().add("reason", StringType).add("evidence", createArrayType(
      StringType));

  public static final TableSpec NETWORKS = TableSpec.of(Tables.GOLD_NETWORKS)
      .col("network_id", StringType, false, "Network id: pseudonym of its earliest-seen member, stable while they stay")
      .col("week", StringType, false, "ISO week analysed (links of the window ending that week)")
      .col("size", IntegerType, "Members (persons, travellers and victims excluded)")
      .col("members_by_role", createMapType(StringType, IntegerType), "Members per inferred role")
      .col("communities", IntegerType, "Louvain communities within the network (cells)")
      .col("cases", IntegerType, "Case files naming its members, phones, accounts or vehicles")
      .col("corridors", createArrayType(StringType), "Crossings named in its case files")
      .col("money_usd", DoubleType, "USD moved between its accounts in the window")
      .col("active_weeks", IntegerType, "Weeks of the window with a link of the network")
      .col("last_active_week", StringType, "Latest week with a link")
      .col("protected_persons", IntegerType, "Travellers and victims in its case files (for protection, not ranking)")
      .col("change", StringType, "new, continuing, grown, shrunk, split, merged, or dissolved since last week")
      .col("size_change", IntegerType, "Members now minus members last week")
      .col("previous_ids", createArrayType(StringType), "Last week's networks that share members with it")
      .key("network_id", "week")
      .build();

  public static final TableSpec ROLES = TableSpec.of(Tables.GOLD_PERSON_ROLES)
      .col("person_key", StringType, false, "Pseudonymised person (as in gold.persons)")
      .col("week", StringType, false, "ISO week analysed")
      .col("network_id", StringType, "Network")
      .col("role", StringType, "leader, coordinator, recruiter, transporter, financier, mule, member; or "
          + "protect (a traveller or possible victim: for protection and referral, never a target)")
      .col("confidence", DoubleType, "Share of the role's evidence among all roles' evidence (0–1)")
      .col("role_scores", createMapType(StringType, DoubleType), "Evidence score of every role (0–1 each)")
      .col("protect", BooleanType, "True for travellers and possible victims")
      .col("pagerank", DoubleType, "GraphX PageRank within the network graph")
      .col("ppr", DoubleType, "PageRank personalised from persons named as suspects")
      .col("betweenness", DoubleType, "Betweenness within the network (brokerage)")
      .col("core", IntegerType, "k-core number")
      .col("community", IntegerType, "Louvain community within the network")
      .col("features", createMapType(StringType, DoubleType), "Behaviour behind the role: posts, crossings, crew "
          + "trips, cases, phone in case files, money in and out, payers, payees")
      .key("person_key", "week")
      .build();

  public static final TableSpec KEY = TableSpec.of(Tables.GOLD_KEY_INDIVIDUALS)
      .col("week", StringType, false, "ISO week analysed")
      .col("rank", IntegerType, false, "Priority rank (1 = first)")
      .col("person_key", StringType, "Pseudonymised person")
      .col("network_id", StringType, "Network")
      .col("score", DoubleType, "Priority score (0–1): see docs/networks.md")
      .col("role", StringType, "Inferred role")
      .col("role_confidence", DoubleType, "Confidence of the role")
      .col("pagerank", DoubleType, "GraphX PageRank")
      .col("ppr", DoubleType, "PageRank personalised from suspects")
      .col("betweenness", DoubleType, "Betweenness")
      .col("money_in_usd", DoubleType, "USD received from the network's accounts")
      .col("reasons", createArrayType(REASON), "Why: the links, and the case files, "
          + "transactions, interdictions or posts behind them as evidence keys (gold.evidence)")
      .key("week", "rank")
      .build();

  public static final TableSpec FLOWS = TableSpec.of(Tables.GOLD_MONEY_FLOWS)
      .col("week", StringType, false, "ISO week analysed")
      .col("level", StringType, false, "network (between networks' accounts), country (account country to "
          + "country) or role (between inferred roles of holders)")
      .col("from_group", StringType, false, "Sending network, country or role (outside = not in a network)")
      .col("to_group", StringType, false, "Receiving network, country or role")
      .col("amount_usd", DoubleType, "USD in the window")
      .col("transactions", LongType, "Transfers")
      .col("accounts_from", LongType, "Sending accounts")
      .col("accounts_to", LongType, "Receiving accounts")
      .col("first_week", StringType, "First week in the window")
      .col("last_week", StringType, "Last week in the window")
      .key("week", "level", "from_group", "to_group")
      .build();

  public static final TableSpec MULES = TableSpec.of(Tables.GOLD_MULE_ACCOUNTS)
      .col("account_key", StringType, false, "Pseudonymised account")
      .col("week", StringType, false, "ISO week analysed")
      .col("score", DoubleType, "Mule score (0–1)")
      .col("network_id", StringType, "Network its holder or its counterparties belong to")
      .col("reasons", createArrayType(REASON), "Indicators that fired, with example "
          + "transactions as evidence keys (gold.evidence)")
      .col("features", createMapType(StringType, DoubleType), "pass_through, near_threshold_in, same_week_forward, "
          + "payers, payees, in_usd, out_usd, network_link")
      .key("account_key", "week")
      .build();

  private IsoWeek analysed;
  private NetworkAnalysis.Stats stats;

  @Override
  public String name() {
    return "networks";
  }

  public IsoWeek week() {
    return analysed;
  }

  public NetworkAnalysis.Stats stats() {
    return stats;
  }

  @Override
  public JobOutcome run(JobContext ctx) throws Exception {
    SparkSession spark = ctx.spark();
    BorderwatchConfig cfg = ctx.config();
    if (!Lakehouse.exists(spark, Tables.SILVER_MENTION_ENTITIES)) {
      throw Errors.missingInput("resolved persons (silver.mention_entities)", "run 'borderwatch resolve' first");
    }
    IsoWeek week = ctx.weekOpt().orElseGet(() -> IsoWeek.parse(spark.sql("select max(week) from "
        + Tables.SILVER_PERSON_MENTIONS.fullName()).first().getString(0)));
    analysed = week;
    int window = cfg.get(ConfigKeys.NETWORK_WINDOW_WEEKS);
    String first = week.minus(window - 1).toString();
    new Pseudonymizer(org.borderwatch.core.privacy.PseudonymKey.forLakehouse(spark, cfg)).register(spark);
    thresholds(spark).createOrReplaceTempView("bw_net_thresholds");

    spark.catalog().dropTempView(NetworkGraph.ALERTED);
    if (Lakehouse.exists(spark, Tables.GOLD_VICTIM_ALERTS)) {
      spark.sql("select me.entity_id from (select distinct entity_id from " + Tables.SILVER_MENTION_ENTITIES.fullName()
          + ") me join (select distinct person_key from " + Tables.GOLD_VICTIM_ALERTS.fullName() + " where week <= '"
          + week + "') a on a.person_key = bw_pseudonym('per', me.entity_id)").localCheckpoint()
          .createOrReplaceTempView(NetworkGraph.ALERTED);
    }
    Progress.Stage st = ctx.progress().stage("network graph " + first + ".." + week);
    NetworkAnalysis a = new NetworkAnalysis();
    a.run(spark, first, week.toString(), new NetworkAnalysis.Settings(cfg.get(ConfigKeys.NETWORK_MIN_MONEY_USD),
        cfg.get(ConfigKeys.NETWORK_HUB_DEGREE), cfg.get(ConfigKeys.NETWORK_BETWEENNESS_SAMPLES),
        cfg.get(ConfigKeys.NETWORK_PAGERANK_ITERATIONS)));
    stats = a.stats();
    st.done(stats.vertices());

    Progress.Stage sr = ctx.progress().stage("roles, key individuals, money and mules for " + week);
    String w = "'" + week + "'";
    spark.sql(NetworkSql.MULE_FEATURES.replace("${first}", first).replace("${last}", week.toString()))
        .localCheckpoint().createOrReplaceTempView("bw_net_mules");
    spark.sql(NetworkSql.PERSON_FEATURES).localCheckpoint().createOrReplaceTempView("bw_net_person");
    spark.sql(NetworkSql.ROLES).localCheckpoint().createOrReplaceTempView("bw_net_roles");
    spark.sql(NetworkSql.NETWORK_IDS).localCheckpoint().createOrReplaceTempView("bw_net_ids");
    spark.sql(NetworkSql.PROTECTED).localCheckpoint().createOrReplaceTempView("bw_net_protected");
    spark.sql(NetworkSql.HOLDER_ROLES).createOrReplaceTempView("bw_net_holder_roles");

    Dataset<Row> roles = spark.sql(NetworkSql.ROLES_OUT.replace("${week}", w));
    Lakehouse.replaceWhere(spark, ROLES, roles, "week = " + w);
    // key individuals and mules: written with evidence keys, then their record ids described (computed once)
    Dataset<Row> key = spark.sql(NetworkSql.KEY_OUT.replace("${week}", w)).persist(StorageLevel.MEMORY_AND_DISK());
    Lakehouse.replaceWhere(spark, KEY, Evidence.keys(key, "reasons", "reason"), "week = " + w);
    Dataset<Row> flows = spark.sql(NetworkSql.FLOWS_OUT.replace("${week}", w));
    Lakehouse.replaceWhere(spark, FLOWS, flows, "week = " + w);
    double muleThreshold = cfg.get(ConfigKeys.NETWORK_MULE_THRESHOLD);
    Dataset<Row> mules = spark.sql(NetworkSql.MULES_OUT.replace("${week}", w)).where(col("score").geq(muleThreshold))
        .persist(StorageLevel.MEMORY_AND_DISK());
    Lakehouse.replaceWhere(spark, MULES, Evidence.keys(mules, "reasons", "reason"), "week = " + w);
    long nEvidence = Evidence.publish(spark, name(), week.toString(),
        Evidence.cited(key, "reasons").union(Evidence.cited(mules, "reasons")));
    key.unpersist();
    mules.unpersist();
    Dataset<Row> prev = Lakehouse.exists(spark, Tables.GOLD_PERSON_ROLES)
        ? spark.table(ROLES.fullName()).where(col("week").equalTo(week.minus(1).toString())) : null;
    (prev == null ? spark.createDataFrame(List.of(), ROLES.schema()) : prev).select("person_key", "network_id")
        .where(col("network_id").isNotNull()).createOrReplaceTempView("bw_net_prev");
    Dataset<Row> nets = spark.sql(NetworkSql.NETWORKS_OUT.replace("${week}", w));
    Lakehouse.replaceWhere(spark, NETWORKS, nets, "week = " + w);
    long nNets = spark.table(NETWORKS.fullName()).where("week = " + w + " and change <> 'dissolved'").count();
    Row roleCounts = spark.sql("select count_if(not protect), count_if(protect) from " + ROLES.fullName()
        + " where week = " + w).first();
    long nRoles = roleCounts.getLong(0);
    long nProtected = roleCounts.getLong(1);
    long nKey = spark.table(KEY.fullName()).where("week = " + w).count();
    long nMules = spark.table(MULES.fullName()).where("week = " + w).count();
    long nFlows = spark.table(FLOWS.fullName()).where("week = " + w).count();
    sr.done(nRoles);
    long written = nNets + nRoles + nProtected + nKey + nMules + nFlows + nEvidence;
    return new JobOutcome(stats.edges(), written, String.format(Locale.ROOT,
        "%s: %d networks, %d members with roles, %d protected persons linked to them, %d key individuals, "
            + "%d mule accounts, %d money flows, %d evidence records "
            + "(graph: %d vertices, %d edges; PageRank %d iterations over %d network edges in %.1f s)",
        week, nNets, nRoles, nProtected, nKey, nMules, nFlows, nEvidence, stats.vertices(), stats.edges(), stats.pagerankIterations(),
        stats.networkEdges(), stats.pagerankSeconds()));
  }

  /** Reporting thresholds per currency, in local units (conf/reporting-thresholds.csv). */
  static Dataset<Row> thresholds(SparkSession spark) throws Exception {
    List<Row> rows = new ArrayList<>();
    try (InputStream in = NetworksJob.class.getClassLoader().getResourceAsStream(
        "borderwatch/conf/reporting-thresholds.csv")) {
      if (in == null) {
        throw new IllegalStateException("conf/reporting-thresholds.csv is not on the classpath");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      boolean header = true;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        String[] f = line.split(",");
        rows.add(RowFactory.create(f[0].trim(), Double.parseDouble(f[1].trim())));
      }
    }
    return spark.createDataFrame(rows, new StructType().add("currency", StringType).add("threshold", DoubleType));
  }
}
