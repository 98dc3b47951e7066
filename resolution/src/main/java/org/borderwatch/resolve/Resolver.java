package org.borderwatch.resolve;

import static org.apache.spark.sql.functions.call_udf;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.xxhash64;

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
import org.borderwatch.common.linkage.Blocking;
import org.borderwatch.common.linkage.FellegiSunter;
import org.borderwatch.common.linkage.LinkageSettings;
import org.borderwatch.common.linkage.Phonetic;
import org.borderwatch.common.linkage.ResolveRecord;
import org.borderwatch.common.linkage.Threshold;
import org.borderwatch.core.job.Progress;
import scala.reflect.ClassTag$;

/**
 * The resolution engine, independent of where mentions come from (silver, or a CSV list of people):
 * distinct records, blocking, comparison vectors, unsupervised Fellegi–Sunter, a threshold from the
 * estimated precision, connected components on GraphX with a guard against chaining.
 *
 * <p>Input columns: mention_id, name_key, family_key, dob, birth_year, document, phone, nationality, sex, and
 * optionally email, city, address, postcode (conformed). What is compared, at which levels, and the blocking rules
 * are the {@link LinkageSettings}.
 */
public final class Resolver {
  /** Tunables (from configuration). */
  public record Settings(double targetPrecision, int maxBlock, int maxCluster, int randomPairs,
      LinkageSettings linkage) implements Serializable {}

  /** What a run produced. */
  public static final class Result {
    /** mention_id, record_id, cluster (the smallest mention id of the cluster) */
    public Dataset<Row> assignments;
    /** accepted links with explanations (columns of ResolveTables.ENTITY_LINKS minus entity_id, plus cluster) */
    public Dataset<Row> links;
    /** every accepted link before clustering (record_l, record_r, match_weight, ...): for incremental linkage */
    public Dataset<Row> accepted;
    /** all scored candidate pairs: record_l, record_r, match_probability (for evaluation) */
    public Dataset<Row> scored;
    public Map<String, Object> stats = new LinkedHashMap<>();
    public FellegiSunter model;
    /** the scored pairs at or above a probability, with their explanations */
    java.util.function.DoubleFunction<Dataset<Row>> explainedFrom;
    double threshold;

    /** Scored pairs below the accepted threshold but at or above p (for pair lists that show near misses). */
    public Dataset<Row> linksBelowThreshold(double p) {
      return explainedFrom.apply(p).filter(col("match_probability").lt(threshold));
    }
  }

  /** Assumed share of true matches that agree on a document, or on the name's tokens and the birth date. */
  static final double DETERMINISTIC_RECALL = 0.6;

  static final List<String> FIELDS = List.of("name_key", "family_key", "dob", "birth_year", "document", "phone",
      "nationality", "sex");

  /** Fields beyond the lakehouse's: in a record's signature only when present (a lakehouse's records keep theirs). */
  static final List<String> OPTIONAL = List.of("email", "city", "address", "postcode");

  /** Every compared column of a record, in the order records and block members carry them. */
  static final List<String> RECORD_COLUMNS = java.util.stream.Stream.concat(FIELDS.stream(), OPTIONAL.stream())
      .toList();

  private static Column[] cols(List<String> names) {
    return names.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
  }

