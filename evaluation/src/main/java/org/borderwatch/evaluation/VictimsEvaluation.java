package org.borderwatch.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.common.metrics.Metrics;
import org.borderwatch.core.config.BorderwatchConfig;
import org.borderwatch.core.config.ConfigKeys;
import org.borderwatch.evaluation.NetworksEvaluation;

/**
 * Accuracy of a victims run against the simulator's truth (run right after {@link VictimsJob} in the same
 * session: it reads the job's views), with keyword-list baselines scored on the same posts and persons.
 * Each resolved person is the true person most of its mentions belong to.
 */
public final class VictimsEvaluation {
  private VictimsEvaluation() {}

  /** Warning words a keyword search of screening notes and case narratives would use. */
  static final List<String> VICTIM_KEYWORDS = List.of("victim", "rescued", "debt", "passport was taken",
      "documents were kept", "not paid", "withheld", "locked", "not allowed to leave", "beaten", "threatened",
      "forced", "abuse", "no day off");

  static final double CHOSEN_AD_PRECISION = 0.9;
  static final double CHOSEN_VICTIM_PRECISION = 0.7;

  /** Weeks of posts held out at the end for the ads' temporal hold-out (as many as the backtest forecasts). */
  static final int AD_HOLDOUT_WEEKS = 26;

  /**
   * The ads' temporal hold-out: the ad model refitted on the posts of the weeks before the last
   * {@link #AD_HOLDOUT_WEEKS} (with the weak labels of the run's week: a case filed later can label an earlier
   * post) scores the posts of those last weeks, whose labels it never saw; PR-AUC against the truth, beside the
   * keyword count on the same posts.
   */
  static void temporalHoldOut(SparkSession spark, BorderwatchConfig cfg, Map<String, Double> out) {
    Dataset<Row> posts = spark.table("bw_vic_posts");
    List<String> weeks = posts.select("week").distinct().orderBy("week").as(org.apache.spark.sql.Encoders.STRING())
        .collectAsList();
    if (weeks.size() <= AD_HOLDOUT_WEEKS + 4) {
      out.put("ads_pr_auc_temporal_holdout", Double.NaN);
      out.put("ads_pr_auc_temporal_holdout_keyword_baseline", Double.NaN);
      return;
    }
    String cut = weeks.get(weeks.size() - AD_HOLDOUT_WEEKS);
    Dataset<Row> before = posts.where(org.apache.spark.sql.functions.col("week").lt(cut));
    Dataset<Row> after = posts.where(org.apache.spark.sql.functions.col("week").geq(cut));
    org.borderwatch.victims.AdModel.fit(spark, before, after, cfg.get(ConfigKeys.VICTIM_AD_MIN_DF)).scored()
        .createOrReplaceTempView("bw_eval_ads_later");
    List<Row> later = spark.sql("select s.post_id, s.score, cast(s.keyword_hits as double), "
        + "coalesce(t.deceptive, false), false from bw_eval_ads_later s left join bw_eval_posts t "
        + "on t.post_id = s.post_id").collectAsList();
    Scored h = Scored.of(later, false);
    out.put("ads_temporal_holdout_posts", (double) h.size());
    out.put("ads_pr_auc_temporal_holdout", h.prAuc(h.model));
    out.put("ads_pr_auc_temporal_holdout_keyword_baseline", h.prAuc(h.baseline));
  }

