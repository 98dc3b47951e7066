package org.borderwatch.victims;

import static org.apache.spark.sql.functions.callUDF;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.borderwatch.core.graph.GraphX;

/**
 * Person-level victim indicators and the victim-likelihood model. Reads the {@code bw_vs_*} source views
 * (see {@link VictimSql}) plus {@code bw_vs_ads} (post_id, flagged, contacts) and
 * {@code bw_vs_person_feedback} (entity_id, decision); leaves {@code bw_vic_features},
 * {@code bw_vic_indicators}, {@code bw_vic_last} and, after {@link #score}, {@code bw_vic_scored}.
 */
public final class VictimAnalysis {
  private VictimAnalysis() {}

  /** Model features, in vector order, with the words a reason uses for each. */
  static final String[] FEATURES = {"groups", "official", "intercepted", "victim_share", "assessed_others",
      "trafficking_cases", "cases", "flagged_ads", "female", "minor", "stateless", "borrowed_document"};
  static final String[] WORDS = {"travelled in groups", "crossed a checkpoint in a group", "intercepted in a group",
      "share of victims among the operation's assessed travellers", "travellers of the operation assessed",
      "share of the operation's cases that are trafficking or forced labour", "cases against the operation",
      "deceptive ads linked to the operation", "female", "minor", "stateless", "crossed on a certificate, not a passport"};

  /** What the model learnt. */
  public record Fit(long trained, long positives, long candidates, long components, long largestComponent) {}

  /** Builds groups, components, determinations, features, indicators and last sightings. */
  public static void derive(SparkSession spark) {
    spark.sql(VictimSql.MEMBERS).localCheckpoint().createOrReplaceTempView("bw_vic_members");
    Dataset<Row> edges = spark.sql(VictimSql.EDGES).localCheckpoint();
    edges.createOrReplaceTempView("bw_vic_edges");
    GraphX.connectedComponents(spark, edges).createOrReplaceTempView("bw_vic_cc");
    spark.sql(VictimSql.GROUP_COMPONENT).localCheckpoint().createOrReplaceTempView("bw_vic_group_cc");
    spark.sql(VictimSql.DETERMINATION).localCheckpoint().createOrReplaceTempView("bw_vic_det");
    spark.sql(VictimSql.GROUP_STATS).localCheckpoint().createOrReplaceTempView("bw_vic_gs");
    spark.sql(VictimSql.COMPONENT_STATS).localCheckpoint().createOrReplaceTempView("bw_vic_cs");
    spark.sql(VictimSql.FEATURES).localCheckpoint().createOrReplaceTempView("bw_vic_features");
    spark.sql(VictimSql.INDICATORS).localCheckpoint().createOrReplaceTempView("bw_vic_indicators");
    spark.sql(VictimSql.LAST_SEEN).localCheckpoint().createOrReplaceTempView("bw_vic_last");
  }

  /**
   * Trains the victim-likelihood model on persons someone has assessed (named victim or witness in a case,
   * screened, or reviewed by an analyst) and scores every traveller. A human determination stands: the
   * likelihood of an assessed person is 1 (victim) or 0 (not); the model speaks for the others.
   */
  public static Fit score(SparkSession spark) {
    Dataset<Row> f = new VectorAssembler().setInputCols(FEATURES).setOutputCol("features")
        .transform(spark.table("bw_vic_features"));
    Dataset<Row> train = f.where("determined >= 0").withColumn("label", expr("cast(determined as double)"));
    Row counts = train.select(expr("count(*)"), expr("count_if(label = 1)")).first();
    long n = counts.getLong(0);
    long pos = counts.getLong(1);
    if (pos == 0 || pos == n) {
      throw new IllegalStateException("The victim-likelihood model needs assessed persons of both outcomes (victims "
          + "and non-victims named in cases or screened); found " + n + " assessed, " + pos + " victims. Ingest the "
          + "case files and screenings first.");
    }
    LogisticRegressionModel lr = new LogisticRegression().setMaxIter(50).setRegParam(0.01).setElasticNetParam(0)
        .setTol(1e-6).fit(train);
    double[] coef = lr.coefficients().toArray();
    double[] mean = new double[FEATURES.length];
    List<org.apache.spark.sql.Column> avgs = new ArrayList<>();
    for (String c : FEATURES) {
      avgs.add(expr("avg(" + c + ")"));
    }
    Row m = train.select(avgs.toArray(new org.apache.spark.sql.Column[0])).first();
    for (int i = 0; i < mean.length; i++) {
      mean[i] = m.getDouble(i);
    }
    spark.udf().register("bw_vic_reasons", (UDF1<org.apache.spark.ml.linalg.Vector, List<String>>) v -> reasons(
        v.toArray(), coef, mean), DataTypes.createArrayType(DataTypes.StringType));
    Dataset<Row> scored = lr.transform(f)
        .withColumn("p", org.apache.spark.sql.functions.round(AdModel.P1, 4))
        .withColumn("likelihood", expr("case when determined = 1 then 1.0 when determined = 0 then 0.0 else p end"))
        .withColumn("reasons", callUDF("bw_vic_reasons", col("features")))
        .drop("features", "rawPrediction", "probability", "prediction")
        .localCheckpoint();
    scored.createOrReplaceTempView("bw_vic_scored");
    Row c = scored.select(expr("count(*)"), expr("count(distinct component)")).first();
    Row big = spark.sql("select coalesce(max(travellers), 0) from bw_vic_cs").first();
    return new Fit(n, pos, c.getLong(0), c.getLong(1), big.getLong(0));
  }

  /** The features that raised a person's likelihood most against the average assessed person. */
  static List<String> reasons(double[] x, double[] coef, double[] mean) {
    List<double[]> parts = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      double c = coef[i] * (x[i] - mean[i]);
      if (c > 0.05) {
        parts.add(new double[] {i, c});
      }
    }
    parts.sort((a, b) -> a[1] != b[1] ? Double.compare(b[1], a[1]) : Double.compare(a[0], b[0]));
    List<String> out = new ArrayList<>();
    for (int k = 0; k < Math.min(3, parts.size()); k++) {
      int i = (int) parts.get(k)[0];
      out.add(String.format(Locale.ROOT, "%s: %s (+%.2f log-odds)", WORDS[i], value(FEATURES[i], x[i]),
          parts.get(k)[1]));
    }
    return out;
  }

  private static String value(String feature, double v) {
    return switch (feature) {
      case "victim_share", "trafficking_cases" -> String.format(Locale.ROOT, "%.2f", v);
      case "groups", "assessed_others", "cases", "flagged_ads" -> String.format(Locale.ROOT, "%.0f", Math.expm1(v));
      default -> v > 0 ? "yes" : "no";
    };
  }
}
