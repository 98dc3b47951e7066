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
import org.borderwatch.core.privacy.Pseudonymizer;
import org.borderwatch.evaluation.NetworksEvaluation;
import org.borderwatch.testing.ChainOrder;
import org.borderwatch.testing.EvidenceChecks;
import org.borderwatch.testing.SparkTest;
import org.borderwatch.testing.TinyChain;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The networks job on the tiny world as the pipeline ran it (after victims): protection of victims (recorded or
 * alerted) from every offender ranking, outputs and their evidence, one idempotent re-run, evaluation.
 */
@SparkTest
@Order(ChainOrder.NETWORKS)
class NetworksJobTest {
  static String week;
  static Map<String, Double> metrics;
  static List<Row> nets;
  static List<Row> key;
  static List<Row> roles;
  static List<Row> netsAgain;
  static List<Row> keyAgain;
  static List<Row> rolesAgain;

  @BeforeAll
  static void runAgainAndEvaluate(SparkSession spark) throws Exception {
    TinyChain.ensure();
    week = TinyChain.latestWeek("gold.networks");
    nets = spark.sql(NETS_Q + week + "' order by network_id").collectAsList();
    key = spark.sql(KEY_Q + week + "' order by rank").collectAsList();
    roles = spark.sql(ROLES_Q + week + "' order by person_key").collectAsList();
    // the idempotent re-run, evaluated while its scratch views are in the session
    new NetworksJob().run(TinyChain.context("networks"));
    metrics = NetworksEvaluation.evaluate(spark, TinyChain.truth(), week);
    netsAgain = spark.sql(NETS_Q + week + "' order by network_id").collectAsList();
    keyAgain = spark.sql(KEY_Q + week + "' order by rank").collectAsList();
    rolesAgain = spark.sql(ROLES_Q + week + "' order by person_key").collectAsList();
  }

  static final String NETS_Q = "select * from gold.networks where week = '";
  static final String KEY_Q = "select * from gold.key_individuals where week = '";
  static final String ROLES_Q = "select * from gold.person_roles where week = '";

  @Test
  void victimsAndTravellersAreNeverRanked(SparkSession spark, BorderwatchConfig config) {
    Pseudonymizer p = new Pseudonymizer(config.get(ConfigKeys.PSEUDONYM_KEY));
    Set<String> protectedKeys = new HashSet<>();
    for (Row r : spark.sql("select distinct me.entity_id from silver.person_mentions pm join silver.mention_entities "
        + "me on me.mention_id = pm.mention_id where pm.role_hint in ('victim', 'screened')").collectAsList()) {
      protectedKeys.add(p.token("per", r.getString(0)));
    }
    assertEquals(72, protectedKeys.size(), "persons the records name as victims or screened");
    int recorded = protectedKeys.size();
    spark.sql("select distinct person_key from gold.victim_alerts").collectAsList()
        .forEach(r -> protectedKeys.add(r.getString(0)));
    assertEquals(251, protectedKeys.size(), "with the persons only an alert protects");
    List<Row> ranked = spark.sql("select person_key from gold.key_individuals where week = '" + week + "'")
        .collectAsList();
    assertEquals(30, ranked.size(), "key individuals of the week");
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
    List<Row> rows = spark.sql("select rank, reasons from gold.key_individuals where week = '" + week
        + "' order by rank").collectAsList();
    for (Row r : rows) {
      assertFalse(r.getList(1).isEmpty(), "rank " + r.getInt(0) + " has no reason");
    }
    // every evidence key leads to a gold.evidence row an analyst reads and, for investigators, to its silver row
    assertEquals(111, EvidenceChecks.assertTraceable(spark, "networks", week, "gold.key_individuals", "reasons"),
        "evidence rows behind the key individuals' reasons");
    assertEquals(spark.sql("select count(*) from gold.mule_accounts where week = '" + week + "'").first().getLong(0),
        spark.sql("select count(*) from gold.mule_accounts where week = '" + week + "' and size(reasons) > 0 "
            + "and account_key like 'ACC-%'").first().getLong(0), "mules: pseudonymised, with reasons");
    assertTrue(EvidenceChecks.assertTraceable(spark, "networks", week, "gold.mule_accounts", "reasons") > 0,
        "the mules' example transactions");
    // the kinds of record behind them, and a case file described without names or numbers
    assertEquals(List.of("case", "post", "transaction"), spark.sql("select distinct kind "
        + "from gold.evidence where job = 'networks' and week = '" + week + "' order by kind").collectAsList().stream()
        .map(r -> r.getString(0)).toList());
    Row c = spark.sql("select summary, persons from gold.evidence where job = 'networks' and week = '" + week
        + "' and kind = 'case' order by evidence_key limit 1").first();
    assertTrue(c.getString(0).matches("case file \\((migrant_smuggling|human_trafficking|forced_labour)\\) opened by "
        + ".+: \\d+ suspect\\(s\\), \\d+ victim\\(s\\), \\d+ witness\\(es\\) named; \\d+ phone\\(s\\), \\d+ account\\(s\\), "
        + "\\d+ vehicle\\(s\\) named"), c.getString(0));
    for (Object p : c.getList(1)) {
      assertTrue(((String) p).startsWith("PER-"), "persons pseudonymised: " + c);
    }
  }

