package org.borderwatch.simulator.world;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.borderwatch.simulator.geo.Country;
import org.borderwatch.simulator.geo.Place;
import org.borderwatch.simulator.names.Ethnicity;
import org.borderwatch.simulator.names.TrueName;

/** A person of the simulated world, with the identifiers that tie their records together. */
public final class Person {
  public final int id;
  public final Ethnicity ethnicity;
  public final Country nationality;
  public final boolean female;
  public final LocalDate dob;
  public final TrueName name;
  public final String document;
  public final Place home;
  public Role role;
  public int network = -1;
  public final List<String> phones = new ArrayList<>();
  public String handle;
  public final List<Integer> accounts = new ArrayList<>();
  /** Week index when arrested (removed from the network), or -1. */
  public int arrestedWeek = -1;
  /** True forced-labour indicators of a victim (bit set over {@link Indicators}). */
  public int indicators;
  /** What a victim is recruited into, or null for everyone else. */
  public Exploitation exploitation;
  /** Relative frequency of crossing official checkpoints (traders cross weekly). */
  public double travelRate;
  /** Week the person entered the world's records (0 for the initial population). */
  public int createdWeek;

  public Person(int id, Ethnicity ethnicity, Country nationality, boolean female, LocalDate dob, TrueName name,
      String document, Place home, Role role) {
    this.id = id;
    this.ethnicity = ethnicity;
    this.nationality = nationality;
    this.female = female;
    this.dob = dob;
    this.name = name;
    this.document = document;
    this.home = home;
    this.role = role;
  }

  public String pid() {
    return String.format("P%07d", id);
  }

  public boolean active(int week) {
    return arrestedWeek < 0 || week < arrestedWeek;
  }
}
