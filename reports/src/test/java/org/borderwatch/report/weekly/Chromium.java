package org.borderwatch.report.weekly;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium for the report's browser tests: a screenshot of a page and every message the page wrote
 * to its console (Chromium logs them as {@code INFO:CONSOLE} lines with {@code --enable-logging=stderr}).
 * The browser is Debian's chromium ({@code apt-get install chromium}, as .ci/run does) or the one named by
 * {@code BORDERWATCH_CHROMIUM}.
 */
public final class Chromium {
  /** The screenshot, the page's console lines, and Chromium's whole log. */
  public record Render(Path screenshot, List<String> console, String log) {}

  private Chromium() {}

  static String executable() {
    String env = System.getenv("BORDERWATCH_CHROMIUM");
    List<String> candidates = env != null && !env.isBlank() ? List.of(env)
        : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    for (String c : candidates) {
      if (Files.isExecutable(Path.of(c))) {
        return c;
      }
    }
    throw new IllegalStateException("headless Chromium is needed for the report's browser tests: install it "
        + "(apt-get install chromium) or set BORDERWATCH_CHROMIUM; looked for " + candidates);
  }

  public static Render screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
    return run(page, png, "--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath());
  }

  /** The page printed by Chromium itself (its own fonts and layout), for checking what a browser prints. */
  public static Render printToPdf(Path page, Path pdf) throws IOException, InterruptedException {
    return run(page, pdf, "--no-pdf-header-footer", "--print-to-pdf=" + pdf.toAbsolutePath());
  }

  private static Render run(Path page, Path out, String... how) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("bw-chromium");
    List<String> cmd = new ArrayList<>(List.of(executable(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
    cmd.addAll(List.of(how));
    cmd.add(page.toAbsolutePath().toUri().toString());
    Path log = Files.createTempFile("bw-chromium", ".log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("Chromium did not finish in 120 s");
    }
    String text = Files.readString(log, StandardCharsets.UTF_8);
    List<String> console = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.contains(":CONSOLE")) {
        console.add(line);
      }
    }
    return new Render(out, console, text);
  }
}
