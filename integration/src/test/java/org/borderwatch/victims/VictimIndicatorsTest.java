package org.borderwatch.victims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.testing.FreshLakehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Indicators and features derived on a hand-built operation: a driver (D1, plate ABC1) takes T1 and T2
 * across the Mae Sot checkpoint together; later he is intercepted with T3 and T4; the case file names him
 * suspect (with his phone), T3 victim and T4 witness; T3's screening finds three indicators; a flagged ad
 * gives D1's phone. L1 crosses alone.
 */
@FreshLakehouse
class VictimIndicatorsTest {
  @BeforeAll
  static void handBuilt(SparkSession spark) {
    view(spark, "bw_vs_mentions", "mention_id, source, record_id, seq, week, event_at, entity_id, nationality, stateless, "
        + "sex, dob_year, age, document_number, phone_e164, handle, role_hint", """
        ('checkpoint:X1:0', 'checkpoint', 'X1', 0, '2026-W10', timestamp'2026-03-02 10:00:00', 'D1', 'THA', false, 'M', 1980, null, 'P1', null, null, 'traveller'),
        ('checkpoint:X2:0', 'checkpoint', 'X2', 0, '2026-W10', timestamp'2026-03-02 10:00:00', 'T1', 'MMR', false, 'F', 2000, null, 'C9', null, null, 'traveller'),
        ('checkpoint:X3:0', 'checkpoint', 'X3', 0, '2026-W10', timestamp'2026-03-02 10:00:00', 'T2', null, true, 'M', 1999, null, 'P3', null, null, 'traveller'),
        ('checkpoint:X4:0', 'checkpoint', 'X4', 0, '2026-W10', timestamp'2026-03-03 09:00:00', 'L1', 'MMR', false, 'F', null, 15, 'P4', null, null, 'traveller'),
        ('interdiction:I1:1', 'interdiction', 'I1', 1, '2026-W12', timestamp'2026-03-18 02:00:00', 'D1', 'THA', false, 'M', null, 45, null, null, null, 'driver'),
        ('interdiction:I1:2', 'interdiction', 'I1', 2, '2026-W12', timestamp'2026-03-18 02:00:00', 'T3', 'KHM', false, 'F', null, 22, null, null, null, 'migrant'),
        ('interdiction:I1:3', 'interdiction', 'I1', 3, '2026-W12', timestamp'2026-03-18 02:00:00', 'T4', 'KHM', false, 'M', null, 30, null, null, null, 'migrant'),
        ('case:C1:1', 'case', 'C1', 1, '2026-W12', timestamp'2026-03-19 08:00:00', 'D1', 'THA', false, 'M', 1980, null, null, '+66810000001', null, 'suspect'),
        ('case:C1:2', 'case', 'C1', 2, '2026-W12', timestamp'2026-03-19 08:00:00', 'T3', 'KHM', false, 'F', 2004, null, null, null, null, 'victim'),
        ('case:C1:3', 'case', 'C1', 3, '2026-W12', timestamp'2026-03-19 08:00:00', 'T4', 'KHM', false, 'M', 1996, null, null, null, null, 'witness'),
        ('screening:S1:0', 'screening', 'S1', 0, '2026-W13', timestamp'2026-03-24 08:00:00', 'T3', 'KHM', false, 'F', null, 22, null, null, null, 'screened')""");
    view(spark, "bw_vs_crossings", "record_id, crossing_id, checkpoint, crossed_at, vehicle_plate, document_type", """
        ('X1', 'mae-sot', 'MAE_SOT', timestamp'2026-03-02 10:00:00', 'ABC1', 'P'),
        ('X2', 'mae-sot', 'MAE_SOT', timestamp'2026-03-02 10:00:00', null, 'CI'),
        ('X3', 'mae-sot', 'MAE_SOT', timestamp'2026-03-02 10:00:00', null, 'P'),
        ('X4', 'mae-sot', 'MAE_SOT', timestamp'2026-03-03 09:00:00', null, 'P')""");
    view(spark, "bw_vs_interdictions", "interdiction_id, zone_cell, vehicle_plate", "('I1', '8765abc', 'ABC1')");
    view(spark, "bw_vs_interdiction_persons", "interdiction_id, seq, role",
        "('I1', 1, 'driver'), ('I1', 2, 'migrant'), ('I1', 3, 'migrant')");
    view(spark, "bw_vs_cases", "case_id, offence, location, phones, vehicles",
        "('C1', 'human_trafficking', 'Mae Sot', array('+66810000001'), array('ABC1'))");
    view(spark, "bw_vs_case_persons", "case_id, seq, role", "('C1', 1, 'suspect'), ('C1', 2, 'victim'), ('C1', 3, 'witness')");
    view(spark, "bw_vs_screenings", "screening_id, case_id, location, language, referral, indicators, indicator_count",
        "('S1', 'C1', 'Mae Sot shelter', 'Khmer', 'shelter', array('deception', 'debt_bondage', 'retention_of_documents'), 3)");
    view(spark, "bw_vs_ads", "post_id, flagged, contacts",
        "('P1', true, array('+66810000001')), ('P2', false, array('+66810000001', 'someone'))");
    view(spark, "bw_vs_person_feedback", "entity_id, decision", "('nobody', 'confirmed')");
    VictimAnalysis.derive(spark);
    // test methods may get their own session: keep what the views hold
    for (Row r : spark.sql("select entity_id, indicators from bw_vic_indicators").collectAsList()) {
      Map<String, List<String>> m = new TreeMap<>();
      for (Row i : r.<Row>getList(1)) {
        m.put(i.getString(0), i.getList(1));
      }
      INDICATORS.put(r.getString(0), m);
    }
    for (Row r : spark.sql("select entity_id, groups, official, intercepted, victim_share, assessed_others, "
        + "trafficking_cases, cases, flagged_ads, female, minor, stateless, borrowed_document, determined "
        + "from bw_vic_features").collectAsList()) {
      FEATURES.put(r.getString(0), r);
    }
    spark.sql("select entity_id, place, week, language, referral from bw_vic_last").collectAsList()
        .forEach(r -> LAST.put(r.getString(0), r));
    operations = spark.sql("select count(*) from bw_vic_cs").first().getLong(0);
  }

