package org.borderwatch.core.graph;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.graphx.Edge;
import org.apache.spark.graphx.Graph;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.reflect.ClassTag$;
import scala.reflect.ClassTag;

/** GraphX from Java: connected components and PageRank over an edge frame of long vertex ids (src, dst). */
public final class GraphX {
  private static final ClassTag<Object> OBJ = ClassTag$.MODULE$.apply(Object.class);
  private static final ClassTag<Double> DBL = ClassTag$.MODULE$.apply(Double.class);

  private GraphX() {}

  static Graph<Object, Double> graph(Dataset<Row> edges) {
    JavaRDD<Edge<Double>> rdd = edges.select("src", "dst").javaRDD()
        .map(r -> new Edge<>(r.getLong(0), r.getLong(1), 1.0));
    return Graph.fromEdges(rdd.rdd(), (Object) 0L, StorageLevel.MEMORY_AND_DISK(), StorageLevel.MEMORY_AND_DISK(),
        OBJ, DBL);
  }

  /** vid, component (the smallest vertex id of its connected component). */
  public static Dataset<Row> connectedComponents(SparkSession spark, Dataset<Row> edges) {
    Graph<Object, Double> g = graph(edges);
    Graph<Object, Double> cc = g.ops().connectedComponents();
    JavaRDD<Row> rows = cc.vertices().toJavaRDD().map(t -> RowFactory.create((Long) t._1(), (Long) t._2()));
    Dataset<Row> out = spark.createDataFrame(rows, new StructType().add("vid", DataTypes.LongType)
        .add("component", DataTypes.LongType)).localCheckpoint();
    g.unpersist(false);
    cc.unpersist(false);
    return out;
  }

  /**
   * GraphX static PageRank for {@code iterations} rounds with the given reset probability, over the edges
   * as directed (add both directions for an undirected graph). Returns vid, pagerank (ranks sum to the
   * number of vertices, GraphX's convention).
   */
  public static Dataset<Row> pageRank(SparkSession spark, Dataset<Row> edges, int iterations, double reset) {
    Graph<Object, Double> g = graph(edges);
    Graph<Object, Object> pr = org.apache.spark.graphx.lib.PageRank.run(g, iterations, reset, OBJ, DBL);
    JavaRDD<Row> rows = pr.vertices().toJavaRDD().map(t -> RowFactory.create((Long) t._1(), (Double) t._2()));
    Dataset<Row> out = spark.createDataFrame(rows, new StructType().add("vid", DataTypes.LongType)
        .add("pagerank", DataTypes.DoubleType)).localCheckpoint();
    g.unpersist(false);
    pr.unpersist(false);
    return out;
  }
}
