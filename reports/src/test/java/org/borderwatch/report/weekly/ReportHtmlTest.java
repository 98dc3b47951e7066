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
    assertEquals(new ArrayList<>(ReportHtml.SECTIONS.values()), titles);
    // no script, no external resource, the hostile value only as text
    assertEquals(0, doc.getElementsByTagNameNS("*", "script").getLength());
    assertFalse(page.contains("http://") && page.replace("http://www.w3.org/", "").contains("http://"), page);
    assertFalse(page.contains("https://"));
    assertTrue(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;"));
  }

  @Test
  void mapDrawsEveryZoneDeploymentRouteAndCrossing() throws Exception {
    ReportData data = SampleReport.data();
    Document doc = parse(ReportHtml.render(data));
    assertEquals(data.zones().size(), byClass(doc, "circle", "zone").size());
    assertEquals(data.deployments().size(), byClass(doc, "line", "deployment").size());
    assertEquals(2, byClass(doc, "rect", "base").size());
    assertEquals(data.routes().size(), byClass(doc, "polyline", "route").size());
    int crossings = byClass(doc, "circle", "crossing").size() + byClass(doc, "polygon", "crossing").size();
    assertEquals(data.crossings().size(), crossings);
    // the riskiest zone is drawn largest and its title names its rank and chance
    Element first = byClass(doc, "circle", "zone").stream()
        .filter(e -> e.getTextContent().startsWith("#1 ")).findFirst().orElseThrow();
    assertEquals("#1 86649011fffffff: 41% chance of a detection", first.getTextContent());
    double r1 = Double.parseDouble(first.getAttribute("r"));
    for (Element e : byClass(doc, "circle", "zone")) {
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
    Element maeSot = byClass(doc, "circle", "zone").stream().filter(e -> e.getTextContent().startsWith("#1 "))
        .findFirst().orElseThrow();
    Element sadao = byClass(doc, "circle", "zone").stream().filter(e -> e.getTextContent().startsWith("#2 "))
        .findFirst().orElseThrow();
    double x1 = Double.parseDouble(maeSot.getAttribute("cx")), y1 = Double.parseDouble(maeSot.getAttribute("cy"));
    double x2 = Double.parseDouble(sadao.getAttribute("cx")), y2 = Double.parseDouble(sadao.getAttribute("cy"));
    assertTrue(x1 < x2 && y1 < y2);
    assertTrue(x1 > 0 && x2 < width && y1 > 0 && y2 < height);
    // equirectangular at the middle latitude: one degree of latitude in pixels = one of longitude / cos(mid)
    double pxPerLat = (y2 - y1) / (16.72 - 6.65);
    double pxPerLon = (x2 - x1) / (100.40 - 98.55);
    double mid = Math.toRadians(midLatitude(pxPerLat, y1, 16.72, height));
    assertEquals(pxPerLat * Math.cos(mid), pxPerLon, 0.05 * pxPerLon);
  }

  /** The map's middle latitude from its height and scale: the top edge's latitude minus half the span. */
  private static double midLatitude(double pxPerLat, double y, double lat, double height) {
    double top = lat + y / pxPerLat;
    return top - height / pxPerLat / 2;
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
