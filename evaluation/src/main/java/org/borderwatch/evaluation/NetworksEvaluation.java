package org.borderwatch.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.common.metrics.Metrics;
import org.borderwatch.common.metrics.Partitions;

/**
 * Accuracy of a networks run against the simulator's truth (run right after {@link NetworksJob} in the same
 * session: it reads the job's views). Each resolved person is the true person most of its mentions belong
 * to.
 */
public final class NetworksEvaluation {
  static final Set<String> KEY_ROLES = Set.of("leader", "coordinator", "financier");
  static final Set<String> MEMBER_ROLES = Set.of("leader", "coordinator", "recruiter", "transporter", "boat_operator",
      "forger", "safe_house", "financier", "mule", "employer");

  private NetworksEvaluation() {}

  /** The role vocabulary borderwatch infers, from a true role. */
  static String comparable(String trueRole) {
    return switch (trueRole) {
      case "boat_operator" -> "transporter";
      case "forger", "safe_house", "employer" -> "member";
      default -> trueRole;
    };
  }

  /**
   * Registers the truth views bw_eval_mentions, bw_eval_persons and bw_eval_entity (entity_id → the true
   * person most of its mentions belong to).
   */
  public static void registerTruePersons(SparkSession spark, String truthDir) {
    spark.read().parquet(truthDir + "/mentions").createOrReplaceTempView("bw_eval_mentions");
    spark.read().parquet(truthDir + "/persons").createOrReplaceTempView("bw_eval_persons");
    spark.sql("select entity_id, person_id from (select me.entity_id, t.person_id, row_number() over (partition by "
        + "me.entity_id order by count(*) desc, t.person_id) r from silver.mention_entities me join bw_eval_mentions t "
        + "on t.source || ':' || t.record_id || ':' || t.seq = me.mention_id group by me.entity_id, t.person_id) "
        + "where r = 1").createOrReplaceTempView("bw_eval_entity");
  }

  public static Map<String, Double> evaluate(SparkSession spark, String truthDir, String week) {
    registerTruePersons(spark, truthDir);
    spark.read().parquet(truthDir + "/accounts").createOrReplaceTempView("bw_eval_accounts");
    Map<String, Double> out = new LinkedHashMap<>();

    // network recovery over our members who are true members
    List<Row> members = spark.sql("select r.network, p.network_id, p.role, r.role predicted from bw_net_roles r "
        + "join bw_eval_entity e on concat('per:', e.entity_id) = r.id join bw_eval_persons p on p.person_id = e.person_id")
        .collectAsList();
    int ours = members.size();
    List<long[]> pairs = new ArrayList<>();
    int correctRole = 0;
    int roleEvaluated = 0;
    for (Row r : members) {
      String role = r.getString(2);
      if (!MEMBER_ROLES.contains(role)) {
        continue;
      }
      pairs.add(new long[] {r.getLong(0), String.valueOf(r.get(1)).hashCode()});
      roleEvaluated++;
      if (comparable(role).equals(r.getString(3))) {
        correctRole++;
      }
    }
    long trueMembersSeen = spark.sql("select count(distinct p.person_id) from bw_eval_persons p join bw_eval_entity e "
        + "on e.person_id = p.person_id join silver.person_mentions pm on pm.week <= '" + week + "' "
        + "join silver.mention_entities me on me.mention_id = pm.mention_id and me.entity_id = e.entity_id "
        + "where p.role in ('leader','coordinator','recruiter','transporter','boat_operator','forger','safe_house',"
        + "'financier','mule','employer')").first().getLong(0);
    out.put("members", (double) ours);
    out.put("member_precision", ours == 0 ? Double.NaN : (double) pairs.size() / ours);
    out.put("member_recall", trueMembersSeen == 0 ? Double.NaN : (double) pairs.size() / trueMembersSeen);
    out.put("network_ari", Partitions.ari(pairs));
    out.put("network_purity", Partitions.purity(pairs, 0, 1));
    out.put("network_inverse_purity", Partitions.purity(pairs, 1, 0));
    out.put("role_accuracy", roleEvaluated == 0 ? Double.NaN : (double) correctRole / roleEvaluated);
    out.put("role_evaluated", (double) roleEvaluated);

    // key individuals
    List<Row> top = spark.sql("select k.rank, p.role from gold.key_individuals k left join (select bw_pseudonym('per', "
        + "e.entity_id) person_key, p.role from bw_eval_entity e join bw_eval_persons p on p.person_id = e.person_id) p "
        + "on p.person_key = k.person_key where k.week = '" + week + "' order by k.rank").collectAsList();
    int hits20 = 0;
    int victimsRanked = 0;
    for (Row r : top) {
      String role = r.isNullAt(1) ? "" : r.getString(1);
      if (r.getInt(0) <= 20 && KEY_ROLES.contains(role)) {
        hits20++;
      }
      if (role.equals("victim") || role.equals("migrant")) {
        victimsRanked++;
      }
    }
    out.put("precision_at_20", top.isEmpty() ? Double.NaN : hits20 / (double) Math.min(20, top.size()));
    // baselines: the network members (travellers and victims excluded, as in the ranking) by plain PageRank and
    // by degree in the network graph; ties by the person key
    spark.sql("select v.id, count(distinct e.other) degree from bw_net_vertices v left join (select s vid, d other from "
        + "bw_net_edges union all select d, s from bw_net_edges) e on e.vid = v.vid where v.kind = 'per' and "
        + "v.network is not null and not v.protect group by v.id").createOrReplaceTempView("bw_eval_degree");
    for (String[] b : List.of(new String[] {"pagerank", "r.pagerank"}, new String[] {"degree", "cast(d.degree as double)"})) {
      List<Row> ranked = spark.sql("select coalesce(p.role, '') from gold.person_roles r join bw_eval_degree d on "
          + "bw_pseudonym('per', substr(d.id, 5)) = r.person_key left join (select bw_pseudonym('per', e.entity_id) "
          + "person_key, p.role from bw_eval_entity e join bw_eval_persons p on p.person_id = e.person_id) p on "
          + "p.person_key = r.person_key where r.week = '" + week + "' and not r.protect order by " + b[1]
          + " desc, r.person_key limit 20").collectAsList();
      long hits = ranked.stream().filter(x -> KEY_ROLES.contains(x.getString(0))).count();
      out.put("precision_at_20_" + b[0] + "_baseline", ranked.isEmpty() ? Double.NaN : hits / (double) ranked.size());
    }
    out.put("victims_ranked", (double) victimsRanked);

    // mule accounts: every account that received money in the window
    List<Row> acc = spark.sql("select m.acc, m.score, coalesce(a.mule, false), "
        + "coalesce(cast(m.pass_through as double), 0.0) from bw_net_mules m "
        + "left join bw_eval_accounts a on a.account_no = m.acc").collectAsList();
    double[] s = new double[acc.size()];
    boolean[] y = new boolean[acc.size()];
    long[] tie = new long[acc.size()];
    for (int i = 0; i < acc.size(); i++) {
      s[i] = acc.get(i).getDouble(1);
      y[i] = acc.get(i).getBoolean(2);
      tie[i] = Metrics.tieKey(acc.get(i).getString(0), 11);
    }
    out.put("mule_pr_auc", Metrics.prAuc(s, y, tie));
    // baseline: the pass-through ratio alone (share of what came in that went out again)
    double[] ps = new double[acc.size()];
    for (int i = 0; i < ps.length; i++) {
      ps[i] = acc.get(i).getDouble(3);
    }
    out.put("mule_pr_auc_pass_through_baseline", Metrics.prAuc(ps, y, tie));
    out.put("accounts_scored", (double) acc.size());
    int mules = 0;
    for (boolean b : y) {
      mules += b ? 1 : 0;
    }
    out.put("mules_scored", (double) mules);
    return out;
  }

