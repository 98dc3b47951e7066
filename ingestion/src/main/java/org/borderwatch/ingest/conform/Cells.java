package org.borderwatch.ingest.conform;

import com.uber.h3core.H3Core;
import java.io.IOException;
import java.io.UncheckedIOException;

/** H3 cells of a point (one H3 instance per JVM; it is thread-safe). */
public final class Cells {
  private static H3Core h3;

  private Cells() {}

  private static synchronized H3Core h3() {
    if (h3 == null) {
      try {
        h3 = H3Core.newInstance();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return h3;
  }

  public static String cell(double lat, double lon, int resolution) {
    return h3().latLngToCellAddress(lat, lon, resolution);
  }

  /** Centre {lat, lon} of a cell. */
  public static double[] centre(String cell) {
    var c = h3().cellToLatLng(cell);
    return new double[] {c.lat, c.lng};
  }

  public static H3Core core() {
    return h3();
  }
}
