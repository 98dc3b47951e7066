package org.borderwatch.report.weekly;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The report page printed to PDF in pure Java (openhtmltopdf with Batik for the inline SVG), so a cluster
 * node needs no browser. DejaVu Sans is embedded when the system has it, else the PDF base fonts serve.
 */
public final class ReportPdf {
  static final List<String> FONT_FILES = List.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
      "/usr/share/fonts/dejavu/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans.ttf");

  static {
    com.openhtmltopdf.util.XRLog.setLoggingEnabled(false); // it logs every font and stylesheet at INFO
  }

  private ReportPdf() {}

  public static void write(String xhtml, Path pdf) throws IOException {
    Files.createDirectories(pdf.toAbsolutePath().getParent());
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
            b.useFont(bold, "DejaVu Sans", 700, com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.NORMAL,
                true);
          }
          break;
        }
      }
      b.withHtmlContent(xhtml, pdf.toAbsolutePath().getParent().toUri().toString());
      b.toStream(out);
      b.run();
    }
  }
}
