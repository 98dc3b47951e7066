package org.borderwatch.networks.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.borderwatch.core.graph.GraphX;
import org.borderwatch.testing.FreshLakehouse;
import org.junit.jupiter.api.Test;

/** GraphX connected components and PageRank against plain Java oracles; per-component algorithms from Spark. */
@FreshLakehouse
class GraphXTest {
  static final StructType EDGES = new StructType().add("src", DataTypes.LongType).add("dst", DataTypes.LongType);

  static List<long[]> randomEdges(Random r, int n, int m) {
    List<long[]> es = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      long a = r.nextInt(n);
      long b = r.nextInt(n);
      if (a != b) {
        es.add(new long[] {a * 7919 + 3, b * 7919 + 3});
      }
    }
    return es;
  }

  static List<Row> rows(List<long[]> es) {
    List<Row> out = new ArrayList<>();
    for (long[] e : es) {
      out.add(RowFactory.create(e[0], e[1]));
    }
    return out;
  }

  static long find(Map<Long, Long> p, long x) {
    while (p.get(x) != x) {
      x = p.get(x);
    }
    return x;
  }

  @Test
  void connectedComponentsMatchUnionFind(SparkSession spark) {
    List<long[]> es = randomEdges(new Random(5), 60, 45);
    Map<Long, Long> parent = new HashMap<>();
    for (long[] e : es) {
      parent.putIfAbsent(e[0], e[0]);
      parent.putIfAbsent(e[1], e[1]);
      long a = find(parent, e[0]);
      long b = find(parent, e[1]);
      if (a != b) {
        parent.put(Math.max(a, b), Math.min(a, b));
      }
    }
    // the component label is the smallest vertex id of the component
    Map<Long, Long> smallest = new HashMap<>();
    for (long v : parent.keySet()) {
      smallest.merge(find(parent, v), v, Math::min);
    }
    Map<Long, Long> want = new HashMap<>();
    for (long v : parent.keySet()) {
      want.put(v, smallest.get(find(parent, v)));
    }
    Map<Long, Long> got = new HashMap<>();
    for (Row r : GraphX.connectedComponents(spark, spark.createDataFrame(rows(es), EDGES)).collectAsList()) {
      got.put(r.getLong(0), r.getLong(1));
    }
    assertEquals(want, got);
  }

  @Test
  void pageRankMatchesPowerIteration(SparkSession spark) {
    List<long[]> es = randomEdges(new Random(6), 25, 70);
    List<long[]> both = new ArrayList<>(es);
    for (long[] e : es) {
      both.add(new long[] {e[1], e[0]});
    }
    // oracle: PR(v) = reset + (1 - reset) * sum over in-edges PR(u) / outdeg(u), from PR = 1, the same 20 rounds
    Map<Long, List<Long>> out = new HashMap<>();
    for (long[] e : both) {
      out.computeIfAbsent(e[0], k -> new ArrayList<>()).add(e[1]);
      out.computeIfAbsent(e[1], k -> new ArrayList<>());
    }
    Map<Long, Double> pr = new HashMap<>();
    out.keySet().forEach(v -> pr.put(v, 1.0));
    for (int it = 0; it < 20; it++) {
      Map<Long, Double> next = new HashMap<>();
      out.keySet().forEach(v -> next.put(v, 0.15));
      for (Map.Entry<Long, List<Long>> e : out.entrySet()) {
        for (long d : e.getValue()) {
          next.merge(d, 0.85 * pr.get(e.getKey()) / e.getValue().size(), Double::sum);
        }
      }
      pr.putAll(next);
    }
    List<Row> got = GraphX.pageRank(spark, spark.createDataFrame(rows(both), EDGES), 20, 0.15).collectAsList();
    assertEquals(pr.size(), got.size());
    double sumWant = pr.values().stream().mapToDouble(Double::doubleValue).sum();
    double sumGot = got.stream().mapToDouble(r -> r.getDouble(1)).sum();
    for (Row r : got) {
      assertEquals(pr.get(r.getLong(0)) / sumWant, r.getDouble(1) / sumGot, 1e-6, "vertex " + r.getLong(0));
    }
  }

  @Test
  void componentAlgorithmsRunOnePerComponent(SparkSession spark) {
    // two components: a triangle with a tail (component 1) and a path of three (component 2)
    StructType schema = new StructType().add("component", DataTypes.LongType).add("src", DataTypes.LongType)
        .add("dst", DataTypes.LongType).add("weight", DataTypes.DoubleType);
    List<Row> edges = List.of(RowFactory.create(1L, 10L, 11L, 1.0), RowFactory.create(1L, 11L, 12L, 1.0),
        RowFactory.create(1L, 10L, 12L, 1.0), RowFactory.create(1L, 12L, 13L, 1.0),
        RowFactory.create(2L, 20L, 21L, 1.0), RowFactory.create(2L, 21L, 22L, 1.0));
    StructType seeds = new StructType().add("component", DataTypes.LongType).add("vid", DataTypes.LongType);
    Map<Long, Row> got = new HashMap<>();
    for (Row r : ComponentAlgorithms.run(spark, spark.createDataFrame(edges, schema),
        spark.createDataFrame(List.of(RowFactory.create(1L, 13L)), seeds), 100, 0.15).collectAsList()) {
      got.put(r.getLong(0), r);
    }
    assertEquals(7, got.size());
    assertEquals(2, got.get(10L).getInt(2), "triangle vertices are in the 2-core");
    assertEquals(1, got.get(13L).getInt(2));
    assertEquals(2.0, got.get(12L).getDouble(3), 1e-12, "the triangle's exit lies on two pairs' paths");
    assertEquals(1.0, got.get(21L).getDouble(3), 1e-12);
    assertEquals(4, got.get(10L).getInt(7));
    // the seed of component 1 holds the most personalised rank; component 2 has no seed: uniform restart
    double seedRank = got.get(13L).getDouble(5);
    // (the seed's only neighbour, 12, is left out: it collects the walks from both sides)
    for (long v : new long[] {10, 11}) {
      org.junit.jupiter.api.Assertions.assertTrue(seedRank > got.get(v).getDouble(5), "vertex " + v);
    }
    assertEquals(1.0, got.get(20L).getDouble(5) + got.get(21L).getDouble(5) + got.get(22L).getDouble(5), 1e-9);
  }
}
