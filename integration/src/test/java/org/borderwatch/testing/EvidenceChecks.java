package org.borderwatch.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What gold's evidence must hold on a job's week: every evidence key in a gold table's reasons is an EV- key with
 * a row of gold.evidence for the job and week, whose source (silver.evidence_sources) is a row of the silver table
 * it names; and gold.evidence holds no name, document, phone, account, handle or record id of silver.
 */
public final class EvidenceChecks {
  private EvidenceChecks() {}

  /** Checks a table's evidence column ({@code array<struct<label, evidence>>}); returns the keys cited. */
  public static int assertTraceable(SparkSession spark, String job, String week, String table, String column) {
    List<Row> cited = spark.sql("select explode(flatten(transform(" + column + ", r -> r.evidence))) k from " + table
        + " where week = '" + week + "'").collectAsList();
    Map<String, Row> evidence = new HashMap<>();
    for (Row r : spark.sql("select evidence_key, kind, summary from gold.evidence where week = '" + week
        + "' and job = '" + job + "'").collectAsList()) {
      evidence.put(r.getString(0), r);
    }
    Map<String, String> resolvedTo = new HashMap<>();
    // each source row is looked up in the table it names
    for (Row s : spark.sql("select evidence_key, source_table, source_id from silver.evidence_sources")
        .collectAsList()) {
      resolvedTo.put(s.getString(0), s.getString(1) + "|" + s.getString(2));
    }
    Set<String> existing = new HashSet<>();
    for (String[] t : new String[][] {{"silver.cases", "case_id"}, {"silver.border_crossings", "record_id"},
        {"silver.interdictions", "interdiction_id"}, {"silver.victim_screenings", "screening_id"},
        {"silver.social_posts", "post_id"}, {"silver.transactions", "tx_id"},
        {"silver.person_mentions", "mention_id"}}) {
      spark.sql("select " + t[1] + " from " + t[0]).collectAsList().forEach(r -> existing.add(t[0] + "|"
          + r.getString(0)));
    }
    for (Row k : cited) {
      String key = k.getString(0);
      assertTrue(key.startsWith("EV-"), "a raw id in " + table + "." + column + ": " + key);
      Row e = evidence.get(key);
      assertTrue(e != null, key + " of " + table + " has no row in gold.evidence for " + job + " " + week);
      assertFalse(e.getString(1).equals("unknown"), key + " is described as unknown: " + e);
      String source = resolvedTo.get(key);
      assertTrue(source != null && existing.contains(source), key + " does not lead to a silver row: " + source);
    }
    assertNoIdentifiers(spark, job, week);
    return cited.size();
  }

  /** No value of silver's identifying columns (4 characters or more) appears in gold.evidence of the week. */
  static void assertNoIdentifiers(SparkSession spark, String job, String week) {
    Set<String> raw = new HashSet<>();
    spark.sql("select v from (select explode(array(name_original, name_latin, document_number, phone_e164, "
        + "account_no, handle, record_id, mention_id)) v from silver.person_mentions) where length(v) >= 4 "
        + "union select explode(array(tx_id, from_account, to_account, reference)) from silver.transactions "
        + "union select explode(array(case_id, narrative)) from silver.cases "
        + "union select explode(array(post_id, text)) from silver.social_posts "
        + "union select explode(array(interdiction_id, vehicle_plate)) from silver.interdictions "
        + "union select screening_id from silver.victim_screenings")
        .collectAsList().forEach(r -> {
          if (r.getString(0) != null && r.getString(0).length() >= 4) {
            raw.add(r.getString(0));
          }
        });
    List<Row> rows = spark.sql("select concat_ws(' | ', summary, place, array_join(persons, ' ')) from gold.evidence "
        + "where week = '" + week + "' and job = '" + job + "'").collectAsList();
    assertFalse(rows.isEmpty(), "no evidence rows for " + job + " " + week);
    int leaks = 0;
    String example = null;
    for (Row r : rows) {
      String text = r.getString(0);
      for (String v : raw) {
        if (text.contains(v)) {
          leaks++;
          example = v + " in " + text;
        }
      }
    }
    assertEquals(0, leaks, "gold.evidence holds silver identifiers, e.g. " + example);
  }
}
