package org.borderwatch.networks.graph;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.struct;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.borderwatch.common.graph.LocalGraph;

/**
 * Per-component algorithms, one connected component per task: core number, betweenness (exact up to
 * {@code samples} vertices, else estimated from that many sampled sources, seeded by the component id),
 * Louvain community, and personalised PageRank from the component's seed vertices (uniform when it has
 * none). Components are independent, so this scales with the number of networks, not their union.
 */
public final class ComponentAlgorithms {
  public static final StructType SCHEMA = new StructType()
      .add("vid", DataTypes.LongType)
      .add("component", DataTypes.LongType)
      .add("core", DataTypes.IntegerType)
      .add("betweenness", DataTypes.DoubleType)
      .add("community", DataTypes.IntegerType)
      .add("ppr", DataTypes.DoubleType)
      .add("strength", DataTypes.DoubleType)
      .add("component_size", DataTypes.IntegerType);

  private ComponentAlgorithms() {}

  /**
   * @param edges component, src, dst (long vertex ids), weight; undirected
   * @param seeds component, vid of seed vertices for personalised PageRank
   */
  public static Dataset<Row> run(SparkSession spark, Dataset<Row> edges, Dataset<Row> seeds, int samples,
      double reset) {
    Dataset<Row> grouped = edges.groupBy("component").agg(collect_list(struct(col("src"), col("dst"),
        col("weight"))).as("edges"))
        .join(seeds.groupBy("component").agg(collect_list(col("vid")).as("seeds")), new String[] {"component"},
            "left");
    FlatMapFunction<Row, Row> f = r -> compute(r.getLong(0), r.getList(1), r.isNullAt(2) ? List.of() : r.getList(2),
        samples, reset).iterator();
    return spark.createDataFrame(grouped.javaRDD().flatMap(f), SCHEMA);
  }

  static List<Row> compute(long component, List<Row> edgeRows, List<Long> seedIds, int samples, double reset) {
    // vertices indexed in id order, edges in (src, dst) order: the same component gives the same answer
    // whatever order its rows arrive in
    java.util.TreeSet<Long> sorted = new java.util.TreeSet<>();
    for (Row r : edgeRows) {
      sorted.add(r.getLong(0));
      sorted.add(r.getLong(1));
    }
    List<Long> ids = new ArrayList<>(sorted);
    Map<Long, Integer> index = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      index.put(ids.get(i), i);
    }
    List<Row> ordered = new ArrayList<>(edgeRows);
    ordered.sort(java.util.Comparator.<Row>comparingLong(r -> r.getLong(0)).thenComparingLong(r -> r.getLong(1))
        .thenComparingDouble(r -> r.getDouble(2)));
    int m = ordered.size();
    int[] s = new int[m];
    int[] d = new int[m];
    double[] w = new double[m];
    for (int e = 0; e < m; e++) {
      Row r = ordered.get(e);
      s[e] = index.get(r.getLong(0));
      d[e] = index.get(r.getLong(1));
      w[e] = r.getDouble(2);
    }
    int n = ids.size();
    LocalGraph g = LocalGraph.of(n, s, d, w);
    int[] core = g.coreNumbers();
    int[] sources;
    if (n <= samples) {
      sources = new int[n];
      for (int i = 0; i < n; i++) {
        sources[i] = i;
      }
    } else {
      // sample without replacement, seeded by the component id (deterministic across runs)
      Random rnd = new Random(component);
      int[] perm = new int[n];
      for (int i = 0; i < n; i++) {
        perm[i] = i;
      }
      for (int i = 0; i < samples; i++) {
        int j = i + rnd.nextInt(n - i);
        int t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
      }
      sources = java.util.Arrays.copyOf(perm, samples);
    }
    double[] bc = g.betweenness(sources);
    int[] comm = g.louvain();
    int[] seedIdx = seedIds.stream().filter(index::containsKey).mapToInt(index::get).distinct().toArray();
    double[] ppr = g.personalizedPageRank(seedIdx, reset, 50, 1e-10);
    List<Row> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(RowFactory.create(ids.get(i), component, core[i], bc[i], comm[i], ppr[i], g.strength(i), n));
    }
    return out;
  }
}
