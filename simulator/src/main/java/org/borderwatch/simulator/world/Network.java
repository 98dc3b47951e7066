package org.borderwatch.simulator.world;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.borderwatch.simulator.geo.Corridor;
import org.borderwatch.simulator.geo.Country;

/** A smuggling or trafficking organisation: its members by role, the corridors it runs, its money. */
public final class Network {
  /** What the network does. */
  public enum Kind { SMUGGLING, TRAFFICKING, SCAM }

  /**
   * How a network moves its money from collection accounts through mules to its financier. Networks do not share
   * one rule: some split sums just below the reporting threshold, others send round sums, let mules hold the money
   * for weeks, pass it through two mules, or have mules withdraw part of it in cash.
   */
  public enum Structuring { BELOW_THRESHOLD, ROUND_SUMS, HELD, CHAIN, CASH_OUT }

  public final int id;
  public final Kind kind;
  public final Country home;
  public final List<Corridor> corridors = new ArrayList<>();
  public final Map<Role, List<Integer>> members = new EnumMap<>(Role.class);
  /** Perceived risk per crossing point id: what lookouts and past losses taught the network. */
  public final Map<String, Double> perceivedRisk = new HashMap<>();
  /** Groups moved per week at full strength. */
  public double rate;
  /** The money rule, drawn when the network first moves money. */
  public Structuring structuring;
  public final int createdWeek;
  public int dissolvedWeek = -1;
  /** Network this one split from, or -1. */
  public int parent = -1;
  public final List<String> vehicles = new ArrayList<>();
  /** Account ids by use (collection, mule, financier, leader, safe_house). */
  public final Map<String, List<Integer>> accounts = new HashMap<>();

  public Network(int id, Kind kind, Country home, int createdWeek) {
    this.id = id;
    this.kind = kind;
    this.home = home;
    this.createdWeek = createdWeek;
  }

  public String nid() {
    return String.format("N%03d", id);
  }

  public List<Integer> members(Role r) {
    return members.computeIfAbsent(r, k -> new ArrayList<>());
  }

  public boolean active(int week) {
    return week >= createdWeek && (dissolvedWeek < 0 || week < dissolvedWeek);
  }
}
