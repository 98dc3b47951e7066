package org.borderwatch.report.weekly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.borderwatch.common.text.DelimitedText;
import org.borderwatch.core.error.Errors;

/**
 * The geography under the report's map: country polygons (land), coast lines, national and province borders,
 * reduced from Natural Earth by {@code reports/basemap/reduce.sh}, and the places the map names (capitals, the
 * ends of the corridors drawn). A study area's basemap is {@code NAME.json} with {@code NAME.places.csv} beside
 * it: one of the bundled areas ({@code conf/basemap/}) by name, or files named by path ({@code report.basemap}).
 * Coordinates are flat arrays {@code lon0, lat0, lon1, lat1, ...} in degrees.
 */
public record Basemap(String name, String source, List<Country> countries, List<double[]> coast,
    List<double[]> borders, List<double[]> provinces, Map<String, Place> places) {

  /** A country: its name, its label point and its polygons (outer rings, clipped to the area). */
  public record Country(String iso3, String name, double labelLon, double labelLat, List<double[]> rings) {}

  /** A named place; {@code names} holds the name by language ("en" and any {@code name_xx} column). */
  public record Place(String iso3, Map<String, String> names, double lat, double lon) {
    public String name(String lang) {
      return names.getOrDefault(lang, names.get("en"));
    }
  }

  static final String BUNDLED = "borderwatch/conf/basemap/";
  static final String ALLOWED = "'none', a bundled area's name (southeast-asia) or the path of a .json basemap";

  /** No geography: the map draws its data on a graticule alone. */
  public static Basemap none() {
    return new Basemap("none", "", List.of(), List.of(), List.of(), List.of(), Map.of());
  }

  /**
   * The basemap named by {@code location}: {@code none}; a bundled area's name (e.g. {@code southeast-asia}); or
   * the path of a {@code .json} file (its places from the {@code .places.csv} file beside it, if there is one).
   */
  public static Basemap load(String location) {
    String loc = location == null ? "" : location.trim();
    if (loc.isEmpty() || loc.equals("none")) {
      return none();
    }
    try {
      if (loc.endsWith(".json")) {
        Path json = Path.of(loc);
        if (!Files.isRegularFile(json)) {
          throw Errors.badConfigValue("report.basemap", loc, "configuration", "a basemap .json file that exists (not "
              + json.toAbsolutePath() + ")");
        }
        Path places = json.resolveSibling(json.getFileName().toString().replaceAll("\\.json$", ".places.csv"));
        String name = json.getFileName().toString().replaceAll("\\.json$", "");
        return parse(name, Files.readString(json, StandardCharsets.UTF_8),
            Files.isRegularFile(places) ? Files.readString(places, StandardCharsets.UTF_8) : null);
      }
      if (!loc.matches("[a-z0-9][a-z0-9-]*")) {
        throw Errors.badConfigValue("report.basemap", loc, "configuration", ALLOWED);
      }
      String json = resource(BUNDLED + loc + ".json");
      if (json == null) {
        throw Errors.badConfigValue("report.basemap", loc, "configuration", ALLOWED + " (no conf/basemap/" + loc
            + ".json is bundled)");
      }
      return parse(loc, json, resource(BUNDLED + loc + ".places.csv"));
    } catch (IOException e) {
      throw Errors.badInputFile(loc, "cannot read the basemap: " + e.getMessage());
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = Basemap.class.getClassLoader().getResourceAsStream(name)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static Basemap parse(String name, String json, String placesCsv) throws IOException {
    JsonNode root = new ObjectMapper().readTree(json);
    double unit = root.path("unit").asDouble(1);
    List<Country> countries = new ArrayList<>();
    for (JsonNode c : root.path("countries")) {
      List<double[]> rings = lines(c.path("rings"), unit);
      countries.add(new Country(c.path("iso3").isNull() ? null : c.path("iso3").asText(null),
          c.path("name").asText(), c.path("label").path(0).asDouble() * unit,
          c.path("label").path(1).asDouble() * unit, rings));
    }
    Map<String, Place> places = new LinkedHashMap<>();
    if (placesCsv != null) {
      DelimitedText.Table t = DelimitedText.parse(placesCsv, ',');
      List<String> h = t.header();
      for (String[] row : t.rows()) {
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < h.size(); i++) {
          String col = h.get(i).toLowerCase(Locale.ROOT);
          if (col.equals("name")) {
            names.put("en", row[i]);
          } else if (col.startsWith("name_") && !row[i].isBlank()) {
            names.put(col.substring(5), row[i]);
          }
        }
        String iso3 = row[h.indexOf("iso3")];
        places.put(iso3, new Place(iso3, names, Double.parseDouble(row[h.indexOf("lat")]),
            Double.parseDouble(row[h.indexOf("lon")])));
      }
    }
    return new Basemap(name, root.path("source").asText(""), countries, lines(root.path("coast"), unit),
        lines(root.path("borders"), unit), lines(root.path("provinces"), unit), places);
  }

  private static List<double[]> lines(JsonNode arrays, double unit) {
    List<double[]> out = new ArrayList<>();
    for (JsonNode a : arrays) {
      double[] pts = new double[a.size()];
      for (int i = 0; i < pts.length; i++) {
        pts[i] = a.get(i).asDouble() * unit;
      }
      out.add(pts);
    }
    return out;
  }
}
