package org.borderwatch.report.weekly;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.borderwatch.report.weekly.ReportData.Deployment;
import org.borderwatch.report.weekly.ReportData.Flow;
import org.borderwatch.report.weekly.ReportData.ForecastCheck;
import org.borderwatch.report.weekly.ReportData.Freshness;
import org.borderwatch.report.weekly.ReportData.KeyPerson;
import org.borderwatch.report.weekly.ReportData.MethodScore;
import org.borderwatch.report.weekly.ReportData.MuleAccount;
import org.borderwatch.report.weekly.ReportData.Network;
import org.borderwatch.report.weekly.ReportData.Note;
import org.borderwatch.report.weekly.ReportData.PlanChange;
import org.borderwatch.report.weekly.ReportData.Reason;
import org.borderwatch.report.weekly.ReportData.Route;
import org.borderwatch.report.weekly.ReportData.VictimPlace;
import org.borderwatch.report.weekly.ReportData.Zone;
import org.borderwatch.zones.ZoneFeatures;

/**
 * The planners' weekly report as one self-contained page: well-formed XHTML (so the same page prints to PDF),
 * inline CSS and SVG, no script, no external resource. Printed, its first two pages are the planners' part
 * (page 1: the map and the deployment; page 2: the top zones with one reason each, route changes, victims to
 * protect by place, how recent forecasts fared); the annex after them holds every table in full. Every label
 * and sentence comes from the edition's {@link Messages}.
 */
public final class ReportHtml {
  /** Section id → message key of its heading, in page order: the planners' part, then the annex. */
  public static final Map<String, String> SECTIONS = new LinkedHashMap<>();
  /** The planners' sections (pages 1 and 2). */
  public static final List<String> PLANNER = List.of("summary", "map", "deployments", "zones", "routes", "victims",
      "forecasts");

  static {
    for (String id : List.of("summary", "map", "deployments", "zones", "routes", "victims", "forecasts",
        "annex-zones", "annex-deployments", "annex-routes", "networks", "money", "annex-victims", "annex-forecasts",
        "caveats")) {
      SECTIONS.put(id, "section." + id);
    }
  }

  /** Rows the planners' pages show at most; the annex has them all. */
  static final int PAGE_ZONES = 10;
  static final int PAGE_ROUTES = 6;
  static final int PAGE_VICTIM_PLACES = 6;
  static final int PAGE_BASES = 16;

  /** How the report is printed: edition language, paper (A4 or Letter) and the study area's basemap. */
  public record Options(String lang, String paper, Basemap basemap) {
    public static final List<String> PAPERS = List.of("A4", "Letter");

    public Options {
      if (!PAPERS.contains(paper)) {
        throw new IllegalArgumentException("paper must be one of " + PAPERS + ", not " + paper);
      }
    }

    public static Options defaults() {
      return new Options("en", "A4", Basemap.none());
    }

    /** Printable width and height of the page's content, in CSS pixels (12 mm margins). */
    double[] content() {
      return paper.equals("Letter") ? new double[] {(215.9 - 24) / 25.4 * 96, (279.4 - 24) / 25.4 * 96}
          : new double[] {(210 - 24) / 25.4 * 96, (297 - 24) / 25.4 * 96};
    }
  }

  private static final String CSS = """
      @page { size: %s; margin: 12mm; }
      body { font-family: %s; font-size: 9pt;
             color: #222222; margin: 0 auto; max-width: %.0fpx; }
      h1 { font-size: 16pt; margin: 0 0 2pt 0; color: #1f4e79; }
      h1.annex { page-break-before: always; }
      h2 { font-size: 11.5pt; margin: 8pt 0 3pt 0; color: #1f4e79; border-bottom: 1px solid #1f4e79;
           page-break-after: avoid; }
      h2.page { page-break-before: always; margin-top: 0; }
      p { margin: 2pt 0 3pt 0; }
      p.meta { color: #666666; margin: 0 0 4pt 0; font-size: 8pt; }
      table { border-collapse: collapse; width: 100%%; margin: 2pt 0; font-size: 8pt; }
      th { background: #e8eef5; text-align: left; padding: 1.5pt 3pt; }
      td { border-top: 1px solid #dddddd; padding: 1.5pt 3pt; vertical-align: top; }
      td.n, th.n { text-align: right; }
      tr { page-break-inside: avoid; }
      thead { display: table-header-group; }
      ul { margin: 0; padding-left: 11pt; }
      ul.reasons { margin: 0; padding-left: 11pt; }
      .band-very-high { color: #b2182b; font-weight: bold; }
      .band-high { color: #d6604d; font-weight: bold; }
      .note { color: #555555; font-style: italic; }
      .protect { border-left: 4px solid #1a9850; padding-left: 6pt; }
      table.figures td { border: none; padding: 0.5pt 6pt 0.5pt 0; }
      table.figures td.v { font-weight: bold; font-size: 9.5pt; }
      table.layout, table.layout td { border: none; padding: 0; }
      table.layout td { vertical-align: top; }
      table.layout td.side { padding-left: 10pt; }
      div.fig-l { color: #444444; font-size: 7.5pt; margin-top: 3pt; line-height: 1.15; }
      div.fig-v { font-weight: bold; font-size: 8.5pt; line-height: 1.2; }
      div.furniture { margin-top: 6pt; }
      td, th { line-height: 1.2; }
      table.plan { font-size: 7.5pt; }
      table.plan td, table.plan th { padding: 0.6pt 3pt; line-height: 1.15; }
      td.n + td { padding-left: 5pt; }
      .change-new, .change-moved { color: #1a9850; font-weight: bold; }
      .change-withdrawn { color: #b2182b; font-weight: bold; }
      svg.map { display: block; margin: 2pt 0; }
      """;

