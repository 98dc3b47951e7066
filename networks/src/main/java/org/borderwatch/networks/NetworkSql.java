package org.borderwatch.networks;

/**
 * The SQL that turns the analysed graph (views bw_net_*, see {@link NetworkAnalysis}) into person features,
 * roles, key individuals, money flows and mule scores. Kept in one place so docs/networks.md can describe
 * it rule by rule.
 */
final class NetworkSql {
  private NetworkSql() {}

  /** Per network member: centralities, behaviour, and the evidence rows behind them. */
  static final String PERSON_FEATURES = """
      with own as (select src per, dst item from bw_net_edges where kind = 'owns'),
      named0 as (select o.per, n.src case_id from own o join bw_net_edges n on n.kind = 'named_in' and n.dst = o.item),
      named as (select p.per, count(distinct p.case_id) named_cases,
          slice(array_sort(collect_set(substring(p.case_id, 6))), 1, 5) named_ev
        from named0 p left anti join (select src case_id, dst per from bw_net_edges where kind = 'suspect_in') s
          on s.case_id = p.case_id and s.per = p.per
        group by p.per),
      acc as (select per, item acc from own where item like 'acc:%'),
      min_ as (select a.per, round(sum(m.amount_usd), 2) in_usd, count(distinct m.src) payers,
          slice(array_sort(flatten(collect_list(m.evidence))), 1, 5) in_ev
        from acc a join bw_net_edges m on m.kind = 'money' and m.dst = a.acc and m.src <> a.acc group by a.per),
      mout as (select a.per, round(sum(m.amount_usd), 2) out_usd, count(distinct m.dst) payees,
          slice(array_sort(flatten(collect_list(m.evidence))), 1, 5) out_ev
        from acc a join bw_net_edges m on m.kind = 'money' and m.src = a.acc and m.dst <> a.acc group by a.per),
      susp as (select dst per, slice(array_sort(collect_set(substring(src, 6))), 1, 5) suspect_ev
        from bw_net_edges where kind = 'suspect_in' group by dst),
      crew as (select per, slice(array_sort(flatten(collect_list(evidence))), 1, 5) crew_ev from (
          select src per, evidence from bw_net_edges where kind = 'co_travel' and src like 'per:%'
          union all select dst per, evidence from bw_net_edges where kind = 'co_travel' and dst like 'per:%') group by per),
      posts as (select o.per, slice(array_sort(flatten(collect_list(c.evidence))), 1, 5) post_ev
        from own o join bw_net_edges c on c.kind = 'contact' and c.src = o.item group by o.per),
      mule as (select a.per, max(m.score) mule_score from acc a join bw_net_mules m on concat('acc:', m.acc) = a.acc
        group by a.per)
      select a.id, a.network, a.pagerank, a.ppr, a.betweenness, a.core, a.community, a.strength, a.component_size,
        percent_rank() over (partition by a.network order by a.ppr) ppr_pct,
        percent_rank() over (partition by a.network order by a.betweenness) betweenness_pct,
        cast(coalesce(t.crossings, 0) as double) crossings, cast(coalesce(t.crew_trips, 0) as double) crew_trips,
        cast(coalesce(t.arrests, 0) as double) arrests, cast(coalesce(t.suspect_cases, 0) as double) suspect_cases,
        cast(coalesce(t.posts, 0) as double) posts,
        cast(coalesce(n.named_cases, 0) as double) named_cases, n.named_ev,
        coalesce(i.in_usd, 0) in_usd, cast(coalesce(i.payers, 0) as double) payers, i.in_ev,
        coalesce(o.out_usd, 0) out_usd, cast(coalesce(o.payees, 0) as double) payees, o.out_ev,
        s.suspect_ev, c.crew_ev, p.post_ev, coalesce(m.mule_score, 0) mule_score
      from bw_net_algo a
      left join bw_net_activity t on t.id = a.id
      left join named n on n.per = a.id
      left join min_ i on i.per = a.id
      left join mout o on o.per = a.id
      left join susp s on s.per = a.id
      left join crew c on c.per = a.id
      left join posts p on p.per = a.id
      left join mule m on m.per = a.id
      where a.kind = 'per' and a.network is not null
      """;

