package org.borderwatch.report.weekly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.core.catalog.Lakehouse;
import org.borderwatch.core.config.BorderwatchConfig;
import org.borderwatch.core.job.JobContext;
import org.borderwatch.core.job.Progress;
import org.borderwatch.core.time.IsoWeek;
import org.borderwatch.models.ScoreJob;
import org.borderwatch.report.deploy.DeploymentJob;
import org.borderwatch.report.weekly.ReportData.ForecastCheck;
import org.borderwatch.report.weekly.ReportData.VictimPlace;
import org.borderwatch.testing.FreshLakehouse;
import org.borderwatch.victims.VictimsJob;
import org.junit.jupiter.api.Test;

/**
 * The report read from a small lakehouse: three weeks of stored zone forecasts with their deployments, the
 * outcomes silver recorded, victim alerts; networks never ran. Forecast checks against a brute-force count.
 */
@FreshLakehouse
class ReportJobTest {
  static final IsoWeek WEEK = IsoWeek.parse("2026-W10");
  static final int ZONES = 40;

  @Test
  void readsEverySectionAndChecksPastForecastsAgainstOutcomes(SparkSession spark, BorderwatchConfig config)
      throws Exception {
    Random rnd = new Random(7);
    List<Row> zones = new ArrayList<>();
    List<Row> outcomes = new ArrayList<>();
    Map<String, Map<String, int[]>> truth = new TreeMap<>(); // week -> cell -> {rank, y_det, det_l12, y_int}
    for (IsoWeek w : List.of(WEEK.minus(2), WEEK.minus(1), WEEK)) {
      List<Integer> ranks = new ArrayList<>();
      for (int i = 1; i <= ZONES; i++) {
        ranks.add(i);
      }
      Collections.shuffle(ranks, rnd);
      for (int i = 0; i < ZONES; i++) {
        String cell = "z" + i;
        double lat = 16.5 + 0.01 * i, lon = 98.5 + 0.005 * i; // all within Mae Sot's reach
        List<Row> reasons = ranks.get(i) == 1 ? List.of(RowFactory.create("det_l12", 6.0, 0.0, 0.0938)) : List.of();
        zones.add(RowFactory.create(cell, w.toString(), "mae-sot", lat, lon, 0.5 / ranks.get(i), 1.0 / ranks.get(i),
            0.5 / ranks.get(i), ranks.get(i), ranks.get(i) <= 2 ? "very high" : "low", reasons, "v1", null));
        if (!w.equals(WEEK)) {
          int y = rnd.nextInt(4), naive = rnd.nextInt(6), yi = rnd.nextInt(2);
          outcomes.add(RowFactory.create(cell, w.toString(), y, naive, yi, true));
          truth.computeIfAbsent(w.toString(), k -> new HashMap<>()).put(cell, new int[] {ranks.get(i), y, naive, yi});
        }
      }
    }
    spark.sql("DROP TABLE IF EXISTS gold.zone_risk_weekly");
    Lakehouse.overwrite(spark, ScoreJob.ZONE_SPEC, spark.createDataFrame(zones, ScoreJob.ZONE_SPEC.schema()));
    spark.sql("DROP TABLE IF EXISTS silver.zone_features");
    spark.sql("CREATE TABLE silver.zone_features (cell string, week string, y_det int, det_l12 int, y_int int, "
        + "has_outcome boolean) USING delta");
    spark.createDataFrame(outcomes, spark.table("silver.zone_features").schema()).write().format("delta")
        .mode("append").saveAsTable("silver.zone_features");
    for (IsoWeek w : List.of(WEEK.minus(2), WEEK.minus(1), WEEK)) {
      new DeploymentJob().run(JobContext.of(spark, config, w, "test", Progress.silent()));
    }
    spark.sql("DROP TABLE IF EXISTS gold.victim_alerts");
    Row vul = RowFactory.create("abuse_of_vulnerability", List.of("screening:S1"));
    Row dec = RowFactory.create("deception", List.of("post:P1"));
    List<Row> alerts = List.of(
        alert("PER-1", WEEK.minus(1), "identified", List.of(vul, dec), "checkpoint ranong"),
        alert("PER-2", WEEK.minus(1), "suspected", List.of(dec), "checkpoint ranong"),
        alert("PER-3", WEEK.minus(1), "suspected", List.of(vul), "Phuket"),
        alert("PER-4", WEEK.minus(1), "suspected", List.of(), null),
        alert("PER-5", WEEK.minus(2), "identified", List.of(vul), "Phuket")); // an older week: not counted
    Lakehouse.overwrite(spark, VictimsJob.ALERTS, spark.createDataFrame(alerts, VictimsJob.ALERTS.schema()));
    spark.sql("DROP TABLE IF EXISTS gold.networks");

    Clock clock = Clock.fixed(Instant.parse("2026-03-09T06:00:00Z"), ZoneOffset.UTC);
    JobContext ctx = JobContext.of(spark, config, null, "test", Progress.silent());
    ReportJob job = new ReportJob(clock);
    job.run(ctx);
    ReportData d = job.data();
    assertEquals(WEEK.toString(), d.week(), "the latest scored week by default");
    assertEquals("2026-W09", d.dataWeek());

    // forecast checks: brute force over the stored rows
    Map<String, Double> expectedByWeek = new HashMap<>();
    Map<String, Integer> interdictedByWeek = new HashMap<>();
    for (Row r : spark.table("gold.deployment_recommendations").collectAsList()) {
      String w = r.getAs("week");
      String cell = r.getAs("cell");
      if (!w.equals(WEEK.toString()) && !expectedByWeek.containsKey(w + cell)) {
        expectedByWeek.put(w + cell, r.<Double>getAs("expected_interdictions"));
        interdictedByWeek.merge(w, truth.get(w).get(cell)[3], Integer::sum);
      }
    }
    List<ForecastCheck> want = new ArrayList<>();
    int top = (int) Math.max(1, Math.ceil(ZONES * ReportQueries.TOP_SHARE));
    for (Map.Entry<String, Map<String, int[]>> e : truth.entrySet()) {
      List<int[]> z = new ArrayList<>(e.getValue().values());
      int total = z.stream().mapToInt(a -> a[1]).sum();
      z.sort((a, b) -> Integer.compare(a[0], b[0]));
      int byForecast = z.subList(0, top).stream().mapToInt(a -> a[1]).sum();
      z.sort((a, b) -> a[2] != b[2] ? Integer.compare(b[2], a[2]) : Integer.compare(a[0], b[0]));
      int byNaive = z.subList(0, top).stream().mapToInt(a -> a[1]).sum();
      double ei = expectedByWeek.entrySet().stream().filter(x -> x.getKey().startsWith(e.getKey()))
          .mapToDouble(Map.Entry::getValue).sum();
      want.add(new ForecastCheck(e.getKey(), ZONES, total, ReportQueries.TOP_SHARE, byForecast / (double) total,
          byNaive / (double) total, ei, interdictedByWeek.getOrDefault(e.getKey(), 0)));
    }
    assertEquals(2, want.size());
    assertEquals(want.size(), d.forecastChecks().size());
    for (int i = 0; i < want.size(); i++) {
      ForecastCheck a = want.get(i), b = d.forecastChecks().get(i);
      assertEquals(a.week(), b.week());
      assertEquals(ZONES, b.zones());
      assertEquals(ReportQueries.TOP_SHARE, b.topShare());
      assertEquals(a.detections(), b.detections());
      assertEquals(a.hitRate(), b.hitRate(), 1e-12);
      assertEquals(a.naiveHitRate(), b.naiveHitRate(), 1e-12);
      assertEquals(a.expectedInterdictions(), b.expectedInterdictions(), 1e-9);
      assertEquals(a.interdictionsInDeployedZones(), b.interdictionsInDeployedZones());
    }

    assertEquals(List.of(new VictimPlace("checkpoint ranong", 1, 1, 1), new VictimPlace("Phuket", 0, 1, 1),
        new VictimPlace("unknown", 0, 1, 0)), d.victimPlaces());
    assertEquals(1, d.summary().victimAlertsIdentified());
    assertEquals(3, d.summary().victimAlertsSuspected());
    // the zone with a stored reason reads in plain language
    ReportData.Zone z0 = d.zones().get(0);
    assertEquals(1, z0.rank());
    assertEquals(List.of(new ReportData.Reason("det_l12", 6.0, 0.0, 0.0938)), z0.reasons());
    assertEquals("Detections in the zone in weeks W-12..W-1: 6 (typically 0), adds 9.38 points to the risk",
        ReportHtml.zoneReason(Messages.of("en"), z0.reasons().get(0)));
    assertEquals(ZONES, d.summary().zonesScored());
    // every zone with units is shown, and the units shown are the plan's
    int planned = (int) spark.sql("select sum(units) from gold.deployment_recommendations where week = '" + WEEK
        + "'").first().getLong(0);
    assertEquals(planned, d.zones().stream().mapToInt(ReportData.Zone::units).sum());
    assertEquals(planned, d.summary().unitsDeployed());
    // networks never ran: empty section and a caveat saying what to run
    assertEquals(List.of(), d.networks());
    assertTrue(d.caveats().contains(ReportData.Note.of("caveat.no-networks", "2026-W09")), d.caveats().toString());
    assertEquals("Networks were not analysed: run 'borderwatch networks --week 2026-W09'.",
        ReportHtml.note(Messages.of("en"), ReportData.Note.of("caveat.no-networks", "2026-W09")));
    // the week before has a stored plan: the changes are against it, base by base
    assertEquals("2026-W09", d.previousPlanWeek());
    assertEquals(PlanChanges.between(readPlan(spark, "2026-W09"), readPlan(spark, "2026-W10")), d.changes());
    assertTrue(!d.changes().isEmpty());

    // files written; a re-run gives the same page
    assertTrue(Files.size(job.pdf()) > 1000);
    String first = Files.readString(job.html());
    new ReportJob(clock).run(ctx);
    assertEquals(first, Files.readString(job.html()));
  }

  private static List<ReportData.Deployment> readPlan(SparkSession spark, String week) {
    return spark.sql("select base_id, cell, crossing_id, units, zone_rank from gold.deployment_recommendations where "
        + "week = '" + week + "' order by zone_rank, base_id").collectAsList().stream()
        .map(r -> new ReportData.Deployment(r.getString(0), 0, 0, r.getString(1), r.getString(2), 0, 0, r.getInt(3),
            r.getInt(4), 0)).toList();
  }

  private static Row alert(String person, IsoWeek w, String status, List<Row> indicators, String place) {
    return RowFactory.create(person, w.toString(), status.equals("identified") ? 1.0 : 0.6, status, indicators,
        List.of(), place, w.toString(), "Burmese", "refer", null);
  }
}
