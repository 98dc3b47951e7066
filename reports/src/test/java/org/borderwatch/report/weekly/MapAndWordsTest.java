package org.borderwatch.report.weekly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.borderwatch.core.error.BorderwatchException;
import org.borderwatch.report.weekly.Labels.Box;
import org.borderwatch.zones.ZoneFeatures;
import org.junit.jupiter.api.Test;

/** Labels never overlap; the basemap loads; every edition has every message with the same placeholders. */
class MapAndWordsTest {
  @Test
  void placedLabelsNeverOverlapEachOtherOrTheBlockedBoxes() {
    // brute force over a crowded random scene: every pair of placed boxes is checked
    Random rnd = new Random(3);
    Labels l = new Labels(400, 300);
    List<Box> blocked = List.of(new Box(0, 200, 150, 300), new Box(300, 0, 400, 80));
    blocked.forEach(l::block);
    int tried = 0;
    for (int i = 0; i < 300; i++) {
      tried++;
      l.place("label " + i, rnd.nextDouble() * 400, rnd.nextDouble() * 300, 8 + rnd.nextInt(4), 4);
    }
    List<Labels.Placed> p = l.placed();
    assertTrue(p.size() > 20 && p.size() < tried, p.size() + " of " + tried + " placed");
    for (int i = 0; i < p.size(); i++) {
      Box a = p.get(i).box();
      assertTrue(a.x0() >= 0 && a.y0() >= 0 && a.x1() <= 400 && a.y1() <= 300, "inside the frame");
      for (Box b : blocked) {
        assertFalse(a.overlaps(b), p.get(i) + " covers a blocked box");
      }
      for (int j = i + 1; j < p.size(); j++) {
        assertFalse(a.overlaps(p.get(j).box()), p.get(i) + " and " + p.get(j));
      }
    }
    // the first label on an empty spot goes to the right of its point
    Labels one = new Labels(200, 100);
    Labels.Placed first = one.place("Mae Sot", 100, 50, 10, 4).orElseThrow();
    assertEquals(104, first.box().x0(), 1e-9);
    assertEquals(45, first.box().y0(), 1e-9);
    // a second label at the same point takes the left
    Labels.Placed second = one.place("Myawaddy", 100, 50, 10, 4).orElseThrow();
    assertEquals(96, second.box().x1(), 1e-9);
  }

  @Test
  void theDemoAreasMapPlacesItsLabelsWithoutCollisions() {
    for (String lang : Messages.LANGUAGES) {
      RegionMap.Drawn d = RegionMap.draw(SampleReport.data(), Basemap.load("southeast-asia"), Messages.of(lang), 400,
          600);
      List<Labels.Placed> p = d.labels();
      assertTrue(p.stream().anyMatch(x -> x.text().equals(lang.equals("th") ? "กรุงเทพฯ" : "Bangkok")), p.toString());
      for (int i = 0; i < p.size(); i++) {
        for (Box b : d.blocks()) {
          assertFalse(p.get(i).box().overlaps(b), p.get(i) + " over the legend, inset or scale bar");
        }
        for (int j = i + 1; j < p.size(); j++) {
          assertFalse(p.get(i).box().overlaps(p.get(j).box()), p.get(i) + " and " + p.get(j));
        }
      }
      assertTrue(d.width() <= 400.5 && d.height() <= 600.5, d.width() + " x " + d.height());
    }
  }

