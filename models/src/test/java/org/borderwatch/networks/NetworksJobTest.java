package org.borderwatch.networks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.core.config.BorderwatchConfig;
import org.borderwatch.core.config.ConfigKeys;
import org.borderwatch.core.job.JobContext;
import org.borderwatch.core.job.Progress;
import org.borderwatch.core.privacy.Pseudonymizer;
import org.borderwatch.core.testing.SparkTest;
import org.borderwatch.ingest.testing.TinyWorld;
import org.borderwatch.resolve.testing.TinyResolved;
import org.borderwatch.victims.VictimsEvaluation;
import org.borderwatch.victims.VictimsJob;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The victims and networks jobs on the tiny world, in pipeline order (one class: they share the runs): victim
 * alerts and ad scores with their evidence, feedback changing the next model, protection of victims (recorded
 * or alerted) from every offender ranking, network outputs and evidence, idempotence of both, evaluation.
 */
@SparkTest
class NetworksJobTest {
  static JobContext ctx;
  static String week;
  static Map<String, Double> metrics;
  static JobContext victimsCtx;
  static String victimsWeek;
  static Map<String, Double> victimMetrics;
  static List<Row> firstAlerts;
  static List<Row> firstAds;
  static final String ALERTS_Q = "select * from gold.victim_alerts order by week, person_key";
  static final String ADS_Q = "select * from gold.recruitment_ads order by post_id";

  @BeforeAll
  static void runOnce(SparkSession spark, BorderwatchConfig config) throws Exception {
    TinyResolved.ensure();
    ctx = JobContext.of(spark, config.with(Map.of("networks.pagerank-iterations", 8)), null, "networks",
        Progress.silent());
    // as in the pipeline: protection alerts first, so that the networks job keeps those persons out of its rankings
    victimsCtx = JobContext.of(spark, config, null, "victims", Progress.silent());
    VictimsJob victims = new VictimsJob();
    victims.run(victimsCtx);
    victimsWeek = victims.week().toString();
    victimMetrics = VictimsEvaluation.evaluate(spark, TinyWorld.truth(), config);
    firstAlerts = spark.sql(ALERTS_Q).collectAsList();
    firstAds = spark.sql(ADS_Q).collectAsList();
    NetworksJob job = new NetworksJob();
    job.run(ctx);
    week = job.week().toString();
    metrics = NetworksEvaluation.evaluate(spark, TinyWorld.truth(), week);
  }

  /** Everything the models module makes is in the lakehouse now (TrainScoreTest ran first): the reports' demo world. */
  @org.junit.jupiter.api.AfterAll
  static void saveTheDemoWorld() throws Exception {
    org.borderwatch.models.testing.TinyGold.saveIfComplete();
  }

  @Test
  void victimsAndTravellersAreNeverRanked(SparkSession spark, BorderwatchConfig config) {
    Pseudonymizer p = new Pseudonymizer(config.get(ConfigKeys.PSEUDONYM_KEY));
    Set<String> protectedKeys = new HashSet<>();
    for (Row r : spark.sql("select distinct me.entity_id from silver.person_mentions pm join silver.mention_entities "
        + "me on me.mention_id = pm.mention_id where pm.role_hint in ('victim', 'screened')").collectAsList()) {
      protectedKeys.add(p.token("per", r.getString(0)));
    }
    assertFalse(protectedKeys.isEmpty(), "the tiny world has victims");
    int recorded = protectedKeys.size();
    spark.sql("select distinct person_key from gold.victim_alerts").collectAsList()
        .forEach(r -> protectedKeys.add(r.getString(0)));
    assertTrue(protectedKeys.size() > recorded, "alerts add persons no record names as victim");
    List<Row> ranked = spark.sql("select person_key from gold.key_individuals where week = '" + week + "'")
        .collectAsList();
    assertFalse(ranked.isEmpty());
    for (Row r : ranked) {
      assertFalse(protectedKeys.contains(r.getString(0)), "a victim is ranked: " + r);
    }
    for (Row r : spark.sql("select person_key, role from gold.person_roles where week = '" + week + "' and not protect")
        .collectAsList()) {
      assertFalse(protectedKeys.contains(r.getString(0)), "a victim has an offender role: " + r);
    }
    // no mule account held by a protected person
    Set<String> heldByProtected = new HashSet<>();
    for (Row r : spark.sql("select distinct me.entity_id, pm.account_no from silver.person_mentions pm join "
        + "silver.mention_entities me on me.mention_id = pm.mention_id where pm.account_no is not null").collectAsList()) {
      if (protectedKeys.contains(p.token("per", r.getString(0)))) {
        heldByProtected.add(p.token("acc", r.getString(1)));
      }
    }
    for (Row r : spark.sql("select account_key from gold.mule_accounts where week = '" + week + "'").collectAsList()) {
      assertFalse(heldByProtected.contains(r.getString(0)), "a protected person's account is ranked as a mule: " + r);
    }
    assertEquals(0.0, metrics.get("victims_ranked"), "no true victim or migrant among key individuals");
  }

