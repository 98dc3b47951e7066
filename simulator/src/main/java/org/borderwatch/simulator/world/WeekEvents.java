package org.borderwatch.simulator.world;

import java.util.ArrayList;
import java.util.List;

/** Everything the network side of the world did in one week (legit bulk is drawn at render time). */
public final class WeekEvents {
  public final int week;
  public final List<Events.Trip> trips = new ArrayList<>();
  public final List<Events.Detection> detections = new ArrayList<>();
  public final List<Events.Interdiction> interdictions = new ArrayList<>();
  public final List<Events.Case> cases = new ArrayList<>();
  public final List<Events.Arrest> arrests = new ArrayList<>();
  public final List<Events.Screening> screenings = new ArrayList<>();
  public final List<Events.Post> posts = new ArrayList<>();
  public final List<Events.Payment> payments = new ArrayList<>();
  /** Patrol units per crossing id actually out this week (what detections depend on). */
  public final java.util.Map<String, Double> patrols = new java.util.TreeMap<>();
  /** Patrol units per crossing id the roster planned for this week (what the roster feed exports). */
  public final java.util.Map<String, Double> roster = new java.util.TreeMap<>();

  public WeekEvents(int week) {
    this.week = week;
  }
}
