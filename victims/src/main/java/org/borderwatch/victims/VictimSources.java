package org.borderwatch.victims;

import org.apache.spark.sql.SparkSession;

/** The source views of {@link VictimSql}, over silver tables up to the analysed week (materialised once). */
final class VictimSources {
  private VictimSources() {}

  static void register(SparkSession spark, String week) {
    String w = "'" + week + "'";
    view(spark, "bw_vs_mentions", "select pm.mention_id, pm.source, pm.record_id, pm.seq, pm.week, pm.event_at, "
        + "me.entity_id, pm.nationality, coalesce(pm.stateless, false) stateless, pm.sex, pm.dob_year, pm.age, "
        + "pm.document_number, pm.phone_e164, regexp_replace(pm.handle, '^@', '') handle, pm.role_hint "
        + "from silver.person_mentions pm join silver.mention_entities me on me.mention_id = pm.mention_id "
        + "where pm.week <= " + w);
    view(spark, "bw_vs_crossings", "select record_id, crossing_id, checkpoint, crossed_at, vehicle_plate, "
        + "document_type from silver.border_crossings where week <= " + w);
    view(spark, "bw_vs_interdictions", "select interdiction_id, zone_cell, vehicle_plate from silver.interdictions "
        + "where week <= " + w);
    view(spark, "bw_vs_interdiction_persons", "select interdiction_id, seq, role from silver.interdiction_persons");
    view(spark, "bw_vs_cases", "select case_id, offence, location, coalesce(phones, array()) phones, "
        + "coalesce(vehicles, array()) vehicles from silver.cases where week <= " + w);
    view(spark, "bw_vs_case_persons", "select case_id, seq, role from silver.case_persons");
    view(spark, "bw_vs_screenings", "select screening_id, case_id, location, language, referral, "
        + "coalesce(indicators, array()) indicators, indicator_count from silver.victim_screenings where week <= " + w);
  }

  private static void view(SparkSession spark, String name, String sql) {
    // read each silver table once: later steps join these many times
    spark.sql(sql).localCheckpoint().createOrReplaceTempView(name);
  }
}