  /** Role evidence scores (each 0–1), the role with most evidence, and its share as confidence. */
  static final String ROLES = """
      with s as (select *,
          posts / (posts + 1.0) recruiter,
          (crew_trips + 0.1 * crossings) / (crew_trips + 0.1 * crossings + 1.0) transporter,
          case when payers >= 2 and out_usd > 0 then (in_usd / (in_usd + 5000.0)) * (payers / (payers + 1.0)) else 0 end financier,
          case when in_usd > 0 and out_usd < 0.3 * in_usd then (in_usd / (in_usd + 5000.0)) * (1 - crossings / (crossings + 2.0)) else 0 end
            + 0.3 * named_cases / (named_cases + 1.0) * (1 - crossings / (crossings + 2.0)) leader,
          named_cases / (named_cases + 1.0) * (0.5 + 0.5 * betweenness_pct) * (1 - crew_trips / (crew_trips + 1.0)) coordinator,
          mule_score mule
        from bw_net_person),
      r as (select *, greatest(recruiter, transporter, financier, leader, coordinator, mule) top,
          recruiter + transporter + financier + leader + coordinator + mule total from s)
      select *,
        case when top < 0.15 then 'member'
             when top = leader then 'leader' when top = financier then 'financier' when top = coordinator then 'coordinator'
             when top = mule then 'mule' when top = recruiter then 'recruiter' else 'transporter' end role,
        case when top < 0.15 then 1 - top else top / total end confidence
      from r
      """;

  /** A network's id: pseudonym of its smallest member id (stable while that member stays in it). */
  static final String NETWORK_IDS = """
      select network, concat('NET-', substring(bw_pseudonym('net', min(id)), 5)) network_id
      from bw_net_person group by network
      """;

  /** Travellers and possible victims in a network's case files, or linked to it: for protection counts. */
  static final String PROTECTED = """
      select distinct concat('per:', me.entity_id) id, v.network
      from silver.person_mentions pm join silver.mention_entities me on me.mention_id = pm.mention_id
      join bw_net_vertices v on v.id = concat('case:', pm.record_id) and v.network is not null
      where pm.source = 'case' and pm.role_hint in ('victim', 'witness')
      union
      select id, network from bw_net_vertices where kind = 'per' and protect and network is not null
      """;

  /** The inferred role of each network account's holder. */
  static final String HOLDER_ROLES = """
      select substring(e.dst, 5) acc, min(r.role) role from bw_net_edges e join bw_net_roles r on r.id = e.src
      where e.kind = 'owns' and e.dst like 'acc:%' group by 1
      """;

  /** Account-level mule indicators over the window (all accounts that received money). */
  static final String MULE_FEATURES = """
      with tx as (select t.*, th.threshold from silver.transactions t
          left join bw_net_thresholds th on th.currency = t.currency
          where t.week between '${first}' and '${last}' and t.from_account is not null and t.to_account is not null),
      inn as (select to_account acc, round(sum(amount_usd), 2) in_usd, count(*) in_tx, count(distinct from_account) payers,
          avg(case when amount >= 0.8 * threshold and amount < threshold then 1.0 else 0.0 end) near_in,
          slice(array_sort(collect_list(case when amount >= 0.8 * threshold and amount < threshold then tx_id end)), 1, 3) near_ev
        from tx group by to_account),
      outg as (select from_account acc, round(sum(amount_usd), 2) out_usd, count(*) out_tx, count(distinct to_account) payees,
          slice(array_sort(collect_list(tx_id)), 1, 3) out_ev
        from tx group by from_account),
      wi as (select to_account acc, week, round(sum(amount_usd), 2) v from tx group by 1, 2),
      wo as (select from_account acc, week, round(sum(amount_usd), 2) v from tx group by 1, 2),
      wk as (select wi.acc, avg(case when coalesce(wo.v, 0) >= 0.8 * wi.v then 1.0 else 0.0 end) same_week
        from wi left join wo on wo.acc = wi.acc and wo.week = wi.week group by wi.acc),
      link as (select substring(id, 5) acc, network from bw_net_vertices where kind = 'acc' and network is not null),
      named as (select distinct substring(dst, 5) acc, substring(src, 6) case_id from bw_net_all_edges
        where kind = 'named_in' and dst like 'acc:%'),
      named1 as (select acc, slice(array_sort(collect_set(case_id)), 1, 3) named_ev from named group by acc),
      f as (select i.acc, i.in_usd, i.payers, i.near_in, i.near_ev, coalesce(o.out_usd, 0) out_usd,
          coalesce(o.payees, 0) payees, o.out_ev, coalesce(w.same_week, 0) same_week,
          least(coalesce(o.out_usd, 0), i.in_usd) / greatest(coalesce(o.out_usd, 0), i.in_usd) pass_through,
          l.network, n.named_ev, (l.network is not null or n.acc is not null) linked
        from inn i left join outg o on o.acc = i.acc left join wk w on w.acc = i.acc
        left join link l on l.acc = i.acc left join named1 n on n.acc = i.acc)
      select *,
        0.35 * near_in
          + 0.25 * case when payers <= 10 and payees between 1 and 3 and pass_through >= 0.8 then pass_through else 0 end
          + 0.20 * case when payers <= 10 and payees between 1 and 3 then same_week else 0 end
          + 0.20 * case when linked then 1 else 0 end score
      from f
      """;

