package org.borderwatch.bench;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.core.catalog.Lakehouse;
import org.borderwatch.core.error.Errors;
import org.borderwatch.core.job.JobContext;
import org.borderwatch.evaluation.NetworksEvaluation;
import org.borderwatch.evaluation.ResolveEvaluation;
import org.borderwatch.evaluation.SimulatedTruth;
import org.borderwatch.evaluation.VictimsEvaluation;
import org.borderwatch.ingest.IngestJob;
import org.borderwatch.models.TrainJob;
import org.borderwatch.models.backtest.Backtest;
import org.borderwatch.models.backtest.ModelsDoc;
import org.borderwatch.networks.NetworksJob;
import org.borderwatch.resolve.ResolveJob;
import org.borderwatch.simulator.Scale;
import org.borderwatch.simulator.SimulateJob;
import org.borderwatch.simulator.WorldManifest;
import org.borderwatch.victims.VictimsJob;
import org.borderwatch.zones.FeaturesJob;

/**
 * The held-out figures: worlds of seeds never used to choose anything (docs/simulator.md, "Seeds"), each run
 * through every stage as the pipeline runs them, then scored against its truth beside the fair baselines. One
 * seed per run (a lakehouse of its own, so one JVM each); the page (docs/held-out.md) is written from the saved
 * figures of all seeds, with mean and spread, and its verdicts are computed from them.
 */
public final class HeldOutBench {
  private HeldOutBench() {}

  /** The held-out seeds: reserved for published figures, never used for tuning. */
  public static final List<Long> SEEDS = List.of(101L, 102L, 103L);

  /** One figure the issue sets a target for: key in the saved figures, the bar, and what it is compared with. */
  record Target(String what, String key, String relation, double bar, String baselineKey, String baselineName) {
    boolean met(double v, double base) {
      return switch (relation) {
        case "ratio" -> v / base >= bar;
        case "at least" -> v >= bar;
        default -> v <= bar; // "at most"
      };
    }
  }

  static final List<Target> TARGETS = List.of(
      new Target("Zone PAI@5%, true crossings: model ÷ best fair baseline", "zone_true_pai5_model", "ratio", 1.25,
          "zone_true_pai5_best_baseline", "zone_true_pai5_best_baseline_name"),
      new Target("Zone PAI@5%, detections: model ÷ best fair baseline", "zone_detected_pai5_model", "ratio", 1.1,
          "zone_detected_pai5_best_baseline", "zone_detected_pai5_best_baseline_name"),
      new Target("Corridor top-5 recall, true crossings: model ÷ best baseline", "corridor_true_top5_model",
          "ratio", 1.1, "corridor_true_top5_best_baseline", "corridor_true_top5_best_baseline_name"),
      new Target("Victims, model only (travellers without a determination): recall at precision 0.7",
          "victims.victim_model_only_recall_at_precision_0.7", "at least", 0.80,
          "victims.victim_model_only_recall_at_precision_0.7_share_baseline", "the operation's victim share"),
      new Target("Ads PR-AUC, temporal hold-out (the last 26 weeks' posts, model fitted before them)",
          "victims.ads_pr_auc_temporal_holdout", "at least", 0.85,
          "victims.ads_pr_auc_temporal_holdout_keyword_baseline", "keywords"),
      new Target("Key individuals precision@20", "networks.precision_at_20", "at least", 0.80,
          "networks.best_baseline_precision_at_20", "the better of PageRank and degree"),
      new Target("Mule PR-AUC", "networks.mule_pr_auc", "at least", 0.80,
          "networks.mule_pr_auc_pass_through_baseline", "pass-through ratio"),
      new Target("Entity resolution pairwise F1", "resolution.pairwise_f1", "at least", 0.95,
          "resolution.best_baseline_pairwise_f1", "best exact-match rule"),
      new Target("True victims or migrants among key individuals", "networks.victims_ranked", "at most", 0,
          null, null));

  /** Where one seed's world and lakehouse live. */
  public static Path seedDir(Path work, long seed, Scale scale) {
    return work.resolve("heldout-" + seed + "-" + scale.name().toLowerCase(Locale.ROOT)).toAbsolutePath();
  }

  /** Where a seed's figures are saved (BenchResult JSON; the page reads them from here). */
  public static Path resultFile(Path results, long seed, Scale scale) {
    return results.resolve("heldout").resolve("seed-" + seed + "-" + scale.name().toLowerCase(Locale.ROOT) + ".json");
  }

