package org.borderwatch.simulator.geo;

/**
 * Where people cross a border: an official checkpoint, an informal segment of land border or river,
 * or a sea landing. Informal and sea crossings spread along {@code spreadKm} around the point.
 * Points on the same {@code stretch} are neighbours: enforcement at one displaces traffic to the others.
 */
public record CrossingPoint(String id, String name, Type type, Country from, Country to, double lat, double lon,
    String stretch, double spreadKm, double sensorCoverage) {
  /** Kinds of crossing. */
  public enum Type { OFFICIAL, INFORMAL, SEA }

  public boolean official() {
    return type == Type.OFFICIAL;
  }
}