  static final String ROLES_OUT = """
      select bw_pseudonym('per', substring(r.id, 5)) person_key, ${week} week, i.network_id, r.role, r.confidence,
        map('leader', r.leader, 'coordinator', r.coordinator, 'recruiter', r.recruiter, 'transporter', r.transporter,
            'financier', r.financier, 'mule', r.mule) role_scores,
        false protect, r.pagerank, r.ppr, r.betweenness, r.core, r.community,
        map('posts', r.posts, 'crossings', r.crossings, 'crew_trips', r.crew_trips, 'suspect_cases', r.suspect_cases,
            'named_cases', r.named_cases, 'in_usd', r.in_usd, 'out_usd', r.out_usd, 'payers', r.payers,
            'payees', r.payees, 'arrests', r.arrests) features
      from bw_net_roles r join bw_net_ids i on i.network = r.network
      union all
      select bw_pseudonym('per', substring(v.id, 5)), ${week}, i.network_id, 'protect', cast(null as double),
        cast(null as map<string, double>), true, cast(null as double), cast(null as double), cast(null as double),
        cast(null as int), cast(null as int), cast(null as map<string, double>)
      from bw_net_protected v join bw_net_ids i on i.network = v.network
      """;

  /** Priority among non-protected members: known-suspect proximity, brokerage, money received, phone in case files. */
  static final String KEY_OUT = """
      with k as (select r.*, i.network_id,
          (0.3 * named_cases / (named_cases + 1.0) + 0.5 * case when payers >= 1 then in_usd / (in_usd + 5000.0) else 0 end
            + 0.1 * betweenness_pct + 0.1 * ppr_pct)
            * (1 - 0.7 * transporter) * (1 - 0.5 * recruiter) * (1 - 0.7 * mule) score0
        from bw_net_roles r join bw_net_ids i on i.network = r.network
        -- one case file naming a person as suspect is not enough to rank them: case files err (a traveller is
        -- sometimes written down as a suspect), so a ranked person has a second footprint of their own
        where r.named_cases > 0 or r.payers >= 1 or r.posts > 0 or r.suspect_cases >= 2 or r.arrests > 0),
      ranked as (select *, round(score0, 9) score, row_number() over (order by round(score0, 9) desc, id) rk from k)
      select ${week} week, cast(rk as int) rank, bw_pseudonym('per', substring(id, 5)) person_key, network_id, score,
        role, confidence role_confidence, pagerank, ppr, betweenness, in_usd money_in_usd,
        filter(array(
          case when named_cases > 0 then named_struct('reason', concat('phone, account or vehicle named in ',
            cast(named_cases as int), ' case file(s) that do not name them'), 'evidence', named_ev) end,
          case when in_usd > 0 then named_struct('reason', concat('received ', format_number(in_usd, 0),
            ' USD from ', cast(payers as int), ' account(s) of the network'), 'evidence', in_ev) end,
          case when betweenness_pct >= 0.8 then named_struct('reason', concat('brokers between members (betweenness ',
            format_number(betweenness, 1), ', top ', cast(round(100 - 100 * betweenness_pct) as int), '% of the network)'),
            'evidence', cast(array() as array<string>)) end,
          case when suspect_cases > 0 then named_struct('reason', concat('named as suspect in ', cast(suspect_cases as int),
            ' case file(s)'), 'evidence', suspect_ev) end,
          case when ppr_pct >= 0.8 then named_struct('reason', 'closely linked to persons named as suspects '
            || '(personalised PageRank in the top 20% of the network)', 'evidence', cast(array() as array<string>)) end,
          case when crew_trips > 0 then named_struct('reason', concat('crew of ', cast(crew_trips as int),
            ' intercepted group(s)'), 'evidence', coalesce(crew_ev, cast(array() as array<string>))) end,
          case when posts > 0 then named_struct('reason', concat('wrote ', cast(posts as int), ' post(s) offering '
            || 'jobs or passage'), 'evidence', coalesce(post_ev, cast(array() as array<string>))) end,
          named_struct('reason', concat('member of ', network_id, ' (', cast(component_size as int),
            ' linked records and persons; k-core ', cast(core as int), ')'), 'evidence', cast(array() as array<string>))
        ), x -> x is not null) reasons
      from ranked where rk <= 100
      """;

