package org.borderwatch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One benchmark's figures: measured in one run, printed, and saved as JSON under bench/results/. */
public final class BenchResult {
  private final String suite;
  private final String scale;
  private final Map<String, Object> figures = new LinkedHashMap<>();

  public BenchResult(String suite, String scale) {
    this.suite = suite;
    this.scale = scale;
  }

  public BenchResult put(String name, Object value) {
    figures.put(name, value);
    return this;
  }

  public Object get(String name) {
    return figures.get(name);
  }

  public void print(PrintWriter out) {
    out.printf(Locale.ROOT, "%n%s benchmark (%s world, %d cores)%n", suite, scale,
        Runtime.getRuntime().availableProcessors());
    for (Map.Entry<String, Object> e : figures.entrySet()) {
      Object v = e.getValue();
      String shown = v instanceof Double d ? String.format(Locale.ROOT, "%,.3f", d) : v instanceof Long l
          ? String.format(Locale.ROOT, "%,d", l) : String.valueOf(v);
      out.printf(Locale.ROOT, "  %-42s %s%n", e.getKey(), shown);
    }
    out.flush();
  }

  public Path save(Path dir) throws IOException {
    return saveAs(dir.resolve(suite + "-" + scale + "-" + Instant.now().toString().replace(":", "") + ".json"));
  }

  /** Saves the figures to this file (folders created). */
  public Path saveAs(Path p) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode n = json.createObjectNode();
    n.put("suite", suite);
    n.put("scale", scale);
    n.put("cores", Runtime.getRuntime().availableProcessors());
    n.put("measured_at", Instant.now().toString());
    ObjectNode f = n.putObject("figures");
    figures.forEach((k, v) -> f.putPOJO(k, v));
    Files.createDirectories(p.toAbsolutePath().getParent());
    Files.writeString(p, json.writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n");
    return p;
  }
}
