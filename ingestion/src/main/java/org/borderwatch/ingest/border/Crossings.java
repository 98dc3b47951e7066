package org.borderwatch.ingest.border;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.borderwatch.ingest.core.Csv;

/** The reference table of border crossings (conf/crossings.csv): public geography the pipeline may use. */
public final class Crossings {
  /** One crossing point. */
  public record Crossing(String id, String name, String type, String countryA, String countryB, double lat,
      double lon, String stretch) {
    public boolean official() {
      return "official".equals(type);
    }
  }

  private static final List<Crossing> ALL = new ArrayList<>();
  private static final Map<String, Crossing> BY_ID = new HashMap<>();
  private static final Map<String, String> BY_ALIAS = new HashMap<>();

  static {
    try (InputStream in = Crossings.class.getClassLoader().getResourceAsStream("borderwatch/conf/crossings.csv")) {
      if (in == null) {
        throw new IllegalStateException("conf/crossings.csv is not on the classpath");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#") || line.startsWith("crossing_id") || line.isBlank()) {
          continue;
        }
        List<String> f = Csv.split(line, ',');
        Crossing c = new Crossing(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), Double.parseDouble(f.get(5)),
            Double.parseDouble(f.get(6)), f.get(7));
        ALL.add(c);
        BY_ID.put(c.id(), c);
        BY_ALIAS.putIfAbsent(c.name().toLowerCase(Locale.ROOT), c.id());
        for (String a : f.get(8).split("\\|")) {
          if (!a.isBlank()) {
            BY_ALIAS.put(a.strip().toLowerCase(Locale.ROOT), c.id());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Crossings() {}

  public static List<Crossing> all() {
    return Collections.unmodifiableList(ALL);
  }

  public static Crossing byId(String id) {
    return BY_ID.get(id);
  }

  /** The official crossing an agency's checkpoint name or code denotes, or null. */
  public static String officialId(String name) {
    String id = idOf(name);
    return id != null && BY_ID.get(id).official() ? id : null;
  }

  /** The crossing (of any type) a name or code denotes, or null. */
  public static String idOf(String name) {
    return name == null ? null : BY_ALIAS.get(name.strip().toLowerCase(Locale.ROOT));
  }

  public static double[] location(String id) {
    Crossing c = BY_ID.get(id);
    return new double[] {c.lat(), c.lon()};
  }
}