  static final String FLOWS_OUT = """
      with acct as (select substring(id, 5) acc, network from bw_net_vertices where kind = 'acc'),
      m as (select substring(e.src, 5) f, substring(e.dst, 5) t, e.amount_usd, e.tx_count, e.first_week, e.last_week
        from bw_net_all_edges e where e.kind = 'money'),
      j as (select m.*, coalesce(fi.network_id, 'outside') fn, coalesce(ti.network_id, 'outside') tn,
          coalesce(fa.country, 'unknown') fc, coalesce(ta.country, 'unknown') tc,
          coalesce(fr.role, 'outside') fr, coalesce(tr.role, 'outside') tr
        from m left join acct a1 on a1.acc = m.f left join bw_net_ids fi on fi.network = a1.network
        left join acct a2 on a2.acc = m.t left join bw_net_ids ti on ti.network = a2.network
        left join silver.accounts fa on fa.account_no = m.f left join silver.accounts ta on ta.account_no = m.t
        left join bw_net_holder_roles fr on fr.acc = m.f left join bw_net_holder_roles tr on tr.acc = m.t
        where a1.network is not null or a2.network is not null)
      select ${week} week, 'network' level, fn from_group, tn to_group, round(sum(amount_usd), 2) amount_usd,
        sum(tx_count) transactions, count(distinct f) accounts_from, count(distinct t) accounts_to,
        min(first_week) first_week, max(last_week) last_week from j group by fn, tn
      union all
      select ${week}, 'country', fc, tc, round(sum(amount_usd), 2), sum(tx_count), count(distinct f), count(distinct t),
        min(first_week), max(last_week) from j group by fc, tc
      union all
      select ${week}, 'role', fr, tr, round(sum(amount_usd), 2), sum(tx_count), count(distinct f), count(distinct t),
        min(first_week), max(last_week) from j group by fr, tr
      """;

