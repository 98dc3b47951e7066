package org.borderwatch.report.weekly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The page is well-formed, self-contained, has every section in order and draws exactly the data. */
class ReportHtmlTest {
  private static Document parse(String xhtml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Element> byClass(Document doc, String tag, String cls) {
    List<Element> out = new ArrayList<>();
    NodeList n = doc.getElementsByTagNameNS("*", tag);
    for (int i = 0; i < n.getLength(); i++) {
      Element e = (Element) n.item(i);
      if (cls.equals(e.getAttribute("class"))) {
        out.add(e);
      }
    }
    return out;
  }

  @Test
  void everySectionInOrderWellFormedAndSelfContained() throws Exception {
    ReportData data = SampleReport.data();
    String page = ReportHtml.render(data);
    Document doc = parse(page); // throws when not well-formed (the PDF printer needs XML)
    NodeList h2 = doc.getElementsByTagNameNS("*", "h2");
    List<String> ids = new ArrayList<>();
    List<String> titles = new ArrayList<>();
    for (int i = 0; i < h2.getLength(); i++) {
      ids.add(((Element) h2.item(i)).getAttribute("id"));
      titles.add(h2.item(i).getTextContent());
    }
    assertEquals(new ArrayList<>(ReportHtml.SECTIONS.keySet()), ids);
    assertEquals(ReportHtml.headings("en"), titles);
    assertEquals("Map and deployment", titles.get(1));
    // the planners' part, then the annex under its own title
    NodeList h1 = doc.getElementsByTagNameNS("*", "h1");
    assertEquals(List.of("borderwatch weekly report: 2026-W10", "Annex: every table in full"),
        List.of(h1.item(0).getTextContent(), h1.item(1).getTextContent()));
    // no script, no external resource, the hostile value only as text
    assertEquals(0, doc.getElementsByTagNameNS("*", "script").getLength());
    assertFalse(page.contains("http://") && page.replace("http://www.w3.org/", "").contains("http://"), page);
    assertFalse(page.contains("https://"));
    assertTrue(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;"));
  }

  static ReportHtml.Options withBasemap(String lang, String paper) {
    return new ReportHtml.Options(lang, paper, Basemap.load("southeast-asia"));
  }

  @Test
  void mapDrawsEveryZoneDeploymentRouteAndCrossing() throws Exception {
    ReportData data = SampleReport.data();
    Document doc = parse(ReportHtml.render(data, withBasemap("en", "A4")));
    assertEquals(data.zones().size(), byClass(doc, "polygon", "zone").size());
    assertEquals(data.zones().size(), byClass(doc, "circle", "zone-halo").size());
    // each zone is its H3 hexagon: six corners about 3.2 km (resolution 6 edge) from its centre
    Element hex = byClass(doc, "polygon", "zone").stream().filter(e -> e.getTextContent().startsWith("#1 "))
        .findFirst().orElseThrow();
    assertEquals(6, hex.getAttribute("points").split(" ").length);
    List<double[]> corners = RegionMap.hexagon(data.zones().get(0));
    for (double[] c : corners) {
      double km = Math.hypot(c[0] - 16.7128, (c[1] - 98.5736) * Math.cos(Math.toRadians(16.71))) * 111.32;
      assertTrue(km > 2.5 && km < 4.5, "corner " + km + " km from the centre");
    }
    assertEquals(data.deployments().size(), byClass(doc, "line", "deployment").size());
    assertEquals(2, byClass(doc, "rect", "base").size());
    assertEquals(data.routes().size(), byClass(doc, "polyline", "route").size());
    int crossings = byClass(doc, "circle", "crossing").size() + byClass(doc, "polygon", "crossing").size();
    assertEquals(data.crossings().size(), crossings);
    // the riskiest zone is drawn largest and its title names its rank and chance
    Element first = byClass(doc, "circle", "zone-halo").stream()
        .filter(e -> e.getTextContent().startsWith("#1 ")).findFirst().orElseThrow();
    assertEquals("#1 866485c17ffffff: 41% chance of a detection", first.getTextContent());
    double r1 = Double.parseDouble(first.getAttribute("r"));
    for (Element e : byClass(doc, "circle", "zone-halo")) {
      assertTrue(Double.parseDouble(e.getAttribute("r")) <= r1);
    }
  }

  @Test
  void projectionKeepsNorthUpEastRightAndDistancesTrue() throws Exception {
    ReportData data = SampleReport.data();
    Document doc = parse(ReportHtml.render(data));
    Element svg = byClass(doc, "svg", "map").get(0);
    double width = Double.parseDouble(svg.getAttribute("width"));
    double height = Double.parseDouble(svg.getAttribute("height"));
    // Mae Sot (16.72N 98.55E) lies north-west of Sadao (6.65N 100.40E): up and to the left
    Element maeSot = byClass(doc, "circle", "zone-halo").stream().filter(e -> e.getTextContent().startsWith("#1 "))
        .findFirst().orElseThrow();
    Element sadao = byClass(doc, "circle", "zone-halo").stream().filter(e -> e.getTextContent().startsWith("#2 "))
        .findFirst().orElseThrow();
    double x1 = Double.parseDouble(maeSot.getAttribute("cx")), y1 = Double.parseDouble(maeSot.getAttribute("cy"));
    double x2 = Double.parseDouble(sadao.getAttribute("cx")), y2 = Double.parseDouble(sadao.getAttribute("cy"));
    assertTrue(x1 < x2 && y1 < y2);
    assertTrue(x1 > 0 && x2 < width && y1 > 0 && y2 < height);
    // equirectangular at the middle latitude: one degree of latitude in pixels = one of longitude / cos(mid)
    double pxPerLat = (y2 - y1) / (16.7128 - 6.6832);
    double pxPerLon = (x2 - x1) / (100.4043 - 98.5736);
    double mid = Math.toRadians(midLatitude(pxPerLat, y1, 16.7128, height));
    assertEquals(pxPerLat * Math.cos(mid), pxPerLon, 0.05 * pxPerLon);
  }

  /** The map's middle latitude from its height and scale: the top edge's latitude minus half the span. */
  private static double midLatitude(double pxPerLat, double y, double lat, double height) {
    double top = lat + y / pxPerLat;
    return top - height / pxPerLat / 2;
  }

  @Test
  void mapHasLandCoastNationalAndProvinceBordersOfTheArea() throws Exception {
    Document doc = parse(ReportHtml.render(SampleReport.data(), withBasemap("en", "A4")));
    Element svg = byClass(doc, "svg", "map").get(0);
    double w = Double.parseDouble(svg.getAttribute("width")), h = Double.parseDouble(svg.getAttribute("height"));
    for (String cls : List.of("coast", "border", "province")) {
      List<Element> paths = byClass(doc, "path", cls);
      assertEquals(2, paths.size(), cls + ": the map's and the inset's");
      String d = paths.get(0).getAttribute("d");
      // many line pieces, and points inside the frame
      long moves = d.chars().filter(c -> c == 'M').count();
      assertTrue(moves > 10, cls + ": " + moves + " lines");
      long inside = java.util.Arrays.stream(d.split("[ML]")).filter(p -> !p.isBlank()).map(p -> p.trim().split(" "))
          .filter(xy -> {
            double x = Double.parseDouble(xy[0]), y = Double.parseDouble(xy[1].replace("Z", ""));
            return x >= 0 && x <= w && y >= 0 && y <= h;
          }).count();
      assertTrue(inside > 100, cls + ": " + inside + " points inside the frame");
    }
    // Thailand's land is drawn and named
    assertTrue(byClass(doc, "g", "land").get(0).getTextContent().contains("Thailand"));
    assertTrue(byClass(doc, "text", "label").stream().anyMatch(e -> e.getTextContent().equals("THAILAND")));
    // a scale bar, an inset at the riskiest zone with its hexagons to scale
    List<Element> bars = byClass(doc, "g", "scale-bar");
    assertEquals(2, bars.size(), "the map's and the inset's");
    assertTrue(bars.stream().allMatch(e -> e.getTextContent().matches("\\d+ km")), bars.get(0).getTextContent());
    assertEquals(SampleReport.data().zones().size(), byClass(doc, "polygon", "zone-inset").size());
  }

  @Test
  void noMapWithoutABasemapStillDrawsTheData() throws Exception {
    Document doc = parse(ReportHtml.render(SampleReport.data()));
    assertEquals(0, byClass(doc, "path", "coast").size());
    assertEquals(3, byClass(doc, "polygon", "zone").size());
  }

  @Test
  void thaiEditionHasEveryHeadingInThaiAndTheFontInline() throws Exception {
    String page = ReportHtml.render(SampleReport.data(), withBasemap("th", "A4"));
    Document doc = parse(page);
    NodeList h2 = doc.getElementsByTagNameNS("*", "h2");
    List<String> titles = new ArrayList<>();
    for (int i = 0; i < h2.getLength(); i++) {
      titles.add(h2.item(i).getTextContent());
    }
    assertEquals(ReportHtml.headings("th"), titles);
    assertEquals("แผนที่และการวางกำลัง", titles.get(1));
    assertEquals("th", doc.getDocumentElement().getAttribute("lang"));
    assertTrue(page.contains("@font-face { font-family: 'Noto Sans Thai'"));
    assertTrue(byClass(doc, "text", "label").stream().anyMatch(e -> e.getTextContent().equals("ไทย")));
    assertTrue(byClass(doc, "text", "label").stream().anyMatch(e -> e.getTextContent().equals("กรุงเทพฯ")));
  }

  @Test
  void planChangesSayWhatEachBaseDoesDifferently() {
    ReportData.Deployment a1 = dep("a", "c1", "x", 1, 2), b1 = dep("b", "c1", "x", 1, 1);
    ReportData.Deployment c1 = dep("c", "c3", "z", 5, 1), d1 = dep("d", "c4", "w", 6, 2);
    List<ReportData.PlanChange> ch = PlanChanges.between(List.of(a1, b1, c1, d1),
        List.of(dep("a", "c2", "y", 2, 2), dep("b", "c1", "x", 1, 2), c1, dep("e", "c9", "v", 9, 1)));
    assertEquals(List.of(
        new ReportData.PlanChange("a", "moved", 2, 2, List.of("x #1"), List.of("y #2")),
        new ReportData.PlanChange("b", "more", 1, 2, List.of("x #1"), List.of("x #1")),
        new ReportData.PlanChange("c", "same", 1, 1, List.of("z #5"), List.of("z #5")),
        new ReportData.PlanChange("d", "withdrawn", 2, 0, List.of("w #6"), List.of()),
        new ReportData.PlanChange("e", "new", 0, 1, List.of(), List.of("v #9"))), ch);
    assertEquals(List.of(), PlanChanges.between(List.of(), List.of()));
    Messages m = Messages.of("en");
    assertEquals("moved (was x #1)", ReportHtml.changeText(m, ch.get(0)));
    assertEquals("more units (1 to 2)", ReportHtml.changeText(m, ch.get(1)));
    assertEquals("withdrawn (had 2 units)", ReportHtml.changeText(m, ch.get(3)));
  }

  private static ReportData.Deployment dep(String base, String cell, String crossing, int rank, int units) {
    return new ReportData.Deployment(base, 0, 0, cell, crossing, 0, 0, units, rank, 0.1);
  }

  private static ReportData forecastsOnly(List<ReportData.ForecastCheck> checks, List<ReportData.MethodScore> backtest,
      List<ReportData.ValidationWeek> weeks) {
    ReportData d = SampleReport.data();
    return new ReportData(d.week(), d.dataWeek(), d.generatedAt(), d.summary(), d.crossings(), d.zones(),
        d.deployments(), d.routes(), d.networks(), d.keyPersons(), d.mules(), d.flows(), d.victimPlaces(), checks,
        d.validation(), d.freshness(), d.caveats(), d.previousPlanWeek(), d.changes(), backtest, weeks);
  }

  private static List<String> chartLabels(ReportData d) throws Exception {
    Document doc = parse(ReportHtml.render(d));
    Element chart = byClass(doc, "svg", "chart").get(0);
    List<String> out = new ArrayList<>();
    NodeList t = chart.getElementsByTagNameNS("*", "text");
    for (int i = 0; i < t.getLength(); i++) {
      out.add(t.item(i).getTextContent());
    }
    return out;
  }

  @Test
  void forecastChartShowsStoredChecksElseValidationWeeksElseTheBacktest() throws Exception {
    ReportData d = SampleReport.data();
    // stored checks with outcomes first (the week without detections has no bar): values, label, legend
    assertEquals(List.of("44%", "33%", "2026-W08", "forecast", "last 12 weeks' detections"), chartLabels(d));
    assertEquals(List.of("50%", "42%", "2026-W05 (12 detections)", "33%", "33%", "2026-W06 (9 detections)",
        "model", "all past detections"), chartLabels(forecastsOnly(List.of(), d.backtest(), d.validationWeeks())));
    assertEquals(List.of("31%", "model (standard effort)", "29%", "all history",
        "share of detections in the top zones"), chartLabels(forecastsOnly(List.of(), d.backtest(), List.of())));
    // the chart's height is fixed, however many weeks it shows
    assertEquals("100", byClass(parse(ReportHtml.render(d)), "svg", "chart").get(0).getAttribute("height"));
    assertEquals(List.of("distance to a", "known crossing"), List.of(ReportHtml.twoLines("distance to a known crossing",
        16)));
    assertEquals(List.of("all history"), List.of(ReportHtml.twoLines("all history", 16)));
    String none = ReportHtml.render(forecastsOnly(List.of(), List.of(), List.of()));
    assertEquals(0, byClass(parse(none), "svg", "chart").size());
    assertTrue(none.contains("No stored forecast for the last 4 weeks has its outcome yet"));
  }

  @Test
  void reasonsReadInTheEditionsWords() {
    ReportData.Reason r = new ReportData.Reason("det_l12", 6, 0, 0.0938);
    assertEquals("Detections in the zone in weeks W-12..W-1: 6 (typically 0), adds 9.38 points to the risk",
        ReportHtml.zoneReason(Messages.of("en"), r));
    assertEquals("Detections in the zone in weeks W-12..W-1: 6, typically 0", ReportHtml.shortReason(Messages.of("en"),
        r));
    assertEquals("การตรวจพบในพื้นที่ในสัปดาห์ W-12..W-1: 6 (ปกติ 0) เพิ่มความเสี่ยง 9.38 จุด",
        ReportHtml.zoneReason(Messages.of("th"), r));
    // a feature no bundle knows reads as its name
    assertEquals("mystery: 1, typically 0", ReportHtml.shortReason(Messages.of("en"),
        new ReportData.Reason("mystery", 1, 0, 0)));
  }

  @Test
  void trendWordsFollowTheChangeAgainstTheRecentMean() {
    assertEquals("rising", ReportHtml.trend(new ReportData.Route(1, "c", "x", "A", "B", 12.5, 6, 6.5, List.of(),
        List.of())));
    assertEquals("falling", ReportHtml.trend(new ReportData.Route(1, "c", "x", "A", "B", 2, 5, -3, List.of(),
        List.of())));
    assertEquals("steady", ReportHtml.trend(new ReportData.Route(1, "c", "x", "A", "B", 5.5, 5, 0.5, List.of(),
        List.of())));
    assertEquals("n/a", ReportHtml.pct(Double.NaN));
    assertEquals("44%", ReportHtml.pct(0.44));
    assertEquals("0.4%", ReportHtml.pct(0.004));
    assertEquals("0%", ReportHtml.pct(0));
  }
}
