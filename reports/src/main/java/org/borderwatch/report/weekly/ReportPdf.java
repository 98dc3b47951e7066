package org.borderwatch.report.weekly;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The report page printed to PDF in pure Java (openhtmltopdf with Batik for the inline SVG), so a cluster
 * node needs no browser. DejaVu Sans is embedded when the system has it (else the PDF base fonts serve Latin
 * text); Noto Sans Thai travels in the jar (SIL Open Font License, borderwatch/fonts/), so Thai renders on any
 * machine: openhtmltopdf falls back to it for each glyph the first font lacks.
 */
public final class ReportPdf {
  static final List<String> FONT_FILES = List.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
      "/usr/share/fonts/dejavu/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans.ttf");
  static final String THAI_REGULAR = "borderwatch/fonts/NotoSansThai-Regular.ttf";
  static final String THAI_BOLD = "borderwatch/fonts/NotoSansThai-Bold.ttf";

  static {
    com.openhtmltopdf.util.XRLog.setLoggingEnabled(false); // it logs every font and stylesheet at INFO
    // the map and charts are SVG, drawn by Batik through Java2D: it finds fonts by family among AWT's fonts
    for (String f : List.of(THAI_REGULAR, THAI_BOLD)) {
      try (InputStream in = ReportPdf.class.getClassLoader().getResourceAsStream(f)) {
        if (in != null) {
          java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(java.awt.Font.createFont(
              java.awt.Font.TRUETYPE_FONT, in));
        }
      } catch (IOException | java.awt.FontFormatException e) {
        throw new IllegalStateException("cannot load the bundled font " + f, e);
      }
    }
  }

  private ReportPdf() {}

  public static void write(String xhtml, Path pdf) throws IOException {
    Files.createDirectories(pdf.toAbsolutePath().getParent());
    byte[] thai = bundled(THAI_REGULAR);
    byte[] thaiBold = bundled(THAI_BOLD);
    try (OutputStream out = Files.newOutputStream(pdf)) {
      PdfRendererBuilder b = new PdfRendererBuilder();
      b.useFastMode();
      b.useSVGDrawer(new BatikSVGDrawer());
      for (String f : FONT_FILES) {
        File file = new File(f);
        if (file.isFile()) {
          b.useFont(file, "DejaVu Sans");
          File bold = new File(f.replace("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"));
          if (bold.isFile()) {
            b.useFont(bold, "DejaVu Sans", 700, FontStyle.NORMAL, true);
          }
          break;
        }
      }
      b.useFont(() -> new ByteArrayInputStream(thai), "Noto Sans Thai", 400, FontStyle.NORMAL, true);
      b.useFont(() -> new ByteArrayInputStream(thaiBold), "Noto Sans Thai", 700, FontStyle.NORMAL, true);
      b.withHtmlContent(xhtml, pdf.toAbsolutePath().getParent().toUri().toString());
      b.toStream(out);
      b.run();
    }
  }

  static byte[] bundled(String resource) throws IOException {
    try (InputStream in = ReportPdf.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("the bundled font " + resource + " is not on the classpath");
      }
      return in.readAllBytes();
    }
  }
}
