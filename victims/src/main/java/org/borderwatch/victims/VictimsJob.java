package org.borderwatch.victims;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.borderwatch.core.catalog.Lakehouse;
import org.borderwatch.core.catalog.TableSpec;
import org.borderwatch.core.catalog.Tables;
import org.borderwatch.core.config.BorderwatchConfig;
import org.borderwatch.core.config.ConfigKeys;
import org.borderwatch.core.error.Errors;
import org.borderwatch.core.job.Job;
import org.borderwatch.core.job.JobContext;
import org.borderwatch.core.job.JobOutcome;
import org.borderwatch.core.job.Progress;
import org.borderwatch.core.evidence.Evidence;
import org.borderwatch.core.privacy.Pseudonymizer;
import org.borderwatch.core.time.IsoWeek;

/**
 * victims: scores social posts for deceptive recruitment and flags persons who may be trafficking victims,
 * for protection and referral (docs/victims.md). Both models train on the analysts' feedback in
 * ops.victim_feedback. Re-running a week gives the same rows.
 */
public final class VictimsJob implements Job {
  static final StructType INDICATOR = new StructType().add("indicator", StringType)
      .add("evidence", createArrayType(StringType));

  public static final TableSpec ADS = TableSpec.of(Tables.GOLD_RECRUITMENT_ADS)
      .col("post_id", StringType, false, "Post (silver.social_posts)")
      .col("week", StringType, false, "ISO week the post was made")
      .col("scored_week", StringType, "Week of the run whose model scored it")
      .col("score", DoubleType, "Estimated probability that the post is deceptive recruitment or a smuggling offer")
      .col("flagged", BooleanType, "Score at or above victims.ad-threshold")
      .col("reasons", createArrayType(StringType), "Phrases and patterns that raised the score most, with their "
          + "weight (log-odds)")
      .col("keyword_hits", IntegerType, "Warning keywords of the baseline list found in the post")
      .col("contacts", createArrayType(StringType), "Pseudonymised phones and handles the post gives")
      .col("linked_persons", createArrayType(StringType), "Pseudonymised persons (gold.persons) holding those contacts")
      .col("training_label", StringType, "How the post entered training: case_link (its contact is in a case file), "
          + "confirmed or dismissed (analyst), or null (unlabelled)")
      .key("post_id")
      .build();

  public static final TableSpec ALERTS = TableSpec.of(Tables.GOLD_VICTIM_ALERTS)
      .col("person_key", StringType, false, "Pseudonymised person (as in gold.persons)")
      .col("week", StringType, false, "ISO week analysed")
      .col("likelihood", DoubleType, "Likelihood that the person is a trafficking victim (1 = identified by a case "
          + "file or screening)")
      .col("status", StringType, "identified (named victim in a case, screened with three or more indicators, or "
          + "confirmed by an analyst) or suspected (model)")
      .col("indicators", createArrayType(INDICATOR), "Forced-labour indicators present, each with the records "
          + "behind it (screenings, cases, posts, crossings, interdictions, mentions) as evidence keys (gold.evidence)")
      .col("reasons", createArrayType(StringType), "What raised the model's likelihood most")
      .col("last_seen_place", StringType, "Where the person was last recorded")
      .col("last_seen_week", StringType, "When")
      .col("language", StringType, "Language to approach them in (screening, else nationality)")
      .col("suggested_action", StringType, "Referral to make or follow up")
      .col("review", StringType, "Latest analyst decision in ops.victim_feedback, if any")
      .key("person_key", "week")
      .build();

  public static final TableSpec FEEDBACK = TableSpec.of(Tables.VICTIM_FEEDBACK)
      .col("kind", StringType, false, "ad (subject = post_id) or alert (subject = person_key)")
      .col("subject", StringType, false, "post_id of gold.recruitment_ads or person_key of gold.victim_alerts")
      .col("decision", StringType, false, "confirmed or dismissed")
      .col("analyst", StringType, "Who decided")
      .col("decided_at", TimestampType, "When; the latest decision per subject counts")
      .col("note", StringType, "Free text")
      .key("kind", "subject", "decided_at")
      .build();

  private IsoWeek analysed;
  private AdModel.Result ads;
  private VictimAnalysis.Fit fit;

  @Override
  public String name() {
    return "victims";
  }

  public IsoWeek week() {
    return analysed;
  }

  public AdModel.Result ads() {
    return ads;
  }

