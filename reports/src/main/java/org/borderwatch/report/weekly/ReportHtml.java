package org.borderwatch.report.weekly;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.borderwatch.report.weekly.ReportData.Deployment;
import org.borderwatch.report.weekly.ReportData.Flow;
import org.borderwatch.report.weekly.ReportData.ForecastCheck;
import org.borderwatch.report.weekly.ReportData.Freshness;
import org.borderwatch.report.weekly.ReportData.KeyPerson;
import org.borderwatch.report.weekly.ReportData.MuleAccount;
import org.borderwatch.report.weekly.ReportData.Network;
import org.borderwatch.report.weekly.ReportData.Route;
import org.borderwatch.report.weekly.ReportData.VictimPlace;
import org.borderwatch.report.weekly.ReportData.Zone;

/**
 * The planners' weekly report as one self-contained page: well-formed XHTML (so the same page prints to PDF),
 * inline CSS and SVG, no script, no external resource.
 */
public final class ReportHtml {
  /** Section id → heading, in page order: the sections the report always has. */
  public static final Map<String, String> SECTIONS = new LinkedHashMap<>();

  static {
    SECTIONS.put("summary", "This week at a glance");
    SECTIONS.put("map", "Map of the region");
    SECTIONS.put("zones", "Top zones and why");
    SECTIONS.put("deployments", "Recommended deployments");
    SECTIONS.put("routes", "Route changes");
    SECTIONS.put("networks", "Networks and key individuals to prioritise");
    SECTIONS.put("money", "Money hubs");
    SECTIONS.put("victims", "Victim protection by place");
    SECTIONS.put("forecasts", "How recent forecasts fared");
    SECTIONS.put("caveats", "Caveats and data freshness");
  }

  private static final String CSS = """
      @page { size: A4; margin: 12mm; }
      body { font-family: 'DejaVu Sans', Helvetica, Arial, sans-serif; font-size: 10pt; color: #222222;
             margin: 0 auto; max-width: 190mm; }
      h1 { font-size: 18pt; margin: 0 0 2pt 0; color: #1f4e79; }
      h2 { font-size: 13pt; margin: 14pt 0 4pt 0; color: #1f4e79; border-bottom: 1px solid #1f4e79;
           page-break-after: avoid; }
      p.meta { color: #666666; margin: 0 0 6pt 0; font-size: 9pt; }
      table { border-collapse: collapse; width: 100%; margin: 4pt 0; font-size: 8.5pt; }
      th { background: #e8eef5; text-align: left; padding: 2pt 4pt; }
      td { border-top: 1px solid #dddddd; padding: 2pt 4pt; vertical-align: top; }
      td.n, th.n { text-align: right; }
      tr { page-break-inside: avoid; }
      ul.reasons { margin: 0; padding-left: 12pt; }
      .band-very-high { color: #b2182b; font-weight: bold; }
      .band-high { color: #d6604d; font-weight: bold; }
      .note { color: #555555; font-style: italic; }
      .protect { border-left: 4px solid #1a9850; padding-left: 6pt; }
      .figures td { border: none; padding: 1pt 8pt 1pt 0; }
      .figures td.v { font-weight: bold; font-size: 11pt; }
      svg.map { display: block; margin: 4pt 0; }
      h2#map { page-break-before: always; }
      """;

  private ReportHtml() {}

