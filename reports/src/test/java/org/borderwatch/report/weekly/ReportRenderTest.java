package org.borderwatch.report.weekly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report renders in headless Chromium without console messages; its PDF has every section, its planners'
 * part on two pages (A4 and Letter), and the Thai edition prints Thai glyphs in the PDF and in Chromium.
 */
public class ReportRenderTest {
  static final Path OUT = Path.of("target", "report-render");

  /** Share of pixels that are not (near) white: a blank or failed render has none. */
  public static double inked(BufferedImage img) {
    long ink = 0;
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) {
        int rgb = img.getRGB(x, y);
        int r = (rgb >> 16) & 255, g = (rgb >> 8) & 255, b = rgb & 255;
        if (r + g + b < 600) {
          ink++;
        }
      }
    }
    return ink / (double) ((img.getHeight() / 2) * (img.getWidth() / 2));
  }

  /** Share of pixels with any colour (not near white): the map's land and sea count, white paper does not. */
  public static double tinted(BufferedImage img) {
    long tint = 0;
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) {
        int rgb = img.getRGB(x, y);
        if (((rgb >> 16) & 255) + ((rgb >> 8) & 255) + (rgb & 255) < 735) {
          tint++;
        }
      }
    }
    return tint / (double) ((img.getHeight() / 2) * (img.getWidth() / 2));
  }

  /**
   * Thai text as a PDF's text layer gives it back: without spaces and without the combining vowel and tone
   * marks, whose order the extraction does not keep (it reads them by position) and which a text layer may map
   * to NUL.
   */
  public static String thaiKey(String s) {
    return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC).replaceAll("\\s+", "")
        .replaceAll("[\\u0000\\u0E31\\u0E34-\\u0E3A\\u0E47-\\u0E4E]", "");
  }

  @Test
  void pageRendersInChromiumWithoutConsoleMessages() throws Exception {
    Files.createDirectories(OUT);
    Path page = OUT.resolve("report.html");
    Files.writeString(page, ReportHtml.render(SampleReport.data(), ReportHtmlTest.withBasemap("en", "A4")));
    Chromium.Render r = Chromium.screenshot(page, OUT.resolve("report.png"), 1000, 1400);
    assertEquals(List.of(), r.console(), r.log());
    BufferedImage img = ImageIO.read(r.screenshot().toFile());
    assertEquals(1000, img.getWidth());
    assertTrue(inked(img) > 0.02, "the screenshot shows the page");
  }

  @Test
  void consoleCheckCatchesAnErrorOnAPage(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.html");
    Files.writeString(bad, "<!DOCTYPE html><html><body><p>x</p><script>console.error('broken'); missing();"
        + "</script></body></html>");
    Chromium.Render r = Chromium.screenshot(bad, dir.resolve("bad.png"), 400, 300);
    assertEquals(2, r.console().size(), r.log());
    assertTrue(r.console().get(1).contains("missing is not defined"), r.console().toString());
  }

  /** The text of each page of a PDF, whitespace collapsed. */
  public static List<String> pageTexts(PDDocument doc) throws java.io.IOException {
    List<String> out = new java.util.ArrayList<>();
    PDFTextStripper byPage = new PDFTextStripper();
    for (int p = 1; p <= doc.getNumberOfPages(); p++) {
      byPage.setStartPage(p);
      byPage.setEndPage(p);
      out.add(byPage.getText(doc).replaceAll("\\s+", " "));
    }
    return out;
  }

  /**
   * The planners' part of a printed report is two pages: page 1 has the title, the summary, the map and the
   * deployment; page 2 the zones, routes, victims and forecasts; the annex starts on page 3.
   */
  public static void assertPlannerPartIsTwoPages(PDDocument doc, String lang) throws java.io.IOException {
    List<String> pages = pageTexts(doc);
    List<String> h = ReportHtml.headings(lang);
    List<String> ids = new java.util.ArrayList<>(ReportHtml.SECTIONS.keySet());
    assertTrue(pages.size() >= 3, pages.size() + " pages");
    for (int k = 0; k < ids.size(); k++) {
      String id = ids.get(k);
      int want = List.of("summary", "map", "deployments").contains(id) ? 1 : ReportHtml.PLANNER.contains(id) ? 2 : 3;
      int first = -1;
      for (int p = 0; p < pages.size() && first < 0; p++) {
        if (pages.get(p).contains(h.get(k))) {
          first = p + 1;
        }
      }
      if (want < 3) {
        assertEquals(want, first, "'" + h.get(k) + "' (" + id + ") on page " + want);
      } else {
        assertTrue(first >= 3, "'" + h.get(k) + "' (" + id + ") in the annex, page " + first);
      }
    }
    String annex = Messages.of(lang).get("annex");
    assertTrue(pages.get(2).strip().startsWith(annex), "page 3 opens the annex: " + pages.get(2).substring(0,
        Math.min(80, pages.get(2).length())));
  }

  @Test
  void pdfPlannerPartIsTwoPagesOnA4AndLetterAndEveryPageRenders() throws Exception {
    Files.createDirectories(OUT);
    for (String paper : ReportHtml.Options.PAPERS) {
      Path pdf = OUT.resolve("report-" + paper + ".pdf");
      ReportPdf.write(ReportHtml.render(SampleReport.data(), ReportHtmlTest.withBasemap("en", paper)), pdf);
      try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
        assertPlannerPartIsTwoPages(doc, "en");
        String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        int at = -1;
        for (String heading : ReportHtml.headings("en")) {
          int i = text.indexOf(heading, at + 1);
          assertTrue(i > at, heading + " in order in the PDF text");
          at = i;
        }
        assertTrue(text.contains("866485c17ffffff") && text.contains("NET-AAAA") && text.contains("checkpoint ranong"));
        // what changed since last week's plan, on page 1
        assertTrue(pageTexts(doc).get(0).contains("moved (was mae-sai #4)"), pageTexts(doc).get(0));
        PDFRenderer renderer = new PDFRenderer(doc);
        // A4: 210 × 297 mm = 595.3 × 841.9 pt; Letter: 8.5 × 11 in = 612 × 792 pt
        double w = paper.equals("A4") ? 595.3 : 612, h = paper.equals("A4") ? 841.9 : 792;
        for (int p = 0; p < doc.getNumberOfPages(); p++) {
          assertEquals(w, doc.getPage(p).getMediaBox().getWidth(), 0.5, paper + " width, page " + (p + 1));
          assertEquals(h, doc.getPage(p).getMediaBox().getHeight(), 0.5, paper + " height, page " + (p + 1));
          BufferedImage img = renderer.renderImageWithDPI(p, p < 2 ? 100 : 50);
          Path png = OUT.resolve("report-" + paper + "-page-" + (p + 1) + ".png");
          ImageIO.write(img, "png", png.toFile());
          BufferedImage back = ImageIO.read(png.toFile());
          assertEquals(Math.round(w / 72 * (p < 2 ? 100 : 50)), back.getWidth(), 1, png.toString());
          assertEquals(inked(img), inked(back), 1e-12, png.toString());
          // the map's page is well inked (land, sea, borders), the others have content
          assertTrue(p == 0 ? tinted(img) > 0.15 : inked(img) > 0.003, "page " + (p + 1) + " ink " + inked(img)
              + ", tint " + tinted(img));
        }
      }
    }
  }

  @Test
  void thaiEditionPrintsThaiGlyphsInThePdfAndInChromium() throws Exception {
    Files.createDirectories(OUT);
    String page = ReportHtml.render(SampleReport.data(), ReportHtmlTest.withBasemap("th", "A4"));
    Path pdf = OUT.resolve("report-th.pdf");
    ReportPdf.write(page, pdf);
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      assertPlannerPartIsTwoPages(doc, "th");
      // glyphs a font lacks would print as '#' or boxes and not read back as these words
      String first = thaiKey(pageTexts(doc).get(0));
      for (String thai : List.of("ภาพรวมสัปดาห์นี้", "แผนที่และการวางกำลัง", "การวางกำลังที่แนะนำ", "ย้าย (เดิม mae-sai #4)")) {
        assertTrue(first.contains(thaiKey(thai)), thai + " on page 1: " + first);
      }
      // the map's SVG is drawn by Batik as outlines (no text layer): the font it finds by family has every glyph
      java.awt.Font awt = new java.awt.Font("Noto Sans Thai", java.awt.Font.PLAIN, 10);
      assertEquals("Noto Sans Thai", awt.getFamily(java.util.Locale.ROOT));
      Messages m = Messages.of("th");
      for (String k : List.of("map.inset", "map.legend.zone", "map.legend.crossings", "map.legend.corridor",
          "map.legend.base", "map.legend.capital", "map.legend.border", "map.legend.province", "map.legend.source",
          "country.THA", "country.MMR", "band.very-high", "forecasts.series.forecast", "method.all-history")) {
        String text = m.get(k).replace("%s", "");
        assertEquals(-1, awt.canDisplayUpTo(text.replaceAll("[\\x00-\\x7F]", "")), k + ": " + text);
      }
      // openhtmltopdf prints '#' for a glyph no font has; page 1's only '#' are zone ranks ("mae-sot #1")
      assertTrue(!java.util.regex.Pattern.compile("#(?!\\d)").matcher(first).find(), "no glyph replaced by '#': "
          + first);
      assertTrue(fonts(doc, 0).stream().anyMatch(f -> f.contains("NotoSansThai")), fonts(doc, 0).toString());
      ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 100), "png", OUT.resolve("report-th-page-1.png")
          .toFile());
      ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(1, 100), "png", OUT.resolve("report-th-page-2.png")
          .toFile());
    }
    // Chromium prints the page with the font the page carries, whatever fonts the machine has
    Path html = OUT.resolve("report.th.html");
    Files.writeString(html, page);
    Chromium.Render r = Chromium.printToPdf(html, OUT.resolve("report-th-chromium.pdf"));
    assertEquals(List.of(), r.console(), r.log());
    try (PDDocument doc = Loader.loadPDF(r.screenshot().toFile())) {
      assertTrue(fonts(doc, 0).stream().anyMatch(f -> f.contains("NotoSansThai")), fonts(doc, 0).toString());
      // a glyph a font lacks prints as its empty box, a text position with no character: none outside the Thai
      // font (whose combining marks Chromium's text layer also leaves without one)
      int thai = assertNoEmptyBoxes(doc, 0);
      assertTrue(thai > 300, thai + " Thai characters on page 1");
      // (Chromium's text layer maps some marks to nothing, and its bold subset not at all: regular text is read)
      assertTrue(thaiKey(pageTexts(doc).get(0)).contains(thaiKey(Messages.of("th").get("glance.units"))),
          pageTexts(doc).get(0));
    }
    Chromium.screenshot(html, OUT.resolve("report-th-chromium.png"), 1000, 1400);
  }

  /**
   * Fails when a page of a Chromium-printed PDF has a glyph printed as an empty box (a text position without a
   * character, outside the Thai font, whose combining marks Chromium's text layer also leaves without one);
   * returns the number of Thai characters on the page.
   */
  public static int assertNoEmptyBoxes(PDDocument doc, int page) throws java.io.IOException {
    java.util.Map<String, Integer> missing = new java.util.TreeMap<>();
    int[] thai = {0};
    PDFTextStripper positions = new PDFTextStripper() {
      @Override
      protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> ps) {
        for (org.apache.pdfbox.text.TextPosition p : ps) {
          String u = p.getUnicode();
          boolean none = u == null || u.isEmpty() || u.charAt(0) == 0;
          if (none && !p.getFont().getName().contains("NotoSansThai")) {
            missing.merge(p.getFont().getName(), 1, Integer::sum);
          }
          if (!none && u.charAt(0) >= 0x0E00 && u.charAt(0) <= 0x0E7F) {
            thai[0]++;
          }
        }
      }
    };
    positions.setStartPage(page + 1);
    positions.setEndPage(page + 1);
    positions.getText(doc);
    assertEquals(java.util.Map.of(), missing, "glyphs printed as empty boxes, by font, page " + (page + 1));
    return thai[0];
  }

  /** Names of the fonts a page uses. */
  static List<String> fonts(PDDocument doc, int page) throws java.io.IOException {
    List<String> out = new java.util.ArrayList<>();
    var res = doc.getPage(page).getResources();
    for (var name : res.getFontNames()) {
      out.add(res.getFont(name).getName());
    }
    return out;
  }
}
