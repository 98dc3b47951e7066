package org.borderwatch.victims;

/**
 * SQL of the victim-identification job. It reads only the source views {@code bw_vs_*} (set up by
 * {@link VictimSources} from silver tables, or by a test from hand-built rows), so every derivation can be
 * checked on small cases.
 */
final class VictimSql {
  private VictimSql() {}

  /** Group memberships: crossings together at one checkpoint and minute, interdictions, case files. */
  static final String MEMBERS = """
      with cp as (
        select concat('cp:', coalesce(c.crossing_id, c.checkpoint), '@', cast(c.crossed_at as string)) grp, m.entity_id,
          c.vehicle_plate is not null crew, c.vehicle_plate plate, m.record_id evidence, m.week, c.document_type
        from bw_vs_mentions m join bw_vs_crossings c on c.record_id = m.record_id where m.source = 'checkpoint'),
      cpg as (select grp from cp group by grp having count(distinct entity_id) >= 3
        or count(distinct entity_id) = 2 and max(crew))
      select 'crossing' kind, cp.grp, cp.entity_id, cp.crew, cp.plate, cp.evidence, cp.week, cp.document_type
      from cp join cpg on cpg.grp = cp.grp
      union all
      select 'interdiction', concat('int:', ip.interdiction_id), m.entity_id, ip.role <> 'migrant',
        case when ip.role <> 'migrant' then i.vehicle_plate end, ip.interdiction_id, m.week, null
      from bw_vs_mentions m join bw_vs_interdiction_persons ip on ip.interdiction_id = m.record_id and ip.seq = m.seq
      left join bw_vs_interdictions i on i.interdiction_id = ip.interdiction_id
      where m.source = 'interdiction'
      union all
      select 'case', concat('case:', cp.case_id), m.entity_id, cp.role = 'suspect', null, cp.case_id, m.week, null
      from bw_vs_mentions m join bw_vs_case_persons cp on cp.case_id = m.record_id and cp.seq = m.seq
      where m.source = 'case'
      """;

  /**
   * Links between groups and what ties them to one operation: the persons in them, vehicles, phones named in
   * case files, suspects' phones and handles, and the contacts of flagged ads.
   */
  static final String EDGES = """
      with e as (
        select grp a, grp b from bw_vic_members
        union all select grp, concat('e:', entity_id) from bw_vic_members where crew
        union all select grp, concat('v:', plate) from bw_vic_members where plate is not null
        union all select concat('case:', case_id), concat('v:', v) from bw_vs_cases lateral view explode(vehicles) x as v
        union all select concat('case:', case_id), concat('p:', p) from bw_vs_cases lateral view explode(phones) x as p
        union all select distinct concat('e:', m.entity_id), concat('p:', m.phone_e164) from bw_vs_mentions m
          join bw_vic_members g on g.entity_id = m.entity_id and g.crew where m.phone_e164 is not null
        union all select distinct concat('e:', m.entity_id), concat('h:', m.handle) from bw_vs_mentions m
          join bw_vic_members g on g.entity_id = m.entity_id and g.crew where m.handle is not null
        union all select concat('ad:', post_id), case when c like '@%' or c rlike '^[a-z]' then concat('h:', trim(leading '@' from c))
          else concat('p:', c) end from bw_vs_ads lateral view explode(contacts) x as c where flagged)
      select distinct xxhash64(a) src, xxhash64(b) dst, a, b from e
      """;

  /** The operation (connected component) of every group. */
  static final String GROUP_COMPONENT = """
      select distinct e.a grp, c.component from bw_vic_edges e join bw_vic_cc c on c.vid = e.src
      where e.a like 'cp:%' or e.a like 'int:%' or e.a like 'case:%'
      """;

