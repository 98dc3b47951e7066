package org.borderwatch.report.weekly;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.borderwatch.report.weekly.Labels.Box;
import org.borderwatch.report.weekly.ReportData.Crossing;
import org.borderwatch.report.weekly.ReportData.Deployment;
import org.borderwatch.report.weekly.ReportData.Route;
import org.borderwatch.report.weekly.ReportData.Zone;

/**
 * The report's map as inline SVG. An equirectangular projection (longitudes scaled by the cosine of the middle
 * latitude) over the extent of the crossings, zones and bases, on the study area's basemap (land, coast lines,
 * national and province borders: {@link Basemap}); corridors from origin capital through the crossing to
 * destination capital (width by predicted volume), crossings by type, risk zones as their H3 hexagons (with a
 * halo sized by expected detections, since a zone is a few pixels wide at the region's scale), the recommended
 * deployments from base to zone with their unit counts, an inset at the riskiest zone where the hexagons are
 * to scale, a scale bar, a legend, and labels placed so that none covers another ({@link Labels}).
 */
final class RegionMap {
  static final Map<String, String> BAND_COLOURS = Map.of("very high", "#b2182b", "high", "#ef8a62",
      "elevated", "#fddbc7", "low", "#d1e5f0");
  /** Half the side of the inset's square, in degrees of latitude. */
  static final double INSET_HALF_DEG = 0.35;
  static final double INSET_TITLE = 24;
  static final double INSET_PX = 150;
  /**
   * Font families of an edition's text, Thai included (the PDF's SVG renderer needs them named): the bundled
   * Noto Sans Thai first where the edition is Thai (it has Latin letters too; a browser given DejaVu Sans first
   * draws some Thai runs in it, as empty boxes), DejaVu Sans first elsewhere.
   */
  static String fonts(String lang) {
    return lang.equals("th") ? "Noto Sans Thai, DejaVu Sans, sans-serif" : "DejaVu Sans, Noto Sans Thai, sans-serif";
  }
  private static final double KM_PER_DEG = 111.32;

  /** What was drawn: the SVG and the labels placed (for tests: none may overlap). */
  record Drawn(String svg, double width, double height, List<Labels.Placed> labels, List<Box> blocks,
      String legendSvg, String insetSvg) {}

  /** A projection of a lat/lon box onto a pixel rectangle at (ox, oy). */
  record Frame(double ox, double oy, double minLat, double maxLat, double minLon, double maxLon, double kx,
      double scale) {
    static Frame fit(double minLat, double maxLat, double minLon, double maxLon, double maxW, double maxH, double ox,
        double oy) {
      double kx = Math.cos(Math.toRadians((minLat + maxLat) / 2));
      double scale = Math.min(maxW / ((maxLon - minLon) * kx), maxH / (maxLat - minLat));
      return new Frame(ox, oy, minLat, maxLat, minLon, maxLon, kx, scale);
    }

    double x(double lon) {
      return ox + (lon - minLon) * kx * scale;
    }

    double y(double lat) {
      return oy + (maxLat - lat) * scale;
    }

    double width() {
      return (maxLon - minLon) * kx * scale;
    }

    double height() {
      return (maxLat - minLat) * scale;
    }

    /** Pixels per kilometre (east-west, at the middle latitude; the same north-south). */
    double pxPerKm() {
      return scale / KM_PER_DEG;
    }

    boolean touches(double[] lonLat) {
      double x0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y0 = Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
      for (int i = 0; i + 1 < lonLat.length; i += 2) {
        x0 = Math.min(x0, lonLat[i]);
        x1 = Math.max(x1, lonLat[i]);
        y0 = Math.min(y0, lonLat[i + 1]);
        y1 = Math.max(y1, lonLat[i + 1]);
      }
      return x1 >= minLon && x0 <= maxLon && y1 >= minLat && y0 <= maxLat;
    }
  }

  private final ReportData data;
  private final Basemap base;
  private final Messages m;
  private final Frame f;
  private final Labels labels;
  private final boolean furnitureInside;
  private StringBuilder s = new StringBuilder(256_000);

