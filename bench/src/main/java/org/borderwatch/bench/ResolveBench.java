package org.borderwatch.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.core.catalog.Lakehouse;
import org.borderwatch.core.catalog.Tables;
import org.borderwatch.core.job.JobContext;
import org.borderwatch.evaluation.ResolveEvaluation;
import org.borderwatch.ingest.IngestJob;
import org.borderwatch.resolve.ResolveJob;

/**
 * Entity resolution end to end on a world's silver mentions: input records per second, scored pairs per
 * second per core (anchors: Splink on Spark about 13k pairs/s per vCPU, Zingg about 100 records/s per core),
 * and, in the same run, a plain-Spark fuzzy scoring of the same candidate pairs with built-in functions.
 */
public final class ResolveBench {
  private ResolveBench() {}

  public static BenchResult run(JobContext ctx, Path world, String scale) throws Exception {
    SparkSession spark = ctx.spark();
    if (!Lakehouse.exists(spark, Tables.SILVER_PERSON_MENTIONS)) {
      ctx.progress().info("silver is empty: ingesting the " + scale + " world first (not timed)");
      spark.sql("DROP TABLE IF EXISTS " + Tables.INGESTED_FILES.fullName());
      new IngestJob(world.resolve("landing").toString(), null).run(ctx);
    }
    int cores = Runtime.getRuntime().availableProcessors();
    long t0 = System.nanoTime();
    ResolveJob job = new ResolveJob();
    job.run(ctx);
    double seconds = (System.nanoTime() - t0) / 1e9;
    Map<String, Object> s = job.result().stats;
    long mentions = (long) s.get("mentions");
    long pairs = (long) s.get("candidate_pairs");
    double scoreSeconds = ((Number) s.getOrDefault("compare_score_seconds", seconds)).doubleValue();

    // plain Spark: the same candidate pairs scored with built-in levenshtein and soundex, nothing else
    Dataset<Row> m = spark.table(Tables.SILVER_MENTION_ENTITIES.fullName()).select("mention_id", "record_id")
        .join(spark.table(Tables.SILVER_PERSON_MENTIONS.fullName()).select("mention_id", "name_key", "dob",
            "document_number"), "mention_id").dropDuplicates("record_id");
    Dataset<Row> cand = job.result().scored.select("record_l", "record_r");
    t0 = System.nanoTime();
    long plainPairs = cand.join(m.toDF("ml", "record_l", "nl", "dl", "docl"), "record_l")
        .join(m.toDF("mr", "record_r", "nr", "dr", "docr"), "record_r")
        .select(expr("levenshtein(nl, nr) <= 2 AND soundex(nl) = soundex(nr) AND (dl <=> dr OR docl <=> docr)")
            .as("same"))
        .filter(col("same")).count();
    double plainSeconds = (System.nanoTime() - t0) / 1e9;
    BenchResult r = new BenchResult("resolve", scale)
        .put("mentions", mentions)
        .put("distinct records", (long) s.get("records"))
        .put("candidate pairs", pairs)
        .put("pair reduction", (double) s.get("pair_reduction"))
        .put("resolve job seconds (end to end)", seconds)
        .put("pairs made, compared and scored (blocking, comparison, EM, threshold): seconds", scoreSeconds)
        .put("input records per second (end to end)", mentions / seconds)
        .put("input records per second per core", mentions / seconds / cores)
        .put("scored pairs per second per core", pairs / scoreSeconds / cores)
        .put("x Splink-on-Spark (13k pairs/s/vCPU)", pairs / scoreSeconds / cores / 13_000.0)
        .put("x Zingg (100 records/s/core)", mentions / seconds / cores / 100.0)
        .put("plain Spark levenshtein+soundex: pairs per second per core", pairs / plainSeconds / cores)
        .put("plain Spark matches (for reference)", plainPairs);
    Path truth = world.resolve("truth");
    if (truth.toFile().isDirectory()) {
      var assigned = spark.table(Tables.SILVER_MENTION_ENTITIES.fullName()).select(col("mention_id"),
          col("entity_id").as("entity"), col("record_id"));
      Map<String, Double> acc = ResolveEvaluation.evaluate(assigned, ResolveEvaluation.truth(spark, truth.toString()),
          null);
      for (String k : List.of("pairwise_precision", "pairwise_recall", "pairwise_f1", "cross_source_f1", "cluster_purity",
          "cluster_inverse_purity", "adjusted_rand_index", "true_persons", "entities")) {
        r.put(k.replace('_', ' '), acc.get(k));
      }
    }
    return r;
  }
}