  @Test
  void bundledBasemapHasTheAreasCountriesAndCapitals() {
    Basemap b = Basemap.load("southeast-asia");
    TreeSet<String> iso = new TreeSet<>();
    b.countries().stream().filter(c -> c.iso3() != null).forEach(c -> iso.add(c.iso3()));
    assertTrue(iso.containsAll(List.of("MMR", "THA", "LAO", "KHM", "VNM", "MYS", "IDN")), iso.toString());
    assertEquals(List.of("MMR", "LAO", "KHM", "VNM", "THA", "MYS", "IDN"), new ArrayList<>(b.places().keySet()));
    assertEquals("Bangkok", b.places().get("THA").name("en"));
    assertEquals("กรุงเทพฯ", b.places().get("THA").name("th"));
    assertEquals("Bangkok", b.places().get("THA").name("vi"), "a language without a name: English");
    assertTrue(b.coast().size() > 50 && b.borders().size() > 10 && b.provinces().size() > 100);
    // Bangkok lies on Thai land: inside one of Thailand's rings
    Basemap.Country th = b.countries().stream().filter(c -> "THA".equals(c.iso3())).findFirst().orElseThrow();
    assertTrue(th.rings().stream().anyMatch(r -> contains(r, 100.50, 13.75)));
    assertFalse(th.rings().stream().anyMatch(r -> contains(r, 98.0, 8.5)), "the Andaman Sea is not Thai land");
    assertEquals(0, Basemap.load("none").countries().size());
    BorderwatchException e = assertThrows(BorderwatchException.class, () -> Basemap.load("atlantis"));
    assertTrue(e.getMessage().contains("report.basemap") && e.getMessage().contains("atlantis"), e.getMessage());
    e = assertThrows(BorderwatchException.class, () -> Basemap.load("/nowhere/area.json"));
    assertTrue(e.getMessage().contains("/nowhere/area.json"), e.getMessage());
  }

  /** Ray casting. */
  private static boolean contains(double[] ring, double x, double y) {
    boolean in = false;
    int n = ring.length / 2;
    for (int i = 0, j = n - 1; i < n; j = i++) {
      double xi = ring[2 * i], yi = ring[2 * i + 1], xj = ring[2 * j], yj = ring[2 * j + 1];
      if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
        in = !in;
      }
    }
    return in;
  }

  private static Properties bundle(String name) throws Exception {
    Properties p = new Properties();
    try (InputStream in = MapAndWordsTest.class.getClassLoader().getResourceAsStream("borderwatch/report/" + name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  private static List<String> placeholders(String pattern) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("%(\\d+\\$)?[-+,.0-9]*[sdf%]").matcher(pattern);
    while (m.find()) {
      out.add(m.group().replaceAll("[-+,.0-9]*(?=[sdf%]$)", ""));
    }
    out.sort(null);
    return out;
  }

  @Test
  void everyEditionHasEveryMessageWithTheSamePlaceholders() throws Exception {
    Properties en = bundle("messages.properties");
    assertEquals(List.of("en", "th"), Messages.LANGUAGES);
    Properties th = bundle("messages_th.properties");
    for (String k : en.stringPropertyNames()) {
      assertTrue(th.containsKey(k), "messages_th.properties lacks " + k);
      assertEquals(placeholders(en.getProperty(k)), placeholders(th.getProperty(k)), k);
    }
    // Thai has words for every model feature, every country the area's map names, every ranking
    for (String f : ZoneFeatures.DEFINITIONS.keySet()) {
      assertTrue(th.containsKey("feature." + f), "feature." + f);
    }
    for (String f : ZoneFeatures.CORRIDOR_DEFINITIONS.keySet()) {
      assertTrue(th.containsKey("feature." + f), "feature." + f);
    }
    for (Basemap.Country c : Basemap.load("southeast-asia").countries()) {
      assertTrue(c.iso3() == null || th.containsKey("country." + c.iso3()), "country." + c.iso3());
    }
    for (String method : List.of(org.borderwatch.models.backtest.Backtest.MODEL_STD,
        org.borderwatch.models.backtest.Backtest.MODEL_PLAN, org.borderwatch.models.backtest.Backtest.LAST_WEEK,
        org.borderwatch.models.backtest.Backtest.LAST_4, org.borderwatch.models.backtest.Backtest.LAST_12,
        org.borderwatch.models.backtest.Backtest.ALL_HISTORY, org.borderwatch.models.backtest.Backtest.KDE,
        org.borderwatch.models.backtest.Backtest.DISTANCE)) {
      assertTrue(th.containsKey("method." + ReportHtml.slug(method)), "method." + ReportHtml.slug(method));
    }
    // every message the code asks for is in the bundle (a missing one fails loudly, not silently)
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Messages.of("th").get("no.such.key"));
    assertTrue(e.getMessage().contains("no.such.key"));
    BorderwatchException bad = assertThrows(BorderwatchException.class, () -> Messages.of("xx"));
    assertTrue(bad.getMessage().contains("en, th"), bad.getMessage());
  }
}