  private RegionMap(ReportData data, Basemap base, Messages m, Frame f, boolean furnitureInside) {
    this.furnitureInside = furnitureInside;
    this.data = data;
    this.base = base;
    this.m = m;
    this.f = f;
    this.labels = new Labels(f.width(), f.height());
  }

  /** The map of {@code data}, at most {@code maxWidth} × {@code maxHeight} pixels, legend and inset inside it. */
  static Drawn draw(ReportData data, Basemap base, Messages m, double maxWidth, double maxHeight) {
    return draw(data, base, m, maxWidth, maxHeight, true);
  }

  /**
   * The map; with {@code furnitureInside} false, the legend and the inset are drawn as SVGs of their own (for
   * the page beside the map), so that they hide nothing of it.
   */
  static Drawn draw(ReportData data, Basemap base, Messages m, double maxWidth, double maxHeight,
      boolean furnitureInside) {
    return new RegionMap(data, base, m, frame(data, base, maxWidth, maxHeight), furnitureInside).render();
  }

  /**
   * The map's frame for {@code data}: the extent of its crossings, zones and bases (and the capitals near them),
   * fitted into at most {@code maxWidth} × {@code maxHeight} pixels.
   */
  static Frame frame(ReportData data, Basemap base, double maxWidth, double maxHeight) {
    List<double[]> points = new ArrayList<>();
    data.crossings().forEach(c -> points.add(new double[] {c.lat(), c.lon()}));
    data.zones().forEach(z -> points.add(new double[] {z.lat(), z.lon()}));
    data.deployments().stream().filter(d -> !Double.isNaN(d.baseLat()))
        .forEach(d -> points.add(new double[] {d.baseLat(), d.baseLon()}));
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
    for (String c : countries(data)) {
      Basemap.Place cap = base.places().get(c);
      if (cap != null && cap.lat() > minLat - 3 && cap.lat() < maxLat + 3 && cap.lon() > minLon - 3
          && cap.lon() < maxLon + 3) {
        minLat = Math.min(minLat, cap.lat());
        maxLat = Math.max(maxLat, cap.lat());
        minLon = Math.min(minLon, cap.lon());
        maxLon = Math.max(maxLon, cap.lon());
      }
    }
    return Frame.fit(Math.floor(minLat - 0.6), Math.ceil(maxLat + 0.6), Math.floor(minLon - 0.6),
        Math.ceil(maxLon + 0.6), maxWidth, maxHeight, 0, 0);
  }


  static Set<String> countries(ReportData data) {
    Set<String> countries = new LinkedHashSet<>();
    data.routes().forEach(r -> {
      countries.add(r.origin());
      countries.add(r.destination());
    });
    data.crossings().forEach(c -> {
      countries.add(c.countryA());
      countries.add(c.countryB());
    });
    return countries;
  }

