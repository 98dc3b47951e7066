package org.borderwatch.networks.graph;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.xxhash64;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.core.catalog.Tables;
import org.borderwatch.core.graph.GraphX;

/**
 * The typed graph of resolved persons and the things that tie them together, built from silver tables.
 *
 * <p>Vertex ids are strings with a kind prefix: {@code per:} resolved person (entity id), {@code phn:} phone
 * (E.164), {@code acc:} account, {@code veh:} vehicle plate, {@code hdl:} social handle (platform:handle),
 * {@code case:} case file. Edges carry a kind, a weight, the weeks they were first and last seen, and up to
 * a few evidence row ids (mention ids, case ids, transaction ids) so every score can be traced back.
 *
 * <table>
 *   <caption>edge kinds</caption>
 *   <tr><td>owns</td><td>person → phone, account (KYC), handle (profile), vehicle (driven across a checkpoint)</td></tr>
 *   <tr><td>suspect_in</td><td>case → person named as suspect (victims and witnesses are not linked)</td></tr>
 *   <tr><td>named_in</td><td>case → phone, account or vehicle named in the file (seized phones, statements)</td></tr>
 *   <tr><td>co_travel</td><td>crew member ↔ crew member of one intercepted group; crew → the group's vehicle</td></tr>
 *   <tr><td>contact</td><td>handle → phone or handle given in its posts</td></tr>
 *   <tr><td>money</td><td>account → account: total USD, count, first and last week</td></tr>
 * </table>
 */
public final class NetworkGraph {
  /** Vertices: id, kind. Edges: src, dst, kind, weight, amount_usd, tx_count, first_week, last_week, evidence. */
  public record Parts(Dataset<Row> vertices, Dataset<Row> edges, Dataset<Row> activity) {}

  private NetworkGraph() {}

  /** Optional view of entity ids with a protection alert up to the analysed week. */
  public static final String ALERTED = "bw_net_alerted";

