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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The networks job on the tiny world: outputs, protection of victims, evidence, idempotence, evaluation. */
@SparkTest
class NetworksJobTest {
  static JobContext ctx;
  static String week;
  static Map<String, Double> metrics;

  @BeforeAll
  static void runOnce(SparkSession spark, BorderwatchConfig config) throws Exception {
    TinyResolved.ensure();
    ctx = JobContext.of(spark, config.with(Map.of("networks.pagerank-iterations", 8)), null, "networks",
        Progress.silent());
    NetworksJob job = new NetworksJob();
    job.run(ctx);
    week = job.week().toString();
    metrics = NetworksEvaluation.evaluate(spark, TinyWorld.truth(), week);
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
}