  private Drawn render() {
    double w = f.width(), h = f.height();
    s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" width=\"%.0f\" "
        + "height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"%s\" font-family=\"%s\">", w, h, w,
        h, ReportHtml.esc(m.get("map.aria")), fonts(m.lang())));
    s.append("<defs><clipPath id=\"frame\"><rect x=\"0\" y=\"0\" width=\"").append(fmt(w)).append("\" height=\"")
        .append(fmt(h)).append("\"/></clipPath></defs>");
    boolean geo = !base.countries().isEmpty();
    rect(0, 0, w, h, geo ? "#dce9f2" : "#f7f7f2", "none");
    s.append("<g clip-path=\"url(#frame)\">");
    geography(f);
    graticule();
    s.append("</g>");
    // the furniture first, so that labels keep clear of it
    Zone top = data.zones().stream().min(Comparator.comparingInt(Zone::rank)).orElse(null);
    List<double[]> marks = markerPoints();
    double[] ls = legendSize();
    Box legend = furnitureInside ? corner(ls[0], ls[1], marks, List.of()) : null;
    Box inset = top == null || !furnitureInside ? null : corner(INSET_PX, INSET_PX + INSET_TITLE, marks,
        List.of(legend));
    Box scale = scaleBarBox(legend, inset);
    List<Box> blocks = new ArrayList<>(List.of(scale));
    if (legend != null) {
      blocks.add(legend);
    }
    if (inset != null) {
      blocks.add(inset);
    }
    blocks.forEach(labels::block);
    s.append("<g clip-path=\"url(#frame)\">");
    corridors(f);
    crossings(f, true);
    zones(f, true);
    deployments(f);
    s.append("</g>");
    placeLabels();
    String insetSvg = null, legendSvg = null;
    if (top != null) {
      Box at = inset != null ? inset : new Box(0, 0, INSET_PX, INSET_PX + INSET_TITLE);
      insetArea(top);
      if (inset != null) {
        inset(top, at);
      } else {
        insetSvg = standalone(at, () -> inset(top, at), "inset-map");
      }
    }
    scaleBar(scale, f);
    if (legend != null) {
      legend(legend);
    } else {
      Box at = new Box(0, 0, ls[0], ls[1]);
      legendSvg = standalone(at, () -> legend(at), "map-legend");
    }
    rect(0, 0, w, h, "none", "#999999");
    s.append("</svg>");
    return new Drawn(s.toString(), w, h, labels.placed(), blocks, legendSvg, insetSvg);
  }

  /** What {@code draw} appends, as an SVG of its own the size of {@code box}. */
  private String standalone(Box box, Runnable draw, String cls) {
    StringBuilder main = s;
    s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"%s\" width=\"%.0f\" "
        + "height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" font-family=\"%s\">", cls, box.x1(), box.y1(), box.x1(),
        box.y1(), fonts(m.lang())));
    draw.run();
    s.append("</svg>");
    String out = s.toString();
    s = main;
    return out;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private void rect(double x, double y, double w, double h, String fill, String stroke) {
    s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" "
        + "stroke=\"%s\"/>", x, y, w, h, fill, stroke));
  }

  /** Land, province borders, national borders and coast of the basemap within the frame. */
  private void geography(Frame fr) {
    if (base.countries().isEmpty()) {
      return;
    }
    s.append("<g class=\"land\" fill=\"#f4f1e6\" stroke=\"none\">");
    for (Basemap.Country c : base.countries()) {
      StringBuilder d = new StringBuilder();
      for (double[] ring : c.rings()) {
        if (fr.touches(ring)) {
          path(d, fr, ring, true);
        }
      }
      if (d.length() > 0) {
        s.append("<path d=\"").append(d).append("\"><title>").append(ReportHtml.esc(c.name())).append("</title></path>");
      }
    }
    s.append("</g>");
    lines(fr, base.provinces(), "province", "#b9b1a0", 0.45, "2,1.5");
    lines(fr, base.borders(), "border", "#6e6552", 1.0, null);
    lines(fr, base.coast(), "coast", "#5f86a3", 0.6, null);
  }

  private void lines(Frame fr, List<double[]> lines, String cls, String colour, double width, String dash) {
    StringBuilder d = new StringBuilder();
    for (double[] l : lines) {
      if (fr.touches(l)) {
        path(d, fr, l, false);
      }
    }
    if (d.length() > 0) {
      s.append("<path class=\"").append(cls).append("\" fill=\"none\" stroke=\"").append(colour)
          .append("\" stroke-width=\"").append(width).append("\" stroke-linejoin=\"round\"")
          .append(dash == null ? "" : " stroke-dasharray=\"" + dash + "\"").append(" d=\"").append(d).append("\"/>");
    }
  }

  private static void path(StringBuilder d, Frame fr, double[] lonLat, boolean closed) {
    for (int i = 0; i + 1 < lonLat.length; i += 2) {
      d.append(i == 0 ? 'M' : 'L').append(fmt(fr.x(lonLat[i]))).append(' ').append(fmt(fr.y(lonLat[i + 1])));
    }
    if (closed) {
      d.append('Z');
    }
  }

  private void graticule() {
    double w = f.width(), h = f.height();
    s.append("<g stroke=\"#9fb3c2\" stroke-opacity=\"0.5\" stroke-width=\"0.4\" font-size=\"8\" fill=\"#6b7f8e\">");
    int step = (f.maxLat() - f.minLat()) > 16 ? 4 : 2;
    for (int lat = (int) Math.ceil(f.minLat()); lat <= f.maxLat(); lat++) {
      if (lat % step == 0) {
        line(0, f.y(lat), w, f.y(lat));
        s.append(String.format(Locale.ROOT, "<text x=\"3\" y=\"%.1f\" stroke=\"none\">%d°%s</text>", f.y(lat) - 2,
            Math.abs(lat), lat >= 0 ? "N" : "S"));
        labels.block(new Box(0, f.y(lat) - 10, 28, f.y(lat)));
      }
    }
    for (int lon = (int) Math.ceil(f.minLon()); f.x(lon) <= w; lon++) {
      if (lon % step == 0) {
        line(f.x(lon), 0, f.x(lon), h);
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" stroke=\"none\">%d°E</text>", f.x(lon) + 2,
            h - 3, lon));
        labels.block(new Box(f.x(lon), h - 11, f.x(lon) + 34, h));
      }
    }
    s.append("</g>");
  }

  private void line(double x1, double y1, double x2, double y2) {
    s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", x1, y1, x2, y2));
  }

  /** Pixel positions of everything the map marks (for placing the legend and inset where they hide least). */
  private List<double[]> markerPoints() {
    List<double[]> out = new ArrayList<>();
    data.crossings().forEach(c -> out.add(new double[] {f.x(c.lon()), f.y(c.lat())}));
    data.zones().forEach(z -> out.add(new double[] {f.x(z.lon()), f.y(z.lat())}));
    data.deployments().stream().filter(d -> !Double.isNaN(d.baseLat()))
        .forEach(d -> out.add(new double[] {f.x(d.baseLon()), f.y(d.baseLat())}));
    for (String c : countries(data)) {
      Basemap.Place p = base.places().get(c);
      if (p != null) {
        out.add(new double[] {f.x(p.lon()), f.y(p.lat())});
      }
    }
    return out;
  }

  /** The corner box of this size that covers the fewest markers and none of {@code avoid} (ties: bottom left first). */
  private Box corner(double w, double h, List<double[]> marks, List<Box> avoid) {
    double fw = f.width(), fh = f.height(), g = 6;
    List<Box> corners = List.of(new Box(g, fh - h - 14, g + w, fh - 14), new Box(fw - w - g, fh - h - 14, fw - g,
        fh - 14), new Box(fw - w - g, g, fw - g, g + h), new Box(g + 26, g, g + 26 + w, g + h));
    Box best = null;
    long fewest = Long.MAX_VALUE;
    for (Box b : corners) {
      if (avoid.stream().anyMatch(b::overlaps)) {
        continue;
      }
      long n = marks.stream().filter(p -> p[0] >= b.x0() - 8 && p[0] <= b.x1() + 8 && p[1] >= b.y0() - 8
          && p[1] <= b.y1() + 8).count();
      if (n < fewest) {
        fewest = n;
        best = b;
      }
    }
    return best == null ? corners.get(0) : best;
  }

  private void corridors(Frame fr) {
    double maxVolume = data.routes().stream().mapToDouble(Route::predicted).max().orElse(1);
    Map<String, Crossing> crossingById = new HashMap<>();
    data.crossings().forEach(c -> crossingById.put(c.id(), c));
    s.append("<g fill=\"none\" stroke=\"#6a3d9a\" stroke-linecap=\"round\" stroke-linejoin=\"round\">");
    for (Route r : data.routes()) {
      Crossing c = crossingById.get(r.crossingId());
      Basemap.Place from = base.places().get(r.origin());
      Basemap.Place to = base.places().get(r.destination());
      if (c == null || from == null || to == null) {
        continue;
      }
      double w = 1 + 5 * Math.max(0, r.predicted()) / Math.max(1e-9, maxVolume);
      s.append(String.format(Locale.ROOT, "<polyline class=\"route\" points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" "
          + "stroke-width=\"%.1f\" stroke-opacity=\"0.4\"><title>%s</title></polyline>", fr.x(from.lon()),
          fr.y(from.lat()), fr.x(c.lon()), fr.y(c.lat()), fr.x(to.lon()), fr.y(to.lat()), w,
          ReportHtml.esc(m.get("map.route.title", r.corridorId(), r.predicted()))));
    }
    s.append("</g>");
  }

  private void crossings(Frame fr, boolean block) {
    String cls = block ? "crossing" : "crossing-inset";
    s.append("<g>");
    for (Crossing c : data.crossings()) {
      double cx = fr.x(c.lon()), cy = fr.y(c.lat());
      String shape = switch (c.type()) {
        case "official" -> String.format(Locale.ROOT, "<circle class=\"" + cls + "\" cx=\"%.1f\" cy=\"%.1f\" r=\"2.6\" "
            + "fill=\"#1f4e79\">", cx, cy);
        case "sea" -> String.format(Locale.ROOT, "<polygon class=\"" + cls + "\" points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f "
            + "%.1f,%.1f\" fill=\"#2c7fb8\">", cx, cy - 3, cx + 3, cy, cx, cy + 3, cx - 3, cy);
        default -> String.format(Locale.ROOT, "<polygon class=\"" + cls + "\" points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" "
            + "fill=\"#ffffff\" stroke=\"#1f4e79\" stroke-width=\"1\">", cx, cy - 3, cx + 3, cy + 2.5, cx - 3,
            cy + 2.5);
      };
      String tag = shape.substring(1, shape.indexOf(' '));
      s.append(shape).append("<title>").append(ReportHtml.esc(c.name())).append(" (")
          .append(ReportHtml.esc(m.getOr("crossing.type." + c.type(), c.type()))).append(")</title></")
          .append(tag).append('>');
      if (block) {
        labels.block(Box.around(cx, cy, 3));
      }
    }
    s.append("</g>");
  }

  /** Zones as their H3 hexagons; at the region's scale, each on a halo sized by its expected detections. */
  private void zones(Frame fr, boolean halo) {
    double maxExpected = data.zones().stream().mapToDouble(Zone::expected).max().orElse(1);
    s.append("<g stroke=\"#67001f\" stroke-width=\"0.5\">");
    data.zones().stream().sorted((a, b) -> Integer.compare(b.rank(), a.rank())).forEach(z -> {
      String colour = BAND_COLOURS.getOrDefault(z.band(), "#cccccc");
      double x = fr.x(z.lon()), y = fr.y(z.lat());
      String title = ReportHtml.esc(m.get("map.zone.title", z.rank(), z.cell(), ReportHtml.pct(z.probability())));
      if (halo) {
        double r = 2.5 + 5.5 * Math.sqrt(Math.max(0, z.expected()) / Math.max(1e-9, maxExpected));
        s.append(String.format(Locale.ROOT, "<circle class=\"zone-halo\" cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" "
            + "fill=\"%s\" fill-opacity=\"0.55\" stroke-opacity=\"0.6\"><title>%s</title></circle>", x, y, r,
            colour, title));
        labels.block(Box.around(x, y, r));
      }
      s.append("<polygon class=\"").append(halo ? "zone" : "zone-inset").append("\" points=\"");
      for (double[] p : hexagon(z)) {
        s.append(fmt(fr.x(p[1]))).append(',').append(fmt(fr.y(p[0]))).append(' ');
      }
      s.setLength(s.length() - 1);
      s.append("\" fill=\"").append(colour).append("\"><title>").append(title).append("</title></polygon>");
    });
    s.append("</g>");
  }

  private void deployments(Frame fr) {
    s.append("<g stroke=\"#1a9850\" stroke-width=\"1.4\">");
    Set<String> bases = new HashSet<>();
    for (Deployment d : data.deployments()) {
      if (Double.isNaN(d.baseLat())) {
        continue;
      }
      s.append(String.format(Locale.ROOT, "<line class=\"deployment\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
          + "y2=\"%.1f\" stroke-dasharray=\"3,2\"><title>%s</title></line>", fr.x(d.baseLon()), fr.y(d.baseLat()),
          fr.x(d.lon()), fr.y(d.lat()), ReportHtml.esc(m.get("map.deployment.title", d.baseId(), d.units(),
              d.cell()))));
      if (bases.add(d.baseId())) {
        double bx = fr.x(d.baseLon()), by = fr.y(d.baseLat());
        s.append(String.format(Locale.ROOT, "<rect class=\"base\" x=\"%.1f\" y=\"%.1f\" width=\"7\" height=\"7\" "
            + "fill=\"#1a9850\" stroke=\"none\"><title>%s</title></rect>", bx - 3.5, by - 3.5,
            ReportHtml.esc(m.get("map.base.title", d.baseId()))));
        labels.block(Box.around(bx, by, 4));
      }
    }
    s.append("</g>");
  }

  /** Labels in priority order: unit counts, capitals, the top zones' crossings, country names. */
  private void placeLabels() {
    StringBuilder t = new StringBuilder();
    Map<String, Integer> unitsAt = new HashMap<>();
    Map<String, Deployment> zoneOf = new HashMap<>();
    for (Deployment d : data.deployments()) {
      unitsAt.merge(d.cell(), d.units(), Integer::sum);
      zoneOf.putIfAbsent(d.cell(), d);
    }
    t.append("<g font-size=\"9\" font-weight=\"bold\" fill=\"#1a9850\">");
    unitsAt.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      Deployment d = zoneOf.get(e.getKey());
      labels.place(String.valueOf(e.getValue()), f.x(d.lon()), f.y(d.lat()), 9, 6).ifPresent(p -> text(t, p));
    });
    t.append("</g><g font-size=\"9.5\" fill=\"#222222\">");
    for (String c : countries(data).stream().sorted().toList()) {
      Basemap.Place cap = base.places().get(c);
      if (cap == null || !inside(cap.lon(), cap.lat())) {
        continue;
      }
      double x = f.x(cap.lon()), y = f.y(cap.lat());
      t.append(String.format(Locale.ROOT, "<rect class=\"capital\" x=\"%.1f\" y=\"%.1f\" width=\"5\" height=\"5\" "
          + "fill=\"#222222\"/>", x - 2.5, y - 2.5));
      labels.block(Box.around(x, y, 3));
      labels.place(cap.name(m.lang()), x, y, 9.5, 4).ifPresent(p -> text(t, p));
    }
    t.append("</g><g font-size=\"8\" fill=\"#1f4e79\">");
    Map<String, Crossing> byId = new HashMap<>();
    data.crossings().forEach(c -> byId.put(c.id(), c));
    Set<String> named = new LinkedHashSet<>();
    data.zones().stream().filter(z -> z.rank() <= 10 || z.units() > 0).sorted(Comparator.comparingInt(Zone::rank))
        .forEach(z -> named.add(z.crossingId()));
    for (String id : named) {
      Crossing c = byId.get(id);
      if (c != null) {
        labels.place(c.name(), f.x(c.lon()), f.y(c.lat()), 8, 5).ifPresent(p -> text(t, p));
      }
    }
    t.append("</g><g class=\"country-names\" font-size=\"10\" fill=\"#8c8471\" letter-spacing=\"1\">");
    for (Basemap.Country c : base.countries()) {
      if (c.iso3() != null && inside(c.labelLon(), c.labelLat())) {
        String name = m.getOr("country." + c.iso3(), c.name()).toUpperCase(Locale.ROOT);
        labels.centred(name, f.x(c.labelLon()), f.y(c.labelLat()), 10).ifPresent(p -> text(t, p));
      }
    }
    t.append("</g>");
    s.append(t);
  }

  private boolean inside(double lon, double lat) {
    return lon >= f.minLon() && lon <= f.maxLon() && lat >= f.minLat() && lat <= f.maxLat();
  }

  private static void text(StringBuilder t, Labels.Placed p) {
    t.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"%.1f\" y=\"%.1f\">%s</text>", p.x(), p.y(),
        ReportHtml.esc(p.text())));
  }

  private static Frame insetFrame(Zone top, double ox, double oy) {
    return Frame.fit(top.lat() - INSET_HALF_DEG, top.lat() + INSET_HALF_DEG,
        top.lon() - INSET_HALF_DEG / Math.cos(Math.toRadians(top.lat())),
        top.lon() + INSET_HALF_DEG / Math.cos(Math.toRadians(top.lat())), INSET_PX, INSET_PX, ox, oy);
  }

  /** Where the inset lies on the main map. */
  private void insetArea(Zone top) {
    Frame in = insetFrame(top, 0, 0);
    s.append(String.format(Locale.ROOT, "<rect class=\"inset-area\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
        + "height=\"%.1f\" fill=\"none\" stroke=\"#333333\" stroke-width=\"0.8\"/>", f.x(in.minLon()),
        f.y(in.maxLat()), f.x(in.maxLon()) - f.x(in.minLon()), f.y(in.minLat()) - f.y(in.maxLat())));
  }

  /** The riskiest zone's surroundings at a scale where zones show as hexagons. */
  private void inset(Zone top, Box at) {
    Frame in = insetFrame(top, at.x0(), at.y0() + INSET_TITLE);
    rect(at.x0(), at.y0(), at.x1() - at.x0(), at.y1() - at.y0(), "#ffffff", "#777777");
    Crossing near = data.crossings().stream().filter(c -> c.id().equals(top.crossingId())).findFirst().orElse(null);
    s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"8\" font-weight=\"bold\" "
        + "fill=\"#333333\">%s</text><text x=\"%.1f\" y=\"%.1f\" font-size=\"7\" fill=\"#555555\">%s</text>",
        at.x0() + 4, at.y0() + 10, ReportHtml.esc(fit(near == null ? top.crossingId() : near.name(), 8, INSET_PX - 8)),
        at.x0() + 4, at.y0() + 19, ReportHtml.esc(m.get("map.inset"))));
    s.append(String.format(Locale.ROOT, "<clipPath id=\"inset\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
        + "height=\"%.1f\"/></clipPath>", in.ox(), in.oy(), in.width(), in.height()));
    s.append("<g clip-path=\"url(#inset)\" class=\"inset\">");
    rect(in.ox(), in.oy(), in.width(), in.height(), base.countries().isEmpty() ? "#f7f7f2" : "#dce9f2", "none");
    geography(in);
    crossings(in, false);
    zones(in, false);
    s.append("</g>");
    rect(in.ox(), in.oy(), in.width(), in.height(), "none", "#777777");
    scaleBar(new Box(in.ox() + 4, in.oy() + in.height() - 14, in.ox() + in.width() / 2, in.oy() + in.height() - 2),
        in);
  }

  /** {@code text} cut with an ellipsis to about {@code width} pixels at {@code size}. */
  static String fit(String text, double size, double width) {
    int max = (int) Math.floor(width / (size * Labels.CHAR_WIDTH));
    return text.codePointCount(0, text.length()) <= max ? text
        : text.substring(0, text.offsetByCodePoints(0, Math.max(1, max - 1))) + "…";
  }

  private Box scaleBarBox(Box legend, Box inset) {
    double fw = f.width(), fh = f.height();
    Box right = new Box(fw - 150, fh - 32, fw - 8, fh - 14);
    Box left = new Box(34, fh - 32, 176, fh - 14);
    for (Box b : List.of(right, left)) {
      if ((legend == null || !b.overlaps(legend)) && (inset == null || !b.overlaps(inset))) {
        return b;
      }
    }
    return new Box(fw / 2 - 71, fh - 32, fw / 2 + 71, fh - 14);
  }

  /** A scale bar of a round length about half the box wide, drawn in the box. */
  private void scaleBar(Box b, Frame fr) {
    double room = (b.x1() - b.x0()) * 0.7;
    double km = 1;
    for (double c : new double[] {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000}) {
      if (c * fr.pxPerKm() <= room) {
        km = c;
      }
    }
    double len = km * fr.pxPerKm();
    double x = b.x0() + 4, y = b.y1() - 5;
    s.append(String.format(Locale.ROOT, "<g class=\"scale-bar\" font-size=\"8\" fill=\"#333333\">"
        + "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"3\" fill=\"#333333\"/>"
        + "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"3\" fill=\"#ffffff\" stroke=\"#333333\" "
        + "stroke-width=\"0.5\"/><text x=\"%.1f\" y=\"%.1f\">%s</text></g>", x, y, len / 2, x + len / 2, y, len / 2,
        x + len + 4, y + 3.5, ReportHtml.esc(m.get("map.scale", (long) km))));
  }

  private double[] legendSize() {
    return new double[] {200, 12.5 * 10 + 3};
  }

  private void legend(Box b) {
    double x0 = b.x0(), y0 = b.y0();
    s.append(String.format(Locale.ROOT, "<g class=\"legend\" font-size=\"8.5\" fill=\"#333333\"><rect x=\"%.1f\" "
        + "y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#ffffff\" fill-opacity=\"0.92\" stroke=\"#bbbbbb\"/>", x0,
        y0, b.x1() - b.x0(), b.y1() - b.y0()));
    double y = y0 + 12;
    for (String band : List.of("very high", "high", "elevated")) {
      s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\" stroke=\"#67001f\" "
          + "stroke-width=\"0.5\"/><text x=\"%.1f\" y=\"%.1f\">%s</text>", x0 + 10, y - 3, BAND_COLOURS.get(band),
          x0 + 20, y, ReportHtml.esc(m.get("map.legend.zone", m.get("band." + band.replace(' ', '-'))))));
      y += 12.5;
    }
    s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.6\" fill=\"#1f4e79\"/><polygon "
        + "points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"#ffffff\" stroke=\"#1f4e79\"/><text x=\"%.1f\" "
        + "y=\"%.1f\">%s</text>", x0 + 7, y - 3, x0 + 14, y - 6, x0 + 17, y - 0.5, x0 + 11, y - 0.5, x0 + 20, y,
        ReportHtml.esc(m.get("map.legend.crossings"))));
    y += 12.5;
    s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#6a3d9a\" "
        + "stroke-width=\"3\" stroke-opacity=\"0.45\"/><text x=\"%.1f\" y=\"%.1f\">%s</text>", x0 + 4, y - 3, x0 + 16,
        y - 3, x0 + 20, y, ReportHtml.esc(m.get("map.legend.corridor"))));
    y += 12.5;
    s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"7\" height=\"7\" fill=\"#1a9850\"/>"
        + "<text x=\"%.1f\" y=\"%.1f\">%s</text>", x0 + 6, y - 7, x0 + 20, y, ReportHtml.esc(m.get("map.legend.base"))));
    y += 12.5;
    s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"5\" height=\"5\" fill=\"#222222\"/>"
        + "<text x=\"%.1f\" y=\"%.1f\">%s</text>", x0 + 7, y - 6, x0 + 20, y, ReportHtml.esc(m.get("map.legend.capital"))));
    y += 12.5;
    s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#6e6552\" "
        + "stroke-width=\"1\"/><text x=\"%.1f\" y=\"%.1f\">%s</text>", x0 + 4, y - 3, x0 + 16, y - 3, x0 + 20, y,
        ReportHtml.esc(m.get("map.legend.border"))));
    y += 12.5;
    s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#b9b1a0\" "
        + "stroke-width=\"0.8\" stroke-dasharray=\"2,1.5\"/><text x=\"%.1f\" y=\"%.1f\">%s</text>", x0 + 4, y - 3,
        x0 + 16, y - 3, x0 + 20, y, ReportHtml.esc(m.get("map.legend.province"))));
    y += 12.5;
    s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"7\" fill=\"#777777\">%s</text>",
        x0 + 6, y, ReportHtml.esc(m.get("map.legend.source"))));
    s.append("</g>");
  }

  private static final class H3 {
    static final H3Core CORE;

    static {
      try {
        CORE = H3Core.newInstance();
      } catch (IOException e) {
        throw new IllegalStateException("H3 is not available: " + e.getMessage(), e);
      }
    }
  }

  /** The zone's hexagon as lat/lon pairs; a small hexagon around its centre when the id is not an H3 cell. */
  static List<double[]> hexagon(Zone z) {
    List<double[]> out = new ArrayList<>();
    Optional<List<LatLng>> cell = Optional.empty();
    try {
      if (H3.CORE.isValidCell(z.cell())) {
        cell = Optional.of(H3.CORE.cellToBoundary(z.cell()));
      }
    } catch (RuntimeException e) {
      cell = Optional.empty();
    }
    if (cell.isPresent()) {
      for (LatLng p : cell.get()) {
        out.add(new double[] {p.lat, p.lng});
      }
    } else {
      for (int k = 0; k < 6; k++) {
        double a = Math.toRadians(60 * k);
        out.add(new double[] {z.lat() + 0.03 * Math.sin(a), z.lon() + 0.03 * Math.cos(a)});
      }
    }
    return out;
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