  /** Simulates the seed's world (once), runs every stage on it; its figures, to be saved at {@link #resultFile}. */
  public static BenchResult runSeed(JobContext ctx, Path dir, long seed, Scale scale) throws Exception {
    SparkSession spark = ctx.spark();
    Path world = dir.resolve("world");
    if (WorldManifest.read(world) == null) {
      new SimulateJob(scale, seed, null, null, world, null, null).run(ctx);
    }
    Lakehouse.bootstrap(spark);
    String truth = world.resolve("truth").toString();
    long t0 = System.nanoTime();
    new IngestJob(world.resolve("landing").toString(), null).run(ctx);
    ResolveJob resolve = new ResolveJob();
    resolve.run(ctx);
    VictimsJob victims = new VictimsJob();
    victims.run(ctx);
    NetworksJob networks = new NetworksJob();
    networks.run(ctx);
    new FeaturesJob().run(ctx);
    TrainJob train = new TrainJob(true, new SimulatedTruth(spark, truth), null);
    train.run(ctx);
    double seconds = (System.nanoTime() - t0) / 1e9;

    Map<String, Object> f = new LinkedHashMap<>();
    Backtest.Report r = train.report();
    zone(f, r, "zone", "true", "pai@5%", "zone_true_pai5");
    zone(f, r, "zone", "detected", "pai@5%", "zone_detected_pai5");
    zone(f, r, "corridor", "true", "top5_recall", "corridor_true_top5");
    zone(f, r, "corridor", "detected", "top5_recall", "corridor_detected_top5");

    var assigned = resolve.result().assignments.join(spark.table("silver.mention_entities")
        .select("mention_id", "entity_id"), "mention_id").select(col("mention_id"), col("entity_id").as("entity"),
        col("record_id"));
    var truthRows = ResolveEvaluation.truth(spark, truth);
    Map<String, Double> res = new LinkedHashMap<>(ResolveEvaluation.evaluate(assigned, truthRows,
        resolve.result().scored));
    res.putAll(ResolveEvaluation.baselines(spark, truthRows));
    res.put("best_baseline_pairwise_f1", res.entrySet().stream().filter(e -> e.getKey().startsWith("baseline_")
        && e.getKey().endsWith("_pairwise_f1")).mapToDouble(Map.Entry::getValue).max().orElse(Double.NaN));
    res.forEach((k, v) -> f.put("resolution." + k, v));
    VictimsEvaluation.evaluate(spark, truth, ctx.config()).forEach((k, v) -> f.put("victims." + k, v));
    Map<String, Double> net = NetworksEvaluation.evaluate(spark, truth, networks.week().toString());
    net.forEach((k, v) -> f.put("networks." + k, v));
    f.put("networks.best_baseline_precision_at_20", Math.max(net.getOrDefault("precision_at_20_pagerank_baseline",
        Double.NaN), net.getOrDefault("precision_at_20_degree_baseline", Double.NaN)));

    BenchResult out = new BenchResult("heldout", scale.name().toLowerCase(Locale.ROOT)).put("seed", seed)
        .put("world", org.borderwatch.evaluation.EvaluationDoc.describeWorld(truth))
        .put("seconds (ingest to backtest)", seconds);
    f.forEach(out::put);
    return out;
  }

  private static void zone(Map<String, Object> f, Backtest.Report r, String model, String target, String metric,
      String key) {
    f.put(key + "_model", r.get(model, Backtest.MODEL_STD, target, metric));
    ModelsDoc.Best best = ModelsDoc.best(r, model, target, metric);
    f.put(key + "_best_baseline", best.value());
    f.put(key + "_best_baseline_name", best.name());
  }

  /** Writes the page from the saved figures of every held-out seed; an error names the seeds still to run. */
  public static BenchResult writePage(Path results, Scale scale, Path doc) throws IOException {
    List<JsonNode> seeds = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (long s : SEEDS) {
      Path file = resultFile(results, s, scale);
      if (Files.isRegularFile(file)) {
        seeds.add(json.readTree(file.toFile()));
      } else {
        missing.add(String.valueOf(s));
      }
    }
    if (!missing.isEmpty()) {
      throw Errors.badArgument("--doc", doc.toString(), "figures of every held-out seed; missing seeds "
          + String.join(", ", missing) + " (run bench/heldout, or bin/borderwatch bench heldout --seed S --scale "
          + scale.name().toLowerCase(Locale.ROOT) + " for each)");
    }
    String page = HeldOutDoc.render(seeds, TARGETS, scale);
    Files.writeString(doc, page);
    BenchResult out = new BenchResult("heldout-page", scale.name().toLowerCase(Locale.ROOT));
    for (Target t : TARGETS) {
      double[] v = HeldOutDoc.values(seeds, t.key());
      if (t.relation().equals("ratio")) {
        double[] base = HeldOutDoc.values(seeds, t.baselineKey());
        for (int i = 0; i < v.length; i++) {
          v[i] /= base[i];
        }
      }
      out.put(t.what() + " (mean)", HeldOutDoc.mean(v));
    }
    return out;
  }
}