  @Test
  void outputsDescribeTheNetworksAndRerunningChangesNothing(SparkSession spark) {
    assertEquals(3, nets.size(), "networks of the week");
    assertEquals(109, roles.size(), "persons with a role");
    for (Row n : nets) {
      assertTrue(((String) n.getAs("network_id")).startsWith("NET-"));
      assertEquals("new", n.getAs("change"), "first analysed week: every network is new");
    }
    // the three levels aggregate the same transfers: equal totals, and there is money
    List<Row> levels = spark.sql("select level, round(sum(amount_usd), 0), sum(transactions) from gold.money_flows "
        + "where week = '" + week + "' group by level order by level").collectAsList();
    assertEquals(3, levels.size(), levels.toString());
    assertEquals(617547.0, levels.get(0).getDouble(1), 1.0, levels.toString());
    assertEquals(469L, levels.get(0).getLong(2), levels.toString());
    for (Row l : levels) {
      assertEquals(levels.get(0).getDouble(1), l.getDouble(1), 1.0, levels.toString());
      assertEquals(levels.get(0).getLong(2), l.getLong(2), levels.toString());
    }
    assertEquals(nets, netsAgain, "re-run: the same networks");
    assertEquals(key, keyAgain, "re-run: the same key individuals");
    assertEquals(roles, rolesAgain, "re-run: the same roles");
    // the tiny world's figures (docs/networks.md has the small world's), each to within 0.005; key individuals'
    // precision@20 is 0.40 here (8 of the top 20 hold a key role in the truth), short of the 0.80 target; the
    // mule score's 0.763 is short of its 0.80 now that networks do not share one money rule
    for (var e : Map.of("network_purity", 1.0, "network_ari", 1.0, "member_precision", 0.7465, "member_recall",
        0.9815, "role_accuracy", 0.5849, "precision_at_20", 0.40, "mule_pr_auc", 0.7629).entrySet()) {
      assertEquals(e.getValue(), metrics.get(e.getKey()), 0.005, e.getKey() + " in " + metrics);
    }
    // the fair baselines beside them: plain PageRank (2 of 20) and degree (1 of 20) do worse than the ranking (8 of
    // 20) on the tiny world; the pass-through ratio alone finds mules far worse than the mule score
    // (docs/networks.md's section is written from these by networks --doc)
    assertEquals("pagerank 0.1000 degree 0.0500 pass-through 0.2064", String.format(java.util.Locale.ROOT, "pagerank %.4f degree %.4f pass-through %.4f",
        metrics.get("precision_at_20_pagerank_baseline"), metrics.get("precision_at_20_degree_baseline"),
        metrics.get("mule_pr_auc_pass_through_baseline")));
    String page = org.borderwatch.evaluation.EvaluationDoc.networks(metrics, "the tiny world", week);
    assertEquals("| key individuals: precision@20 (leaders, coordinators, financiers) | 0.400 | plain "
        + "PageRank 0.100; degree 0.050 | the model beats the best baseline (plain PageRank) | "
        + "NOT met (0.400 < 0.80) |", org.borderwatch.testing.Pages.line(page, "| key individuals: precision@20"));
    assertEquals("| mule accounts: PR-AUC | 0.763 | pass-through ratio alone 0.206 | the model beats the "
        + "best baseline (pass-through ratio alone) | NOT met (0.763 < 0.80) |",
        org.borderwatch.testing.Pages.line(page, "| mule accounts: PR-AUC"));
    assertEquals("Victims or migrants among the key individuals: 0 — met (0.000 ≤ 0.00) (none may be ranked).",
        org.borderwatch.testing.Pages.line(page, "Victims or migrants among the key individuals"));
  }
}
