package org.borderwatch.core.evidence;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.borderwatch.core.catalog.Lakehouse;
import org.borderwatch.core.catalog.TableSpec;
import org.borderwatch.core.catalog.Tables;
import org.borderwatch.core.privacy.Pseudonymizer;

/**
 * The records behind the reasons of gold scores, in a form an analyst may read.
 *
 * <p>The jobs that score persons and accounts (networks, victims) find their reasons in source records: case
 * files, crossings, interdictions, screenings, posts, transfers and person mentions. Gold does not carry
 * those records' ids, which would join straight back to silver's names and numbers: each reason's evidence
 * is a list of evidence keys ({@code EV-…}, the keyed pseudonym of the record id), and every key a job
 * writes has a row in {@code gold.evidence} for that job and week, describing the record without names,
 * numbers or free text — its kind, week, place, what it says (counts, roles, amounts, pseudonymised accounts
 * and handles) and the pseudonymised persons it names. Investigators, who read silver, find the record itself
 * through {@code silver.evidence_sources} (evidence key → silver table and record id).
 *
 * <p>A job calls {@link #keys(Dataset, String, String)} on the rows it writes (raw ids to keys) and
 * {@link #publish(SparkSession, String, String, Dataset)} with the raw ids those rows named. Both need the
 * session's {@link Pseudonymizer} registered.
 */
public final class Evidence {
  private Evidence() {}

  /** Pseudonym kind of evidence keys: {@code bw_pseudonym('ev', record id)} gives EV-…. */
  public static final String KIND = "ev";

  public static final TableSpec EVIDENCE = TableSpec.of(Tables.GOLD_EVIDENCE)
      .col("evidence_key", StringType, false, "Evidence key, as in the evidence arrays of gold's reasons (EV-…)")
      .col("week", StringType, false, "ISO week of the job run that cited it")
      .col("job", StringType, false, "Job whose reasons cite it: networks or victims")
      .col("kind", StringType, false, "case, crossing, interdiction, screening, post, transaction or mention "
          + "(a person named in a record of another source: kyc, profile, arrest, ...)")
      .col("record_week", StringType, "ISO week of the record's event")
      .col("place", StringType, "Crossing or checkpoint, H3 cell, or the place the record names")
      .col("summary", StringType, "What the record says, without names, numbers or free text")
      .col("persons", createArrayType(StringType), "Persons the record names, pseudonymised (as in gold.persons)")
      .key("week", "job", "evidence_key", "kind")
      .build();

  public static final TableSpec SOURCES = TableSpec.of(Tables.SILVER_EVIDENCE_SOURCES)
      .col("evidence_key", StringType, false, "Evidence key (gold.evidence)")
      .col("source_table", StringType, false, "Silver table of the record")
      .col("source_id", StringType, false, "The record's id in that table (its natural key; mention_id for mentions)")
      .key("evidence_key", "source_table")
      .build();

  /**
   * The rows with the evidence arrays of an {@code array<struct<label, evidence: array<string>>>} column made
   * keys: each record id replaced by its evidence key.
   */
  public static Dataset<Row> keys(Dataset<Row> rows, String column, String label) {
    return rows.withColumn(column, expr("transform(`" + column + "`, r -> named_struct('" + label + "', r.`" + label
        + "`, 'evidence', transform(r.evidence, x -> " + Pseudonymizer.SQL_FUNCTION + "('" + KIND + "', x))))"));
  }

  /** The record ids an evidence column of {@link #keys} names, one row each (column source_id). */
  public static Dataset<Row> cited(Dataset<Row> rows, String column) {
    return rows.select(expr("explode(flatten(transform(`" + column + "`, r -> r.evidence)))").as("source_id"))
        .where(col("source_id").isNotNull()).distinct();
  }

  /**
   * Writes the rows of gold.evidence that describe the records a job's output of one week cites (replacing that
   * job's week, so a re-run gives the same rows), and their sources in silver.evidence_sources. Returns the
   * number of evidence rows; an id no silver table holds gets a row of kind {@code unknown}, so every key
   * cited has its row.
   */
  public static long publish(SparkSession spark, String job, String week, Dataset<Row> cited) {
    Dataset<Row> refs = cited.select(col("source_id")).where(col("source_id").isNotNull()).distinct()
        .persist(StorageLevel.MEMORY_AND_DISK());
    refs.createOrReplaceTempView("bw_ev_refs");
    Dataset<Row> described = spark.sql(DESCRIBE).persist(StorageLevel.MEMORY_AND_DISK());
    Column scope = col("week").equalTo(lit(week)).and(col("job").equalTo(lit(job)));
    Lakehouse.replaceWhere(spark, EVIDENCE, described.withColumn("week", lit(week)).withColumn("job", lit(job)),
        scope);
    // a key's source never changes (the same id gives the same key): only new keys are appended
    Dataset<Row> sources = described.where(col("source_table").isNotNull())
        .select("evidence_key", "source_table", "source_id");
    boolean recorded = Lakehouse.exists(spark, SOURCES.id());
    if (recorded) {
      Dataset<Row> known = spark.table(SOURCES.fullName()).select(col("evidence_key").as("k"),
          col("source_table").as("t"));
      sources = sources.join(known, sources.col("evidence_key").equalTo(known.col("k"))
          .and(sources.col("source_table").equalTo(known.col("t"))), "left_anti");
    }
    if (!recorded || !sources.isEmpty()) {
      Lakehouse.append(spark, SOURCES, sources);
    }
    long n = described.count();
    spark.catalog().dropTempView("bw_ev_refs");
    described.unpersist();
    refs.unpersist();
    return n;
  }

