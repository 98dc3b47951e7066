package org.borderwatch.simulator.world;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.borderwatch.simulator.geo.Corridor;
import org.borderwatch.simulator.geo.CrossingPoint;

/** The true events of one week, produced by {@link Dynamics} and rendered into dumps. */
public final class Events {
  private Events() {}

  /** A group moved across a border by a network. */
  public record Trip(String id, int week, Instant at, int network, Corridor corridor, double lat, double lon,
      List<Integer> travellers, List<Integer> crew, String vehicle, boolean detected, boolean interdicted) {
    public CrossingPoint crossing() {
      return corridor.crossing();
    }
  }

  /** A sensor or patrol detection; {@code trip} is null for a false alarm. */
  public record Detection(String id, int week, Instant at, double lat, double lon, int groupSizeEstimate,
      String sensor, String unit, String trip, String crossing, int fileWeek) {}

  /** An interception: the people apprehended, with what the unit took them to be. */
  public record Interdiction(String id, String detection, int week, Instant at, double lat, double lon, String unit,
      List<Integer> persons, List<String> roleGuesses, String vehicle, String crossing, String trip, int fileWeek) {}

  /** A person in a case file. */
  public record CasePerson(int person, String role) {}

  /** A law-enforcement case file. */
  public record Case(String id, int week, Instant opened, String offence, String crossing, String place,
      List<CasePerson> persons, List<String> phones, List<String> vehicles, List<Integer> accounts, int network,
      String trip, int fileWeek) {}

  /** An arrest of a case suspect. */
  public record Arrest(String id, String caseId, int person, int week, LocalDate date, String place, String charge) {}

  /** A victim-screening interview: indicators the interviewer recorded (with noise). */
  public record Screening(String id, String caseId, int person, int week, LocalDate date, String location,
      int observed, int asked, String language, String referral, int fileWeek) {}

  /** Kinds of social post. */
  public enum PostKind { DECEPTIVE_JOB, SMUGGLING_OFFER, HONEST_JOB, OTHER }

  /** A social-media post. Recruiters post ahead of the trips they fill. */
  public record Post(String id, int week, Instant at, int author, String handle, String platform, PostKind kind,
      String trip, int network, String destination, String contactPhone, Double lat, Double lon) {}

  /** A money transfer between two accounts; purpose is the truth (fee, layering, wage, remittance...). */
  public record Payment(String id, int week, Instant at, int from, int to, double amount, String purpose,
      int network, String trip, int fileWeek) {}
}
