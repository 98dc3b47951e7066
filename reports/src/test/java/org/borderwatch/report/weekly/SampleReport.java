package org.borderwatch.report.weekly;

import java.util.List;
import java.util.Map;
import org.borderwatch.report.weekly.ReportData.Deployment;
import org.borderwatch.report.weekly.ReportData.Flow;
import org.borderwatch.report.weekly.ReportData.ForecastCheck;
import org.borderwatch.report.weekly.ReportData.Freshness;
import org.borderwatch.report.weekly.ReportData.KeyPerson;
import org.borderwatch.report.weekly.ReportData.MethodScore;
import org.borderwatch.report.weekly.ReportData.MuleAccount;
import org.borderwatch.report.weekly.ReportData.Note;
import org.borderwatch.report.weekly.ReportData.PlanChange;
import org.borderwatch.report.weekly.ReportData.Reason;
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
        List.of(new Zone(1, "866485c17ffffff", "mae-sot", 16.7128, 98.5736, 0.41, 0.52, "very high",
                List.of(new Reason("det_l12", 6, 0, 0.0938), new Reason("x_det_l4", 11, 2, 0.021)), 3),
            new Zone(2, "866518a9fffffff", "sadao", 6.6832, 100.4043, 0.22, 0.25, "high", List.of(), 2),
            new Zone(3, "86643395fffffff", "ranong", 9.98, 98.59, 0.12, 0.13, "elevated",
                List.of(new Reason(HOSTILE, 1, 0, 0.01)), 0)),
        List.of(new Deployment("mae-sot", 16.71, 98.57, "866485c17ffffff", "mae-sot", 16.7128, 98.5736, 3, 1, 0.31),
            new Deployment("sadao", 6.69, 100.42, "866518a9fffffff", "sadao", 6.6832, 100.4043, 2, 2, 0.12)),
        List.of(new Route(1, "MMR>mae-sot>THA", "mae-sot", "MMR", "THA", 12.5, 6.0, 6.5,
                List.of(3, 5, 4, 8, 6, 7, 5, 6), List.of(new Reason("x_persons_l1", 10, 0, 3.57))),
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
        List.of(Note.of("validation.model", "zone_risk", "20260301000000", "2025-W01", "2026-W09", "pr auc detected",
            0.150)),
        List.of(new Freshness("silver.detections", "data to 2026-W09", 793), new Freshness("job score",
            "last run 2026-03-02 05:00 UTC", 4)),
        List.of(Note.of("caveat.effort"), Note.of("caveat.raw", HOSTILE)),
        "2026-W09", List.of(new PlanChange("mae-sot", "moved", 3, 3, List.of("mae-sai #4"), List.of("mae-sot #1")),
            new PlanChange("sadao", "same", 2, 2, List.of("sadao #2"), List.of("sadao #2")),
            new PlanChange("ranong", "withdrawn", 2, 0, List.of("ranong #3"), List.of())),
        List.of(new MethodScore("model (standard effort)", 0.31), new MethodScore("all history", 0.29)),
        List.of(new ReportData.ValidationWeek("2026-W05", 12, 0.5, 0.42), new ReportData.ValidationWeek("2026-W06", 9,
            0.33, 0.33)));
  }
}