  /** Describes every id of bw_ev_refs from the silver table that holds it. */
  static final String DESCRIBE = """
      with refs as (select source_id from bw_ev_refs),
      m as (select pm.mention_id, pm.source, pm.record_id, pm.week, pm.role_hint, bw_pseudonym('per', me.entity_id) per
        from silver.person_mentions pm left join silver.mention_entities me on me.mention_id = pm.mention_id),
      named as (select m.source, m.record_id, array_sort(collect_set(m.per)) persons,
          cast(count_if(m.role_hint = 'suspect') as int) suspects, cast(count_if(m.role_hint = 'victim') as int) victims,
          cast(count_if(m.role_hint = 'witness') as int) witnesses,
          cast(count_if(m.role_hint in ('driver', 'guide', 'boat_crew')) as int) crew,
          cast(count_if(m.role_hint = 'migrant') as int) migrants
        from m join refs r on r.source_id = m.record_id group by m.source, m.record_id),
      d as (
        select c.case_id source_id, 'case' kind, 'silver.cases' source_table, c.week record_week,
          coalesce(c.crossing_id, c.location) place,
          concat('case file (', coalesce(c.offence, 'offence not given'), ') opened by ', coalesce(c.agency, 'an agency'),
            ': ', coalesce(n.suspects, 0), ' suspect(s), ', coalesce(n.victims, 0), ' victim(s), ',
            coalesce(n.witnesses, 0), ' witness(es) named; ', coalesce(size(c.phones), 0), ' phone(s), ',
            coalesce(size(c.accounts), 0), ' account(s), ', coalesce(size(c.vehicles), 0), ' vehicle(s) named') summary,
          n.persons
        from silver.cases c join refs r on r.source_id = c.case_id
        left join named n on n.source = 'case' and n.record_id = c.case_id
        union all
        select b.record_id, 'crossing', 'silver.border_crossings', b.week, coalesce(b.crossing_id, b.checkpoint),
          concat('border crossing ', coalesce(b.direction, ''), ' at ', coalesce(b.crossing_id, b.checkpoint, 'a checkpoint'),
            ' reported by ', coalesce(upper(b.exporter), 'an agency'), ', travel document: ',
            case b.document_type when 'P' then 'passport' when 'CI' then 'certificate of identity'
              when 'BP' then 'border pass' else 'not given' end,
            case when b.vehicle_plate is not null then ', driving a vehicle' else '' end),
          n.persons
        from silver.border_crossings b join refs r on r.source_id = b.record_id
        left join named n on n.source = 'checkpoint' and n.record_id = b.record_id
        union all
        select i.interdiction_id, 'interdiction', 'silver.interdictions', i.week, i.zone_cell,
          concat('interdiction by unit ', coalesce(i.unit, 'not given'), ': ', coalesce(i.persons, 0),
            ' person(s) apprehended, ', coalesce(n.crew, 0), ' of them judged crew (driver, guide or boat crew)',
            case when i.vehicle_plate is not null then ', a vehicle stopped' else '' end),
          n.persons
        from silver.interdictions i join refs r on r.source_id = i.interdiction_id
        left join named n on n.source = 'interdiction' and n.record_id = i.interdiction_id
        union all
        select s.screening_id, 'screening', 'silver.victim_screenings', s.week, s.location,
          concat('victim screening: ', coalesce(s.indicator_count, 0), ' of 11 forced-labour indicators',
            case when size(s.indicators) > 0 then concat(' (', array_join(array_sort(s.indicators), ', '), ')') else '' end,
            ', referral: ', coalesce(s.referral, 'none')),
          n.persons
        from silver.victim_screenings s join refs r on r.source_id = s.screening_id
        left join named n on n.source = 'screening' and n.record_id = s.screening_id
        union all
        select p.post_id, 'post', 'silver.social_posts', p.week, p.zone_cell,
          concat('post on ', coalesce(p.platform, 'a platform'), ' by ', coalesce(bw_pseudonym('hdl', p.author_handle),
            'an unknown author'), ' giving ', coalesce(size(p.phones_in_text), 0), ' phone(s) and ',
            coalesce(size(p.handles_in_text), 0), ' handle(s) to contact'),
          cast(null as array<string>)
        from silver.social_posts p join refs r on r.source_id = p.post_id
        union all
        select t.tx_id, 'transaction', 'silver.transactions', t.week, cast(null as string),
          concat('transfer of ', format_number(t.amount_usd, 2), ' USD (in ', coalesce(t.currency, '?'), ') by ',
            coalesce(t.channel, 'an unknown channel'), ' from ', coalesce(bw_pseudonym('acc', t.from_account), '?'),
            ' to ', coalesce(bw_pseudonym('acc', t.to_account), '?')),
          cast(null as array<string>)
        from silver.transactions t join refs r on r.source_id = t.tx_id
        union all
        select m.mention_id, 'mention', 'silver.person_mentions', m.week, cast(null as string),
          concat('a ', m.source, ' record names the person', case when m.role_hint is not null
            then concat(' (', m.role_hint, ')') else '' end),
          case when m.per is not null then array(m.per) end
        from m join refs r on r.source_id = m.mention_id)
      select bw_pseudonym('ev', d.source_id) evidence_key, d.kind, d.source_table, d.source_id, d.record_week, d.place,
        d.summary, coalesce(d.persons, cast(array() as array<string>)) persons
      from d
      union all
      select bw_pseudonym('ev', r.source_id), 'unknown', cast(null as string), r.source_id, cast(null as string),
        cast(null as string), 'no silver table holds this record (erased, or not yet ingested)', cast(array() as array<string>)
      from refs r left anti join d on d.source_id = r.source_id
      """;
}
