package org.borderwatch.resolve;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.call_udf;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sha2;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.borderwatch.core.job.Progress;
import scala.reflect.ClassTag$;

/**
 * The resolution engine, independent of where mentions come from (silver, or a CSV list of people):
 * distinct records, blocking, comparison vectors, unsupervised Fellegi–Sunter, a threshold from the
 * estimated precision, connected components on GraphX with a guard against chaining.
 *
 * <p>Input columns: mention_id, name_key, family_key, dob, birth_year, document, phone, nationality, sex.
 */
public final class Resolver {
  /** Tunables (from configuration). */
  public record Settings(double targetPrecision, int maxBlock, int maxCluster, int randomPairs) implements Serializable {}

  /** What a run produced. */
  public static final class Result {
    /** mention_id, record_id, cluster (the smallest mention id of the cluster) */
    public Dataset<Row> assignments;
    /** accepted links with explanations (columns of ResolveTables.ENTITY_LINKS minus entity_id, plus cluster) */
    public Dataset<Row> links;
    /** all scored candidate pairs: record_l, record_r, match_probability (for evaluation) */
    public Dataset<Row> scored;
    public Map<String, Object> stats = new LinkedHashMap<>();
    public FellegiSunter model;
    /** scored pairs with explanations, all of them (accepted or not) */
    Dataset<Row> explained;
    double threshold;

    /** Scored pairs below the accepted threshold but at or above p (for pair lists that show near misses). */
    public Dataset<Row> linksBelowThreshold(double p) {
      return explained.filter(col("match_probability").geq(p).and(col("match_probability").lt(threshold)));
    }
  }

  /**
   * EM training sessions: the candidate pairs of a rule, and the fields that rule blocks on (which that
   * session cannot learn about, since its pairs agree on them by construction).
   */
  static final Map<String, List<Comparisons.Field>> SESSIONS = Map.of(
      "document", List.of(Comparisons.Field.DOCUMENT),
      "name+birth_year", List.of(Comparisons.Field.NAME, Comparisons.Field.DOB),
      "dob+family", List.of(Comparisons.Field.DOB, Comparisons.Field.NAME),
      "phone", List.of(Comparisons.Field.PHONE));

  /** Assumed share of true matches that agree on a document or on exact name and birth date. */
  static final double DETERMINISTIC_RECALL = 0.6;

  static final List<String> FIELDS = List.of("name_key", "family_key", "dob", "birth_year", "document", "phone",
      "nationality", "sex");

  /** Blocking rules: name → key expression over the records. */
  static Map<String, Column> rules() {
    Map<String, Column> r = new LinkedHashMap<>();
    r.put("document", col("document"));
    r.put("phone", col("phone"));
    r.put("name+birth_year", concat_ws("|", col("phon_sorted"), col("birth_year")));
    r.put("name+nationality", concat_ws("|", col("phon_sorted"), coalesce(col("nationality"), lit("?"))));
    r.put("dob+family", concat_ws("|", col("dob").cast("string"), col("phon_family")));
    r.put("two_rarest_tokens", col("rare_token"));
    return r;
  }

  private final SparkSession spark;
  private final Settings settings;
  private final Progress progress;

  public Resolver(SparkSession spark, Settings settings, Progress progress) {
    this.spark = spark;
    this.settings = settings;
    this.progress = progress;
  }

