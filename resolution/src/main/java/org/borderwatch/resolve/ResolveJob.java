package org.borderwatch.resolve;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.year;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.borderwatch.common.linkage.StableIds;
import org.borderwatch.core.catalog.Lakehouse;
import org.borderwatch.core.catalog.Tables;
import org.borderwatch.core.config.ConfigKeys;
import org.borderwatch.core.job.Job;
import org.borderwatch.core.job.JobContext;
import org.borderwatch.core.job.JobOutcome;
import org.borderwatch.core.privacy.Pseudonymizer;

/**
 * resolve: links every silver person mention into identities. Writes silver.mention_entities, the
 * explained links (silver.entity_links), gold.persons (pseudonymised), the run's statistics
 * (ops.resolve_runs) and identity changes since the last run (ops.entity_changes).
 */
public final class ResolveJob implements Job {
  private Resolver.Result last;

  @Override
  public String name() {
    return "resolve";
  }

  public Resolver.Result result() {
    return last;
  }

  /** The resolver's settings for the lakehouse: the resolve.* keys, and resolve.settings (or the bundled file). */
  public static Resolver.Settings settings(org.borderwatch.core.config.BorderwatchConfig c) {
    return settings(c, SettingsFile.forLakehouse(c));
  }

  /** The resolve.* keys with the given linkage settings (a list's: the lakehouse's file is not read). */
  public static Resolver.Settings settings(org.borderwatch.core.config.BorderwatchConfig c,
      org.borderwatch.common.linkage.LinkageSettings linkage) {
    return new Resolver.Settings(c.get(ConfigKeys.RESOLVE_TARGET_PRECISION), c.get(ConfigKeys.RESOLVE_MAX_BLOCK),
        c.get(ConfigKeys.RESOLVE_MAX_CLUSTER), c.get(ConfigKeys.RESOLVE_RANDOM_PAIRS), linkage);
  }

  /** Silver mentions in the resolver's input shape. */
  static Dataset<Row> input(SparkSession spark) {
    return spark.table(Tables.SILVER_PERSON_MENTIONS.fullName()).select(col("mention_id"), col("name_key"),
        col("family_key"), col("dob"),
        coalesce(col("dob_year"), year(col("event_at")).minus(col("age"))).as("birth_year"),
        col("document_number").as("document"), col("phone_e164").as("phone"), col("nationality"), col("sex"));
  }