  /** Blocking rules: name → key expression over the records. */
  static Map<String, Column> rules() {
    Map<String, Column> r = new LinkedHashMap<>();
    r.put("document", col("document"));
    r.put("phone", col("phone"));
    r.put("name+birth_year", concat_ws("|", col("phon_sorted"), col("birth_year")));
    r.put("name+nationality", concat_ws("|", col("phon_sorted"), coalesce(col("nationality"), lit("?"))));
    r.put("dob+family", concat_ws("|", col("dob").cast("string"), col("phon_family")));
    r.put("two_rarest_tokens", col("rare_token"));
    r.put("email", col("email"));
    r.put("dob", col("dob").cast("string"));
    r.put("postcode", col("postcode"));
    r.put("family", col("phon_family"));
    r.put("given", call_udf("bw_phon_first", col("name_key")));
    r.put("address", col("address"));
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

  public Result run(Dataset<Row> input) {
    Result res = new Result();
    LinkageSettings ls = settings.linkage();
    registerUdfs();
    Dataset<Row> mentions = input;
    for (String f : OPTIONAL) {
      if (!List.of(input.columns()).contains(f)) {
        mentions = mentions.withColumn(f, lit(null).cast("string"));
      }
    }

    // 1. distinct records: mentions that agree on every compared field are one record
    Progress.Stage st = progress.stage("resolve: distinct records");
    List<Column> sigCols = new ArrayList<>();
    FIELDS.forEach(f -> sigCols.add(coalesce(col(f).cast("string"), lit("\u0000"))));
    OPTIONAL.forEach(f -> sigCols.add(org.apache.spark.sql.functions.concat(lit("\u0002" + f), col(f))));
    Dataset<Row> withRecord = mentions.withColumn("record_id", sha2(concat_ws("\u0001", sigCols.toArray(
        Column[]::new)), 256).substr(1, 24)).persist(StorageLevel.MEMORY_AND_DISK());
    List<Column> aggs = new ArrayList<>();
    RECORD_COLUMNS.forEach(f -> aggs.add(org.apache.spark.sql.functions.first(f).as(f)));
    aggs.add(count(lit(1)).as("mentions"));
    aggs.add(min("mention_id").as("first_mention"));
    Dataset<Row> records = withRecord.groupBy("record_id").agg(aggs.get(0), aggs.subList(1, aggs.size())
            .toArray(Column[]::new))
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
        .withColumn("rid", xxhash64(col("record_id")))
        .persist(StorageLevel.MEMORY_AND_DISK());

    // 2. blocking keys; oversized blocks (any rule) are left out and counted
    Progress.Stage st2 = progress.stage("resolve: blocking and comparison");
    long blockStart = System.nanoTime();
    Dataset<Row> nameCount = records.filter(col("name_key").isNotNull()).groupBy("name_key")
        .agg(org.apache.spark.sql.functions.sum("mentions").as("name_count"));
    List<Column> keyCols = new ArrayList<>();
    Map<String, Column> rules = rules();
    for (String rule : ls.blocking()) { // in mask order
      Column k = rules.get(rule);
      keyCols.add(org.apache.spark.sql.functions.when(k.isNotNull().and(k.notEqual(""))
          .and(org.apache.spark.sql.functions.not(k.endsWith("|"))), k));
    }
    Dataset<Row> keyed = records.join(nameCount,
            scala.jdk.javaapi.CollectionConverters.asScala(List.of("name_key")).toSeq(), "left")
        .select(withRecordColumns(col("rid"), coalesce(col("name_count"), lit(0L)).as("name_count"),
            org.apache.spark.sql.functions.array(keyCols.toArray(Column[]::new)).as("keys")))
        .persist(StorageLevel.MEMORY_AND_DISK());
    long distinctRids = keyed.select("rid").distinct().count();
    if (distinctRids != nRecords) {
      throw new IllegalStateException("record ids collide in 64 bits (" + distinctRids + " of " + nRecords
          + "); resolve cannot continue");
    }
    Dataset<Row> ruleKeys = keyed.select(col("rid"), org.apache.spark.sql.functions.posexplode(col("keys"))
        .as(new String[] {"rule", "k"})).filter(col("k").isNotNull());
    java.util.Set<String> oversized = new java.util.HashSet<>();
    Map<String, Long> skipped = new LinkedHashMap<>();
    ls.blocking().forEach(r -> skipped.put(r, 0L));
    for (Row r : ruleKeys.groupBy("rule", "k").count().filter(col("count").gt(settings.maxBlock())).collectAsList()) {
      oversized.add(r.getInt(0) + "\u0001" + r.getString(1));
      skipped.merge(ls.blocking().get(r.getInt(0)), 1L, Long::sum);
    }
    Broadcast<java.util.Set<String>> big = spark.sparkContext().broadcast(oversized,
        ClassTag$.MODULE$.apply(java.util.Set.class));

    // 3. candidate pairs block by block, each produced once by the first rule that generates it, with its
    //    comparison vector: (rid_l, rid_r, rules mask, gamma, name count when the names agree exactly)
    Dataset<Row> blocks = keyed.select(org.apache.spark.sql.functions.posexplode(col("keys")).as(new String[] {"rule", "k"}),
            org.apache.spark.sql.functions.struct(withRecordColumns(col("rid"), col("name_count"), col("keys")))
                .as("m"))
        .filter(col("k").isNotNull())
        .groupBy("rule", "k").agg(org.apache.spark.sql.functions.collect_list("m").as("members"))
        .filter(org.apache.spark.sql.functions.size(col("members")).between(2, settings.maxBlock()));
    JavaRDD<Row> pairRows = blocks.toJavaRDD().flatMap(b -> {
      java.util.Set<String> skip = big.value();
      List<Row> ms = b.getList(2);
      List<Blocking.Member> block = new ArrayList<>(ms.size());
      for (Row m : ms) {
        block.add(member(m, skip));
      }
      List<Row> out = new ArrayList<>();
      Blocking.pairs(ls, b.getInt(0), block, (l, r, mask, gamma, nc) -> out.add(RowFactory.create(l, r, mask, gamma,
          nc)));
      return out.iterator();
    });
    Dataset<Row> pairs = spark.createDataFrame(pairRows, PAIRS).persist(StorageLevel.MEMORY_AND_DISK());

    // the pairs' patterns: (mask, gamma, name count) with their number — all later estimates work on these
    List<Row> combos = pairs.groupBy("mask", "gamma", "name_count").count().collectAsList();
    long nPairs = 0;
    long deterministic = 0;
    Map<String, Long> byRule = new LinkedHashMap<>();
    Map<String, Map<String, Long>> patternsByRule = new HashMap<>();
    for (Row r : combos) {
      int mask = r.getInt(0);
      int[] g = ls.decode(r.getInt(1));
      long n = r.getLong(3);
      nPairs += n;
      if (ls.deterministic(g)) {
        deterministic += n;
      }
      String code = FellegiSunter.encode(g);
      for (String rule : ls.rules(mask)) {
        byRule.merge(rule, n, Long::sum);
        patternsByRule.computeIfAbsent(rule, k -> new HashMap<>()).merge(code, n, Long::sum);
      }
    }
    double allPairs = nRecords * (nRecords - 1) / 2.0;
    res.stats.put("candidate_pairs", nPairs);
    res.stats.put("pair_reduction", allPairs == 0 ? 1.0 : 1 - nPairs / allPairs);
    res.stats.put("pairs_by_rule", byRule);
    res.stats.put("skipped_blocks", skipped);
    st2.done(String.format(java.util.Locale.ROOT, "%,d candidate pairs compared (reduction %.6f)", nPairs,
        (double) res.stats.get("pair_reduction")));

    // 4. u from random pairs of mentions; m by EM in one session per training rule, each blind to the
    //    fields its rule blocks on; the prior from the pairs FellegiSunter.deterministicMatch accepts
    st = progress.stage("resolve: estimate and threshold");
    int patternCount = (int) patternsByRule.values().stream().mapToLong(Map::size).sum();
    double[][] u = FellegiSunter.uFromCounts(randomPairLevels(records, settings.randomPairs()));
    FellegiSunter model = FellegiSunter.estimateBySessions(ls, patternsByRule, u,
        FellegiSunter.prior(deterministic, nRecords, DETERMINISTIC_RECALL));
    res.model = model;
    res.stats.put("lambda", model.lambda());
    res.stats.put("em_iterations", model.iterations());
    res.stats.put("parameters", parameters(model));

    // 5. every pair's probability follows from its pattern: the threshold from the estimated precision
    final double total = nMentions;
    List<double[]> scoredPatterns = new ArrayList<>(combos.size());
    for (Row r : combos) {
      int[] g = ls.decode(r.getInt(1));
      // a pair no link may rest on (settings: a name or an identifier must agree) is never accepted
      double p = ls.linkable(g) ? FellegiSunter.probability(model.matchWeight(g, r.getLong(2) / total)) : 0;
      scoredPatterns.add(new double[] {p, r.getLong(3)});
    }
    double target = ls.targetPrecision() != null ? ls.targetPrecision() : settings.targetPrecision();
    Threshold thr = Threshold.choose(scoredPatterns, target);
    double threshold = thr.probability();
    res.stats.put("compare_score_seconds", (System.nanoTime() - blockStart) / 1e9);
    res.stats.put("threshold", threshold);
    res.threshold = threshold;
    res.stats.put("estimated_precision", thr.estimatedPrecision());
    res.stats.put("accepted_links", thr.accepted());
    st.done(String.format(java.util.Locale.ROOT, "%d gamma patterns, prior %.2e, %d EM iterations, threshold %.3f",
        patternCount, model.lambda(), model.iterations(), threshold));

    st = progress.stage("resolve: cluster");
    Broadcast<FellegiSunter> bm = spark.sparkContext().broadcast(model, ClassTag$.MODULE$.apply(FellegiSunter.class));
    org.apache.spark.sql.expressions.UserDefinedFunction probability = org.apache.spark.sql.functions.udf(
        (org.apache.spark.sql.api.java.UDF2<Integer, Long, Double>) (g, nc) ->
            FellegiSunter.probability(bm.value().matchWeight(bm.value().settings().decode(g), nc / total)),
        DataTypes.DoubleType);
    org.apache.spark.sql.expressions.UserDefinedFunction linkable = org.apache.spark.sql.functions.udf(
        (UDF1<Integer, Boolean>) g -> bm.value().settings().linkable(bm.value().settings().decode(g)),
        DataTypes.BooleanType);
    Dataset<Row> ids = records.select("rid", "record_id");
    res.scored = withRecordIds(pairs.select(col("rid_l"), col("rid_r"),
        probability.apply(col("gamma"), col("name_count")).as("match_probability")), ids)
        .select("record_l", "record_r", "match_probability");
    res.explainedFrom = p -> explain(pairs.filter(probability.apply(col("gamma"), col("name_count"))
        .geq(p)), bm, total, ids);
    Dataset<Row> accepted = explain(pairs.filter(probability.apply(col("gamma"), col("name_count")).geq(threshold)
        .and(linkable.apply(col("gamma")))), bm, total, ids).persist(StorageLevel.MEMORY_AND_DISK());

    res.accepted = accepted;
    // 6. connected components on GraphX, then the chaining guard
    Clusters.Outcome clusters = Clusters.components(spark, records, accepted, settings.maxCluster(), ls);
    res.stats.put("clusters_split", clusters.split());
    res.assignments = withRecord.join(clusters.recordCluster(), "record_id").select("mention_id", "record_id",
        "cluster");
    res.links = clusters.keptLinks();
    res.stats.put("entities", clusters.clusters());
    st.done(String.format(java.util.Locale.ROOT, "%,d links accepted (est. precision %.4f), %,d entities, %d "
        + "clusters split", (long) res.stats.get("accepted_links"), (double) res.stats.get("estimated_precision"),
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
        r.getAs(p + "phone"), r.getAs(p + "nationality"), r.getAs(p + "sex"), r.getAs(p + "email"),
        r.getAs(p + "city"), r.getAs(p + "address"), r.getAs(p + "postcode"));
  }

  private void registerUdfs() {
    spark.udf().register("bw_phon_first", (UDF1<String, String>) k -> k == null || k.isBlank() ? null
        : Phonetic.token(k.split(" ")[0]), DataTypes.StringType);
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

  /** {@code first}, then every record column, then {@code rest}. */
  private static Column[] withRecordColumns(Column first, Column... rest) {
    List<Column> out = new ArrayList<>(List.of(first));
    out.addAll(List.of(cols(RECORD_COLUMNS)));
    out.addAll(List.of(rest));
    return out.toArray(Column[]::new);
  }

  /** Level counts over random pairs of mentions (records drawn in proportion to their mentions). */
  long[][] randomPairLevels(Dataset<Row> records, int pairs) {
    List<Row> all = records.select(withRecordColumns(col("record_id"), col("mentions"))).collectAsList();
    int mentionsAt = RECORD_COLUMNS.size() + 1;
    List<ResolveRecord> recs = new ArrayList<>(all.size());
    long[] cum = new long[all.size()];
    long c = 0;
    for (int i = 0; i < all.size(); i++) {
      recs.add(record(all.get(i), ""));
      c += all.get(i).getLong(mentionsAt);
      cum[i] = c;
    }
    LinkageSettings ls = settings.linkage();
    long[][] counts = new long[ls.size()][];
    for (int f = 0; f < counts.length; f++) {
      counts[f] = new long[ls.fields().get(f).levels().size()];
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
      int[] g = ls.gamma(recs.get(a), recs.get(b));
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


  /** Schema of the compact candidate pairs. */
  static final StructType PAIRS = DataTypes.createStructType(List.of(
      DataTypes.createStructField("rid_l", DataTypes.LongType, false),
      DataTypes.createStructField("rid_r", DataTypes.LongType, false),
      DataTypes.createStructField("mask", DataTypes.IntegerType, false),
      DataTypes.createStructField("gamma", DataTypes.IntegerType, false),
      DataTypes.createStructField("name_count", DataTypes.LongType, false)));

  /** A block member from its struct (rid, name_key, ..., sex, name_count, keys); oversized keys dropped. */
  static Blocking.Member member(Row m, java.util.Set<String> oversized) {
    Date dob = m.getAs("dob");
    ResolveRecord rec = ResolveRecord.of(null, m.getAs("name_key"), m.getAs("family_key"),
        dob == null ? null : dob.toLocalDate(), m.getAs("birth_year"), m.getAs("document"), m.getAs("phone"),
        m.getAs("nationality"), m.getAs("sex"), m.getAs("email"), m.getAs("city"), m.getAs("address"),
        m.getAs("postcode"));
    List<String> k = m.getList(m.fieldIndex("keys"));
    String[] keys = new String[k.size()];
    for (int r = 0; r < keys.length; r++) {
      String key = k.get(r);
      keys[r] = key == null || oversized.contains(r + "\u0001" + key) ? null : key;
    }
    return new Blocking.Member(m.getLong(0), rec, keys, m.getLong(m.fieldIndex("name_count")));
  }

  /** rid_l, rid_r → record_l, record_r (record ids, the smaller first), other columns kept. */
  static Dataset<Row> withRecordIds(Dataset<Row> pairs, Dataset<Row> ids) {
    Dataset<Row> j = pairs.join(ids.toDF("rid_l", "id_l"), "rid_l").join(ids.toDF("rid_r", "id_r"), "rid_r");
    List<Column> cols = new ArrayList<>(List.of(org.apache.spark.sql.functions.least(col("id_l"), col("id_r"))
        .as("record_l"), org.apache.spark.sql.functions.greatest(col("id_l"), col("id_r")).as("record_r")));
    for (String c : pairs.columns()) {
      if (!c.equals("rid_l") && !c.equals("rid_r")) {
        cols.add(col(c));
      }
    }
    return j.select(cols.toArray(Column[]::new));
  }

  /**
   * Every pair with its explanation: rules, weight, probability, each field's level and weight (both null for a field
   * these settings do not compare).
   */
  static Dataset<Row> explain(Dataset<Row> pairs, Broadcast<FellegiSunter> bm, double total, Dataset<Row> ids) {
    LinkageSettings.Field[] fields = LinkageSettings.Field.values();
    JavaRDD<Row> rows = pairs.toJavaRDD().map(r -> {
      FellegiSunter fs = bm.value();
      LinkageSettings ls = fs.settings();
      int[] g = ls.decode(r.getInt(3));
      double share = r.getLong(4) / total;
      double w = fs.matchWeight(g, share);
      boolean exactName = ls.exactName(g);
      Object[] out = new Object[7 + 2 * fields.length];
      out[0] = r.getLong(0);
      out[1] = r.getLong(1);
      out[2] = scala.jdk.javaapi.CollectionConverters.asScala(ls.rules(r.getInt(2))).toSeq();
      out[3] = w;
      out[4] = FellegiSunter.probability(w);
      for (int f = 0; f < fields.length; f++) {
        int p = ls.position(fields[f]);
        if (p < 0) {
          continue;
        }
        out[5 + f] = ls.levelLabel(p, g[p]);
        out[5 + fields.length + f] = fields[f] == LinkageSettings.Field.NAME && exactName ? fs.exactNameWeight(share)
            : fs.weight(p, g[p]);
      }
      out[5 + 2 * fields.length] = fs.prior();
      out[6 + 2 * fields.length] = exactName ? share : null;
      return RowFactory.create(out);
    });
    List<org.apache.spark.sql.types.StructField> sf = new ArrayList<>(List.of(
        DataTypes.createStructField("rid_l", DataTypes.LongType, false),
        DataTypes.createStructField("rid_r", DataTypes.LongType, false),
        DataTypes.createStructField("blocking_rules", DataTypes.createArrayType(DataTypes.StringType), true),
        DataTypes.createStructField("match_weight", DataTypes.DoubleType, false),
        DataTypes.createStructField("match_probability", DataTypes.DoubleType, false)));
    for (LinkageSettings.Field f : fields) {
      sf.add(DataTypes.createStructField(f.column() + "_level", DataTypes.StringType, true));
    }
    for (LinkageSettings.Field f : fields) {
      sf.add(DataTypes.createStructField("w_" + f.column(), DataTypes.DoubleType, true));
    }
    sf.add(DataTypes.createStructField("w_prior", DataTypes.DoubleType, true));
    sf.add(DataTypes.createStructField("name_tf", DataTypes.DoubleType, true));
    return withRecordIds(pairs.sparkSession().createDataFrame(rows, DataTypes.createStructType(sf)), ids);
  }

  static String parameters(FellegiSunter m) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    LinkageSettings ls = m.settings();
    for (int f = 0; f < ls.size(); f++) {
      ObjectNode fn = root.putObject(ls.fields().get(f).field().column());
      for (int l = 0; l < ls.fields().get(f).levels().size(); l++) {
        ObjectNode ln = fn.putObject(ls.levelLabel(f, l));
        ln.put("m", m.m(f, l));
        ln.put("u", m.u(f, l));
        ln.put("weight", m.weight(f, l));
      }
    }
    return root.toString();
  }
}