  static final String MULES_OUT = """
      select bw_pseudonym('acc', m.acc) account_key, ${week} week, m.score, i.network_id,
        filter(array(
          case when near_in > 0.3 then named_struct('reason', concat(cast(round(100 * near_in) as int),
            '% of incoming transfers just under the reporting threshold'), 'evidence', near_ev) end,
          case when payers <= 10 and payees between 1 and 3 and pass_through >= 0.8 then named_struct('reason', concat('passes on ',
            cast(round(100 * pass_through) as int), '% of what it receives to ', cast(payees as int), ' account(s)'),
            'evidence', out_ev) end,
          case when payers <= 10 and payees between 1 and 3 and same_week >= 0.5 then named_struct('reason', concat('forwards the money '
            || 'within the week it arrives (', cast(round(100 * same_week) as int), '% of weeks)'),
            'evidence', cast(array() as array<string>)) end,
          case when linked then named_struct('reason', 'held by a network member or named in a case file',
            'evidence', coalesce(named_ev, cast(array() as array<string>))) end
        ), x -> x is not null) reasons,
        map('pass_through', pass_through, 'near_threshold_in', near_in, 'same_week_forward', same_week,
          'payers', cast(payers as double), 'payees', cast(payees as double), 'in_usd', in_usd, 'out_usd', out_usd,
          'network_link', case when linked then 1.0 else 0.0 end) features
      from bw_net_mules m left join bw_net_ids i on i.network = m.network
      """;

  static final String NETWORKS_OUT = """
      with mem as (select i.network_id, r.network, bw_pseudonym('per', substring(r.id, 5)) person_key, r.role, r.community
        from bw_net_roles r join bw_net_ids i on i.network = r.network),
      roles as (select network_id, map_from_entries(collect_list(struct(role, n))) members_by_role from (
          select network_id, role, cast(count(*) as int) n from mem group by 1, 2) group by network_id),
      base as (select network_id, network, cast(count(*) as int) size, cast(count(distinct community) as int) communities
        from mem group by network_id, network),
      cs as (select v.network, substring(v.id, 6) case_id from bw_net_vertices v where v.kind = 'case' and v.network is not null),
      corr as (select c.network, cast(count(distinct c.case_id) as int) cases,
          array_sort(collect_set(k.crossing_id)) corridors
        from cs c left join silver.cases k on k.case_id = c.case_id group by c.network),
      money as (select network, round(sum(amount_usd), 2) money_usd from bw_net_edges where kind = 'money' group by network),
      act as (select network, cast(count(distinct w) as int) active_weeks, max(w) last_active_week from (
          select network, first_week w from bw_net_edges union all select network, last_week from bw_net_edges)
        group by network),
      prot as (select network, cast(count(distinct id) as int) protected_persons from bw_net_protected group by network),
      ov as (select m.network_id cur, p.network_id prev, count(*) shared from mem m join bw_net_prev p
        on p.person_key = m.person_key group by 1, 2),
      prevsize as (select network_id, count(*) n from bw_net_prev group by network_id),
      fan as (select prev, count(distinct cur) currents from ov group by prev),
      chg as (select b.network_id, collect_set(o.prev) prevs, max(f.currents) currents, sum(ps.n) prev_size
        from base b left join ov o on o.cur = b.network_id left join fan f on f.prev = o.prev
        left join prevsize ps on ps.network_id = o.prev group by b.network_id)
      select b.network_id, ${week} week, b.size, r.members_by_role, b.communities, coalesce(c.cases, 0) cases,
        coalesce(c.corridors, array()) corridors, coalesce(mo.money_usd, 0) money_usd, a.active_weeks,
        a.last_active_week, coalesce(pr.protected_persons, 0) protected_persons,
        case when size(g.prevs) = 0 then 'new' when size(g.prevs) > 1 then 'merged' when g.currents > 1 then 'split'
             when b.size > g.prev_size then 'grown' when b.size < g.prev_size then 'shrunk' else 'continuing' end change,
        cast(b.size - coalesce(g.prev_size, 0) as int) size_change, array_sort(g.prevs) previous_ids
      from base b join roles r on r.network_id = b.network_id left join corr c on c.network = b.network
      left join money mo on mo.network = b.network left join act a on a.network = b.network
      left join prot pr on pr.network = b.network left join chg g on g.network_id = b.network_id
      union all
      select p.network_id, ${week}, 0, cast(map() as map<string, int>), 0, 0, cast(array() as array<string>), 0.0, 0,
        cast(null as string), 0, 'dissolved', cast(-count(*) as int), array(p.network_id)
      from bw_net_prev p left anti join (select distinct prev from ov) o on o.prev = p.network_id
      group by p.network_id
      """;
}