  /** Determinations made by people: named victim in a case, screening with three or more indicators, feedback. */
  static final String DETERMINATION = """
      with d as (
        select m.entity_id, case when cp.role = 'victim' then 1 else 0 end pos, 1 assessed,
          case when cp.role = 'victim' then cp.case_id end pos_ev
        from bw_vs_mentions m join bw_vs_case_persons cp on cp.case_id = m.record_id and cp.seq = m.seq
        where m.source = 'case' and cp.role in ('victim', 'witness')
        union all
        select m.entity_id, case when s.indicator_count >= 3 then 1 else 0 end, 1,
          case when s.indicator_count >= 3 then s.screening_id end
        from bw_vs_mentions m join bw_vs_screenings s on s.screening_id = m.record_id where m.source = 'screening'),
      agg as (select entity_id, max(pos) pos, max(assessed) assessed,
          slice(array_sort(collect_set(pos_ev)), 1, 5) pos_ev from d group by entity_id)
      select coalesce(a.entity_id, f.entity_id) entity_id,
        case when f.decision = 'confirmed' then 1 when f.decision = 'dismissed' then 0 else a.pos end pos,
        1 assessed, a.pos_ev, f.decision feedback
      from agg a full outer join bw_vs_person_feedback f on f.entity_id = a.entity_id
      """;

  /** Per group: its component, whether it is a case and its offence, its determined travellers. */
  static final String GROUP_STATS = """
      select m.grp, gc.component, m.entity_id, m.crew, m.kind,
        case when m.kind = 'case' then c.offence end offence, d.pos, d.assessed
      from bw_vic_members m join bw_vic_group_cc gc on gc.grp = m.grp
      left join bw_vs_cases c on m.kind = 'case' and c.case_id = m.evidence
      left join bw_vic_det d on d.entity_id = m.entity_id and not m.crew
      """;

  /** Per component: determined travellers and cases, with the operation's flagged ads. */
  static final String COMPONENT_STATS = """
      with t as (select component, entity_id, max(coalesce(pos, 0)) pos, max(coalesce(assessed, 0)) assessed
          from bw_vic_gs where not crew group by 1, 2),
      c as (select component, count(distinct grp) cases,
          count(distinct case when offence in ('human_trafficking', 'forced_labour') then grp end) traf
          from bw_vic_gs where kind = 'case' group by 1),
      ads as (select c.component, count(distinct e.a) ads, slice(array_sort(collect_set(substring(e.a, 4))), 1, 3) ad_ev
          from bw_vic_edges e join bw_vic_cc c on c.vid = e.src where e.a like 'ad:%' group by 1)
      select t.component, count(*) travellers, sum(pos) pos, sum(assessed) assessed,
        first(coalesce(c.cases, 0)) cases, first(coalesce(c.traf, 0)) traf,
        first(coalesce(ads.ads, 0)) ads, first(ads.ad_ev) ad_ev
      from t left join c on c.component = t.component left join ads on ads.component = t.component group by t.component
      """;