  @Test
  void everyRankCarriesReasonsTracedToSourceRows(SparkSession spark) {
    Set<String> known = new HashSet<>();
    spark.sql("select case_id from silver.cases union all select tx_id from silver.transactions union all select "
        + "interdiction_id from silver.interdictions union all select post_id from silver.social_posts").collectAsList()
        .forEach(r -> known.add(r.getString(0)));
    List<Row> rows = spark.sql("select rank, reasons from gold.key_individuals where week = '" + week
        + "' order by rank").collectAsList();
    int withEvidence = 0;
    for (Row r : rows) {
      List<Row> reasons = r.getList(1);
      assertFalse(reasons.isEmpty(), "rank " + r.getInt(0) + " has no reason");
      for (Row reason : reasons) {
        for (Object ev : reason.getList(1)) {
          assertTrue(known.contains((String) ev), "evidence " + ev + " is not a case, transaction, interdiction or post");
          withEvidence++;
        }
      }
    }
    assertTrue(withEvidence > 0);
    assertTrue(spark.sql("select count(*) from gold.mule_accounts where week = '" + week + "' and (size(reasons) = 0 "
        + "or account_key not like 'ACC-%')").first().getLong(0) == 0, "mules: pseudonymised, with reasons");
  }

  @Test
  void outputsDescribeTheNetworksAndRerunningChangesNothing(SparkSession spark) throws Exception {
    List<Row> nets = spark.sql("select * from gold.networks where week = '" + week + "' order by network_id")
        .collectAsList();
    assertFalse(nets.isEmpty());
    for (Row n : nets) {
      assertTrue(((String) n.getAs("network_id")).startsWith("NET-"));
      assertEquals("new", n.getAs("change"), "first analysed week: every network is new");
      assertTrue((Integer) n.getAs("size") >= 2);
    }
    // the three levels aggregate the same transfers: equal totals, and there is money
    List<Row> levels = spark.sql("select level, round(sum(amount_usd), 0), sum(transactions) from gold.money_flows "
        + "where week = '" + week + "' group by level order by level").collectAsList();
    assertEquals(3, levels.size(), levels.toString());
    assertTrue(levels.get(0).getDouble(1) > 0, levels.toString());
    for (Row l : levels) {
      assertEquals(levels.get(0).getDouble(1), l.getDouble(1), 1.0, levels.toString());
      assertEquals(levels.get(0).getLong(2), l.getLong(2), levels.toString());
    }
    List<Row> key = spark.sql("select * from gold.key_individuals where week = '" + week + "' order by rank")
        .collectAsList();
    List<Row> roles = spark.sql("select * from gold.person_roles where week = '" + week + "' order by person_key")
        .collectAsList();
    new NetworksJob().run(ctx);
    assertEquals(nets, spark.sql("select * from gold.networks where week = '" + week + "' order by network_id")
        .collectAsList());
    assertEquals(key, spark.sql("select * from gold.key_individuals where week = '" + week + "' order by rank")
        .collectAsList());
    assertEquals(roles, spark.sql("select * from gold.person_roles where week = '" + week + "' order by person_key")
        .collectAsList());
    assertTrue(metrics.get("network_purity") > 0.8, metrics.toString());
    assertTrue(metrics.get("mule_pr_auc") > 0.5, metrics.toString());
  }