  public static Map<String, Double> evaluate(SparkSession spark, String truthDir, BorderwatchConfig cfg) {
    NetworksEvaluation.registerTruePersons(spark, truthDir);
    spark.read().parquet(truthDir + "/posts").createOrReplaceTempView("bw_eval_posts");
    Map<String, Double> out = new LinkedHashMap<>();
    double adThreshold = cfg.get(ConfigKeys.VICTIM_AD_THRESHOLD);
    double alertThreshold = cfg.get(ConfigKeys.VICTIM_ALERT_THRESHOLD);

    List<Row> ads = spark.sql("select s.post_id, s.score, cast(s.keyword_hits as double), coalesce(t.deceptive, false), "
        + "s.label = 1 or s.reviewed is not null from bw_vic_ad_scores s left join bw_eval_posts t on t.post_id = s.post_id")
        .collectAsList();
    Scored all = Scored.of(ads, false);
    Scored unlabelled = Scored.of(ads, true);
    out.put("ads_posts", (double) all.size());
    out.put("ads_deceptive", (double) all.positives());
    out.put("ads_pr_auc", all.prAuc(all.model));
    out.put("ads_pr_auc_keyword_baseline", all.prAuc(all.baseline));
    out.put("ads_pr_auc_unlabelled_posts", unlabelled.prAuc(unlabelled.model));
    out.put("ads_pr_auc_unlabelled_keyword_baseline", unlabelled.prAuc(unlabelled.baseline));
    temporalHoldOut(spark, cfg, out);
    out.put("ads_recall_at_precision_0.9", all.recallAtPrecision(all.model, CHOSEN_AD_PRECISION));
    out.put("ads_recall_at_precision_0.9_baseline", all.recallAtPrecision(all.baseline, CHOSEN_AD_PRECISION));
    out.put("ads_precision_at_threshold", all.precisionAt(all.model, adThreshold));
    out.put("ads_recall_at_threshold", all.recallAt(all.model, adThreshold));

    // persons: every resolved person with a crossing, interdiction, case or screening record
    StringBuilder kw = new StringBuilder("0");
    for (String k : VICTIM_KEYWORDS) {
      kw.append(" + cast(lower(txt) like '%").append(k).append("%' as int)");
    }
    spark.sql("""
        with txt as (
          select m.entity_id, s.notes txt from bw_vs_mentions m join silver.victim_screenings s on s.screening_id = m.record_id
            where m.source = 'screening'
          union all select m.entity_id, c.narrative from bw_vs_mentions m join silver.cases c on c.case_id = m.record_id
            where m.source = 'case')
        select entity_id, sum(%s) hits from txt group by entity_id""".formatted(kw))
        .createOrReplaceTempView("bw_eval_victim_keywords");
    // one pass over the persons: the model's likelihood, the keyword baseline and, last, the baseline without ML
    // (the determinations as given, else the operation's smoothed victim share)
    List<Row> persons = spark.sql("select c.entity_id, coalesce(s.likelihood, 0.0), cast(coalesce(k.hits, 0) as double), "
        + "coalesce(p.victim, false), false, cast(coalesce(case when s.determined = 1 then 1 when s.determined = 0 "
        + "then 0 else s.victim_share end, 0) as double) from (select distinct entity_id from bw_vs_mentions where "
        + "source in ('checkpoint', 'interdiction', 'case', 'screening')) c left join bw_vic_scored s on s.entity_id = "
        + "c.entity_id left join bw_eval_victim_keywords k on k.entity_id = c.entity_id left join bw_eval_entity e on "
        + "e.entity_id = c.entity_id left join bw_eval_persons p on p.person_id = e.person_id").collectAsList();
    Scored v = Scored.of(persons, false);
    out.put("persons", (double) v.size());
    out.put("persons_victims", (double) v.positives());
    out.put("victim_pr_auc", v.prAuc(v.model));
    out.put("victim_pr_auc_keyword_baseline", v.prAuc(v.baseline));
    out.put("victim_recall_at_precision_0.7", v.recallAtPrecision(v.model, CHOSEN_VICTIM_PRECISION));
    out.put("victim_recall_at_precision_0.7_baseline", v.recallAtPrecision(v.baseline, CHOSEN_VICTIM_PRECISION));
    Scored g = Scored.of(persons, false, 5);
    out.put("victim_pr_auc_determinations_baseline", g.prAuc(g.baseline));
    out.put("victim_recall_at_precision_0.7_determinations_baseline", g.recallAtPrecision(g.baseline,
        CHOSEN_VICTIM_PRECISION));
    // the model alone, where it speaks: travellers without a determination (model p; baseline: victim share)
    List<Row> modelOnly = spark.sql("select s.entity_id, cast(s.p as double), cast(s.victim_share as double), "
        + "coalesce(p.victim, false), false from "
        + "bw_vic_scored s left join bw_eval_entity e on e.entity_id = s.entity_id left join bw_eval_persons p on "
        + "p.person_id = e.person_id where s.determined < 0").collectAsList();
    Scored mo = Scored.of(modelOnly, false);
    out.put("victim_undetermined_persons", (double) mo.size());
    out.put("victim_undetermined_victims", (double) mo.positives());
    out.put("victim_model_only_pr_auc", mo.prAuc(mo.model));
    out.put("victim_model_only_recall_at_precision_0.7", mo.recallAtPrecision(mo.model, CHOSEN_VICTIM_PRECISION));
    out.put("victim_model_only_pr_auc_share_baseline", mo.prAuc(mo.baseline));
    out.put("victim_model_only_recall_at_precision_0.7_share_baseline", mo.recallAtPrecision(mo.baseline,
        CHOSEN_VICTIM_PRECISION));
    out.put("victim_precision_at_threshold", v.precisionAt(v.model, alertThreshold));
    out.put("victim_recall_at_threshold", v.recallAt(v.model, alertThreshold));
    // calibration of the model where it speaks: travellers nobody assessed
    List<Row> und = spark.sql("select s.p, coalesce(p.victim, false) from bw_vic_scored s left join bw_eval_entity e on "
        + "e.entity_id = s.entity_id left join bw_eval_persons p on p.person_id = e.person_id where s.determined < 0")
        .collectAsList();
    double[] pu = new double[und.size()];
    boolean[] yu = new boolean[und.size()];
    for (int i = 0; i < pu.length; i++) {
      pu[i] = und.get(i).getDouble(0);
      yu[i] = und.get(i).getBoolean(1);
    }
    out.put("victim_model_undetermined", (double) pu.length);
    out.put("victim_model_brier_undetermined", Metrics.brier(pu, yu));
    out.put("victim_model_ece_undetermined", Metrics.ece(Metrics.calibration(pu, yu, 10)));
    out.put("alerts_true_offenders", spark.sql("select count(*) from bw_vic_scored s join bw_eval_entity e on "
        + "e.entity_id = s.entity_id join bw_eval_persons p on p.person_id = e.person_id where s.likelihood >= "
        + alertThreshold + " and p.role not in ('victim', 'migrant', 'legit', 'family')").first().getLong(0) * 1.0);
    return out;
  }