  /**
   * Features of every traveller (never crew, never a suspect): the component's determinations and cases
   * without the person's own (leave one out, so no one's label enters their features), flagged ads, and
   * what their records say of them.
   */
  static final String FEATURES = """
      with own as (select entity_id, component, max(coalesce(pos, 0)) pos, max(coalesce(assessed, 0)) assessed,
          count(distinct case when kind = 'case' then grp end) cases,
          count(distinct case when kind = 'case' and offence in ('human_trafficking', 'forced_labour') then grp end) traf,
          count(distinct grp) groups, max(kind = 'crossing') official, max(kind = 'interdiction') intercepted
          from bw_vic_gs where not crew group by 1, 2),
      per as (select o.entity_id, o.component, o.groups, o.official, o.intercepted,
          s.travellers - 1 others, s.pos - o.pos pos_loo, s.assessed - o.assessed assessed_loo,
          s.cases - o.cases cases_loo, s.traf - o.traf traf_loo, s.ads, s.ad_ev,
          row_number() over (partition by o.entity_id order by s.assessed - o.assessed desc, s.cases - o.cases desc,
            o.component) r
          from own o join bw_vic_cs s on s.component = o.component),
      offenders as (select distinct entity_id from bw_vic_members where crew
          union select distinct entity_id from bw_vs_mentions where role_hint in ('suspect', 'driver', 'guide', 'boat_crew')),
      cand as (select distinct entity_id from bw_vs_mentions where source in ('checkpoint', 'interdiction', 'case', 'screening')),
      attrs as (select entity_id,
          max(case when sex = 'F' then 1 else 0 end) female,
          max(case when coalesce(age, year(event_at) - dob_year) < 18 then 1 else 0 end) minor,
          max(case when stateless then 1 else 0 end) stateless,
          max(case when source = 'checkpoint' then 1 else 0 end) crossed
          from bw_vs_mentions group by entity_id),
      docs as (select entity_id, max(case when document_type = 'CI' then 1 else 0 end) ci,
          slice(array_sort(collect_set(case when document_type = 'CI' then evidence end)), 1, 3) ci_ev
          from bw_vic_members where kind = 'crossing' group by 1)
      select c.entity_id, p.component,
        ln(1 + coalesce(p.groups, 0)) groups, cast(coalesce(p.official, false) as double) official,
        cast(coalesce(p.intercepted, false) as double) intercepted,
        cast((coalesce(p.pos_loo, 0) + 0.5) / (coalesce(p.assessed_loo, 0) + 1.0) as double) victim_share,
        ln(1 + coalesce(p.assessed_loo, 0)) assessed_others,
        cast((coalesce(p.traf_loo, 0) + 0.5) / (coalesce(p.cases_loo, 0) + 1.0) as double) trafficking_cases,
        ln(1 + coalesce(p.cases_loo, 0)) cases,
        ln(1 + coalesce(p.ads, 0)) flagged_ads, coalesce(p.ad_ev, array()) ad_ev,
        cast(a.female as double) female, cast(a.minor as double) minor, cast(a.stateless as double) stateless,
        cast(coalesce(d.ci, 0) as double) borrowed_document, coalesce(d.ci_ev, array()) ci_ev,
        coalesce(det.pos, -1) determined, det.pos_ev, det.feedback
      from cand c join attrs a on a.entity_id = c.entity_id
      left join per p on p.entity_id = c.entity_id and p.r = 1
      left join docs d on d.entity_id = c.entity_id
      left join bw_vic_det det on det.entity_id = c.entity_id
      where (c.entity_id not in (select entity_id from offenders) and (p.groups > 0 or det.entity_id is not null))
        or det.pos = 1
      """;