  // ---- victims (run first, as in the pipeline) ----

  @Test
  void alertsAreForProtectionAndEveryIndicatorNamesItsSourceRows(SparkSession spark) {
    Set<String> known = new HashSet<>();
    spark.sql("select case_id from silver.cases union all select screening_id from silver.victim_screenings "
        + "union all select post_id from silver.social_posts union all select record_id from silver.border_crossings "
        + "union all select interdiction_id from silver.interdictions").collectAsList()
        .forEach(r -> known.add(r.getString(0)));
    List<Row> alerts = spark.sql("select person_key, likelihood, status, indicators, last_seen_place, language, "
        + "suggested_action from gold.victim_alerts where week = '" + victimsWeek + "'").collectAsList();
    assertTrue(alerts.size() >= 5, "the tiny world has victims to protect: " + alerts.size());
    int identified = 0;
    for (Row a : alerts) {
      assertTrue(a.getString(0).startsWith("PER-"), "pseudonymised: " + a);
      assertTrue(a.getDouble(1) >= 0.5 && a.getDouble(1) <= 1.0, a.toString());
      identified += a.getString(2).equals("identified") ? 1 : 0;
      List<Row> indicators = a.getList(3);
      assertFalse(indicators.isEmpty(), "an alert without indicators: " + a);
      for (Row i : indicators) {
        for (Object ev : i.getList(1)) {
          String id = (String) ev;
          String record = id.contains(":") ? id.substring(id.indexOf(':') + 1) : id;
          assertTrue(known.contains(record), "evidence " + id + " of " + i.getString(0) + " is not a source row");
        }
      }
      assertFalse(a.isNullAt(4) || a.isNullAt(5) || a.isNullAt(6), "referral details: " + a);
    }
    assertTrue(identified > 0 && identified < alerts.size(), "identified and suspected victims: " + identified);
    String comment = spark.sql("describe table extended gold.victim_alerts").where("col_name = 'Comment'")
        .first().getString(1);
    assertTrue(comment.startsWith("FOR PROTECTION AND REFERRAL ONLY"), comment);
    assertTrue(victimMetrics.get("victim_recall_at_threshold") > 0.5, victimMetrics.toString());
    assertEquals(0.0, victimMetrics.get("alerts_true_offenders"), victimMetrics.toString());
  }

  @Test
  void adsCarryReasonsAndPseudonymisedContacts(SparkSession spark) {
    List<Row> flagged = spark.sql("select post_id, score, reasons, contacts from gold.recruitment_ads where flagged")
        .collectAsList();
    assertFalse(flagged.isEmpty());
    for (Row r : flagged) {
      assertFalse(r.getList(2).isEmpty(), "a flagged post without reasons: " + r);
      for (Object c : r.getList(3)) {
        assertTrue(((String) c).startsWith("PHN-") || ((String) c).startsWith("HDL-"), "contact not pseudonymised: " + r);
      }
    }
    assertEquals(spark.sql("select count(*) from silver.social_posts where week <= '" + victimsWeek + "'").first().getLong(0),
        spark.sql("select count(*) from gold.recruitment_ads").first().getLong(0), "every post is scored once");
    assertTrue(victimMetrics.get("ads_pr_auc") > 0.75, "better than chance (0.66 on the tiny world): " + victimMetrics);
  }

  @Test
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
    // the same inputs again: the same rows (the job is idempotent, and feedback withdrawn leaves no trace)
    new VictimsJob().run(victimsCtx);
    assertEquals(firstAlerts, spark.sql(ALERTS_Q).collectAsList());
    assertEquals(firstAds, spark.sql(ADS_Q).collectAsList());
  }
}
