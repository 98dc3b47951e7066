package org.borderwatch.simulator.geo;

/**
 * A route: origin region → crossing point → destination, with its base cost (travel days, fees) and
 * whether it runs by sea (and so nearly stops in the south-west monsoon). Corridors of one family share
 * their origins and their stretch of border.
 */
public record Corridor(String id, String family, Place origin, CrossingPoint crossing, Place destination,
    double baseCost) {
  public boolean sea() {
    return crossing.type() == CrossingPoint.Type.SEA;
  }

  /** The country whose people mostly use this corridor. */
  public Country originCountry() {
    return origin.country();
  }
}
