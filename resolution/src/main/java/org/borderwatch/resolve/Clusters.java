package org.borderwatch.resolve;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.graphx.Edge;
import org.apache.spark.graphx.Graph;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.borderwatch.common.linkage.ChainingGuard;
import org.borderwatch.common.linkage.LinkageSettings;
import scala.reflect.ClassTag$;

/**
 * Clusters of records from accepted links: connected components on GraphX, then a guard against
 * chaining. A component with more records than the limit, or holding two different document numbers (or, where
 * the settings say so, two different dates of birth), is rebuilt link by link from the strongest down, refusing
 * any link that would join two documents (or dates) or pass the size limit: it splits at its weakest links.
 */
final class Clusters {
  private Clusters() {}

  /** record_id → cluster label; links kept after the guard; counts. */
  record Outcome(Dataset<Row> recordCluster, Dataset<Row> keptLinks, long clusters, int split) {}

  static Outcome components(SparkSession spark, Dataset<Row> records, Dataset<Row> accepted, int maxCluster,
      LinkageSettings settings) {
    Dataset<Row> vids = records.select(col("record_id"), xxhash64(col("record_id")).as("vid"), col("document"),
        col("first_mention"), col("dob"));
    JavaRDD<Edge<Double>> edges = accepted.select(xxhash64(col("record_l")), xxhash64(col("record_r")),
        col("match_weight")).toJavaRDD().map(r -> new Edge<>(r.getLong(0), r.getLong(1), r.getDouble(2)));
    Graph<Object, Double> g = Graph.fromEdges(edges.rdd(), (Object) 0L, StorageLevel.MEMORY_AND_DISK(),
        StorageLevel.MEMORY_AND_DISK(), ClassTag$.MODULE$.apply(Object.class), ClassTag$.MODULE$.apply(Double.class));
    JavaRDD<Row> cc = g.ops().connectedComponents().vertices().toJavaRDD()
        .map(t -> RowFactory.create((Long) t._1(), (Long) t._2()));
    Dataset<Row> comp = spark.createDataFrame(cc, DataTypes.createStructType(List.of(
        DataTypes.createStructField("vid", DataTypes.LongType, false),
        DataTypes.createStructField("cc", DataTypes.LongType, false))));
    Dataset<Row> labelled = vids.join(comp, vids.col("vid").equalTo(comp.col("vid")), "left")
        .select(vids.col("record_id"), vids.col("document"), vids.col("first_mention"),
            org.apache.spark.sql.functions.coalesce(comp.col("cc"), vids.col("vid")).as("cc"), vids.col("dob"))
        .persist(StorageLevel.MEMORY_AND_DISK());

    // components that need the guard
    Dataset<Row> stats = labelled.groupBy("cc").agg(count(lit(1)).as("n"),
        collect_set("document").as("docs"), collect_set("dob").as("dobs"));
    List<Long> suspicious = new ArrayList<>();
    org.apache.spark.sql.Column several = size(col("docs")).gt(1);
    if (settings.datesConflict()) {
      several = several.or(size(col("dobs")).gt(1));
    }
    for (Row r : stats.filter(col("n").gt(maxCluster).or(several)).collectAsList()) {
      List<String> docs = r.getList(2);
      List<java.time.LocalDate> dobs = new ArrayList<>();
      for (Object d : r.getList(3)) {
        dobs.add(((java.sql.Date) d).toLocalDate());
      }
      if (r.getLong(1) > maxCluster || ChainingGuard.conflicting(settings, docs, dobs)) {
        suspicious.add(r.getLong(0));
      }
    }
    Map<String, String> relabel = new HashMap<>();
    if (!suspicious.isEmpty()) {
      Dataset<Row> bad = labelled.filter(col("cc").isin(suspicious.toArray()));
      Map<String, ChainingGuard.Known> known = new HashMap<>();
      for (Row r : bad.collectAsList()) {
        java.sql.Date dob = r.getAs("dob");
        known.put(r.getString(0), new ChainingGuard.Known(r.getString(1), dob == null ? null : dob.toLocalDate()));
      }
      List<Row> badEdges = accepted.join(bad.select(col("record_id").as("record_l")), "record_l")
          .select("record_l", "record_r", "match_weight").collectAsList();
      List<ChainingGuard.Link> links = new ArrayList<>();
      for (Row e : badEdges) {
        links.add(new ChainingGuard.Link(e.getString(0), e.getString(1), e.getDouble(2)));
      }
      relabel = ChainingGuard.split(settings, known, links, maxCluster);
    }
    // cluster label: the smallest mention id of the (possibly split) cluster
    Map<String, String> fixed = relabel;
    JavaRDD<Row> withGroup = labelled.toJavaRDD().map(r -> {
      String grp = fixed.containsKey(r.getString(0)) ? "s:" + fixed.get(r.getString(0)) : "c:" + r.getLong(3);
      return RowFactory.create(r.getString(0), r.getString(2), grp);
    });
    Dataset<Row> grouped = spark.createDataFrame(withGroup, DataTypes.createStructType(List.of(
        DataTypes.createStructField("record_id", DataTypes.StringType, false),
        DataTypes.createStructField("first_mention", DataTypes.StringType, false),
        DataTypes.createStructField("grp", DataTypes.StringType, false))));
    Dataset<Row> label = grouped.groupBy("grp").agg(min("first_mention").as("cluster"));
    Dataset<Row> recordCluster = grouped.join(label, "grp").select("record_id", "cluster")
        .persist(StorageLevel.MEMORY_AND_DISK());
    long clusters = recordCluster.select("cluster").distinct().count();
    Dataset<Row> kept = accepted
        .join(recordCluster.toDF("record_l", "cluster_l"), "record_l")
        .join(recordCluster.toDF("record_r", "cluster_r"), "record_r")
        .filter(col("cluster_l").equalTo(col("cluster_r")))
        .withColumnRenamed("cluster_l", "cluster").drop("cluster_r");
    labelled.unpersist();
    return new Outcome(recordCluster, kept, clusters, suspicious.size());
  }
}