  /** Scores of the model and the baseline with the true label, in a fixed order. */
  record Scored(double[] model, double[] baseline, boolean[] y, long[] tie) {
    static Scored of(List<Row> rows, boolean unlabelledOnly) {
      return of(rows, unlabelledOnly, 2);
    }

    /** Rows: id, model score, (column 2) baseline, label, labelled; {@code baselineColumn} picks another baseline. */
    static Scored of(List<Row> rows, boolean unlabelledOnly, int baselineColumn) {
      List<Row> keep = new ArrayList<>();
      for (Row r : rows) {
        if (!unlabelledOnly || !r.getBoolean(4)) {
          keep.add(r);
        }
      }
      int n = keep.size();
      double[] m = new double[n];
      double[] b = new double[n];
      boolean[] y = new boolean[n];
      long[] t = new long[n];
      for (int i = 0; i < n; i++) {
        Row r = keep.get(i);
        m[i] = r.getDouble(1);
        b[i] = r.getDouble(baselineColumn);
        y[i] = r.getBoolean(3);
        t[i] = Metrics.tieKey(r.getString(0), 17);
      }
      return new Scored(m, b, y, t);
    }

    int size() {
      return y.length;
    }

    int positives() {
      int p = 0;
      for (boolean b : y) {
        p += b ? 1 : 0;
      }
      return p;
    }

    double prAuc(double[] s) {
      return Metrics.prAuc(s, y, tie);
    }

