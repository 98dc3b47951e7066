package org.borderwatch.networks;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.xxhash64;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.core.graph.GraphX;
import org.borderwatch.networks.graph.ComponentAlgorithms;
import org.borderwatch.networks.graph.NetworkGraph;

/**
 * The analysis of one week's graph: networks as connected components (GraphX) of the links that tie
 * offenders together, centralities (GraphX PageRank; per network: core number, betweenness, Louvain
 * community, PageRank personalised from known suspects), and per-person activity. Temp views
 * {@code bw_net_*} hold the results for the SQL that derives roles, rankings and money (see
 * {@link NetworksJob}).
 */
public final class NetworkAnalysis {
  /** Settings of one analysis. */
  public record Settings(double minMoneyUsd, int hubDegree, int betweennessSamples, int pagerankIterations) {}

  /** Timings and sizes for the benchmark and the job summary. */
  public record Stats(long vertices, long edges, long networkVertices, long networkEdges, int pagerankIterations,
      double pagerankSeconds, long networks) {}

  /**
   * Who is protected, never ranked: anyone ever recorded as a victim (case file, screening or a protection
   * alert of the victims job), and travellers (migrants, witnesses) unless at least two records name them as an
   * offender (suspect in a case, crew at an interdiction, arrested). Records err: a traveller is sometimes written
   * down as a suspect or taken for the driver, so one contrary record does not lift a traveller's protection.
   */
  static final String PROTECT = "(a.victim_mentions > 0 or (a.traveller_mentions > 0 and a.suspect_cases "
      + "+ a.crew_trips + a.arrests < 2))";

  private Stats stats;

  public Stats stats() {
    return stats;
  }

  /**
   * Runs the analysis on weeks first..last and registers the views: bw_net_vertices (id, kind, vid,
   * component, network), bw_net_edges (all edges, with network of both ends when shared), bw_net_algo (per
   * network vertex: pagerank, ppr, betweenness, core, community, strength), bw_net_activity (per person).
   */
  public void run(SparkSession spark, String first, String last, Settings s) {
    NetworkGraph.Parts parts = NetworkGraph.build(spark, first, last);
    Dataset<Row> edges = parts.edges().withColumn("s", xxhash64(col("src"))).withColumn("d", xxhash64(col("dst")))
        .localCheckpoint();
    Dataset<Row> vertices = parts.vertices().withColumn("vid", xxhash64(col("id"))).localCheckpoint();
    long nv = vertices.count();
    if (vertices.select("vid").distinct().count() != nv) {
      throw new IllegalStateException("two graph vertices share a 64-bit hash; rename one of them");
    }
    edges.createOrReplaceTempView("bw_net_all_edges");
    vertices.createOrReplaceTempView("bw_net_all_vertices");
    parts.activity().createOrReplaceTempView("bw_net_activity");

    // Links that join networks: all but money through hubs or of small totals.
    spark.sql("select id, count(distinct other) counterparties from (select src id, dst other from bw_net_all_edges "
        + "where kind = 'money' union all select dst, src from bw_net_all_edges where kind = 'money') group by id")
        .createOrReplaceTempView("bw_net_degree");
    Dataset<Row> joining = spark.sql("select e.s src, e.d dst from bw_net_all_edges e "
        + "left join bw_net_degree a on a.id = e.src left join bw_net_degree b on b.id = e.dst "
        + "where e.kind <> 'money' or (e.amount_usd >= " + s.minMoneyUsd() + " and a.counterparties <= "
        + s.hubDegree() + " and b.counterparties <= " + s.hubDegree() + ")");
    Dataset<Row> cc = GraphX.connectedComponents(spark, joining);
    cc.createOrReplaceTempView("bw_net_cc");
    // A network: a component with a case naming a suspect and at least two persons who are not travellers.
    spark.sql("select v.id, v.kind, v.vid, c.component from bw_net_all_vertices v join bw_net_cc c on c.vid = v.vid")
        .createOrReplaceTempView("bw_net_comp");
    spark.sql("with protect as (select id from bw_net_activity a where " + PROTECT + "), "
        + "per as (select component, count(*) persons from bw_net_comp where kind = 'per' and id not in "
        + "(select id from protect) group by component), "
        + "withcase as (select distinct c.component from bw_net_all_edges e join bw_net_comp c on c.id = e.dst "
        + "where e.kind = 'suspect_in') "
        + "select p.component from per p join withcase w on w.component = p.component where p.persons >= 2")
        .createOrReplaceTempView("bw_net_network_components");
    Dataset<Row> nvert = spark.sql("select c.id, c.kind, c.vid, c.component, "
        + "case when n.component is not null then c.component end network, "
        + "(c.kind = 'per' and coalesce(" + PROTECT + ", false)) protect "
        + "from bw_net_comp c left join bw_net_network_components n on n.component = c.component "
        + "left join bw_net_activity a on a.id = c.id").localCheckpoint();
    nvert.createOrReplaceTempView("bw_net_vertices");
    Dataset<Row> nedges = spark.sql("select e.*, a.network from bw_net_all_edges e "
        + "join bw_net_vertices a on a.vid = e.s join bw_net_vertices b on b.vid = e.d "
        + "where a.network is not null and a.network = b.network and not a.protect and not b.protect")
        .localCheckpoint();
    nedges.createOrReplaceTempView("bw_net_edges");

    // GraphX PageRank over the network edges, both directions.
    Dataset<Row> both = nedges.select(col("s").as("src"), col("d").as("dst"))
        .union(nedges.select(col("d").as("src"), col("s").as("dst")));
    long ne = nedges.count();
    long t0 = System.nanoTime();
    Dataset<Row> pr = GraphX.pageRank(spark, both, s.pagerankIterations(), 0.15);
    long prVertices = pr.count();
    double prSeconds = (System.nanoTime() - t0) / 1e9;
    pr.createOrReplaceTempView("bw_net_pagerank");

    // Per network: core, betweenness, Louvain, PageRank personalised from the persons named as suspects.
    Dataset<Row> local = ComponentAlgorithms.run(spark, nedges.select(col("network").as("component"),
        col("s").as("src"), col("d").as("dst"), col("weight")), spark.sql("select distinct v.network component, v.vid "
            + "from bw_net_vertices v join bw_net_activity a on a.id = v.id where v.network is not null and "
            + "a.suspect_cases > 0 and not v.protect"), s.betweennessSamples(), 0.15).localCheckpoint();
    local.createOrReplaceTempView("bw_net_local");
    // rounded: sums over messages may come in any order, the outputs must not change between runs
    spark.sql("select v.id, v.kind, v.network, round(coalesce(p.pagerank, 0), 9) pagerank, round(l.ppr, 12) ppr, "
        + "round(l.betweenness, 9) betweenness, l.core, "
        + "l.community, l.strength, l.component_size from bw_net_vertices v join bw_net_local l on l.vid = v.vid "
        + "left join bw_net_pagerank p on p.vid = v.vid").localCheckpoint().createOrReplaceTempView("bw_net_algo");
    long networks = spark.sql("select count(*) from bw_net_network_components").first().getLong(0);
    stats = new Stats(nv, edges.count(), prVertices, ne, s.pagerankIterations(), prSeconds, networks);
  }
}
