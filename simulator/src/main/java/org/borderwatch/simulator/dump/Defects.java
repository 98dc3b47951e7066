package org.borderwatch.simulator.dump;

import java.nio.charset.StandardCharsets;
import org.borderwatch.simulator.Rng;
import org.borderwatch.simulator.SimulationParams;

/**
 * Plants the defects real exports have, at the configured rates, and records each one with its file and
 * line so that tests can expect the exact quarantine: exact duplicates, truncated JSON, a stray CSV
 * delimiter, invalid UTF-8, out-of-range and swapped coordinates.
 */
public final class Defects {
  public static final String DUPLICATE = "duplicate";
  public static final String TRUNCATED_JSON = "truncated_json";
  public static final String STRAY_DELIMITER = "stray_delimiter";
  public static final String INVALID_UTF8 = "invalid_utf8";
  public static final String BAD_COORDINATES = "bad_coordinates";
  public static final String SWAPPED_COORDINATES = "swapped_coordinates";

  private final SimulationParams params;
  private final Rng rng;

  public Defects(SimulationParams params, Rng rng) {
    this.params = params;
    this.rng = rng;
  }

  /** Writes one JSON record line, maybe damaged or doubled; returns its line number, or -1 when damaged. */
  public int json(FeedFile f, String line) {
    if (rng.chance(params.malformedRate())) {
      if (rng.chance(0.6)) {
        int cut = Math.max(1, rng.between(line.length() / 3, Math.max(line.length() / 3, line.length() - 2)));
        f.defect(f.add(line.substring(0, cut)), TRUNCATED_JSON);
      } else {
        f.defect(f.add(invalidUtf8(line)), INVALID_UTF8);
      }
      return -1;
    }
    return emit(f, line);
  }

  /** Writes one delimited record line, maybe damaged or doubled. */
  public int delimited(FeedFile f, String line, char delimiter) {
    if (rng.chance(params.malformedRate())) {
      if (rng.chance(0.6)) {
        int at = line.indexOf(delimiter, line.length() / 2);
        at = at < 0 ? line.length() / 2 : at;
        f.defect(f.add(line.substring(0, at) + delimiter + line.substring(at)), STRAY_DELIMITER);
      } else {
        f.defect(f.add(invalidUtf8(line)), INVALID_UTF8);
      }
      return -1;
    }
    return emit(f, line);
  }

  private int emit(FeedFile f, String line) {
    int n = f.add(line);
    if (rng.chance(params.duplicateRate())) {
      f.defect(f.add(line), DUPLICATE);
    }
    return n;
  }

  /** Records a coordinate defect on a line that was written (line > 0). */
  public static void noteCoordinates(FeedFile f, int line, Object kind) {
    if (line > 0 && kind != null) {
      f.defect(line, (String) kind);
    }
  }

  /** The bytes of a line with an invalid UTF-8 sequence planted in its middle. */
  private byte[] invalidUtf8(String line) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    int at = b.length / 2;
    while (at < b.length && (b[at] & 0xC0) == 0x80) {
      at++;
    }
    byte[] out = new byte[b.length + 2];
    System.arraycopy(b, 0, out, 0, at);
    out[at] = (byte) 0xC3;
    out[at + 1] = (byte) 0x28;
    System.arraycopy(b, at, out, at + 2, b.length - at);
    return out;
  }

  /** Coordinates as exported: usually right, sometimes swapped or garbled. Returns {lat, lon, kind}. */
  public Object[] coordinates(double lat, double lon) {
    double r = rng.uniform();
    if (r < params.swappedCoordinateRate()) {
      return new Object[] {lon, lat, SWAPPED_COORDINATES};
    }
    if (r < params.swappedCoordinateRate() + params.badCoordinateRate()) {
      return rng.chance(0.5) ? new Object[] {lat * 10, lon, BAD_COORDINATES} : new Object[] {0.0, 0.0, BAD_COORDINATES};
    }
    return new Object[] {lat, lon, null};
  }

  public Rng rng() {
    return rng;
  }
}
