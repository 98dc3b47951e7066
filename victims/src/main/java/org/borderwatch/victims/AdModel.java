package org.borderwatch.victims;

import static org.apache.spark.sql.functions.callUDF;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.feature.CountVectorizer;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

/**
 * The deceptive-recruitment text model: words and word pairs of {@link AdText} weighted by TF-IDF, plus the
 * pay and contact patterns, into a logistic regression (Spark MLlib).
 *
 * <p>Labels are weak: a post is a known positive when a phone or handle in it (or its author) appears in a
 * law-enforcement case (a number named in a case file, or a handle of a person named as a suspect), or when an
 * analyst confirmed it; a known negative when an analyst dismissed it; every other post is unlabelled. A
 * classifier of labelled against unlabelled ranks posts like one of deceptive against honest when the known
 * positives are a fair sample of all deceptive posts (Elkan and Noto, 2008); its output divided by the share
 * of deceptive posts that are labelled — estimated as the mean output on held-out known positives — is the
 * probability that a post is deceptive. The model is fitted on four fifths of the posts (every reviewed post
 * included) and the share estimated on the other fifth.
 */
public final class AdModel {
  private AdModel() {}

  /** Model outputs: scored posts and what the fit learnt. */
  public record Result(Dataset<Row> scored, double labelledShare, int vocabulary, long posts, long positives,
      long reviewed) {}

  static final String TERMS = "bw_ad_terms";
  /** The probability of the positive class. */
  static final org.apache.spark.sql.Column P1 = org.apache.spark.ml.functions.vector_to_array(col("probability"),
      "float64").getItem(1);
  static final String PATTERNS = "bw_ad_patterns";
  static final String KEYWORDS = "bw_ad_keyword_hits";

  public static void register(SparkSession spark) {
    spark.udf().register(TERMS, (UDF1<String, List<String>>) AdText::terms,
        DataTypes.createArrayType(DataTypes.StringType));
    spark.udf().register(PATTERNS, (UDF1<String, double[]>) AdText::patterns,
        DataTypes.createArrayType(DataTypes.DoubleType));
    spark.udf().register(KEYWORDS, (UDF1<String, Integer>) AdText::keywordHits, DataTypes.IntegerType);
  }

  private static Pipeline pipeline(int minDf) {
    CountVectorizer cv = new CountVectorizer().setInputCol("terms").setOutputCol("tf").setMinDF(minDf)
        .setVocabSize(1 << 16).setBinary(true);
    IDF idf = new IDF().setInputCol("tf").setOutputCol("tfidf");
    VectorAssembler va = new VectorAssembler().setInputCols(new String[] {"tfidf", "pat"}).setOutputCol("features");
    LogisticRegression lr = new LogisticRegression().setLabelCol("label").setWeightCol("weight")
        .setFeaturesCol("features").setMaxIter(60).setRegParam(0.002).setElasticNetParam(0.0).setTol(1e-7);
    return new Pipeline().setStages(new PipelineStage[] {cv, idf, va, lr});
  }

  /**
   * @param posts post_id, week, text, label (1 known positive, 0 otherwise), weight, reviewed (an analyst's
   *     decision: true, false or null)
   */
  public static Result fit(SparkSession spark, Dataset<Row> posts, int minDf) {
    return fit(spark, posts, null, minDf);
  }

  /**
   * Fits on {@code posts} and scores {@code toScore} (the fitted posts themselves when null): a temporal
   * hold-out fits on the weeks before a cut-off and scores the weeks after it.
   */
  public static Result fit(SparkSession spark, Dataset<Row> posts, Dataset<Row> toScore, int minDf) {
    register(spark);
    Dataset<Row> in = features(posts);
    Dataset<Row> target = toScore == null ? in : features(toScore);
    // One fit on four fifths of the posts; the share of deceptive posts that carry a label is its mean output on
    // the held-out fifth's known positives (a refit on all posts would double the cost for little gain).
    Dataset<Row> train = in.where("pmod(xxhash64(post_id), 5) <> 0 or reviewed is not null");
    Dataset<Row> held = in.where("pmod(xxhash64(post_id), 5) = 0 and label = 1 and reviewed is null");
    PipelineModel model = pipeline(minDf).fit(train);
    // an empty frame cannot go through the assembler (it infers vector sizes from a first row): with no held-out
    // positive the share is taken as 1, as with fewer than five
    Row c = held.isEmpty() ? null : model.transform(held).select(org.apache.spark.sql.functions.avg(P1),
        expr("count(*)")).first();
    double share = c == null || c.isNullAt(0) || c.getLong(1) < 5 ? 1.0 : Math.max(0.05, c.getDouble(0));
    CountVectorizerModel cv = (CountVectorizerModel) model.stages()[0];
    LogisticRegressionModel lr = (LogisticRegressionModel) model.stages()[3];
    String[] vocab = cv.vocabulary();
    double[] coef = lr.coefficients().toArray();
    spark.udf().register("bw_ad_reasons", (UDF1<Vector, List<String>>) v -> reasons(v, coef, vocab),
        DataTypes.createArrayType(DataTypes.StringType));
    Dataset<Row> scored = model.transform(target)
        .withColumn("p_labelled", P1)
        .withColumn("score", expr("round(least(1.0, p_labelled / " + share + "), 4)"))
        .withColumn("reasons", callUDF("bw_ad_reasons", col("features")))
        .withColumn("keyword_hits", callUDF(KEYWORDS, col("text")))
        .select("post_id", "week", "score", "reasons", "keyword_hits", "label", "reviewed")
        .localCheckpoint();
    Row counts = in.select(expr("count(*)"), expr("count_if(label = 1)"), expr("count_if(reviewed is not null)"))
        .first();
    return new Result(scored, share, vocab.length, counts.getLong(0), counts.getLong(1), counts.getLong(2));
  }

  private static Dataset<Row> features(Dataset<Row> posts) {
    return posts.withColumn("terms", callUDF(TERMS, col("text")))
        .withColumn("pat", org.apache.spark.ml.functions.array_to_vector(callUDF(PATTERNS, col("text"))))
        .localCheckpoint();
  }

  /** The phrases and patterns that pushed a post's score up most, strongest first (at most four). */
  static List<String> reasons(Vector v, double[] coef, String[] vocab) {
    List<double[]> parts = new ArrayList<>();
    int[] idx;
    double[] val;
    if (v instanceof SparseVector sv) {
      idx = sv.indices();
      val = sv.values();
    } else {
      val = v.toArray();
      idx = new int[val.length];
      for (int i = 0; i < idx.length; i++) {
        idx[i] = i;
      }
    }
    for (int k = 0; k < idx.length; k++) {
      double contribution = coef[idx[k]] * val[k];
      if (contribution > 0.05) {
        parts.add(new double[] {idx[k], contribution});
      }
    }
    parts.sort(Comparator.comparingDouble((double[] p) -> -p[1]).thenComparingDouble(p -> p[0]));
    List<String> out = new ArrayList<>();
    for (int k = 0; k < Math.min(4, parts.size()); k++) {
      int i = (int) parts.get(k)[0];
      String what = i < vocab.length ? "phrase \"" + vocab[i] + "\"" : AdText.PATTERNS.get(i - vocab.length);
      out.add(String.format(java.util.Locale.ROOT, "%s (+%.2f)", what, parts.get(k)[1]));
    }
    return out;
  }
}