  public VictimAnalysis.Fit fit() {
    return fit;
  }

  @Override
  public JobOutcome run(JobContext ctx) throws Exception {
    SparkSession spark = ctx.spark();
    BorderwatchConfig cfg = ctx.config();
    if (!Lakehouse.exists(spark, Tables.SILVER_MENTION_ENTITIES)) {
      throw Errors.missingInput("resolved persons (silver.mention_entities)", "run 'borderwatch resolve' first");
    }
    if (!Lakehouse.exists(spark, Tables.SILVER_POSTS)) {
      throw Errors.missingInput("social posts (silver.social_posts)", "run 'borderwatch ingest' first");
    }
    IsoWeek week = ctx.weekOpt().orElseGet(() -> IsoWeek.parse(spark.sql("select max(week) from "
        + Tables.SILVER_PERSON_MENTIONS.fullName()).first().getString(0)));
    analysed = week;
    String w = "'" + week + "'";
    new Pseudonymizer(org.borderwatch.core.privacy.PseudonymKey.forLakehouse(spark, cfg)).register(spark);
    Lakehouse.ensure(spark, FEEDBACK);
    double adThreshold = cfg.get(ConfigKeys.VICTIM_AD_THRESHOLD);
    double alertThreshold = cfg.get(ConfigKeys.VICTIM_ALERT_THRESHOLD);

    spark.sql("select kind, subject, decision from (select *, row_number() over (partition by kind, subject order by "
        + "decided_at desc, decision) r from " + FEEDBACK.fullName() + " where decision in ('confirmed', 'dismissed')"
        + " and to_date(decided_at) <= date_add(date'" + week.start() + "', 6)) where r = 1")
        .createOrReplaceTempView("bw_vs_feedback");

    Progress.Stage sa = ctx.progress().stage("deceptive-recruitment ads up to " + week);
    VictimSources.register(spark, week.toString());
    spark.sql(ADS_INPUT.replace("${week}", w)).localCheckpoint().createOrReplaceTempView("bw_vic_posts");
    ads = AdModel.fit(spark, spark.table("bw_vic_posts"), cfg.get(ConfigKeys.VICTIM_AD_MIN_DF));
    ads.scored().createOrReplaceTempView("bw_vic_ad_scores");
    spark.sql("select s.post_id, s.score >= " + adThreshold + " flagged, p.contacts from bw_vic_ad_scores s "
        + "join bw_vic_posts p on p.post_id = s.post_id").createOrReplaceTempView("bw_vs_ads");
    Dataset<Row> adRows = spark.sql(ADS_OUT.replace("${week}", w).replace("${threshold}",
        String.valueOf(adThreshold)));
    Lakehouse.replaceWhere(spark, ADS, adRows, "week <= " + w);
    Row adCount = spark.sql("select count(*), count_if(flagged) from " + ADS.fullName() + " where week <= " + w).first();
    sa.done(adCount.getLong(0));

    Progress.Stage sv = ctx.progress().stage("victim indicators and likelihood for " + week);
    spark.sql("select me.entity_id, f.decision from bw_vs_feedback f join (select distinct entity_id, "
        + "bw_pseudonym('per', entity_id) person_key from bw_vs_mentions) me on me.person_key = f.subject "
        + "where f.kind = 'alert'").createOrReplaceTempView("bw_vs_person_feedback");
    VictimAnalysis.derive(spark);
    fit = VictimAnalysis.score(spark);
    // written with evidence keys, then their record ids described: computed once
    Dataset<Row> alerts = spark.sql(ALERTS_OUT.replace("${week}", w).replace("${threshold}",
        String.valueOf(alertThreshold))).persist(StorageLevel.MEMORY_AND_DISK());
    Lakehouse.replaceWhere(spark, ALERTS, Evidence.keys(alerts, "indicators", "indicator"), "week = " + w);
    long nEvidence = Evidence.publish(spark, name(), week.toString(), Evidence.cited(alerts, "indicators"));
    alerts.unpersist();
    Row al = spark.sql("select count(*), count_if(status = 'identified') from " + ALERTS.fullName() + " where week = "
        + w).first();
    sv.done(al.getLong(0));
    return new JobOutcome(ads.posts() + fit.candidates(), adCount.getLong(0) + al.getLong(0) + nEvidence,
        String.format(Locale.ROOT,
        "%s: %,d posts scored, %,d flagged as deceptive recruitment (%,d known from case files, %,d reviewed; "
            + "labelled share %.2f); %,d travellers scored, %,d protection alerts (%,d identified, %,d suspected; "
            + "model trained on %,d assessed persons, %,d victims; %,d operations, the largest with %,d travellers); "
            + "%,d evidence records",
        week, adCount.getLong(0), adCount.getLong(1), ads.positives(), ads.reviewed(), ads.labelledShare(),
        fit.candidates(), al.getLong(0), al.getLong(1), al.getLong(0) - al.getLong(1), fit.trained(), fit.positives(),
        fit.components(), fit.largestComponent(), nEvidence));
  }

