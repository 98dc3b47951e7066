package org.borderwatch.simulator.geo;

/**
 * Where people cross a border: an official checkpoint, an informal segment of land border or river,
 * or a sea landing. Informal and sea crossings spread along {@code spreadKm} around the point.
 * Points on the same {@code stretch} are neighbours: enforcement at one displaces traffic to the others.
 * A point {@code known} to agencies is in the crossing list the pipeline is given (conf/crossings.csv) and
 * in the patrol rotation; an unknown one is used by networks from week index {@code opensWeek} on
 * (0: from the start) without any agency listing or patrolling it.
 */
public record CrossingPoint(String id, String name, Type type, Country from, Country to, double lat, double lon,
    String stretch, double spreadKm, double sensorCoverage, boolean known, int opensWeek) {

  public CrossingPoint(String id, String name, Type type, Country from, Country to, double lat, double lon,
      String stretch, double spreadKm, double sensorCoverage) {
    this(id, name, type, from, to, lat, lon, stretch, spreadKm, sensorCoverage, true, 0);
  }

  /** Whether networks can use the point in a week (week index from the world's start). */
  public boolean open(int week) {
    return week >= opensWeek;
  }

  /** Kinds of crossing. */
  public enum Type { OFFICIAL, INFORMAL, SEA }

  public boolean official() {
    return type == Type.OFFICIAL;
  }
}