  /**
   * Error analysis (after {@link #evaluate}): true role × inferred role with the mean behaviour of each cell,
   * and the true roles of the top 20 key individuals.
   */
  public static List<String> errorAnalysis(SparkSession spark, String week) {
    List<String> lines = new ArrayList<>();
    lines.add("true role | inferred | persons | posts | crossings | crew trips | suspect cases | named cases | in USD "
        + "| out USD | payers | payees | betweenness | ppr");
    for (Row r : spark.sql("select coalesce(p.role, 'unknown'), r.role, count(*), avg(posts), avg(crossings), "
        + "avg(crew_trips), avg(suspect_cases), avg(named_cases), avg(in_usd), avg(out_usd), avg(payers), avg(payees), "
        + "avg(betweenness), avg(ppr) from bw_net_roles r left join bw_eval_entity e on concat('per:', e.entity_id) = r.id "
        + "left join bw_eval_persons p on p.person_id = e.person_id group by 1, 2 order by 1, 3 desc").collectAsList()) {
      StringBuilder b = new StringBuilder(r.getString(0) + " | " + r.getString(1) + " | " + r.getLong(2));
      for (int i = 3; i < r.length(); i++) {
        b.append(String.format(java.util.Locale.ROOT, " | %.2f", r.getDouble(i)));
      }
      lines.add(b.toString());
    }
    lines.add("mule scores by true account use: accounts | mean score | near threshold in | pass-through | same week "
        + "| payers | payees | linked | scored >= 0.5");
    for (Row r : spark.sql("select coalesce(a.use, 'none') u, count(*), avg(m.score), avg(near_in), avg(pass_through), "
        + "avg(same_week), avg(payers), avg(payees), avg(cast(linked as int)), count_if(m.score >= 0.5) from bw_net_mules m "
        + "left join bw_eval_accounts a on a.account_no = m.acc group by 1 order by 2 desc").collectAsList()) {
      StringBuilder b = new StringBuilder("  " + r.getString(0) + " | " + r.getLong(1));
      for (int i = 2; i < r.length() - 1; i++) {
        b.append(String.format(java.util.Locale.ROOT, " | %.2f", r.isNullAt(i) ? Double.NaN : ((Number) r.get(i))
            .doubleValue()));
      }
      lines.add(b.append(" | ").append(r.getLong(r.length() - 1)).toString());
    }
    lines.add("top 20 key individuals by true role:");
    for (Row r : spark.sql("select coalesce(p.role, 'unknown') role, count(*) from gold.key_individuals k left join "
        + "(select bw_pseudonym('per', e.entity_id) person_key, p.role from bw_eval_entity e join bw_eval_persons p "
        + "on p.person_id = e.person_id) p on p.person_key = k.person_key where k.week = '" + week + "' and k.rank <= 20 "
        + "group by 1 order by 2 desc").collectAsList()) {
      lines.add("  " + r.getString(0) + ": " + r.getLong(1));
    }
    return lines;
  }
}