  public static String render(ReportData d) {
    StringBuilder s = new StringBuilder(64_000);
    s.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head>"
        + "<meta charset=\"utf-8\"/><meta name=\"viewport\" content=\"width=device-width\"/>"
        + "<title>borderwatch weekly report ").append(esc(d.week())).append("</title><style>").append(CSS)
        .append("</style></head><body>\n");
    s.append("<h1>borderwatch weekly report: ").append(esc(d.week())).append("</h1>");
    s.append("<p class=\"meta\">Deployment plan for ISO week ").append(esc(d.week())).append(", from data to ")
        .append(esc(d.dataWeek())).append(". Generated ").append(esc(d.generatedAt())).append("; zone model ")
        .append(esc(d.summary().modelVersion())).append(". Persons and accounts pseudonymised.</p>\n");
    summary(s, d);
    section(s, "map");
    s.append(RegionMap.svg(d, 640));
    s.append("<p class=\"note\">Zones: the ").append(d.zones().size()).append(" shown are the top ")
        .append(ReportQueries.TOP_ZONES).append(" and every zone with units; ").append(d.summary().zonesScored())
        .append(" zones were scored.</p>\n");
    zones(s, d);
    deployments(s, d);
    routes(s, d);
    networks(s, d);
    money(s, d);
    victims(s, d);
    forecasts(s, d);
    caveats(s, d);
    s.append("</body></html>\n");
    return s.toString();
  }

  private static void section(StringBuilder s, String id) {
    s.append("<h2 id=\"").append(id).append("\">").append(esc(SECTIONS.get(id))).append("</h2>\n");
  }

  private static void summary(StringBuilder s, ReportData d) {
    ReportData.Summary m = d.summary();
    section(s, "summary");
    Zone top = d.zones().isEmpty() ? null : d.zones().get(0);
    s.append("<table class=\"figures\"><tbody>");
    figure(s, "Riskiest zone", top == null ? "none" : top.cell() + " near " + top.crossingId() + " ("
        + pct(top.probability()) + " chance of a detection)");
    figure(s, "Units deployed", m.unitsDeployed() + " of " + m.unitsAvailable());
    figure(s, "Expected interdictions", String.format(Locale.ROOT, "%.2f with this plan; %.2f with each unit on "
        + "the riskiest zone in its reach", m.expectedInterdictions(), m.naiveInterdictions()));
    figure(s, "Offender networks", m.networks() + " active in " + d.dataWeek() + ", " + m.newNetworks() + " new");
    figure(s, "Possible victims to protect", m.victimAlertsIdentified() + " identified, "
        + m.victimAlertsSuspected() + " suspected (for referral)");
    s.append("</tbody></table>\n");
  }

  private static void figure(StringBuilder s, String label, String value) {
    s.append("<tr><td>").append(esc(label)).append("</td><td class=\"v\">").append(esc(value)).append("</td></tr>");
  }

  private static void zones(StringBuilder s, ReportData d) {
    section(s, "zones");
    if (d.zones().isEmpty()) {
      s.append("<p class=\"note\">No zones scored.</p>");
      return;
    }
    s.append("<table><thead><tr><th class=\"n\">#</th><th>Zone (H3)</th><th>Near</th><th class=\"n\">Chance</th>"
        + "<th class=\"n\">Expected</th><th>Band</th><th class=\"n\">Units</th><th>Why</th></tr></thead><tbody>");
    for (Zone z : d.zones()) {
      s.append("<tr><td class=\"n\">").append(z.rank()).append("</td><td>").append(esc(z.cell())).append("</td><td>")
          .append(esc(z.crossingId())).append("</td><td class=\"n\">").append(pct(z.probability()))
          .append("</td><td class=\"n\">").append(String.format(Locale.ROOT, "%.2f", z.expected()))
          .append("</td><td class=\"band-").append(z.band().replace(' ', '-')).append("\">").append(esc(z.band()))
          .append("</td><td class=\"n\">").append(z.units() == 0 ? "" : z.units()).append("</td><td>");
      list(s, z.reasons(), "no single feature stands out");
      s.append("</td></tr>\n");
    }
    s.append("</tbody></table>\n");
  }

  private static void deployments(StringBuilder s, ReportData d) {
    section(s, "deployments");
    if (d.deployments().isEmpty()) {
      s.append("<p class=\"note\">No deployment recommendations for this week.</p>");
      return;
    }
    s.append("<p>Units allocated to maximise expected interdictions with diminishing returns for stacking units on "
        + "one zone, each within its base's reach (exact allocation, see docs).</p>");
    s.append("<table><thead><tr><th>Base</th><th class=\"n\">Units</th><th>Zone</th><th>Near</th>"
        + "<th class=\"n\">Zone rank</th><th class=\"n\">Expected interdictions</th></tr></thead><tbody>");
    for (Deployment x : d.deployments()) {
      s.append("<tr><td>").append(esc(x.baseId())).append("</td><td class=\"n\">").append(x.units())
          .append("</td><td>").append(esc(x.cell())).append("</td><td>").append(esc(x.crossingId()))
          .append("</td><td class=\"n\">").append(x.zoneRank()).append("</td><td class=\"n\">")
          .append(String.format(Locale.ROOT, "%.3f", x.expectedInterdictions())).append("</td></tr>\n");
    }
    s.append("</tbody></table>\n");
  }

  private static void routes(StringBuilder s, ReportData d) {
    section(s, "routes");
    if (d.routes().isEmpty()) {
      s.append("<p class=\"note\">No corridor forecast for this week.</p>");
      return;
    }
    s.append("<p>People seen per week at each corridor's crossing over the last ")
        .append(ReportQueries.ROUTE_HISTORY).append(" weeks (grey) and next week's forecast (purple).</p>");
    s.append("<table><thead><tr><th class=\"n\">#</th><th>Corridor</th><th>Recent weeks</th>"
        + "<th class=\"n\">Forecast</th><th class=\"n\">4-week mean</th><th class=\"n\">Change</th><th>Why</th>"
        + "</tr></thead><tbody>");
    for (Route r : d.routes()) {
      s.append("<tr><td class=\"n\">").append(r.rank()).append("</td><td>").append(esc(r.origin())).append(" to ")
          .append(esc(r.destination())).append(" via ").append(esc(r.crossingId())).append("</td><td>")
          .append(RegionMap.sparkline(r.history(), r.predicted())).append("</td><td class=\"n\">")
          .append(String.format(Locale.ROOT, "%.1f", r.predicted())).append("</td><td class=\"n\">")
          .append(String.format(Locale.ROOT, "%.1f", r.recent())).append("</td><td class=\"n\">")
          .append(String.format(Locale.ROOT, "%+.1f", r.change())).append(" (").append(trend(r)).append(")</td><td>");
      list(s, r.reasons(), "");
      s.append("</td></tr>\n");
    }
    s.append("</tbody></table>\n");
  }

  static String trend(Route r) {
    double base = Math.max(1, r.recent());
    double rel = r.change() / base;
    return rel >= 0.5 ? "rising" : rel <= -0.5 ? "falling" : "steady";
  }

  private static void networks(StringBuilder s, ReportData d) {
    section(s, "networks");
    if (d.networks().isEmpty()) {
      s.append("<p class=\"note\">No networks analysed for ").append(esc(d.dataWeek())).append(".</p>");
    } else {
      s.append("<table><thead><tr><th>Network</th><th class=\"n\">Members</th><th>Roles</th><th>Corridors</th>"
          + "<th class=\"n\">Cases</th><th class=\"n\">Money (USD)</th><th>Change</th></tr></thead><tbody>");
      for (Network n : d.networks()) {
        List<String> roles = new ArrayList<>();
        n.roles().forEach((k, v) -> roles.add(k + " " + v));
        s.append("<tr><td>").append(esc(n.id())).append("</td><td class=\"n\">").append(n.size()).append("</td><td>")
            .append(esc(String.join(", ", roles))).append("</td><td>").append(esc(String.join(", ", n.corridors())))
            .append("</td><td class=\"n\">").append(n.cases()).append("</td><td class=\"n\">")
            .append(String.format(Locale.ROOT, "%,.0f", n.moneyUsd())).append("</td><td>").append(esc(n.change()))
            .append(n.sizeChange() == 0 ? "" : String.format(Locale.ROOT, " (%+d)", n.sizeChange()))
            .append("</td></tr>\n");
      }
      s.append("</tbody></table>\n");
    }
    if (!d.keyPersons().isEmpty()) {
      s.append("<table><thead><tr><th class=\"n\">#</th><th>Person</th><th>Network</th><th>Role</th>"
          + "<th class=\"n\">Score</th><th>Why (links and case files)</th></tr></thead><tbody>");
      for (KeyPerson k : d.keyPersons()) {
        s.append("<tr><td class=\"n\">").append(k.rank()).append("</td><td>").append(esc(k.personKey()))
            .append("</td><td>").append(esc(k.networkId())).append("</td><td>").append(esc(k.role()))
            .append("</td><td class=\"n\">").append(String.format(Locale.ROOT, "%.2f", k.score())).append("</td><td>");
        list(s, k.reasons(), "");
        s.append("</td></tr>\n");
      }
      s.append("</tbody></table>\n");
    }
  }

  private static void money(StringBuilder s, ReportData d) {
    section(s, "money");
    if (d.mules().isEmpty() && d.flows().isEmpty()) {
      s.append("<p class=\"note\">No money analysis for ").append(esc(d.dataWeek())).append(".</p>");
      return;
    }
    if (!d.mules().isEmpty()) {
      s.append("<table><thead><tr><th>Account</th><th class=\"n\">Mule score</th><th>Network</th>"
          + "<th class=\"n\">Received (USD)</th><th>Indicators</th></tr></thead><tbody>");
      for (MuleAccount m : d.mules()) {
        s.append("<tr><td>").append(esc(m.accountKey())).append("</td><td class=\"n\">")
            .append(String.format(Locale.ROOT, "%.2f", m.score())).append("</td><td>")
            .append(esc(m.networkId() == null ? "" : m.networkId())).append("</td><td class=\"n\">")
            .append(String.format(Locale.ROOT, "%,.0f", m.inUsd())).append("</td><td>");
        list(s, m.reasons(), "");
        s.append("</td></tr>\n");
      }
      s.append("</tbody></table>\n");
    }
    if (!d.flows().isEmpty()) {
      s.append("<table><thead><tr><th>From</th><th>To</th><th class=\"n\">USD</th><th class=\"n\">Transfers</th>"
          + "</tr></thead><tbody>");
      for (Flow f : d.flows()) {
        s.append("<tr><td>").append(esc(f.from())).append("</td><td>").append(esc(f.to()))
            .append("</td><td class=\"n\">").append(String.format(Locale.ROOT, "%,.0f", f.amountUsd()))
            .append("</td><td class=\"n\">").append(f.transactions()).append("</td></tr>\n");
      }
      s.append("</tbody></table>\n");
    }
  }

  private static void victims(StringBuilder s, ReportData d) {
    section(s, "victims");
    s.append("<div class=\"protect\"><p>For protection and referral only, never for enforcement targeting. "
        + "Counts of persons last seen at each place in ").append(esc(d.dataWeek()))
        .append("; names and keys are in gold.victim_alerts for cleared staff.</p>");
    if (d.victimPlaces().isEmpty()) {
      s.append("<p class=\"note\">No victim alerts.</p></div>");
      return;
    }
    s.append("<table><thead><tr><th>Place</th><th class=\"n\">Identified</th><th class=\"n\">Suspected</th>"
        + "<th class=\"n\">Vulnerability exploited</th></tr></thead><tbody>");
    for (VictimPlace v : d.victimPlaces()) {
      s.append("<tr><td>").append(esc(v.place())).append("</td><td class=\"n\">").append(v.identified())
          .append("</td><td class=\"n\">").append(v.suspected()).append("</td><td class=\"n\">").append(v.vulnerable())
          .append("</td></tr>\n");
    }
    s.append("</tbody></table></div>\n");
  }

  private static void forecasts(StringBuilder s, ReportData d) {
    section(s, "forecasts");
    if (d.forecastChecks().isEmpty()) {
      s.append("<p class=\"note\">No stored forecast for the last ").append(ReportQueries.WEEKS_CHECKED)
          .append(" weeks has its outcome yet (forecasts are kept from each weekly run and checked here once the "
              + "week's data arrive).</p>");
    } else {
      s.append("<p>Share of each week's detections that fell in the zones ranked in the top ")
          .append(pct(ReportQueries.TOP_SHARE)).append(", against ranking zones by their last 12 weeks' detections; "
              + "and interdictions in the zones that week's plan sent units to.</p>");
      s.append("<table><thead><tr><th>Week</th><th class=\"n\">Zones</th><th class=\"n\">Detections</th>"
          + "<th class=\"n\">Forecast top zones</th><th class=\"n\">Last-12-weeks top zones</th>"
          + "<th class=\"n\">Expected interdictions</th><th class=\"n\">Interdictions there</th></tr></thead><tbody>");
      for (ForecastCheck c : d.forecastChecks()) {
        s.append("<tr><td>").append(esc(c.week())).append("</td><td class=\"n\">").append(c.zones())
            .append("</td><td class=\"n\">").append(c.detections()).append("</td><td class=\"n\">")
            .append(pct(c.hitRate())).append("</td><td class=\"n\">").append(pct(c.naiveHitRate()))
            .append("</td><td class=\"n\">").append(String.format(Locale.ROOT, "%.2f", c.expectedInterdictions()))
            .append("</td><td class=\"n\">").append(c.interdictionsInDeployedZones()).append("</td></tr>\n");
      }
      s.append("</tbody></table>\n");
    }
    if (!d.validation().isEmpty()) {
      s.append("<ul>");
      for (String v : d.validation()) {
        s.append("<li>").append(esc(v)).append("</li>");
      }
      s.append("</ul>\n");
    }
  }

  private static void caveats(StringBuilder s, ReportData d) {
    section(s, "caveats");
    s.append("<ul>");
    for (String c : d.caveats()) {
      s.append("<li>").append(esc(c)).append("</li>");
    }
    s.append("</ul>\n");
    if (!d.freshness().isEmpty()) {
      s.append("<table><thead><tr><th>Source or job</th><th>Latest</th><th class=\"n\">Rows or runs</th></tr>"
          + "</thead><tbody>");
      for (Freshness f : d.freshness()) {
        s.append("<tr><td>").append(esc(f.what())).append("</td><td>").append(esc(f.latest()))
            .append("</td><td class=\"n\">").append(String.format(Locale.ROOT, "%,d", f.rows())).append("</td></tr>\n");
      }
      s.append("</tbody></table>\n");
    }
  }

  private static void list(StringBuilder s, List<String> items, String empty) {
    if (items.isEmpty()) {
      s.append(esc(empty));
      return;
    }
    s.append("<ul class=\"reasons\">");
    for (String i : items) {
      s.append("<li>").append(esc(i)).append("</li>");
    }
    s.append("</ul>");
  }

  static String pct(double p) {
    if (Double.isNaN(p)) {
      return "n/a";
    }
    return String.format(Locale.ROOT, p > 0 && p < 0.1 ? "%.1f%%" : "%.0f%%", 100 * p);
  }

  /** XML-escapes text for element content and attribute values. */
  static String esc(String v) {
    if (v == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(v.length());
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t') {
            b.append(' ');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
