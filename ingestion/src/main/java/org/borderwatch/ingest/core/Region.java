package org.borderwatch.ingest.core;

/** The area borderwatch covers: mainland and maritime Southeast Asia and Bangladesh. */
public final class Region {
  public static final double MIN_LAT = -11.0;
  public static final double MAX_LAT = 29.0;
  public static final double MIN_LON = 88.0;
  public static final double MAX_LON = 142.0;

  private Region() {}

  public static boolean inside(double lat, double lon) {
    return lat >= MIN_LAT && lat <= MAX_LAT && lon >= MIN_LON && lon <= MAX_LON;
  }

  /** Coordinates that are outside but inside once swapped: an exporter put longitude first. */
  public static boolean swapped(double lat, double lon) {
    return !inside(lat, lon) && inside(lon, lat);
  }
}