  public Result run(Dataset<Row> mentions) {
    Result res = new Result();
    registerUdfs();

    // 1. distinct records: mentions that agree on every compared field are one record
    Progress.Stage st = progress.stage("resolve: distinct records");
    Column[] sig = FIELDS.stream().map(f -> coalesce(col(f).cast("string"), lit("\u0000"))).toArray(Column[]::new);
    Dataset<Row> withRecord = mentions.withColumn("record_id", sha2(concat_ws("\u0001", sig), 256).substr(1, 24))
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> records = withRecord.groupBy("record_id").agg(
            org.apache.spark.sql.functions.first("name_key").as("name_key"),
            org.apache.spark.sql.functions.first("family_key").as("family_key"),
            org.apache.spark.sql.functions.first("dob").as("dob"),
            org.apache.spark.sql.functions.first("birth_year").as("birth_year"),
            org.apache.spark.sql.functions.first("document").as("document"),
            org.apache.spark.sql.functions.first("phone").as("phone"),
            org.apache.spark.sql.functions.first("nationality").as("nationality"),
            org.apache.spark.sql.functions.first("sex").as("sex"),
            count(lit(1)).as("mentions"), min("mention_id").as("first_mention"))
        .withColumn("phon_sorted", call_udf("bw_phon_sorted", col("name_key")))
        .withColumn("phon_family", call_udf("bw_phon_family", col("family_key"), col("name_key")))
        .persist(StorageLevel.MEMORY_AND_DISK());
    long nMentions = withRecord.count();
    long nRecords = records.count();
    res.stats.put("mentions", nMentions);
    res.stats.put("records", nRecords);
    st.done(String.format(java.util.Locale.ROOT, "%,d mentions → %,d distinct records", nMentions, nRecords));

    // token frequencies (for the rarest-token rule and the term-frequency adjustment)
    Map<String, Long> tokenFreq = new HashMap<>();
    for (Row r : records.select(org.apache.spark.sql.functions.explode(
        org.apache.spark.sql.functions.split(col("phon_sorted"), " ")).as("t"), col("mentions"))
        .groupBy("t").agg(org.apache.spark.sql.functions.sum("mentions")).collectAsList()) {
      tokenFreq.put(r.getString(0), r.getLong(1));
    }
    Broadcast<Map<String, Long>> tf = spark.sparkContext().broadcast(tokenFreq,
        ClassTag$.MODULE$.apply(Map.class));
    spark.udf().register("bw_rare_token", (UDF1<String, String>) k -> rarest(k, tf.value()), DataTypes.StringType);
    records = records.withColumn("rare_token", call_udf("bw_rare_token", col("phon_sorted")))
        .persist(StorageLevel.MEMORY_AND_DISK());

    // 2. blocking
    st = progress.stage("resolve: blocking");
    Dataset<Row> pairs = null;
    Map<String, Long> skipped = new LinkedHashMap<>();
    for (Map.Entry<String, Column> rule : rules().entrySet()) {
      Dataset<Row> keys = records.select(col("record_id"), rule.getValue().as("k")).filter(col("k").isNotNull()
          .and(col("k").notEqual("")).and(org.apache.spark.sql.functions.not(col("k").endsWith("|"))));
      Dataset<Row> sizes = keys.groupBy("k").agg(count(lit(1)).as("n"));
      skipped.put(rule.getKey(), sizes.filter(col("n").gt(settings.maxBlock())).count());
      Dataset<Row> ok = keys.join(sizes.filter(col("n").leq(settings.maxBlock()).and(col("n").gt(1))), "k");
      Dataset<Row> p = ok.as("a").join(ok.as("b"), col("a.k").equalTo(col("b.k"))
              .and(col("a.record_id").lt(col("b.record_id"))))
          .select(col("a.record_id").as("record_l"), col("b.record_id").as("record_r"), lit(rule.getKey()).as("rule"));
      pairs = pairs == null ? p : pairs.unionByName(p);
    }
    Dataset<Row> candidates = pairs.groupBy("record_l", "record_r").agg(array_sort(collect_set("rule")).as("rules"))
        .persist(StorageLevel.MEMORY_AND_DISK());
    long nPairs = candidates.count();
    Map<String, Long> byRule = new LinkedHashMap<>();
    for (Row r : candidates.select(org.apache.spark.sql.functions.explode(col("rules")).as("rule"))
        .groupBy("rule").count().collectAsList()) {
      byRule.put(r.getString(0), r.getLong(1));
    }
    double allPairs = nRecords * (nRecords - 1) / 2.0;
    res.stats.put("candidate_pairs", nPairs);
    res.stats.put("pair_reduction", allPairs == 0 ? 1.0 : 1 - nPairs / allPairs);
    res.stats.put("pairs_by_rule", byRule);
    res.stats.put("skipped_blocks", skipped);
    st.done(String.format(java.util.Locale.ROOT, "%,d candidate pairs (reduction %.6f)", nPairs,
        (double) res.stats.get("pair_reduction")));

    // 3. comparison vectors
    st = progress.stage("resolve: compare and estimate");
    long compareStart = System.nanoTime();
    Dataset<Row> rec = records.select("record_id", "name_key", "family_key", "dob", "birth_year", "document", "phone",
        "nationality", "sex");
    Dataset<Row> joined = candidates.join(rec.toDF(prefixed("l_", rec.columns())),
            col("record_l").equalTo(col("l_record_id")))
        .join(rec.toDF(prefixed("r_", rec.columns())), col("record_r").equalTo(col("r_record_id")));
    StructType gammaSchema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("record_l", DataTypes.StringType, false),
        DataTypes.createStructField("record_r", DataTypes.StringType, false),
        DataTypes.createStructField("rules", DataTypes.createArrayType(DataTypes.StringType), true),
        DataTypes.createStructField("gamma", DataTypes.StringType, false),
        DataTypes.createStructField("name_l", DataTypes.StringType, true)));
    JavaRDD<Row> gammaRows = joined.toJavaRDD().map(r -> {
      ResolveRecord a = record(r, "l_");
      ResolveRecord b = record(r, "r_");
      return RowFactory.create(r.getAs("record_l"), r.getAs("record_r"), r.getAs("rules"),
          FellegiSunter.encode(Comparisons.gamma(a, b)), a.nameKey());
    });
    Dataset<Row> gammas = spark.createDataFrame(gammaRows, gammaSchema).persist(StorageLevel.MEMORY_AND_DISK());
    Map<String, Map<String, Long>> patternsByRule = new HashMap<>();
    long deterministic = 0;
    for (Row r : gammas.select(org.apache.spark.sql.functions.explode(col("rules")).as("rule"), col("gamma"))
        .groupBy("rule", "gamma").count().collectAsList()) {
      patternsByRule.computeIfAbsent(r.getString(0), k -> new HashMap<>()).put(r.getString(1), r.getLong(2));
    }
    for (Row r : gammas.groupBy("gamma").count().collectAsList()) {
      if (FellegiSunter.deterministicMatch(FellegiSunter.decode(r.getString(0)))) {
        deterministic += r.getLong(1);
      }
    }
    int patternCount = (int) patternsByRule.values().stream().mapToLong(Map::size).sum();

    // 4. u from random pairs of mentions; m by EM in one session per training rule, each blind to the
    //    fields its rule blocks on; the prior from pairs that agree on a document or on name and birth date
    double[][] u = FellegiSunter.uFromCounts(randomPairLevels(records, settings.randomPairs()));
    FellegiSunter model = FellegiSunter.estimateBySessions(patternsByRule, SESSIONS, u,
        FellegiSunter.prior(deterministic, nRecords, DETERMINISTIC_RECALL));
    res.model = model;
    Map<String, Long> nameCounts = new HashMap<>();
    for (Row r : records.groupBy("name_key").agg(org.apache.spark.sql.functions.sum("mentions"))
        .filter(col("name_key").isNotNull()).collectAsList()) {
      nameCounts.put(r.getString(0), r.getLong(1));
    }
    final long total = nMentions;
    Broadcast<FellegiSunter> bm = spark.sparkContext().broadcast(model, ClassTag$.MODULE$.apply(FellegiSunter.class));
    Broadcast<Map<String, Long>> bn = spark.sparkContext().broadcast(nameCounts, ClassTag$.MODULE$.apply(Map.class));
    res.stats.put("lambda", model.lambda());
    res.stats.put("em_iterations", model.iterations());
    res.stats.put("parameters", parameters(model));
    st.done(String.format(java.util.Locale.ROOT, "%d gamma patterns, prior %.2e, %d EM iterations", patternCount,
        model.lambda(), model.iterations()));

    // 5. score every candidate pair with its explanation
    st = progress.stage("resolve: score and cluster");
    JavaRDD<Row> scoredRows = gammas.toJavaRDD().map(r -> {
      int[] g = FellegiSunter.decode(r.getString(3));
      FellegiSunter fs = bm.value();
      String name = r.getString(4);
      double share = name == null ? 0 : bn.value().getOrDefault(name, 1L) / (double) total;
      double w = fs.matchWeight(g, share);
      Object[] out = new Object[11 + 2 * Comparisons.FIELDS];
      out[0] = r.getString(0);
      out[1] = r.getString(1);
      out[2] = r.get(2);
      out[3] = w;
      out[4] = FellegiSunter.probability(w);
      Comparisons.Field[] fields = Comparisons.Field.values();
      for (int f = 0; f < fields.length; f++) {
        out[5 + f] = fields[f].level(g[f]);
        out[5 + fields.length + f] = f == 0 && g[0] == fields[0].levels() - 1 ? fs.exactNameWeight(share)
            : fs.weight(f, g[f]);
      }
      out[5 + 2 * fields.length] = fs.prior();
      out[6 + 2 * fields.length] = g[0] == fields[0].levels() - 1 ? share : null;
      return RowFactory.create(java.util.Arrays.copyOf(out, 7 + 2 * fields.length));
    });
    List<org.apache.spark.sql.types.StructField> sf = new ArrayList<>(List.of(
        DataTypes.createStructField("record_l", DataTypes.StringType, false),
        DataTypes.createStructField("record_r", DataTypes.StringType, false),
        DataTypes.createStructField("blocking_rules", DataTypes.createArrayType(DataTypes.StringType), true),
        DataTypes.createStructField("match_weight", DataTypes.DoubleType, false),
        DataTypes.createStructField("match_probability", DataTypes.DoubleType, false)));
    for (Comparisons.Field f : Comparisons.Field.values()) {
      sf.add(DataTypes.createStructField(f.name().toLowerCase(java.util.Locale.ROOT) + "_level", DataTypes.StringType,
          true));
    }
    for (Comparisons.Field f : Comparisons.Field.values()) {
      sf.add(DataTypes.createStructField("w_" + f.name().toLowerCase(java.util.Locale.ROOT), DataTypes.DoubleType,
          true));
    }
    sf.add(DataTypes.createStructField("w_prior", DataTypes.DoubleType, true));
    sf.add(DataTypes.createStructField("name_tf", DataTypes.DoubleType, true));
    Dataset<Row> scored = spark.createDataFrame(scoredRows, DataTypes.createStructType(sf))
        .persist(StorageLevel.MEMORY_AND_DISK());
    res.scored = scored.select("record_l", "record_r", "match_probability");
    scored.count();
    res.stats.put("compare_score_seconds", (System.nanoTime() - compareStart) / 1e9);
    res.explained = scored;

    // 6. threshold from the estimated precision
    double threshold = threshold(scored, settings.targetPrecision());
    Dataset<Row> accepted = scored.filter(col("match_probability").geq(threshold)).persist(StorageLevel.MEMORY_AND_DISK());
    Row est = accepted.agg(org.apache.spark.sql.functions.avg("match_probability"), count(lit(1))).first();
    res.stats.put("threshold", threshold);
    res.threshold = threshold;
    res.stats.put("estimated_precision", est.isNullAt(0) ? 1.0 : est.getDouble(0));
    res.stats.put("accepted_links", est.getLong(1));

    // 7. connected components on GraphX, then the chaining guard
    Clusters.Outcome clusters = Clusters.components(spark, records, accepted, settings.maxCluster());
    res.stats.put("clusters_split", clusters.split());
    res.assignments = withRecord.join(clusters.recordCluster(), "record_id").select("mention_id", "record_id",
        "cluster");
    res.links = clusters.keptLinks();
    res.stats.put("entities", clusters.clusters());
    st.done(String.format(java.util.Locale.ROOT, "threshold %.3f, %,d links accepted (est. precision %.4f), %,d "
        + "entities, %d clusters split", threshold, est.getLong(1), (double) res.stats.get("estimated_precision"),
        clusters.clusters(), clusters.split()));
    return res;
  }

  /** The two rarest tokens of a phonetic key, sorted (one for a one-token name): partial names share them. */
  static String rarest(String key, Map<String, Long> freq) {
    if (key == null || key.isEmpty()) {
      return null;
    }
    List<String> toks = new ArrayList<>(List.of(key.split(" ")));
    toks.removeIf(t -> t.length() < 2);
    if (toks.isEmpty()) {
      return null;
    }
    toks.sort((a, b) -> {
      long fa = freq.getOrDefault(a, 0L);
      long fb = freq.getOrDefault(b, 0L);
      return fa != fb ? Long.compare(fa, fb) : a.compareTo(b);
    });
    List<String> two = new ArrayList<>(toks.subList(0, Math.min(2, toks.size())));
    two.sort(null);
    return String.join(" ", two);
  }

  private static String[] prefixed(String p, String[] cols) {
    String[] out = new String[cols.length];
    for (int i = 0; i < cols.length; i++) {
      out[i] = p + cols[i];
    }
    return out;
  }

  static ResolveRecord record(Row r, String p) {
    Date dob = r.getAs(p + "dob");
    return ResolveRecord.of(r.getAs(p + "record_id"), r.getAs(p + "name_key"), r.getAs(p + "family_key"),
        dob == null ? null : dob.toLocalDate(), r.getAs(p + "birth_year"), r.getAs(p + "document"),
        r.getAs(p + "phone"), r.getAs(p + "nationality"), r.getAs(p + "sex"));
  }

  private void registerUdfs() {
    spark.udf().register("bw_phon_sorted", (UDF1<String, String>) k -> k == null || k.isBlank() ? null
        : Phonetic.sortedKey(List.of(k.split(" "))), DataTypes.StringType);
    spark.udf().register("bw_phon_family", (org.apache.spark.sql.api.java.UDF2<String, String, String>) (f, k) -> {
      String src = f != null && !f.isBlank() ? f : k;
      if (src == null || src.isBlank()) {
        return null;
      }
      String[] t = src.split(" ");
      return Phonetic.token(t[t.length - 1]);
    }, DataTypes.StringType);
  }

  /** Level counts over random pairs of mentions (records drawn in proportion to their mentions). */
  long[][] randomPairLevels(Dataset<Row> records, int pairs) {
    List<Row> all = records.select("record_id", "name_key", "family_key", "dob", "birth_year", "document", "phone",
        "nationality", "sex", "mentions").collectAsList();
    List<ResolveRecord> recs = new ArrayList<>(all.size());
    long[] cum = new long[all.size()];
    long c = 0;
    for (int i = 0; i < all.size(); i++) {
      recs.add(record(all.get(i), ""));
      c += all.get(i).getLong(9);
      cum[i] = c;
    }
    long[][] counts = new long[Comparisons.FIELDS][];
    for (Comparisons.Field f : Comparisons.Field.values()) {
      counts[f.ordinal()] = new long[f.levels()];
    }
    if (recs.size() < 2) {
      return counts;
    }
    SplittableRandom rnd = new SplittableRandom(20251);
    for (int i = 0; i < pairs; i++) {
      int a = pick(cum, rnd.nextLong(c));
      int b = pick(cum, rnd.nextLong(c));
      if (a == b) {
        continue; // the same record is (almost surely) the same person
      }
      int[] g = Comparisons.gamma(recs.get(a), recs.get(b));
      for (int f = 0; f < g.length; f++) {
        if (g[f] >= 0) {
          counts[f][g[f]]++;
        }
      }
    }
    return counts;
  }

  private static int pick(long[] cum, long x) {
    int i = java.util.Arrays.binarySearch(cum, x + 1);
    return i < 0 ? -i - 1 : i;
  }

  /**
   * The lowest probability threshold at which the accepted links' mean probability (their estimated
   * precision) still reaches the target; never below 0.5.
   */
  static double threshold(Dataset<Row> scored, double target) {
    List<Row> bins = scored.select(org.apache.spark.sql.functions.floor(col("match_probability").multiply(1000))
            .as("b"), col("match_probability"))
        .groupBy("b").agg(count(lit(1)).as("n"), org.apache.spark.sql.functions.sum("match_probability").as("s"))
        .orderBy(col("b").desc()).collectAsList();
    double n = 0;
    double s = 0;
    double best = 1.0;
    for (Row r : bins) {
      double nn = n + r.getLong(1);
      double ss = s + r.getDouble(2);
      double bin = r.getLong(0) / 1000.0;
      if (ss / nn < target || bin < 0.5) {
        break;
      }
      n = nn;
      s = ss;
      best = bin;
    }
    return best;
  }

  static String parameters(FellegiSunter m) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    for (Comparisons.Field f : Comparisons.Field.values()) {
      ObjectNode fn = root.putObject(f.name().toLowerCase(java.util.Locale.ROOT));
      for (int l = 0; l < f.levels(); l++) {
        ObjectNode ln = fn.putObject(f.level(l));
        ln.put("m", m.m(f.ordinal(), l));
        ln.put("u", m.u(f.ordinal(), l));
        ln.put("weight", m.weight(f.ordinal(), l));
      }
    }
    return root.toString();
  }
}