  @Override
  public JobOutcome run(JobContext ctx) throws Exception {
    SparkSession spark = ctx.spark();
    if (!Lakehouse.exists(spark, Tables.SILVER_PERSON_MENTIONS)) {
      throw org.borderwatch.core.error.Errors.missingInput("silver.person_mentions", "run 'borderwatch ingest' first");
    }
    String runId = Instant.now().toString().replaceAll("[-:.]", "") + "-" + UUID.randomUUID().toString().substring(0, 6);
    Timestamp now = Timestamp.from(Instant.now());
    Resolver.Result r = new Resolver(spark, settings(ctx.config()), ctx.progress()).run(input(spark));
    last = r;

    // stable ids
    Map<String, Long> clusters = new HashMap<>();
    for (Row row : r.assignments.groupBy("cluster").count().collectAsList()) {
      clusters.put(row.getString(0), row.getLong(1));
    }
    List<StableIds.Overlap> overlaps = new ArrayList<>();
    Map<String, Long> previous = new HashMap<>();
    if (Lakehouse.exists(spark, Tables.SILVER_MENTION_ENTITIES)) {
      Dataset<Row> prev = spark.table(Tables.SILVER_MENTION_ENTITIES.fullName()).select("mention_id", "entity_id");
      for (Row row : prev.groupBy("entity_id").count().collectAsList()) {
        previous.put(row.getString(0), row.getLong(1));
      }
      for (Row row : r.assignments.join(prev, "mention_id").groupBy("cluster", "entity_id").count().collectAsList()) {
        overlaps.add(new StableIds.Overlap(row.getString(0), row.getString(1), row.getLong(2)));
      }
    }
    StableIds.Assignment ids = StableIds.assign(clusters, overlaps, previous);
    List<Row> map = new ArrayList<>();
    ids.entityOf().forEach((c, e) -> map.add(RowFactory.create(c, e)));
    Dataset<Row> clusterEntity = spark.createDataFrame(map, DataTypes.createStructType(List.of(
        DataTypes.createStructField("cluster", DataTypes.StringType, false),
        DataTypes.createStructField("entity_id", DataTypes.StringType, false))));

    Dataset<Row> mentions = spark.table(Tables.SILVER_PERSON_MENTIONS.fullName());
    Dataset<Row> me = r.assignments.join(clusterEntity, "cluster").join(mentions.select(col("mention_id"),
        col("source"), col("record_id").as("source_record_id"), col("seq")), "mention_id");
    Lakehouse.overwrite(spark, ResolveTables.MENTION_ENTITIES, me);

    Dataset<Row> firstMention = r.assignments.groupBy("record_id").agg(min("mention_id").as("m"));
    Dataset<Row> links = r.links.join(clusterEntity, "cluster")
        .join(firstMention.toDF("record_l", "mention_l"), "record_l")
        .join(firstMention.toDF("record_r", "mention_r"), "record_r");
    Lakehouse.overwrite(spark, ResolveTables.ENTITY_LINKS, links);

    new Pseudonymizer(org.borderwatch.core.privacy.PseudonymKey.forLakehouse(spark, ctx.config())).register(spark);
    Dataset<Row> persons = spark.table(Tables.SILVER_MENTION_ENTITIES.fullName()).select("mention_id", "entity_id")
        .join(mentions, "mention_id")
        .groupBy("entity_id").agg(
            expr("mode(name_key)").as("name_key"), expr("mode(nationality)").as("nationality"),
            max(coalesce(col("stateless"), lit(false))).as("stateless"), expr("mode(sex)").as("sex"),
            expr("mode(coalesce(dob_year, year(event_at) - age))").as("birth_year"),
            array_sort(collect_set("source")).as("sources"), count(lit(1)).as("mentions"),
            min("event_at").as("first_seen"), max("event_at").as("last_seen"),
            array_sort(collect_set(expr("bw_pseudonym('doc', document_number)"))).as("document_keys"),
            array_sort(collect_set(expr("bw_pseudonym('phn', phone_e164)"))).as("phone_keys"),
            array_sort(collect_set("role_hint")).as("role_hints"))
        .withColumn("person_key", expr("bw_pseudonym('per', entity_id)"))
        .withColumn("name_initials", expr("array_join(transform(split(name_key, ' '), t -> concat(upper(substr(t, 1, 1)),"
            + " '.')), ' ')"));
    Lakehouse.overwrite(spark, ResolveTables.PERSONS, persons);

    List<Row> changes = new ArrayList<>();
    for (StableIds.Change c : ids.changes()) {
      changes.add(RowFactory.create(runId, now, c.change(), c.entity(), c.other(), c.mentions()));
    }
    Lakehouse.ensure(spark, ResolveTables.ENTITY_CHANGES);
    if (!changes.isEmpty() && !previous.isEmpty()) {
      Lakehouse.append(spark, ResolveTables.ENTITY_CHANGES, spark.createDataFrame(changes,
          ResolveTables.ENTITY_CHANGES.schema()));
    }
    ObjectMapper json = new ObjectMapper();
    Map<String, Object> s = r.stats;
    Lakehouse.append(spark, ResolveTables.RUNS, spark.createDataFrame(List.of(RowFactory.create(runId, now,
        s.get("mentions"), s.get("records"), s.get("candidate_pairs"), s.get("pair_reduction"),
        json.writeValueAsString(s.get("pairs_by_rule")), json.writeValueAsString(s.get("skipped_blocks")),
        s.get("lambda"), s.get("em_iterations"), s.get("parameters"), s.get("threshold"),
        s.get("estimated_precision"), s.get("accepted_links"), s.get("entities"), s.get("clusters_split"))),
        ResolveTables.RUNS.schema()));
    long entities = (long) s.get("entities");
    return new JobOutcome((long) s.get("mentions"), entities, String.format(Locale.ROOT,
        "%,d mentions → %,d entities; %,d links accepted at p ≥ %.3f (estimated precision %.4f); %d identity changes",
        (long) s.get("mentions"), entities, (long) s.get("accepted_links"), (double) s.get("threshold"),
        (double) s.get("estimated_precision"), previous.isEmpty() ? 0 : changes.size()));
  }
}
