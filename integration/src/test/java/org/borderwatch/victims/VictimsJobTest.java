package org.borderwatch.victims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.core.job.JobContext;
import org.borderwatch.evaluation.VictimsEvaluation;
import org.borderwatch.testing.ChainOrder;
import org.borderwatch.testing.EvidenceChecks;
import org.borderwatch.testing.SparkTest;
import org.borderwatch.testing.TinyChain;
import org.borderwatch.victims.VictimsJob;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The victims job on the tiny world as the pipeline ran it: feedback changing the next model, the same week again
 * once the feedback is withdrawn (the idempotent re-run, evaluated against the truth), then alerts and ad scores
 * with their evidence.
 */
@SparkTest
@Order(ChainOrder.VICTIMS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VictimsJobTest {
  static JobContext victimsCtx;
  static String victimsWeek;
  static Map<String, Double> victimMetrics;
  static List<Row> firstAlerts;
  static List<Row> firstAds;
  static final String ALERTS_Q = "select * from gold.victim_alerts order by week, person_key";
  static final String ADS_Q = "select * from gold.recruitment_ads order by post_id";

  @BeforeAll
  static void evaluateThePipelinesRun(SparkSession spark) throws Exception {
    TinyChain.ensure();
    victimsCtx = TinyChain.context("victims");
    victimsWeek = TinyChain.latestWeek("gold.victim_alerts");
    firstAlerts = spark.sql(ALERTS_Q).collectAsList();
    firstAds = spark.sql(ADS_Q).collectAsList();
  }

  @Test
  @Order(2)
  void alertsAreForProtectionAndEveryIndicatorNamesItsSourceRows(SparkSession spark) {
    List<Row> alerts = spark.sql("select person_key, likelihood, status, indicators, last_seen_place, language, "
        + "suggested_action from gold.victim_alerts where week = '" + victimsWeek + "'").collectAsList();
    assertEquals(234, alerts.size(), "the tiny world's protection alerts");
    int identified = 0;
    for (Row a : alerts) {
      assertTrue(a.getString(0).startsWith("PER-"), "pseudonymised: " + a);
      identified += a.getString(2).equals("identified") ? 1 : 0;
      List<Row> indicators = a.getList(3);
      assertFalse(indicators.isEmpty(), "an alert without indicators: " + a);
      assertFalse(a.isNullAt(4) || a.isNullAt(5) || a.isNullAt(6), "referral details: " + a);
    }
    assertEquals(55, identified, "identified victims (the rest are suspected)");
    // every indicator's evidence key leads to a gold.evidence row an analyst reads, and to its silver row
    int cited = EvidenceChecks.assertTraceable(spark, "victims", victimsWeek, "gold.victim_alerts", "indicators");
    assertTrue(cited >= alerts.size(), "evidence keys behind the alerts' indicators: " + cited);
    String comment = spark.sql("describe table extended gold.victim_alerts").where("col_name = 'Comment'")
        .first().getString(1);
    assertTrue(comment.startsWith("FOR PROTECTION AND REFERRAL ONLY"), comment);
    // the tiny world's figures (docs/victims.md has the small world's), each to within 0.005
    for (var e : Map.of("victim_pr_auc", 0.7890, "victim_precision_at_threshold", 0.7949,
        "victim_recall_at_threshold", 0.8942, "victim_pr_auc_keyword_baseline", 0.4345).entrySet()) {
      assertEquals(e.getValue(), victimMetrics.get(e.getKey()), 0.005, e.getKey() + " in " + victimMetrics);
    }
    assertTrue(victimMetrics.get("victim_pr_auc") > victimMetrics.get("victim_pr_auc_keyword_baseline") + 0.3,
        "the victim model beats the keyword baseline: " + victimMetrics);
    // one crew member the interdicting unit took for a migrant (a role guess gone wrong) is alerted for
    // screening: the records cannot tell him from the travellers beside him
    assertEquals(1.0, victimMetrics.get("alerts_true_offenders"), victimMetrics.toString());
    // the fair baselines and the model alone where it speaks (docs/victims.md's section is written from these): on
    // the tiny world, whose case files now err, the determinations as given with the operation's victim share (no
    // ML) rank persons worse than the model (PR-AUC 0.779 against 0.789); on the 192 travellers without a
    // determination the model ranks better than the share alone (0.746 against 0.712)
    assertEquals("given 0.7791/0.9087 model-only 192/140 0.7461/1.0000 share 0.7118/1.0000", String.format(java.util.Locale.ROOT, "given %.4f/%.4f model-only %.0f/%.0f %.4f/%.4f share "
        + "%.4f/%.4f", victimMetrics.get("victim_pr_auc_determinations_baseline"),
        victimMetrics.get("victim_recall_at_precision_0.7_determinations_baseline"),
        victimMetrics.get("victim_undetermined_persons"), victimMetrics.get("victim_undetermined_victims"),
        victimMetrics.get("victim_model_only_pr_auc"), victimMetrics.get("victim_model_only_recall_at_precision_0.7"),
        victimMetrics.get("victim_model_only_pr_auc_share_baseline"),
        victimMetrics.get("victim_model_only_recall_at_precision_0.7_share_baseline")));
    String page = org.borderwatch.evaluation.EvaluationDoc.victims(victimMetrics, "the tiny world", victimsWeek);
    assertEquals("| persons, model alone (travellers without a determination): recall at precision ≥ 0.70 "
        + "| 1.000 | operation's smoothed victim share 1.000 | the model is level with the best baseline, not better "
        + "(operation's smoothed victim share) | met (1.000 ≥ 0.80) |", org.borderwatch.testing.Pages.line(page,
            "| persons, model alone (travellers without a determination): recall at precision"));
    assertEquals("| persons, model alone: PR-AUC | 0.746 | operation's smoothed victim share 0.712 | the "
        + "model beats the best baseline (operation's smoothed victim share) | – |",
        org.borderwatch.testing.Pages.line(page, "| persons, model alone: PR-AUC"));
    // 20 weeks of posts are too few to hold out the last 26: the page says so rather than show a figure
    assertEquals("| ads: PR-AUC, temporal hold-out (model refitted before the last 26 weeks, scoring them) | – | "
        + "keywords – | not measurable on this run | not measured |",
        org.borderwatch.testing.Pages.line(page, "| ads: PR-AUC, temporal hold-out"));
  }

  @Test
  @Order(3)
  void adsCarryReasonsAndPseudonymisedContacts(SparkSession spark) {
    List<Row> flagged = spark.sql("select post_id, score, reasons, contacts from gold.recruitment_ads where flagged")
        .collectAsList();
    assertEquals(51, flagged.size(), "posts flagged as deceptive recruitment");
    for (Row r : flagged) {
      assertFalse(r.getList(2).isEmpty(), "a flagged post without reasons: " + r);
      for (Object c : r.getList(3)) {
        assertTrue(((String) c).startsWith("PHN-") || ((String) c).startsWith("HDL-"), "contact not pseudonymised: " + r);
      }
    }
    assertEquals(spark.sql("select count(*) from silver.social_posts where week <= '" + victimsWeek + "'").first().getLong(0),
        spark.sql("select count(*) from gold.recruitment_ads").first().getLong(0), "every post is scored once");
    // on the tiny world the ad model ranks posts better than counting keywords (0.811 against 0.756): the
    // figure is pinned so that a change shows; docs/victims.md reports the small world's
    assertEquals(0.8113, victimMetrics.get("ads_pr_auc"), 0.005, victimMetrics.toString());
    assertEquals(0.7559, victimMetrics.get("ads_pr_auc_keyword_baseline"), 0.005, victimMetrics.toString());
  }

  @Test
  @Order(1)
  void feedbackChangesTheNextModelAndWithdrawingItRestoresTheWeek(SparkSession spark) throws Exception {
    // an analyst dismisses the top ad known from a case file, confirms an unlabelled post the model scored low,
    // and dismisses an identified alert
    Row dismissAd = spark.sql("select post_id, score from gold.recruitment_ads where training_label = 'case_link' "
        + "order by score desc, post_id limit 1").first();
    Row confirmAd = spark.sql("select post_id, score from gold.recruitment_ads where training_label is null and "
        + "score < 0.2 and size(reasons) > 0 order by score desc, post_id limit 1").first();
    String dismissAlert = spark.sql("select person_key from gold.victim_alerts where week = '" + victimsWeek + "' and status "
        + "= 'identified' order by person_key limit 1").first().getString(0);
    spark.sql("insert into ops.victim_feedback values ('ad', '" + dismissAd.getString(0) + "', 'dismissed', 'test', "
        + "timestamp'2020-01-01 00:00:00', 'a real job'), ('ad', '" + confirmAd.getString(0) + "', 'confirmed', 'test', "
        + "timestamp'2020-01-01 00:00:00', 'recruiter known to us'), ('alert', '" + dismissAlert + "', 'dismissed', "
        + "'test', timestamp'2020-01-01 00:00:00', 'screened again: not a victim')");
    try {
      VictimsJob next = new VictimsJob();
      next.run(victimsCtx);
      assertEquals(2, next.ads().reviewed());
      double after = spark.sql("select score from gold.recruitment_ads where post_id = '" + dismissAd.getString(0)
          + "'").first().getDouble(0);
      assertTrue(after < dismissAd.getDouble(1), "dismissed: " + dismissAd + " -> " + after);
      double raised = spark.sql("select score from gold.recruitment_ads where post_id = '" + confirmAd.getString(0)
          + "'").first().getDouble(0);
      assertTrue(raised > confirmAd.getDouble(1), "confirmed: " + confirmAd + " -> " + raised);
      assertEquals(0L, spark.sql("select count(*) from gold.victim_alerts where week = '" + victimsWeek + "' and person_key = '"
          + dismissAlert + "'").first().getLong(0), "a dismissed alert is not raised again");
    } finally {
      spark.sql("delete from ops.victim_feedback where analyst = 'test'");
    }
    // the same inputs again: the pipeline's rows (the job is idempotent, and feedback withdrawn leaves no trace)
    new VictimsJob().run(victimsCtx);
    assertEquals(firstAlerts, spark.sql(ALERTS_Q).collectAsList());
    assertEquals(firstAds, spark.sql(ADS_Q).collectAsList());
    // evaluated now, while the job's scores are in the session: the later tests check the figures
    victimMetrics = VictimsEvaluation.evaluate(spark, TinyChain.truth(), victimsCtx.config());
  }
}
