package org.borderwatch.evaluation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Accuracy against the simulator's truth: pairwise precision, recall and F1 over mention pairs (overall
 * and for pairs from different sources, which are the hard ones), cluster purity, inverse purity and the
 * adjusted Rand index, and the blocking recall of true pairs.
 */
public final class ResolveEvaluation {
  private ResolveEvaluation() {}

  /** truth mentions as mention_id, person_id. */
  public static Dataset<Row> truth(SparkSession spark, String truthDir) {
    return spark.read().parquet(truthDir + "/mentions")
        .select(concat_ws(":", col("source"), col("record_id"), col("seq").cast("string")).as("mention_id"),
            col("person_id"))
        .dropDuplicates("mention_id");
  }

  /**
   * @param assigned mention_id, entity (any label), record_id
   * @param candidates record_l, record_r of the blocking (null to skip blocking recall)
   */
  public static Map<String, Double> evaluate(Dataset<Row> assigned, Dataset<Row> truth, Dataset<Row> candidates) {
    Dataset<Row> j = assigned.join(truth, "mention_id").select(col("mention_id"), col("entity"), col("person_id"),
        col("record_id"), expr("split(mention_id, ':')[0]").as("source")).cache();
    Map<String, Double> out = new LinkedHashMap<>();
    double n = j.count();
    Row ep = j.groupBy("entity", "person_id").agg(count(lit(1)).as("c")).agg(sum(expr("c * (c - 1) / 2")),
        sum(col("c")), count(lit(1))).first();
    double tp = ep.getDouble(0);
    double predPairs = j.groupBy("entity").agg(count(lit(1)).as("c")).agg(sum(expr("c * (c - 1) / 2"))).first()
        .getDouble(0);
    double truePairs = j.groupBy("person_id").agg(count(lit(1)).as("c")).agg(sum(expr("c * (c - 1) / 2"))).first()
        .getDouble(0);
    put(out, "pairwise", tp, predPairs, truePairs);
    // pairs of mentions from different sources
    double tpSame = j.groupBy("entity", "person_id", "source").agg(count(lit(1)).as("c"))
        .agg(sum(expr("c * (c - 1) / 2"))).first().getDouble(0);
    double predSame = j.groupBy("entity", "source").agg(count(lit(1)).as("c")).agg(sum(expr("c * (c - 1) / 2")))
        .first().getDouble(0);
    double trueSame = j.groupBy("person_id", "source").agg(count(lit(1)).as("c")).agg(sum(expr("c * (c - 1) / 2")))
        .first().getDouble(0);
    put(out, "cross_source", tp - tpSame, predPairs - predSame, truePairs - trueSame);
    // purity and inverse purity
    double purity = j.groupBy("entity", "person_id").agg(count(lit(1)).as("c")).groupBy("entity")
        .agg(max("c").as("m")).agg(sum("m")).first().getLong(0) / n;
    double inverse = j.groupBy("entity", "person_id").agg(count(lit(1)).as("c")).groupBy("person_id")
        .agg(max("c").as("m")).agg(sum("m")).first().getLong(0) / n;
    out.put("cluster_purity", purity);
    out.put("cluster_inverse_purity", inverse);
    double all = n * (n - 1) / 2;
    double expected = predPairs * truePairs / all;
    out.put("adjusted_rand_index", (tp - expected) / ((predPairs + truePairs) / 2 - expected));
    out.put("mentions_evaluated", n);
    out.put("entities", (double) j.select("entity").distinct().count());
    out.put("true_persons", (double) j.select("person_id").distinct().count());
    if (candidates != null) {
      Dataset<Row> pr = j.groupBy("person_id", "record_id").agg(count(lit(1)).as("c")).cache();
      double within = pr.agg(sum(expr("c * (c - 1) / 2"))).first().getDouble(0);
      Dataset<Row> cand = candidates.select("record_l", "record_r")
          .union(candidates.select(col("record_r").as("record_l"), col("record_l").as("record_r")));
      Row cov = pr.as("a").join(pr.as("b"), col("a.person_id").equalTo(col("b.person_id"))
              .and(col("a.record_id").lt(col("b.record_id"))))
          .select(col("a.record_id").as("record_l"), col("b.record_id").as("record_r"),
              col("a.c").multiply(col("b.c")).as("w"))
          .join(cand, new String[] {"record_l", "record_r"}).agg(sum("w")).first();
      double covered = cov.isNullAt(0) ? 0 : cov.getLong(0);
      out.put("blocking_recall", truePairs == 0 ? 1.0 : (within + covered) / truePairs);
      pr.unpersist();
    }
    j.unpersist();
    return out;
  }

  /** The deterministic rules a practitioner would try first, each as a clustering of the lakehouse's mentions. */
  public static final Map<String, String> BASELINES = Map.of(
      "exact_name_dob", "case when name_key is not null and dob is not null then concat('nd|', name_key, '|', "
          + "cast(dob as string)) end",
      "exact_document", "case when document_number is not null then concat('doc|', document_number) end");

  /**
   * The baselines' figures beside the resolution's: each rule puts two mentions together when they share its
   * key exactly (a mention without the key stays alone), scored like the resolution; keys
   * baseline_RULE_pairwise_f1 and so on.
   */
  public static Map<String, Double> baselines(SparkSession spark, Dataset<Row> truth) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> b : new java.util.TreeMap<>(BASELINES).entrySet()) {
      Dataset<Row> assigned = spark.table("silver.person_mentions").selectExpr("mention_id",
          "coalesce(" + b.getValue() + ", concat('m|', mention_id)) entity", "mention_id record_id");
      Map<String, Double> m = evaluate(assigned, truth, null);
      for (String k : new String[] {"pairwise_precision", "pairwise_recall", "pairwise_f1", "cross_source_f1",
          "adjusted_rand_index"}) {
        out.put("baseline_" + b.getKey() + "_" + k, m.get(k));
      }
    }
    return out;
  }

  private static void put(Map<String, Double> out, String prefix, double tp, double pred, double truth) {
    double p = pred == 0 ? 1.0 : tp / pred;
    double r = truth == 0 ? 1.0 : tp / truth;
    out.put(prefix + "_precision", p);
    out.put(prefix + "_recall", r);
    out.put(prefix + "_f1", p + r == 0 ? 0 : 2 * p * r / (p + r));
    out.put(prefix + "_true_pairs", truth);
  }
}