  static final Map<String, Map<String, List<String>>> INDICATORS = new TreeMap<>();
  static final Map<String, Row> FEATURES = new TreeMap<>();
  static final Map<String, Row> LAST = new TreeMap<>();
  static long operations;

  private static void view(SparkSession spark, String name, String cols, String rows) {
    spark.sql("select * from values " + rows + " as t(" + cols + ")").createOrReplaceTempView(name);
  }

  private static Map<String, List<String>> indicators(String entity) {
    return INDICATORS.getOrDefault(entity, Map.of());
  }

  @Test
  void indicatorsNameTheRowsBehindThem() {
    // T1, T2 and T4 are not determined: the operation's evidence the model weighs stands beside their own (T3 is
    // its identified victim, by case C1 and screening S1; C1 is charged as trafficking and T4 is in it)
    assertEquals(new TreeMap<>(Map.of(
        "deception", List.of("P1"),
        "operation_charged_with_trafficking", List.of("C1"),
        "operation_with_identified_victims", List.of("C1", "S1"),
        "retention_of_documents", List.of("X2"),
        "travel_arranged_by_crew", List.of("X2"),
        "travel_with_known_transporter", List.of("C1"))), indicators("T1"));
    assertEquals(new TreeMap<>(Map.of(
        "abuse_of_vulnerability", List.of("checkpoint:X3:0"),
        "deception", List.of("P1"),
        "operation_charged_with_trafficking", List.of("C1"),
        "operation_with_identified_victims", List.of("C1", "S1"),
        "travel_arranged_by_crew", List.of("X3"),
        "travel_with_known_transporter", List.of("C1"))), indicators("T2"));
    assertEquals(new TreeMap<>(Map.of(
        "deception", List.of("P1", "S1"),
        "debt_bondage", List.of("S1"),
        "retention_of_documents", List.of("S1"),
        "named_victim_in_case", List.of("C1"),
        "travel_arranged_by_crew", List.of("I1"),
        "travel_with_known_transporter", List.of("C1"))), indicators("T3"));
    assertEquals(new TreeMap<>(Map.of(
        "deception", List.of("P1"),
        "operation_with_identified_victims", List.of("C1", "S1"),
        "travel_arranged_by_crew", List.of("I1"),
        "travel_with_known_transporter", List.of("C1"))), indicators("T4"));
    assertEquals(Map.of(), indicators("D1"), "the driver is crew, not a victim");
  }

  @Test
  void featuresLeaveThePersonsOwnDeterminationOut() {
    Map<String, Row> f = FEATURES;
    assertEquals(List.of("T1", "T2", "T3", "T4"), List.copyOf(f.keySet()),
        "travellers in groups and assessed persons; not the driver, not the lone traveller");
    double ln2 = Math.log(2);
    double ln3 = Math.log(3);
    // T1: co-travellers T3 (victim) and T4 (not) assessed; one trafficking case; one flagged ad (P2 is not)
    assertRow(f.get("T1"), ln2, 1, 0, 1.5 / 3, ln3, 1.5 / 2, ln2, ln2, 1, 0, 0, 1, -1);
    assertRow(f.get("T2"), ln2, 1, 0, 1.5 / 3, ln3, 1.5 / 2, ln2, ln2, 0, 0, 1, 0, -1);
    // T3: her own determination and her own case are left out
    assertRow(f.get("T3"), ln3, 0, 1, 0.5 / 2, ln2, 0.5 / 1, 0, ln2, 1, 0, 0, 0, 1);
    assertRow(f.get("T4"), ln3, 0, 1, 1.5 / 2, ln2, 0.5 / 1, 0, ln2, 0, 0, 0, 0, 0);
    assertEquals(1L, operations, "one operation");
  }

  private static void assertRow(Row r, double... expected) {
    for (int i = 0; i < expected.length - 1; i++) {
      assertEquals(expected[i], r.getDouble(i + 1), 1e-9, "column " + (i + 1) + " of " + r);
    }
    assertEquals((int) expected[expected.length - 1], r.getInt(expected.length), "determined of " + r);
  }

  @Test
  void lastSeenAndLanguageForReferral() {
    Map<String, Row> last = LAST;
    assertEquals("Mae Sot shelter", last.get("T3").getString(1));
    assertEquals("Khmer", last.get("T3").getString(3));
    assertEquals("shelter", last.get("T3").getString(4));
    assertEquals("checkpoint mae-sot", last.get("T1").getString(1));
    assertEquals("Burmese", last.get("T1").getString(3), "no screening: the language of the nationality");
    assertEquals("Rohingya", last.get("T2").getString(3), "stateless");
    assertEquals("Mae Sot", last.get("T4").getString(1), "the case file came after the interdiction");
    assertEquals("2026-W12", last.get("T4").getString(2));
    assertEquals("checkpoint mae-sot", last.get("L1").getString(1));
    assertEquals("2026-W10", last.get("L1").getString(2));
  }
}