  /**
   * Forced-labour indicators each person's records show, with the rows behind them: the screening form's
   * eleven, deception through a flagged ad of the operation that moved them, vulnerability (minor,
   * stateless), a borrowed or forged document, travel arranged by a crew, travel with a transporter named
   * as a suspect, and being named a victim in a case file; for a traveller without a determination, the
   * operation's evidence the model weighs: its other travellers identified as victims (their case files and
   * screenings) and its cases charged as trafficking or forced labour (other than the person's own).
   */
  static final String INDICATORS = """
      with s as (select m.entity_id, i indicator, s.screening_id ev
          from bw_vs_mentions m join bw_vs_screenings s on s.screening_id = m.record_id
          lateral view explode(s.indicators) x as i where m.source = 'screening'),
      ads as (select entity_id, 'deception' indicator, ev from bw_vic_features lateral view explode(ad_ev) x as ev),
      vul as (select entity_id, 'abuse_of_vulnerability' indicator, mention_id ev from bw_vs_mentions
          where coalesce(age, year(event_at) - dob_year) < 18 or stateless),
      doc as (select entity_id, 'retention_of_documents' indicator, ev from bw_vic_features lateral view explode(ci_ev) x as ev),
      arranged as (select t.entity_id, 'travel_arranged_by_crew' indicator, t.evidence ev from bw_vic_members t
          where not t.crew and t.kind in ('crossing', 'interdiction')
          and exists (select 1 from bw_vic_members c where c.grp = t.grp and c.crew)),
      known as (select t.entity_id, 'travel_with_known_transporter' indicator, cs.evidence ev from bw_vic_members t
          join bw_vic_members c on c.grp = t.grp and c.crew and t.kind in ('crossing', 'interdiction')
          join bw_vic_members cs on cs.entity_id = c.entity_id and cs.kind = 'case' and cs.crew
          where not t.crew),
      named as (select m.entity_id, 'named_victim_in_case' indicator, cp.case_id ev
          from bw_vs_mentions m join bw_vs_case_persons cp on cp.case_id = m.record_id and cp.seq = m.seq
          where m.source = 'case' and cp.role = 'victim'),
      peers as (select f.entity_id, 'operation_with_identified_victims' indicator, ev from bw_vic_features f
          join bw_vic_gs g on g.component = f.component and not g.crew and g.pos = 1 and g.entity_id <> f.entity_id
          join bw_vic_det d on d.entity_id = g.entity_id lateral view explode(d.pos_ev) x as ev
          where f.determined <> 1),
      charged as (select f.entity_id, 'operation_charged_with_trafficking' indicator, substring(g.grp, 6) ev from bw_vic_features f
          join bw_vic_gs g on g.component = f.component and g.kind = 'case'
            and g.offence in ('human_trafficking', 'forced_labour')
          where f.determined <> 1
            and not exists (select 1 from bw_vic_gs o where o.grp = g.grp and o.entity_id = f.entity_id)),
      a as (select * from s union all select * from ads union all select * from vul union all select * from doc
          union all select * from arranged union all select * from known union all select * from named
          union all select * from peers union all select * from charged)
      select entity_id, array_sort(collect_list(named_struct('indicator', indicator, 'evidence', ev))) indicators
      from (select entity_id, indicator, slice(array_sort(collect_set(ev)), 1, 5) ev from a group by 1, 2)
      group by entity_id
      """;

  /** Where and when each person was seen last, and the language to approach them in. */
  static final String LAST_SEEN = """
      with seen as (
        select m.entity_id, m.event_at, m.week, concat('checkpoint ', coalesce(c.crossing_id, c.checkpoint)) place
          from bw_vs_mentions m join bw_vs_crossings c on c.record_id = m.record_id where m.source = 'checkpoint'
        union all select m.entity_id, m.event_at, m.week, concat('interdiction in H3 cell ', i.zone_cell)
          from bw_vs_mentions m join bw_vs_interdictions i on i.interdiction_id = m.record_id where m.source = 'interdiction'
        union all select m.entity_id, m.event_at, m.week, c.location
          from bw_vs_mentions m join bw_vs_cases c on c.case_id = m.record_id where m.source = 'case'
        union all select m.entity_id, m.event_at, m.week, s.location
          from bw_vs_mentions m join bw_vs_screenings s on s.screening_id = m.record_id where m.source = 'screening'),
      last as (select entity_id, place, week from (select *, row_number() over (partition by entity_id
          order by event_at desc, place) r from seen) where r = 1),
      lang as (select entity_id, language, referral from (select m.entity_id, s.language, s.referral, row_number() over
          (partition by m.entity_id order by m.event_at desc, s.screening_id) r from bw_vs_mentions m
          join bw_vs_screenings s on s.screening_id = m.record_id where m.source = 'screening') where r = 1),
      nat as (select entity_id, max_by(nationality, event_at) nationality, max(cast(stateless as int)) stateless
          from bw_vs_mentions group by entity_id)
      select n.entity_id, l.place, l.week,
        coalesce(g.language, case when n.stateless = 1 then 'Rohingya' else case n.nationality when 'MMR' then 'Burmese'
          when 'KHM' then 'Khmer' when 'LAO' then 'Lao' when 'VNM' then 'Vietnamese' when 'THA' then 'Thai'
          when 'IDN' then 'Indonesian' when 'MYS' then 'Malay' else 'English' end end) language, g.referral
      from nat n left join last l on l.entity_id = n.entity_id left join lang g on g.entity_id = n.entity_id
      """;
}
