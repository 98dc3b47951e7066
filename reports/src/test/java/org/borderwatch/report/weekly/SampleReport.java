package org.borderwatch.report.weekly;

import java.util.List;
import java.util.Map;
import org.borderwatch.report.weekly.ReportData.Deployment;
import org.borderwatch.report.weekly.ReportData.Flow;
import org.borderwatch.report.weekly.ReportData.ForecastCheck;
import org.borderwatch.report.weekly.ReportData.Freshness;
import org.borderwatch.report.weekly.ReportData.KeyPerson;
import org.borderwatch.report.weekly.ReportData.MuleAccount;
import org.borderwatch.report.weekly.ReportData.Network;
import org.borderwatch.report.weekly.ReportData.Route;
import org.borderwatch.report.weekly.ReportData.Summary;
import org.borderwatch.report.weekly.ReportData.VictimPlace;
import org.borderwatch.report.weekly.ReportData.Zone;

/** A small report with every section filled, one hostile string among the values. */
final class SampleReport {
  static final String HOSTILE = "<script>alert('x')</script> & \"Co\"";

  private SampleReport() {}

  static ReportData data() {
    return new ReportData("2026-W10", "2026-W09", "2026-03-02 06:00 UTC",
        new Summary(120, 5, 6, 1.25, 1.05, 2, 1, 3, 4, "20260301000000"),
        ReportQueries.crossings(),
        List.of(new Zone(1, "86649011fffffff", "mae-sot", 16.72, 98.55, 0.41, 0.52, "very high",
                List.of("Detections in the zone in weeks W-12..W-1: 6 (typically 0), adds 9.38 points to the risk"), 3),
            new Zone(2, "866485c8fffffff", "sadao", 6.65, 100.40, 0.22, 0.25, "high", List.of(), 2),
            new Zone(3, "86643395fffffff", "ranong", 9.98, 98.59, 0.12, 0.13, "elevated", List.of(HOSTILE), 0)),
        List.of(new Deployment("mae-sot", 16.71, 98.57, "86649011fffffff", "mae-sot", 16.72, 98.55, 3, 1, 0.31),
            new Deployment("sadao", 6.69, 100.42, "866485c8fffffff", "sadao", 6.65, 100.40, 2, 2, 0.12)),
        List.of(new Route(1, "MMR>mae-sot>THA", "mae-sot", "MMR", "THA", 12.5, 6.0, 6.5,
                List.of(3, 5, 4, 8, 6, 7, 5, 6), List.of("People seen at the crossing, W-1: 10 (typically 0), adds 3.57 "
                    + "people to the volume")),
            new Route(2, "KHM>aranyaprathet>THA", "aranyaprathet", "KHM", "THA", 2.0, 5.0, -3.0,
                List.of(6, 5, 4, 6, 5, 4, 6, 5), List.of())),
        List.of(new Network("NET-AAAA", 12, Map.of("leader", 1, "transporter", 4, "member", 7), List.of("mae-sot"),
            45_000, 3, "new", 12, 5), new Network("NET-BBBB", 6, Map.of("financier", 1, "member", 5), List.of(), 1200,
            1, "grown", 2, 0)),
        List.of(new KeyPerson(1, "PER-AAAA", "NET-AAAA", "leader", 0.71, List.of("phone named in 2 case file(s) "
            + "(C083-019-0003, C084-019-INV)"))),
        List.of(new MuleAccount("ACC-AAAA", 0.97, "NET-AAAA", 44_000, List.of("98% of incoming transfers just under "
            + "the reporting threshold (X084-000086)"))),
        List.of(new Flow("THA", "MMR", 82_000, 110), new Flow("MMR", "THA", 37_000, 38)),
        List.of(new VictimPlace("checkpoint ranong", 2, 3, 1), new VictimPlace(HOSTILE, 1, 1, 0)),
        List.of(new ForecastCheck("2026-W08", 120, 9, 0.05, 0.44, 0.33, 1.1, 1),
            new ForecastCheck("2026-W09", 120, 0, 0.05, Double.NaN, Double.NaN, 1.2, 0)),
        List.of("Model zone_risk version 20260301000000, trained on 2025-W01 to 2026-W09: rolling validation pr auc "
            + "detected 0.150."),
        List.of(new Freshness("silver.detections", "data to 2026-W09", 793), new Freshness("job score",
            "last run 2026-03-02 05:00 UTC", 4)),
        List.of("Forecasts are at standard patrol effort.", HOSTILE));
  }
}
