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

/** The report renders in headless Chromium without console messages; its PDF has every section and renders. */
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

  @Test
  void pageRendersInChromiumWithoutConsoleMessages() throws Exception {
    Files.createDirectories(OUT);
    Path page = OUT.resolve("report.html");
    Files.writeString(page, ReportHtml.render(SampleReport.data()));
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

  @Test
  void pdfHasEverySectionAndRendersToPngPages() throws Exception {
    Files.createDirectories(OUT);
    Path pdf = OUT.resolve("report.pdf");
    ReportPdf.write(ReportHtml.render(SampleReport.data()), pdf);
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      // the sample report: cover, map page, zone tables, victim protection
      assertEquals(4, doc.getNumberOfPages(), "cover, map page, tables");
      String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      int at = -1;
      for (String heading : ReportHtml.SECTIONS.values()) {
        int i = text.indexOf(heading);
        assertTrue(i > at, heading + " in order in the PDF text");
        at = i;
      }
      assertTrue(text.contains("86649011fffffff") && text.contains("NET-AAAA") && text.contains("checkpoint ranong"));
      // the map is on its own page, drawn (SVG through Batik), not left blank
      PDFRenderer renderer = new PDFRenderer(doc);
      PDFTextStripper byPage = new PDFTextStripper();
      int mapPage = 0;
      for (int p = 0; p < doc.getNumberOfPages(); p++) {
        // @page { size: A4 }: 210 × 297 mm = 595.3 × 841.9 pt
        assertEquals(595.3, doc.getPage(p).getMediaBox().getWidth(), 0.5, "A4 width, page " + (p + 1));
        assertEquals(841.9, doc.getPage(p).getMediaBox().getHeight(), 0.5, "A4 height, page " + (p + 1));
        BufferedImage img = renderer.renderImageWithDPI(p, 50);
        Path png = OUT.resolve("report-page-" + (p + 1) + ".png");
        ImageIO.write(img, "png", png.toFile());
        // the PNG reads back as the A4 page at 50 dpi (595.3 / 72 × 50 = 413, 841.9 / 72 × 50 = 584 px), ink intact
        BufferedImage back = ImageIO.read(png.toFile());
        assertEquals(413, back.getWidth(), png.toString());
        assertEquals(584, back.getHeight(), png.toString());
        assertEquals(inked(img), inked(back), 1e-12, png.toString());
        byPage.setStartPage(p + 1);
        byPage.setEndPage(p + 1);
        String pageText = byPage.getText(doc);
        if (pageText.contains(ReportHtml.SECTIONS.get("map"))) {
          mapPage = p + 1;
          assertTrue(inked(img) > 0.01, "map page " + (p + 1) + " is drawn: " + inked(img));
        } else {
          assertTrue(inked(img) > 0.003, "page " + (p + 1) + " has content");
        }
      }
      assertEquals(2, mapPage, "the map has the page after the cover");
    }
  }
}