    /** Highest recall at a score threshold whose precision is at least {@code min} (cuts between distinct scores). */
    double recallAtPrecision(double[] s, double min) {
      return Metrics.recallAtPrecision(s, y, min);
    }

    double precisionAt(double[] s, double threshold) {
      int tp = 0;
      int flagged = 0;
      for (int i = 0; i < s.length; i++) {
        if (s[i] >= threshold) {
          flagged++;
          tp += y[i] ? 1 : 0;
        }
      }
      return flagged == 0 ? Double.NaN : (double) tp / flagged;
    }

    double recallAt(double[] s, double threshold) {
      int tp = 0;
      for (int i = 0; i < s.length; i++) {
        tp += s[i] >= threshold && y[i] ? 1 : 0;
      }
      int pos = positives();
      return pos == 0 ? Double.NaN : (double) tp / pos;
    }
  }

  /** Counts and mean scores by true kind of post and true role of person. */
  public static List<String> errorAnalysis(SparkSession spark) {
    List<String> lines = new ArrayList<>();
    lines.add("posts by true kind | posts | mean score | flagged share | labelled share | mean keyword hits");
    for (Row r : spark.sql("select coalesce(t.kind, 'unknown'), count(*), avg(s.score), avg(cast(s.score >= 0.5 as int)), "
        + "avg(cast(s.label = 1 as int)), avg(s.keyword_hits) from bw_vic_ad_scores s left join bw_eval_posts t on "
        + "t.post_id = s.post_id group by 1 order by 2 desc").collectAsList()) {
      lines.add(String.format(Locale.ROOT, "%s | %d | %.3f | %.3f | %.3f | %.2f", r.getString(0), r.getLong(1),
          r.getDouble(2), r.getDouble(3), r.getDouble(4), r.getDouble(5)));
    }
    lines.add("persons by true role | scored | determined victim | determined not | mean likelihood of undetermined "
        + "| alerted | mean victim share | mean trafficking cases | in a group");
    for (Row r : spark.sql("select coalesce(p.role, 'unknown'), count(*), count_if(s.determined = 1), "
        + "count_if(s.determined = 0), avg(case when s.determined < 0 then s.p end), count_if(s.likelihood >= 0.5), "
        + "avg(s.victim_share), avg(s.trafficking_cases), avg(cast(s.groups > 0 as int)) from bw_vic_scored s "
        + "left join bw_eval_entity e on e.entity_id = s.entity_id left join bw_eval_persons p on p.person_id = "
        + "e.person_id group by 1 order by 2 desc").collectAsList()) {
      lines.add(String.format(Locale.ROOT, "%s | %d | %d | %d | %.3f | %d | %.3f | %.3f | %.3f", r.getString(0),
          r.getLong(1), r.getLong(2), r.getLong(3), r.isNullAt(4) ? Double.NaN : r.getDouble(4), r.getLong(5),
          r.getDouble(6), r.getDouble(7), r.getDouble(8)));
    }
    lines.add("undetermined travellers in groups by true role and evidence about their operation | persons | mean "
        + "likelihood | mean victim share | mean trafficking-case share | mean flagged ads");
    for (Row r : spark.sql("select coalesce(p.role, 'unknown'), case when s.assessed_others > 0 then 'assessed co-travellers' "
        + "when s.cases > 0 then 'cases only' else 'nothing known' end, count(*), avg(s.p), avg(s.victim_share), "
        + "avg(s.trafficking_cases), avg(exp(s.flagged_ads) - 1) from bw_vic_scored s left join bw_eval_entity e on "
        + "e.entity_id = s.entity_id left join bw_eval_persons p on p.person_id = e.person_id where s.determined < 0 "
        + "and s.groups > 0 group by 1, 2 order by 1, 2").collectAsList()) {
      lines.add(String.format(Locale.ROOT, "%s | %s | %d | %.3f | %.3f | %.3f | %.2f", r.getString(0), r.getString(1),
          r.getLong(2), r.getDouble(3), r.getDouble(4), r.getDouble(5), r.getDouble(6)));
    }
    return lines;
  }
}