  /** Builds the graph from the data of weeks {@code firstWeek}..{@code lastWeek} (inclusive). */
  public static Parts build(SparkSession spark, String firstWeek, String lastWeek) {
    Column upTo = col("week").between(firstWeek, lastWeek);
    // Holding a phone, account, handle or vehicle is a state: known from any record up to the last week.
    // Everything else (cases, crew, posts, money) counts only inside the window.
    Dataset<Row> pm = spark.table(Tables.SILVER_PERSON_MENTIONS.fullName()).where(col("week").leq(lastWeek));
    Dataset<Row> me = spark.table(Tables.SILVER_MENTION_ENTITIES.fullName()).select("mention_id", "entity_id");
    Dataset<Row> m0 = pm.join(me, "mention_id");
    // Persons with a protection alert (gold.victim_alerts, view bw_net_alerted) count as recorded victims.
    Dataset<Row> alerted = spark.catalog().tableExists(ALERTED) ? spark.table(ALERTED).select("entity_id").distinct()
        .withColumn("alerted", lit(true)) : null;
    Dataset<Row> withAlerts = alerted == null ? m0.withColumn("alerted", lit(false))
        : m0.join(alerted, new String[] {"entity_id"}, "left").na().fill(false, new String[] {"alerted"});
    Dataset<Row> all = withAlerts.join(actors(spark, m0), new String[] {"entity_id"}, "left")
        .withColumn("per", concat(lit("per:"), coalesce(col("actor"), col("entity_id"))))
        .localCheckpoint();
    Dataset<Row> m = all.where(upTo);

    Dataset<Row> owns = all.where(col("phone_e164").isNotNull())
        .select(col("per").as("src"), concat(lit("phn:"), col("phone_e164")).as("dst"), col("week"),
            col("mention_id").as("ev"))
        .unionByName(all.where(col("account_no").isNotNull()).select(col("per").as("src"),
            concat(lit("acc:"), col("account_no")).as("dst"), col("week"), col("mention_id").as("ev")))
        .unionByName(all.where(col("handle").isNotNull()).select(col("per").as("src"), handle(col("platform"),
            col("handle")).as("dst"), col("week"), col("mention_id").as("ev")));
    Dataset<Row> crossings = spark.table(Tables.SILVER_BORDER_CROSSINGS.fullName()).where(col("week").leq(lastWeek))
        .where(col("vehicle_plate").isNotNull()).select(col("record_id"), col("vehicle_plate"));
    owns = owns.unionByName(all.where(col("source").equalTo("checkpoint")).join(crossings, "record_id")
        .select(col("per").as("src"), plate(col("vehicle_plate")).as("dst"), col("week"), col("mention_id").as("ev")));

    Dataset<Row> suspects = m.where(col("source").equalTo("case").and(col("role_hint").equalTo("suspect")))
        .select(concat(lit("case:"), col("record_id")).as("src"), col("per").as("dst"), col("week"),
            col("mention_id").as("ev"));
    Dataset<Row> cases = spark.table(Tables.SILVER_CASES.fullName()).where(upTo);
    Dataset<Row> named = cases.select(col("case_id"), col("week"), explode(col("phones")).as("x"))
        .select(concat(lit("case:"), col("case_id")).as("src"), concat(lit("phn:"), col("x")).as("dst"), col("week"),
            col("case_id").as("ev"))
        .unionByName(cases.select(col("case_id"), col("week"), explode(col("accounts")).as("x"))
            .select(concat(lit("case:"), col("case_id")).as("src"), concat(lit("acc:"), col("x")).as("dst"),
                col("week"), col("case_id").as("ev")))
        .unionByName(cases.select(col("case_id"), col("week"), explode(col("vehicles")).as("x"))
            .select(concat(lit("case:"), col("case_id")).as("src"), plate(col("x")).as("dst"), col("week"),
                col("case_id").as("ev")));

    Dataset<Row> crew = m.where(col("source").equalTo("interdiction").and(col("role_hint").isin("driver", "guide",
        "boat_crew"))).select(col("record_id"), col("per"), col("week"), col("mention_id"));
    Dataset<Row> coTravel = crew.as("a").join(crew.as("b"), col("a.record_id").equalTo(col("b.record_id"))
        .and(col("a.per").lt(col("b.per")))).select(col("a.per").as("src"), col("b.per").as("dst"),
            col("a.week").as("week"), col("a.record_id").as("ev"));
    Dataset<Row> vehicles = spark.table(Tables.SILVER_INTERDICTIONS.fullName()).where(upTo)
        .where(col("vehicle_plate").isNotNull()).select(col("interdiction_id").as("record_id"), col("vehicle_plate"));
    coTravel = coTravel.unionByName(crew.join(vehicles, "record_id").select(col("per").as("src"),
        plate(col("vehicle_plate")).as("dst"), col("week"), col("record_id").as("ev")));

    Dataset<Row> posts = spark.table(Tables.SILVER_POSTS.fullName()).where(upTo);
    Dataset<Row> contact = posts.select(handle(col("platform"), col("author_handle")).as("src"), col("week"),
            col("post_id"), explode(col("phones_in_text")).as("x"))
        .select(col("src"), concat(lit("phn:"), col("x")).as("dst"), col("week"), col("post_id").as("ev"))
        .unionByName(posts.select(handle(col("platform"), col("author_handle")).as("src"), col("week"),
                col("post_id"), col("platform"), explode(col("handles_in_text")).as("x"))
            .select(col("src"), handle(col("platform"), col("x")).as("dst"), col("week"), col("post_id").as("ev")));

    Dataset<Row> plain = tag(owns, "owns").unionByName(tag(suspects, "suspect_in")).unionByName(tag(named, "named_in"))
        .unionByName(tag(coTravel, "co_travel")).unionByName(tag(contact, "contact"))
        .where(col("src").notEqual(col("dst")))
        .groupBy("src", "dst", "kind")
        .agg(count(lit(1)).cast("double").as("weight"), lit(null).cast("double").as("amount_usd"),
            count(lit(1)).as("tx_count"), min("week").as("first_week"), max("week").as("last_week"),
            org.apache.spark.sql.functions.slice(org.apache.spark.sql.functions.array_sort(
                org.apache.spark.sql.functions.collect_set(col("ev"))), 1, 5).as("evidence"));

    Dataset<Row> tx = spark.table(Tables.SILVER_TRANSACTIONS.fullName()).where(upTo)
        .where(col("from_account").isNotNull().and(col("to_account").isNotNull()));
    Dataset<Row> money = tx.groupBy(concat(lit("acc:"), col("from_account")).as("src"),
            concat(lit("acc:"), col("to_account")).as("dst"))
        .agg(count(lit(1)).cast("double").as("weight"), org.apache.spark.sql.functions.round(sum("amount_usd"), 2)
                .as("amount_usd"), count(lit(1)).as("tx_count"),
            min("week").as("first_week"), max("week").as("last_week"),
            org.apache.spark.sql.functions.slice(org.apache.spark.sql.functions.array_sort(
                org.apache.spark.sql.functions.collect_list(col("tx_id"))), 1, 5).as("evidence"))
        .withColumn("kind", lit("money"));

    Dataset<Row> edges = plain.unionByName(money);
    Dataset<Row> vertices = edges.select(col("src").as("id")).union(edges.select(col("dst").as("id"))).distinct()
        .withColumn("kind", org.apache.spark.sql.functions.substring_index(col("id"), ":", 1));
    Dataset<Row> postsBy = posts.groupBy(handle(col("platform"), col("author_handle")).as("hdl"))
        .agg(count(lit(1)).as("posts"));
    Dataset<Row> postsOf = all.where(col("handle").isNotNull()).select(col("per"), handle(col("platform"),
        col("handle")).as("hdl")).distinct().join(postsBy, "hdl").groupBy("per").agg(sum("posts").as("posts"));
    String in = "week >= '" + firstWeek + "' and ";
    Dataset<Row> activity = all.groupBy(col("per"))
        .agg(expr("count_if(" + in + "source = 'checkpoint')").as("crossings"),
            expr("count_if(" + in + "source = 'interdiction' and role_hint in ('driver', 'guide', 'boat_crew'))")
                .as("crew_trips"),
            expr("count_if(" + in + "source = 'arrest')").as("arrests"),
            expr("count_if(" + in + "source = 'case' and role_hint = 'suspect')").as("suspect_cases"),
            // ever recorded as a victim or a traveller: protection does not age out
            expr("count_if(role_hint in ('victim', 'screened') or alerted)").as("victim_mentions"),
            expr("count_if(role_hint in ('witness', 'migrant'))").as("traveller_mentions"),
            expr("count(distinct source)").as("sources"))
        .join(postsOf, new String[] {"per"}, "left").na().fill(0L, new String[] {"posts"})
        .withColumnRenamed("per", "id");
    return new Parts(vertices, edges, activity);
  }

