package org.borderwatch.simulator.geo;

/** A named place: a source region, a destination, a scam compound or a sea departure point. */
public record Place(String id, String name, Country country, double lat, double lon, Kind kind) {
  /** What a place is in the world. */
  public enum Kind { SOURCE, DESTINATION, SCAM_COMPOUND, DEPARTURE }
}