  /** Posts up to the week with their contacts and weak labels (case links, analysts' decisions). */
  static final String ADS_INPUT = """
      with susp as (select distinct entity_id from bw_vs_mentions where role_hint = 'suspect'),
      known as (select p c from bw_vs_cases lateral view explode(phones) x as p
        union select m.phone_e164 from bw_vs_mentions m join susp s on s.entity_id = m.entity_id where m.phone_e164 is not null
        union select m.handle from bw_vs_mentions m join susp s on s.entity_id = m.entity_id where m.handle is not null),
      posts as (select post_id, week, text, array_distinct(filter(concat(coalesce(phones_in_text, array()),
          transform(coalesce(handles_in_text, array()), h -> regexp_replace(h, '^@', '')),
          array(author_handle)), c -> c is not null)) contacts
        from silver.social_posts where week <= ${week}),
      linked as (select distinct p.post_id from (select post_id, c from posts lateral view explode(contacts) x as c) p
        join known k on k.c = p.c),
      fb as (select subject, decision from bw_vs_feedback where kind = 'ad')
      select p.post_id, p.week, p.text, p.contacts,
        case when fb.decision = 'confirmed' then 1.0 when fb.decision = 'dismissed' then 0.0
          when l.post_id is not null then 1.0 else 0.0 end label,
        case when fb.decision is not null then 3.0 else 1.0 end weight,
        case fb.decision when 'confirmed' then true when 'dismissed' then false end reviewed,
        coalesce(fb.decision, case when l.post_id is not null then 'case_link' end) training_label
      from posts p left join linked l on l.post_id = p.post_id left join fb on fb.subject = p.post_id
      """;

  static final String ADS_OUT = """
      with holders as (select distinct c, m.entity_id from (select phone_e164 c, entity_id from bw_vs_mentions
          where phone_e164 is not null union select handle, entity_id from bw_vs_mentions where handle is not null) m),
      pc as (select p.post_id, c from bw_vic_posts p lateral view explode(contacts) x as c),
      links as (select pc.post_id, array_sort(collect_set(bw_pseudonym(case when pc.c like '+%' then 'phn' else 'hdl' end,
          pc.c))) contacts, array_sort(collect_set(bw_pseudonym('per', h.entity_id))) persons
        from pc left join holders h on h.c = pc.c group by pc.post_id)
      select s.post_id, s.week, ${week} scored_week, s.score, s.score >= ${threshold} flagged, s.reasons, s.keyword_hits,
        coalesce(l.contacts, array()) contacts, coalesce(l.persons, array()) linked_persons, p.training_label
      from bw_vic_ad_scores s join bw_vic_posts p on p.post_id = s.post_id left join links l on l.post_id = s.post_id
      """;

  static final String ALERTS_OUT = """
      select bw_pseudonym('per', s.entity_id) person_key, ${week} week, s.likelihood,
        case when s.determined = 1 then 'identified' else 'suspected' end status,
        coalesce(i.indicators, array()) indicators, case when s.determined = 1 then array() else s.reasons end reasons,
        l.place last_seen_place, l.week last_seen_week, l.language,
        case when s.determined = 1 and coalesce(l.referral, 'none') <> 'none'
            then concat('follow up the referral made at screening (', l.referral, ')')
          when s.determined = 1 then concat('refer to a shelter or NGO near ', coalesce(l.place, 'the last place seen'),
            '; interpreter: ', l.language)
          else concat('screen for trafficking indicators at the next contact near ', coalesce(l.place,
            'the last place seen'), '; interpreter: ', l.language) end suggested_action,
        s.feedback review
      from bw_vic_scored s left join bw_vic_indicators i on i.entity_id = s.entity_id
      left join bw_vic_last l on l.entity_id = s.entity_id
      where s.likelihood >= ${threshold}
      """;
}
