package org.borderwatch.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.core.catalog.Lakehouse;
import org.borderwatch.core.catalog.Tables;
import org.borderwatch.core.graph.GraphX;
import org.borderwatch.core.job.JobContext;
import org.borderwatch.ingest.IngestJob;
import org.borderwatch.networks.NetworksJob;
import org.borderwatch.networks.graph.NetworkGraph;
import org.borderwatch.resolve.ResolveJob;

/**
 * Network analytics on a world: the whole networks job, timed; and PageRank over the world's whole typed
 * graph (every week, both directions of every edge) with GraphX, against the plain-Spark way (DataFrame
 * joins and aggregations, one round per iteration) in the same run. Throughput is counted in edge updates
 * (edges × iterations) per second per core.
 */
public final class NetworksBench {
  static final int ITERATIONS = 20;

  private NetworksBench() {}

  public static BenchResult run(JobContext ctx, Path world, String scale) throws Exception {
    SparkSession spark = ctx.spark();
    if (!Lakehouse.exists(spark, Tables.SILVER_MENTION_ENTITIES)) {
      ctx.progress().info("no resolved persons: ingesting and resolving the " + scale + " world (not timed)");
      new IngestJob(world.resolve("landing").toString(), null).run(ctx);
      new ResolveJob().run(ctx);
    }
    long t0 = System.nanoTime();
    NetworksJob job = new NetworksJob();
    job.run(ctx);
    double jobSeconds = (System.nanoTime() - t0) / 1e9;

    String last = spark.sql("select max(week) from " + Tables.SILVER_PERSON_MENTIONS.fullName()).first().getString(0);
    Dataset<Row> e = NetworkGraph.build(spark, "0000-W01", last).edges()
        .select(xxhash64(col("src")).as("src"), xxhash64(col("dst")).as("dst"));
    Dataset<Row> both = e.union(e.select(col("dst").as("src"), col("src").as("dst"))).localCheckpoint();
    long edges = both.count();
    t0 = System.nanoTime();
    long vertices = GraphX.pageRank(spark, both, ITERATIONS, 0.15).count();
    double graphxSeconds = (System.nanoTime() - t0) / 1e9;

    t0 = System.nanoTime();
    Dataset<Row> out = both.groupBy("src").agg(count(lit(1)).as("deg")).localCheckpoint();
    Dataset<Row> ranks = both.select(col("src").as("v")).union(both.select(col("dst"))).distinct()
        .withColumn("rank", lit(1.0)).localCheckpoint();
    for (int i = 0; i < ITERATIONS; i++) {
      Dataset<Row> contrib = both.join(out, "src").join(ranks.withColumnRenamed("v", "src"), "src")
          .groupBy(col("dst").as("v")).agg(sum(col("rank").divide(col("deg"))).as("s"));
      ranks = ranks.select("v").join(contrib, new String[] {"v"}, "left").na().fill(0.0, new String[] {"s"})
          .select(col("v"), lit(0.15).plus(col("s").multiply(0.85)).as("rank")).localCheckpoint();
    }
    ranks.count();
    double plainSeconds = (System.nanoTime() - t0) / 1e9;
    int cores = Runtime.getRuntime().availableProcessors();
    var st = job.stats();
    return new BenchResult("networks", scale)
        .put("networks job seconds (week " + job.week() + ")", jobSeconds)
        .put("window graph vertices", st.vertices())
        .put("window graph edges", st.edges())
        .put("networks found", st.networks())
        .put("whole graph: directed edges", edges)
        .put("whole graph: vertices", vertices)
        .put("PageRank iterations", ITERATIONS)
        .put("GraphX PageRank seconds", graphxSeconds)
        .put("plain DataFrame PageRank seconds", plainSeconds)
        .put("ratio GraphX/plain", graphxSeconds / plainSeconds)
        .put("GraphX edge updates per second per core", edges * (double) ITERATIONS / graphxSeconds / cores)
        .put("plain edge updates per second per core", edges * (double) ITERATIONS / plainSeconds / cores);
  }
}