  /**
   * Persons who hold the same phone are one actor: resolved entities linked through a phone that two or
   * three entities hold (more is a shared or public number) are merged, under the smallest entity id. This
   * joins the case-file, KYC and profile records of one member that resolution kept apart.
   */
  static Dataset<Row> actors(SparkSession spark, Dataset<Row> mentions) {
    Dataset<Row> held = mentions.where(col("phone_e164").isNotNull()).select(col("entity_id"), col("phone_e164"))
        .distinct();
    Dataset<Row> shared = held.groupBy("phone_e164").agg(count(lit(1)).as("holders"))
        .where(col("holders").between(2, 3)).select("phone_e164");
    Dataset<Row> links = held.join(shared, "phone_e164");
    Dataset<Row> edges = links.select(xxhash64(concat(lit("per:"), col("entity_id"))).as("src"),
        xxhash64(concat(lit("phn:"), col("phone_e164"))).as("dst"));
    Dataset<Row> cc = GraphX.connectedComponents(spark, edges);
    Dataset<Row> ents = links.select("entity_id").distinct()
        .withColumn("vid", xxhash64(concat(lit("per:"), col("entity_id"))));
    return ents.join(cc, "vid").withColumn("actor", min("entity_id").over(
        org.apache.spark.sql.expressions.Window.partitionBy("component"))).select("entity_id", "actor");
  }

  static Dataset<Row> tag(Dataset<Row> d, String kind) {
    return d.select(col("src"), col("dst"), col("week"), col("ev")).withColumn("kind", lit(kind));
  }

  static Column handle(Column platform, Column h) {
    return concat(lit("hdl:"), lower(trim(platform)), lit(":"), lower(trim(org.apache.spark.sql.functions
        .regexp_replace(h, "^@", ""))));
  }

  static Column plate(Column p) {
    return concat(lit("veh:"), org.apache.spark.sql.functions.upper(org.apache.spark.sql.functions.regexp_replace(p,
        "[\\s-]", "")));
  }
}