  private ReportHtml() {}

  /** The English A4 edition with no basemap (the data on a graticule). */
  public static String render(ReportData d) {
    return render(d, Options.defaults());
  }

  public static String render(ReportData d, Options o) {
    Messages m = Messages.of(o.lang());
    double[] content = o.content();
    StringBuilder s = new StringBuilder(256_000);
    s.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"").append(m.lang())
        .append("\"><head><meta charset=\"utf-8\"/><meta name=\"viewport\" content=\"width=device-width\"/><title>")
        .append(esc(m.get("title", d.week()))).append("</title><style>")
        .append(String.format(Locale.ROOT, CSS, o.paper(), cssFonts(m.lang()), content[0]));
    if (!m.lang().equals("en")) {
      s.append(fontFaces());
    }
    s.append("</style></head><body>\n");
    s.append("<h1>").append(esc(m.get("title", d.week()))).append("</h1>");
    s.append("<p class=\"meta\">").append(esc(m.get("meta", d.week(), d.dataWeek(), d.generatedAt(),
        d.summary().modelVersion()))).append("</p>\n");
    pageOne(s, d, m, o, content);
    pageTwo(s, d, m);
    s.append("<h1 class=\"annex\" id=\"annex\">").append(esc(m.get("annex"))).append("</h1>\n");
    annexZones(s, d, m);
    annexDeployments(s, d, m);
    annexRoutes(s, d, m);
    networks(s, d, m);
    money(s, d, m);
    annexVictims(s, d, m);
    annexForecasts(s, d, m);
    caveats(s, d, m);
    s.append("</body></html>\n");
    return s.toString();
  }

  /** The edition's font families as CSS (see {@link RegionMap#fonts}). */
  static String cssFonts(String lang) {
    StringBuilder b = new StringBuilder();
    for (String f : RegionMap.fonts(lang).split(", ")) {
      b.append(b.length() == 0 ? "" : ", ").append(f.equals("sans-serif") ? f : "'" + f + "'");
    }
    return b.toString();
  }

  /** Headings of every section in the edition's language, in page order. */
  public static List<String> headings(String lang) {
    Messages m = Messages.of(lang);
    return SECTIONS.values().stream().map(m::get).toList();
  }

  /** The bundled Thai font as a data URI, so a browser without Thai fonts renders the page (the PDF embeds it). */
  static String fontFaces() {
    StringBuilder s = new StringBuilder();
    for (String[] f : new String[][] {{ReportPdf.THAI_REGULAR, "400"}, {ReportPdf.THAI_BOLD, "700"}}) {
      try (InputStream in = ReportHtml.class.getClassLoader().getResourceAsStream(f[0])) {
        if (in == null) {
          continue;
        }
        s.append("@font-face { font-family: 'Noto Sans Thai'; font-weight: ").append(f[1])
            .append("; src: url(data:font/ttf;base64,").append(Base64.getEncoder().encodeToString(in.readAllBytes()))
            .append(") format('truetype'); }\n");
      } catch (IOException e) {
        throw new IllegalStateException("cannot read the bundled font " + f[0], e);
      }
    }
    return s.toString();
  }

  private static void section(StringBuilder s, Messages m, String id, String cls) {
    s.append("<h2 id=\"").append(id).append('"').append(cls == null ? "" : " class=\"" + cls + "\"").append('>')
        .append(esc(m.get(SECTIONS.get(id)))).append("</h2>\n");
  }

  /** The headline figures: a two-column table, or label over value in a narrow column beside the map. */
  private static void summary(StringBuilder s, ReportData d, Messages m, boolean narrow) {
    ReportData.Summary x = d.summary();
    section(s, m, "summary", null);
    Zone top = d.zones().isEmpty() ? null : d.zones().get(0);
    List<String[]> f = List.of(
        new String[] {m.get("glance.top"), top == null ? m.get("glance.top.none")
            : m.get("glance.top.value", top.cell(), top.crossingId(), pct(top.probability()))},
        new String[] {m.get("glance.units"), m.get("glance.units.value", x.unitsDeployed(), x.unitsAvailable())},
        new String[] {m.get("glance.expected"), m.get("glance.expected.value", x.expectedInterdictions(),
            x.naiveInterdictions())},
        new String[] {m.get("glance.networks"), m.get("glance.networks.value", x.networks(), d.dataWeek(),
            x.newNetworks())},
        new String[] {m.get("glance.victims"), m.get("glance.victims.value", x.victimAlertsIdentified(),
            x.victimAlertsSuspected())});
    if (narrow) {
      for (String[] r : f) {
        s.append("<div class=\"fig-l\">").append(esc(r[0])).append("</div><div class=\"fig-v\">").append(esc(r[1]))
            .append("</div>");
      }
      s.append('\n');
      return;
    }
    s.append("<table class=\"figures\"><tbody>");
    for (String[] r : f) {
      s.append("<tr><td>").append(esc(r[0])).append("</td><td class=\"v\">").append(esc(r[1])).append("</td></tr>");
    }
    s.append("</tbody></table>\n");
  }

  /**
   * Page 1: the summary, the map and the deployment by base, sized to fit the page. A tall area's map stands
   * beside the summary; a wide one under it; the deployment table takes the page's width below.
   */
  private static void pageOne(StringBuilder s, ReportData d, Messages m, Options o, double[] content) {
    double rows = Math.min(PAGE_BASES, Math.max(1, bases(d).size()));
    // the page less the title, the headings, the deployment's intro and table (rows of about 15 px)
    double mapHeight = content[1] - 95 - 30 - 75 - rows * 15 - 40;
    double sideWidth = content[0] * 0.64;
    if (RegionMap.frame(d, o.basemap(), sideWidth, mapHeight).width() < sideWidth - 0.5) {
      RegionMap.Drawn tall = RegionMap.draw(d, o.basemap(), m, sideWidth, mapHeight, false);
      // a tall area: the summary, the inset and the legend in a column beside the map
      s.append("<table class=\"layout\"><tbody><tr><td class=\"glance\">");
      summary(s, d, m, true);
      if (tall.insetSvg() != null) {
        s.append("<div class=\"furniture\">").append(tall.insetSvg()).append("</div>");
      }
      s.append("<div class=\"furniture\">").append(tall.legendSvg()).append("</div>");
      s.append("</td><td class=\"side\" style=\"width: ").append(Math.round(tall.width() + 2)).append("px\">");
      section(s, m, "map", null);
      s.append(tall.svg()).append("</td></tr></tbody></table>\n");
    } else {
      summary(s, d, m, false);
      section(s, m, "map", null);
      s.append(RegionMap.draw(d, o.basemap(), m, content[0], mapHeight - 120).svg());
    }
    deploymentsByBase(s, d, m);
  }

  private static List<String> bases(ReportData d) {
    List<String> out = new ArrayList<>();
    d.deployments().forEach(x -> {
      if (!out.contains(x.baseId())) {
        out.add(x.baseId());
      }
    });
    if (d.previousPlanWeek() != null) {
      d.changes().stream().filter(c -> c.kind().equals("withdrawn")).forEach(c -> out.add(c.baseId()));
    }
    return out;
  }

  /** Which units go where, one row per base, with what changed since last week's plan. */
  private static void deploymentsByBase(StringBuilder s, ReportData d, Messages m) {
    section(s, m, "deployments", null);
    if (d.deployments().isEmpty()) {
      s.append("<p class=\"note\">").append(esc(m.get("deployments.none"))).append("</p>");
      return;
    }
    s.append("<p>").append(esc(m.get("deployments.intro", d.summary().expectedInterdictions()))).append(' ')
        .append(esc(d.previousPlanWeek() == null ? m.get("deployments.first")
            : m.get("deployments.since", d.previousPlanWeek()))).append("</p>");
    Map<String, PlanChange> change = new LinkedHashMap<>();
    d.changes().forEach(c -> change.put(c.baseId(), c));
    s.append("<table class=\"plan\"><thead><tr><th>").append(esc(m.get("col.base"))).append("</th><th class=\"n\">")
        .append(esc(m.get("col.units"))).append("</th><th>").append(esc(m.get("col.zones"))).append("</th><th>")
        .append(esc(m.get("col.change"))).append("</th></tr></thead><tbody>");
    List<String> bases = bases(d);
    for (String b : bases.subList(0, Math.min(PAGE_BASES, bases.size()))) {
      List<Deployment> rows = d.deployments().stream().filter(x -> x.baseId().equals(b)).toList();
      int units = rows.stream().mapToInt(Deployment::units).sum();
      List<String> zones = rows.stream().map(x -> m.get("deployments.zone", x.crossingId(), x.zoneRank(), x.units()))
          .toList();
      PlanChange c = change.get(b);
      s.append("<tr><td>").append(esc(b)).append("</td><td class=\"n\">").append(units).append("</td><td>")
          .append(esc(zones.isEmpty() ? "–" : String.join(", ", zones))).append("</td><td");
      if (c == null) {
        s.append(">").append(d.previousPlanWeek() == null ? "" : esc(m.get("change.new")));
      } else {
        s.append(" class=\"change-").append(c.kind()).append("\">").append(esc(changeText(m, c)));
      }
      s.append("</td></tr>\n");
    }
    s.append("</tbody></table>\n");
    if (bases.size() > PAGE_BASES) {
      s.append("<p class=\"note\">").append(esc(m.get("more.annex", bases.size() - PAGE_BASES))).append("</p>");
    }
  }

  static String changeText(Messages m, PlanChange c) {
    return switch (c.kind()) {
      case "moved" -> m.get("change.moved", String.join(", ", c.zonesBefore()));
      case "more", "fewer" -> m.get("change." + c.kind(), c.unitsBefore(), c.unitsNow());
      case "withdrawn" -> m.get("change.withdrawn", c.unitsBefore());
      default -> m.get("change." + c.kind());
    };
  }

  /** Page 2: the top zones with one reason each, route changes, victims to protect, how forecasts fared. */
  private static void pageTwo(StringBuilder s, ReportData d, Messages m) {
    section(s, m, "zones", "page");
    if (d.zones().isEmpty()) {
      s.append("<p class=\"note\">").append(esc(m.get("zones.none"))).append("</p>");
    } else {
      s.append("<p>").append(esc(m.get("zones.intro", Math.min(PAGE_ZONES, d.zones().size()),
          d.summary().zonesScored()))).append("</p>");
      s.append("<table class=\"plan\"><thead><tr><th class=\"n\">#</th><th>").append(esc(m.get("col.near")))
          .append("</th><th>").append(esc(m.get("col.zone"))).append("</th><th class=\"n\">")
          .append(esc(m.get("col.chance")))
          .append("</th><th>").append(esc(m.get("col.band"))).append("</th><th class=\"n\">")
          .append(esc(m.get("col.units"))).append("</th><th>").append(esc(m.get("col.why"))).append("</th></tr>"
              + "</thead><tbody>");
      for (Zone z : d.zones().subList(0, Math.min(PAGE_ZONES, d.zones().size()))) {
        s.append("<tr><td class=\"n\">").append(z.rank()).append("</td><td>").append(esc(z.crossingId()))
            .append("</td><td>").append(esc(z.cell())).append("</td><td class=\"n\">").append(pct(z.probability()))
            .append("</td><td class=\"band-").append(z.band().replace(' ', '-')).append("\">")
            .append(esc(band(m, z.band()))).append("</td><td class=\"n\">").append(z.units() == 0 ? "" : z.units())
            .append("</td><td>").append(esc(z.reasons().isEmpty() ? m.get("reason.none")
                : shortReason(m, z.reasons().get(0)))).append("</td></tr>\n");
      }
      s.append("</tbody></table>\n");
    }
    section(s, m, "routes", null);
    if (d.routes().isEmpty()) {
      s.append("<p class=\"note\">").append(esc(m.get("routes.none"))).append("</p>");
    } else {
      s.append("<p>").append(esc(m.get("routes.intro", ReportQueries.ROUTE_HISTORY))).append("</p>");
      routeTable(s, d.routes().subList(0, Math.min(PAGE_ROUTES, d.routes().size())), m, false);
    }
    section(s, m, "victims", null);
    s.append("<div class=\"protect\"><p>").append(esc(m.get("victims.intro", d.dataWeek()))).append("</p>");
    if (d.victimPlaces().isEmpty()) {
      s.append("<p class=\"note\">").append(esc(m.get("victims.none"))).append("</p></div>");
    } else {
      victimTable(s, d.victimPlaces().subList(0, Math.min(PAGE_VICTIM_PLACES, d.victimPlaces().size())), m, true);
      s.append("</div>\n");
    }
    section(s, m, "forecasts", null);
    forecastChart(s, d, m);
  }

  private static String band(Messages m, String band) {
    return m.getOr("band." + band.replace(' ', '-'), band);
  }

  private static void routeTable(StringBuilder s, List<Route> routes, Messages m, boolean allReasons) {
    s.append(allReasons ? "<table><thead>" : "<table class=\"plan\"><thead>").append("<tr><th class=\"n\">#</th><th>")
        .append(esc(m.get("col.corridor"))).append("</th><th>")
        .append(esc(m.get("col.recent"))).append("</th><th class=\"n\">").append(esc(m.get("col.forecast")))
        .append("</th><th class=\"n\">").append(esc(m.get("col.mean4"))).append("</th><th class=\"n\">")
        .append(esc(m.get("col.change"))).append("</th>").append(allReasons ? "<th>" + esc(m.get("col.why"))
            + "</th>" : "").append("</tr></thead><tbody>");
    for (Route r : routes) {
      s.append("<tr><td class=\"n\">").append(r.rank()).append("</td><td>").append(esc(m.get("route.name", r.origin(),
          r.destination(), r.crossingId()))).append("</td><td>").append(RegionMap.sparkline(r.history(),
          r.predicted())).append("</td><td class=\"n\">").append(String.format(Locale.ROOT, "%.1f", r.predicted()))
          .append("</td><td class=\"n\">").append(String.format(Locale.ROOT, "%.1f", r.recent()))
          .append("</td><td class=\"n\">").append(String.format(Locale.ROOT, "%+.1f", r.change())).append(" (")
          .append(esc(m.get("trend." + trend(r)))).append(")</td>");
      if (allReasons) {
        s.append("<td>");
        list(s, r.reasons().stream().map(x -> corridorReason(m, x)).toList(), "");
        s.append("</td>");
      }
      s.append("</tr>\n");
    }
    s.append("</tbody></table>\n");
  }

  static String trend(Route r) {
    double base = Math.max(1, r.recent());
    double rel = r.change() / base;
    return rel >= 0.5 ? "rising" : rel <= -0.5 ? "falling" : "steady";
  }

  private static void victimTable(StringBuilder s, List<VictimPlace> places, Messages m, boolean compact) {
    s.append(compact ? "<table class=\"plan\">" : "<table>").append("<thead><tr><th>").append(esc(m.get("col.place"))).append("</th><th class=\"n\">")
        .append(esc(m.get("col.identified"))).append("</th><th class=\"n\">").append(esc(m.get("col.suspected")))
        .append("</th><th class=\"n\">").append(esc(m.get("col.vulnerable"))).append("</th></tr></thead><tbody>");
    for (VictimPlace v : places) {
      s.append("<tr><td>").append(esc(v.place().equals("unknown") ? m.get("place.unknown") : v.place()))
          .append("</td><td class=\"n\">").append(v.identified()).append("</td><td class=\"n\">").append(v.suspected())
          .append("</td><td class=\"n\">").append(v.vulnerable()).append("</td></tr>\n");
    }
    s.append("</tbody></table>\n");
  }

  /**
   * A small bar chart: stored forecasts of the last weeks against the last-12-weeks ranking; before any stored
   * forecast has its outcome, the zone model's last validation weeks against all history, else the latest
   * backtest's rankings on detections.
   */
  private static void forecastChart(StringBuilder s, ReportData d, Messages m) {
    List<String> labels = new ArrayList<>();
    List<double[]> values = new ArrayList<>(); // one or two bars per row
    String intro;
    List<String> series;
    List<ForecastCheck> checks = d.forecastChecks().stream().filter(c -> !Double.isNaN(c.hitRate())).toList();
    if (!checks.isEmpty()) {
      intro = m.get("forecasts.checks", pct(ReportQueries.TOP_SHARE));
      series = List.of(m.get("forecasts.series.forecast"), m.get("forecasts.series.naive"));
      for (ForecastCheck c : checks) {
        labels.add(c.week());
        values.add(new double[] {c.hitRate(), c.naiveHitRate()});
      }
    } else if (!d.validationWeeks().isEmpty()) {
      intro = m.get("forecasts.validation", pct(ReportQueries.TOP_SHARE));
      series = List.of(m.get("forecasts.series.model"), m.get("forecasts.series.all-history"));
      for (ReportData.ValidationWeek v : d.validationWeeks()) {
        labels.add(m.get("forecasts.week", v.week(), v.detections()));
        values.add(new double[] {v.hitRate(), v.allHistoryHitRate()});
      }
    } else if (!d.backtest().isEmpty()) {
      intro = m.get("forecasts.backtest", pct(ReportQueries.TOP_SHARE));
      series = List.of(m.get("forecasts.series.backtest"));
      for (MethodScore b : d.backtest().subList(0, Math.min(7, d.backtest().size()))) {
        labels.add(m.getOr("method." + slug(b.method()), b.method()));
        values.add(new double[] {b.value()});
      }
    } else {
      s.append("<p class=\"note\">").append(esc(m.get("forecasts.none", ReportQueries.WEEKS_CHECKED))).append("</p>");
      return;
    }
    s.append("<p>").append(esc(intro)).append("</p>");
    s.append(columnChart(labels, values, series, m.lang()));
  }

  /**
   * Columns of shares (one or two per group), in a fixed height whatever the number of groups, so that page 2
   * keeps its size: each group's label under it (on two lines when long), its values above the columns, the
   * series' legend on top.
   */
  static String columnChart(List<String> labels, List<double[]> values, List<String> series, String lang) {
    double w = 600, h = 100, left = 8, top = 20, bottom = 20;
    double plot = h - top - bottom;
    double max = Math.max(0.05, values.stream().mapToDouble(v -> Math.max(v[0], v.length > 1 ? v[1] : 0)).max()
        .orElse(0));
    String[] colours = {"#1f4e79", "#bbbbbb"};
    StringBuilder c = new StringBuilder();
    c.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"%.0f\" "
        + "height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" font-size=\"7\" fill=\"#333333\" font-family=\"%s\">", w, h, w, h,
        RegionMap.fonts(lang)));
    c.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#999999\" "
        + "stroke-width=\"0.6\"/>", left, top + plot, w - 4, top + plot));
    double group = (w - left - 4) / Math.max(1, labels.size());
    for (int i = 0; i < labels.size(); i++) {
      double[] v = values.get(i);
      double bw = Math.min(22, group * 0.8 / v.length);
      double x0 = left + i * group + (group - bw * v.length) / 2;
      for (int k = 0; k < v.length; k++) {
        double bh = Double.isNaN(v[k]) ? 0 : plot * v[k] / max;
        double x = x0 + k * bw;
        c.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
            + "height=\"%.1f\" fill=\"%s\"/><text x=\"%.1f\" y=\"%.1f\" font-size=\"6\" text-anchor=\"middle\">%s"
            + "</text>", x + 0.5, top + plot - bh, bw - 1, bh, colours[k], x + bw / 2, top + plot - bh - 2, pct(v[k])));
      }
      String[] lines = twoLines(labels.get(i), group / (6.5 * Labels.CHAR_WIDTH));
      for (int l = 0; l < lines.length; l++) {
        c.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"6.5\" text-anchor=\"middle\">"
            + "%s</text>", left + i * group + group / 2, top + plot + 9 + l * 8, esc(lines[l])));
      }
    }
    for (int k = 0; k < series.size(); k++) {
      c.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"2\" width=\"8\" height=\"6\" fill=\"%s\"/>"
          + "<text x=\"%.1f\" y=\"8\">%s</text>", left + k * 200, colours[k], left + k * 200 + 11, esc(series.get(k))));
    }
    c.append("</svg>");
    return c.toString();
  }

  /** A label on one line, or on two split at the space nearest its middle when longer than {@code chars}. */
  static String[] twoLines(String label, double chars) {
    if (label.length() <= chars || label.indexOf(' ') < 0) {
      return new String[] {label};
    }
    int mid = label.length() / 2;
    int best = -1;
    for (int i = 0; i < label.length(); i++) {
      if (label.charAt(i) == ' ' && (best < 0 || Math.abs(i - mid) < Math.abs(best - mid))) {
        best = i;
      }
    }
    return new String[] {label.substring(0, best), label.substring(best + 1)};
  }

  // ---- annex

  private static void annexZones(StringBuilder s, ReportData d, Messages m) {
    section(s, m, "annex-zones", null);
    if (d.zones().isEmpty()) {
      s.append("<p class=\"note\">").append(esc(m.get("zones.none"))).append("</p>");
      return;
    }
    s.append("<p class=\"note\">").append(esc(m.get("zones.annex", d.zones().size(), ReportQueries.TOP_ZONES,
        d.summary().zonesScored()))).append("</p>");
    s.append("<table><thead><tr><th class=\"n\">#</th><th>").append(esc(m.get("col.zone"))).append("</th><th>")
        .append(esc(m.get("col.near"))).append("</th><th class=\"n\">").append(esc(m.get("col.chance")))
        .append("</th><th class=\"n\">").append(esc(m.get("col.expected"))).append("</th><th>")
        .append(esc(m.get("col.band"))).append("</th><th class=\"n\">").append(esc(m.get("col.units")))
        .append("</th><th>").append(esc(m.get("col.why"))).append("</th></tr></thead><tbody>");
    for (Zone z : d.zones()) {
      s.append("<tr><td class=\"n\">").append(z.rank()).append("</td><td>").append(esc(z.cell())).append("</td><td>")
          .append(esc(z.crossingId())).append("</td><td class=\"n\">").append(pct(z.probability()))
          .append("</td><td class=\"n\">").append(String.format(Locale.ROOT, "%.2f", z.expected()))
          .append("</td><td class=\"band-").append(z.band().replace(' ', '-')).append("\">").append(esc(band(m,
              z.band()))).append("</td><td class=\"n\">").append(z.units() == 0 ? "" : z.units()).append("</td><td>");
      list(s, z.reasons().stream().map(r -> zoneReason(m, r)).toList(), m.get("reason.none"));
      s.append("</td></tr>\n");
    }
    s.append("</tbody></table>\n");
  }

  private static void annexDeployments(StringBuilder s, ReportData d, Messages m) {
    section(s, m, "annex-deployments", null);
    if (d.deployments().isEmpty()) {
      s.append("<p class=\"note\">").append(esc(m.get("deployments.none"))).append("</p>");
      return;
    }
    s.append("<p>").append(esc(m.get("deployments.method"))).append("</p>");
    s.append("<table><thead><tr><th>").append(esc(m.get("col.base"))).append("</th><th class=\"n\">")
        .append(esc(m.get("col.units"))).append("</th><th>").append(esc(m.get("col.zone"))).append("</th><th>")
        .append(esc(m.get("col.near"))).append("</th><th class=\"n\">").append(esc(m.get("col.rank")))
        .append("</th><th class=\"n\">").append(esc(m.get("col.interdictions"))).append("</th></tr></thead><tbody>");
    for (Deployment x : d.deployments()) {
      s.append("<tr><td>").append(esc(x.baseId())).append("</td><td class=\"n\">").append(x.units())
          .append("</td><td>").append(esc(x.cell())).append("</td><td>").append(esc(x.crossingId()))
          .append("</td><td class=\"n\">").append(x.zoneRank()).append("</td><td class=\"n\">")
          .append(String.format(Locale.ROOT, "%.3f", x.expectedInterdictions())).append("</td></tr>\n");
    }
    s.append("</tbody></table>\n");
  }

  private static void annexRoutes(StringBuilder s, ReportData d, Messages m) {
    section(s, m, "annex-routes", null);
    if (d.routes().isEmpty()) {
      s.append("<p class=\"note\">").append(esc(m.get("routes.none"))).append("</p>");
      return;
    }
    routeTable(s, d.routes(), m, true);
  }

  private static void networks(StringBuilder s, ReportData d, Messages m) {
    section(s, m, "networks", null);
    if (d.networks().isEmpty()) {
      s.append("<p class=\"note\">").append(esc(m.get("networks.none", d.dataWeek()))).append("</p>");
    } else {
      s.append("<table><thead><tr><th>").append(esc(m.get("col.network"))).append("</th><th class=\"n\">")
          .append(esc(m.get("col.members"))).append("</th><th>").append(esc(m.get("col.roles"))).append("</th><th>")
          .append(esc(m.get("col.corridors"))).append("</th><th class=\"n\">").append(esc(m.get("col.cases")))
          .append("</th><th class=\"n\">").append(esc(m.get("col.money"))).append("</th><th>")
          .append(esc(m.get("col.change"))).append("</th></tr></thead><tbody>");
      for (Network n : d.networks()) {
        List<String> roles = new ArrayList<>();
        n.roles().forEach((k, v) -> roles.add(m.getOr("role." + k, k) + " " + v));
        s.append("<tr><td>").append(esc(n.id())).append("</td><td class=\"n\">").append(n.size()).append("</td><td>")
            .append(esc(String.join(", ", roles))).append("</td><td>").append(esc(String.join(", ", n.corridors())))
            .append("</td><td class=\"n\">").append(n.cases()).append("</td><td class=\"n\">")
            .append(String.format(Locale.ROOT, "%,.0f", n.moneyUsd())).append("</td><td>")
            .append(esc(m.getOr("network.change." + n.change(), n.change())))
            .append(n.sizeChange() == 0 ? "" : String.format(Locale.ROOT, " (%+d)", n.sizeChange()))
            .append("</td></tr>\n");
      }
      s.append("</tbody></table>\n");
    }
    if (!d.keyPersons().isEmpty()) {
      s.append("<table><thead><tr><th class=\"n\">#</th><th>").append(esc(m.get("col.person"))).append("</th><th>")
          .append(esc(m.get("col.network"))).append("</th><th>").append(esc(m.get("col.role")))
          .append("</th><th class=\"n\">").append(esc(m.get("col.score"))).append("</th><th>")
          .append(esc(m.get("col.why.links"))).append("</th></tr></thead><tbody>");
      for (KeyPerson k : d.keyPersons()) {
        s.append("<tr><td class=\"n\">").append(k.rank()).append("</td><td>").append(esc(k.personKey()))
            .append("</td><td>").append(esc(k.networkId())).append("</td><td>")
            .append(esc(m.getOr("role." + k.role(), k.role()))).append("</td><td class=\"n\">")
            .append(String.format(Locale.ROOT, "%.2f", k.score())).append("</td><td>");
        list(s, k.reasons(), "");
        s.append("</td></tr>\n");
      }
      s.append("</tbody></table>\n");
    }
  }

  private static void money(StringBuilder s, ReportData d, Messages m) {
    section(s, m, "money", null);
    if (d.mules().isEmpty() && d.flows().isEmpty()) {
      s.append("<p class=\"note\">").append(esc(m.get("money.none", d.dataWeek()))).append("</p>");
      return;
    }
    if (!d.mules().isEmpty()) {
      s.append("<table><thead><tr><th>").append(esc(m.get("col.account"))).append("</th><th class=\"n\">")
          .append(esc(m.get("col.mule"))).append("</th><th>").append(esc(m.get("col.network")))
          .append("</th><th class=\"n\">").append(esc(m.get("col.received"))).append("</th><th>")
          .append(esc(m.get("col.indicators"))).append("</th></tr></thead><tbody>");
      for (MuleAccount x : d.mules()) {
        s.append("<tr><td>").append(esc(x.accountKey())).append("</td><td class=\"n\">")
            .append(String.format(Locale.ROOT, "%.2f", x.score())).append("</td><td>")
            .append(esc(x.networkId() == null ? "" : x.networkId())).append("</td><td class=\"n\">")
            .append(String.format(Locale.ROOT, "%,.0f", x.inUsd())).append("</td><td>");
        list(s, x.reasons(), "");
        s.append("</td></tr>\n");
      }
      s.append("</tbody></table>\n");
    }
    if (!d.flows().isEmpty()) {
      s.append("<table><thead><tr><th>").append(esc(m.get("col.from"))).append("</th><th>")
          .append(esc(m.get("col.to"))).append("</th><th class=\"n\">USD</th><th class=\"n\">")
          .append(esc(m.get("col.transfers"))).append("</th></tr></thead><tbody>");
      for (Flow f : d.flows()) {
        s.append("<tr><td>").append(esc(f.from())).append("</td><td>").append(esc(f.to()))
            .append("</td><td class=\"n\">").append(String.format(Locale.ROOT, "%,.0f", f.amountUsd()))
            .append("</td><td class=\"n\">").append(f.transactions()).append("</td></tr>\n");
      }
      s.append("</tbody></table>\n");
    }
  }

  private static void annexVictims(StringBuilder s, ReportData d, Messages m) {
    section(s, m, "annex-victims", null);
    s.append("<div class=\"protect\"><p>").append(esc(m.get("victims.intro", d.dataWeek()))).append("</p>");
    if (d.victimPlaces().isEmpty()) {
      s.append("<p class=\"note\">").append(esc(m.get("victims.none"))).append("</p></div>");
      return;
    }
    victimTable(s, d.victimPlaces(), m, false);
    s.append("</div>\n");
  }

  private static void annexForecasts(StringBuilder s, ReportData d, Messages m) {
    section(s, m, "annex-forecasts", null);
    if (d.forecastChecks().isEmpty()) {
      s.append("<p class=\"note\">").append(esc(m.get("forecasts.none", ReportQueries.WEEKS_CHECKED))).append("</p>");
    } else {
      s.append("<p>").append(esc(m.get("forecasts.table", pct(ReportQueries.TOP_SHARE)))).append("</p>");
      s.append("<table><thead><tr><th>").append(esc(m.get("col.week"))).append("</th><th class=\"n\">")
          .append(esc(m.get("col.zones"))).append("</th><th class=\"n\">").append(esc(m.get("col.detections")))
          .append("</th><th class=\"n\">").append(esc(m.get("col.forecast.top"))).append("</th><th class=\"n\">")
          .append(esc(m.get("col.naive.top"))).append("</th><th class=\"n\">").append(esc(m.get("col.expected.int")))
          .append("</th><th class=\"n\">").append(esc(m.get("col.int.there"))).append("</th></tr></thead><tbody>");
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
      list(s, d.validation().stream().map(n -> note(m, n)).toList(), "");
    }
  }

  private static void caveats(StringBuilder s, ReportData d, Messages m) {
    section(s, m, "caveats", null);
    list(s, d.caveats().stream().map(n -> note(m, n)).toList(), "");
    if (!d.freshness().isEmpty()) {
      s.append("<table><thead><tr><th>").append(esc(m.get("col.source"))).append("</th><th>")
          .append(esc(m.get("col.latest"))).append("</th><th class=\"n\">").append(esc(m.get("col.rows")))
          .append("</th></tr></thead><tbody>");
      for (Freshness f : d.freshness()) {
        s.append("<tr><td>").append(esc(f.what())).append("</td><td>").append(esc(f.latest()))
            .append("</td><td class=\"n\">").append(String.format(Locale.ROOT, "%,d", f.rows())).append("</td></tr>\n");
      }
      s.append("</tbody></table>\n");
    }
  }

  // ---- words

  /** A value as a message-key part: lower case, runs of other characters as one hyphen. */
  static String slug(String v) {
    return v.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }

  static String note(Messages m, Note n) {
    return m.get(n.key(), n.args().toArray());
  }

  static String feature(Messages m, String f) {
    String english = ZoneFeatures.DEFINITIONS.getOrDefault(f, ZoneFeatures.CORRIDOR_DEFINITIONS.getOrDefault(f, f));
    return m.getOr("feature." + f, english);
  }

  /** A zone's reason in full: the feature, its value and typical value, and what it adds to the risk. */
  static String zoneReason(Messages m, Reason r) {
    return m.get("reason.zone", feature(m, r.feature()), num(r.value()), num(r.typical()), num(r.effect() * 100));
  }

  static String corridorReason(Messages m, Reason r) {
    return m.get("reason.corridor", feature(m, r.feature()), num(r.value()), num(r.typical()), num(r.effect()));
  }

  /** The one reason the planners' page gives: the feature and its value against the typical one. */
  static String shortReason(Messages m, Reason r) {
    return m.get("reason.short", feature(m, r.feature()), num(r.value()), num(r.typical()));
  }

  static String num(double v) {
    if (Math.abs(v - Math.rint(v)) < 1e-9 && Math.abs(v) < 1e9) {
      return String.format(Locale.ROOT, "%,d", (long) Math.rint(v));
    }
    return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%,.1f" : "%.2f", v);
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
