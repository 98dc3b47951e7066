package org.borderwatch.report.weekly;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.borderwatch.report.weekly.ReportData.Crossing;
import org.borderwatch.report.weekly.ReportData.Deployment;
import org.borderwatch.report.weekly.ReportData.Route;
import org.borderwatch.report.weekly.ReportData.Zone;

/**
 * The report's map as inline SVG, drawn from the data alone: an equirectangular projection (longitudes
 * scaled by the cosine of the middle latitude) over the extent of the crossings, zones and bases, with a
 * one-degree grid, the capitals as reference points, corridors from origin capital through the crossing to
 * destination capital (width by predicted volume), crossings by type, risk zones by band and size by
 * expected detections, and the recommended deployments from base to zone with their unit counts.
 */
final class RegionMap {
  /** Capitals of the region (public geography), the ends of the corridors drawn. */
  static final Map<String, double[]> CAPITALS = Map.of(
      "MMR", new double[] {16.87, 96.20}, "LAO", new double[] {17.97, 102.63},
      "KHM", new double[] {11.56, 104.92}, "VNM", new double[] {21.03, 105.85},
      "THA", new double[] {13.75, 100.50}, "MYS", new double[] {3.14, 101.69},
      "IDN", new double[] {-6.20, 106.85});
  static final Map<String, String> CAPITAL_NAMES = Map.of("MMR", "Yangon", "LAO", "Vientiane", "KHM",
      "Phnom Penh", "VNM", "Hanoi", "THA", "Bangkok", "MYS", "Kuala Lumpur", "IDN", "Jakarta");
  static final Map<String, String> BAND_COLOURS = Map.of("very high", "#b2182b", "high", "#ef8a62",
      "elevated", "#fddbc7", "low", "#d1e5f0");

  private final double width;
  private final double minLat;
  private final double maxLat;
  private final double minLon;
  private final double kx;
  private final double scale;

  private RegionMap(double width, double minLat, double maxLat, double minLon, double maxLon) {
    this.width = width;
    this.minLat = minLat;
    this.maxLat = maxLat;
    this.minLon = minLon;
    this.kx = Math.cos(Math.toRadians((minLat + maxLat) / 2));
    this.scale = width / ((maxLon - minLon) * kx);
  }

  double x(double lon) {
    return (lon - minLon) * kx * scale;
  }

  double y(double lat) {
    return (maxLat - lat) * scale;
  }

  double height() {
    return (maxLat - minLat) * scale;
  }

  /** The map of {@code data}, {@code width} pixels wide. */
  static String svg(ReportData data, double width) {
    List<double[]> points = new ArrayList<>();
    data.crossings().forEach(c -> points.add(new double[] {c.lat(), c.lon()}));
    data.zones().forEach(z -> points.add(new double[] {z.lat(), z.lon()}));
    data.deployments().stream().filter(d -> !Double.isNaN(d.baseLat()))
        .forEach(d -> points.add(new double[] {d.baseLat(), d.baseLon()}));
    Set<String> countries = new HashSet<>();
    data.routes().forEach(r -> {
      countries.add(r.origin());
      countries.add(r.destination());
    });
    data.crossings().forEach(c -> {
      countries.add(c.countryA());
      countries.add(c.countryB());
    });
    double minLat = 90, maxLat = -90, minLon = 180, maxLon = -180;
    for (double[] p : points) {
      minLat = Math.min(minLat, p[0]);
      maxLat = Math.max(maxLat, p[0]);
      minLon = Math.min(minLon, p[1]);
      maxLon = Math.max(maxLon, p[1]);
    }
    if (points.isEmpty()) {
      minLat = -7;
      maxLat = 23;
      minLon = 92;
      maxLon = 110;
    }
    // capitals near the data widen the frame; a far one (Jakarta) would shrink everything else
    for (String c : countries) {
      double[] cap = CAPITALS.get(c);
      if (cap != null && cap[0] > minLat - 3 && cap[0] < maxLat + 3 && cap[1] > minLon - 3 && cap[1] < maxLon + 3) {
        minLat = Math.min(minLat, cap[0]);
        maxLat = Math.max(maxLat, cap[0]);
        minLon = Math.min(minLon, cap[1]);
        maxLon = Math.max(maxLon, cap[1]);
      }
    }
    RegionMap m = new RegionMap(width, Math.floor(minLat - 0.6), Math.ceil(maxLat + 0.6), Math.floor(minLon - 0.6),
        Math.ceil(maxLon + 0.6));
    return m.draw(data, countries); // capitals beyond the frame are clipped, their corridors cut at the edge
  }

  private String draw(ReportData data, Set<String> countries) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" width=\"%.0f\" "
        + "height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"Map of risk zones, crossings, routes "
        + "and recommended deployments\">", width, height(), width, height()));
    s.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"0\" width=\"%.0f\" height=\"%.0f\" fill=\"#f7f7f2\" "
        + "stroke=\"#999999\"/>", width, height()));
    // grid
    s.append("<g stroke=\"#dddddd\" stroke-width=\"0.6\" font-size=\"9\" fill=\"#888888\">");
    int step = (maxLat - minLat) > 16 ? 2 : 1;
    for (int lat = (int) Math.ceil(minLat); lat <= maxLat; lat++) {
      if (lat % step == 0) {
        line(s, 0, y(lat), width, y(lat));
        s.append(String.format(Locale.ROOT, "<text x=\"3\" y=\"%.1f\" stroke=\"none\">%d°%s</text>", y(lat) - 2,
            Math.abs(lat), lat >= 0 ? "N" : "S"));
      }
    }
    for (int lon = (int) Math.ceil(minLon); x(lon) <= width; lon++) {
      if (lon % step == 0) {
        line(s, x(lon), 0, x(lon), height());
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" stroke=\"none\">%d°E</text>", x(lon) + 2,
            height() - 3, lon));
      }
    }
    s.append("</g>");
    // corridors
    double maxVolume = data.routes().stream().mapToDouble(Route::predicted).max().orElse(1);
    Map<String, Crossing> crossingById = new HashMap<>();
    data.crossings().forEach(c -> crossingById.put(c.id(), c));
    s.append("<g fill=\"none\" stroke=\"#6a3d9a\" stroke-linecap=\"round\" stroke-linejoin=\"round\">");
    for (Route r : data.routes()) {
      Crossing c = crossingById.get(r.crossingId());
      double[] from = CAPITALS.get(r.origin());
      double[] to = CAPITALS.get(r.destination());
      if (c == null || from == null || to == null) {
        continue;
      }
      double w = 1 + 5 * Math.max(0, r.predicted()) / Math.max(1e-9, maxVolume);
      s.append(String.format(Locale.ROOT, "<polyline class=\"route\" points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" "
          + "stroke-width=\"%.1f\" stroke-opacity=\"0.45\"><title>%s: %.1f people expected</title></polyline>",
          x(from[1]), y(from[0]), x(c.lon()), y(c.lat()), x(to[1]), y(to[0]), w, ReportHtml.esc(r.corridorId()),
          r.predicted()));
    }
    s.append("</g>");
    // capitals
    s.append("<g font-size=\"10\" fill=\"#333333\">");
    for (String c : countries.stream().sorted().toList()) {
      double[] cap = CAPITALS.get(c);
      if (cap != null) {
        boolean right = x(cap[1]) > width - 110; // label to the left near the right edge
        s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"6\" height=\"6\" fill=\"#333333\"/>"
            + "<text x=\"%.1f\" y=\"%.1f\"%s>%s (%s)</text>", x(cap[1]) - 3, y(cap[0]) - 3,
            x(cap[1]) + (right ? -6 : 6), y(cap[0]) + 4, right ? " text-anchor=\"end\"" : "", CAPITAL_NAMES.get(c), c));
      }
    }
    s.append("</g>");
    // crossings
    Set<String> labelled = new HashSet<>();
    data.zones().stream().filter(z -> z.rank() <= 10 || z.units() > 0).forEach(z -> labelled.add(z.crossingId()));
    s.append("<g font-size=\"8\" fill=\"#1f4e79\">");
    for (Crossing c : data.crossings()) {
      double cx = x(c.lon()), cy = y(c.lat());
      String shape = switch (c.type()) {
        case "official" -> String.format(Locale.ROOT, "<circle class=\"crossing\" cx=\"%.1f\" cy=\"%.1f\" r=\"2.6\" "
            + "fill=\"#1f4e79\">", cx, cy);
        case "sea" -> String.format(Locale.ROOT, "<polygon class=\"crossing\" points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f "
            + "%.1f,%.1f\" fill=\"#2c7fb8\">", cx, cy - 3, cx + 3, cy, cx, cy + 3, cx - 3, cy);
        default -> String.format(Locale.ROOT, "<polygon class=\"crossing\" points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" "
            + "fill=\"none\" stroke=\"#1f4e79\" stroke-width=\"1\">", cx, cy - 3, cx + 3, cy + 2.5, cx - 3, cy + 2.5);
      };
      String tag = shape.substring(1, shape.indexOf(' '));
      s.append(shape).append("<title>").append(ReportHtml.esc(c.name())).append(" (").append(c.type())
          .append(")</title></").append(tag).append('>');
      if (labelled.contains(c.id())) {
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>", cx + 4, cy - 3,
            ReportHtml.esc(c.name())));
      }
    }
    s.append("</g>");
    // zones: largest first so small ones stay visible
    double maxExpected = data.zones().stream().mapToDouble(Zone::expected).max().orElse(1);
    s.append("<g stroke=\"#67001f\" stroke-width=\"0.5\">");
    data.zones().stream().sorted((a, b) -> Integer.compare(b.rank(), a.rank())).forEach(z -> {
      double r = 2.5 + 5.5 * Math.sqrt(Math.max(0, z.expected()) / Math.max(1e-9, maxExpected));
      s.append(String.format(Locale.ROOT, "<circle class=\"zone\" cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" "
          + "fill-opacity=\"0.85\"><title>#%d %s: %.0f%% chance of a detection</title></circle>", x(z.lon()),
          y(z.lat()), r, BAND_COLOURS.getOrDefault(z.band(), "#cccccc"), z.rank(), z.cell(), 100 * z.probability()));
    });
    s.append("</g>");
    // deployments
    s.append("<g stroke=\"#1a9850\" stroke-width=\"1.4\" font-size=\"9\" font-weight=\"bold\" fill=\"#1a9850\">");
    Set<String> bases = new HashSet<>();
    for (Deployment d : data.deployments()) {
      if (Double.isNaN(d.baseLat())) {
        continue;
      }
      s.append(String.format(Locale.ROOT, "<line class=\"deployment\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
          + "y2=\"%.1f\" stroke-dasharray=\"3,2\"><title>%s: %d unit(s) to zone %s</title></line>", x(d.baseLon()),
          y(d.baseLat()), x(d.lon()), y(d.lat()), ReportHtml.esc(d.baseId()), d.units(), d.cell()));
      s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" stroke=\"none\">%d</text>", x(d.lon()) + 5,
          y(d.lat()) + 10, d.units()));
      if (bases.add(d.baseId())) {
        s.append(String.format(Locale.ROOT, "<rect class=\"base\" x=\"%.1f\" y=\"%.1f\" width=\"7\" height=\"7\" "
            + "fill=\"#1a9850\" stroke=\"none\"><title>base %s</title></rect>", x(d.baseLon()) - 3.5,
            y(d.baseLat()) - 3.5, ReportHtml.esc(d.baseId())));
      }
    }
    s.append("</g>");
    legend(s);
    s.append("</svg>");
    return s.toString();
  }

  private void legend(StringBuilder s) {
    double x0 = 26, y0 = height() - 142; // bottom left: open sea on this region's maps
    s.append(String.format(Locale.ROOT, "<g font-size=\"9\" fill=\"#333333\"><rect x=\"%.0f\" y=\"%.0f\" "
        + "width=\"182\" height=\"118\" fill=\"#ffffff\" fill-opacity=\"0.9\" stroke=\"#bbbbbb\"/>", x0, y0));
    double y = y0 + 14;
    for (String band : List.of("very high", "high", "elevated")) {
      s.append(String.format(Locale.ROOT, "<circle cx=\"%.0f\" cy=\"%.0f\" r=\"4\" fill=\"%s\" stroke=\"#67001f\" "
          + "stroke-width=\"0.5\"/><text x=\"%.0f\" y=\"%.0f\">zone, %s risk</text>", x0 + 10, y - 3,
          BAND_COLOURS.get(band), x0 + 20, y, band));
      y += 14;
    }
    s.append(String.format(Locale.ROOT, "<circle cx=\"%.0f\" cy=\"%.0f\" r=\"2.6\" fill=\"#1f4e79\"/><text x=\"%.0f\" "
        + "y=\"%.0f\">official crossing (triangle: informal)</text>", x0 + 10, y - 3, x0 + 20, y));
    y += 14;
    s.append(String.format(Locale.ROOT, "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"#6a3d9a\" "
        + "stroke-width=\"3\" stroke-opacity=\"0.45\"/><text x=\"%.0f\" y=\"%.0f\">corridor (width: expected "
        + "people)</text>", x0 + 4, y - 3, x0 + 16, y - 3, x0 + 20, y));
    y += 14;
    s.append(String.format(Locale.ROOT, "<rect x=\"%.0f\" y=\"%.0f\" width=\"7\" height=\"7\" fill=\"#1a9850\"/>"
        + "<text x=\"%.0f\" y=\"%.0f\">base, dashes to zones (units)</text>", x0 + 6, y - 7, x0 + 20, y));
    y += 14;
    s.append(String.format(Locale.ROOT, "<rect x=\"%.0f\" y=\"%.0f\" width=\"6\" height=\"6\" fill=\"#333333\"/>"
        + "<text x=\"%.0f\" y=\"%.0f\">capital</text>", x0 + 7, y - 7, x0 + 20, y));
    s.append("</g>");
  }

  private static void line(StringBuilder s, double x1, double y1, double x2, double y2) {
    s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", x1, y1, x2, y2));
  }

  /** A small line chart of weekly values (for the route table). */
  static String sparkline(List<Integer> values, double predicted) {
    double w = 110, h = 22;
    double max = Math.max(1, Math.max(predicted, values.stream().mapToInt(Integer::intValue).max().orElse(0)));
    int n = values.size() + 1;
    StringBuilder pts = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", 2 + i * (w - 4) / (n - 1), h - 2 - values.get(i) * (h - 4)
          / max));
    }
    double lx = 2 + (values.size() - 1) * (w - 4) / (n - 1);
    double ly = values.isEmpty() ? h - 2 : h - 2 - values.get(values.size() - 1) * (h - 4) / max;
    double px = w - 2, py = h - 2 - predicted * (h - 4) / max;
    return String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
        + "viewBox=\"0 0 %.0f %.0f\"><polyline points=\"%s\" fill=\"none\" stroke=\"#555555\" stroke-width=\"1.2\"/>"
        + "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#6a3d9a\" stroke-width=\"1.2\" "
        + "stroke-dasharray=\"2,2\"/><circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.2\" fill=\"#6a3d9a\"/></svg>", w, h, w, h,
        pts.toString().strip(), lx, ly, px, py, px, py);
  }
}
