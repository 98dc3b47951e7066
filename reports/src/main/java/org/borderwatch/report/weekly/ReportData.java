package org.borderwatch.report.weekly;

import java.util.List;
import java.util.Map;

/**
 * Everything the weekly report shows, read from the lakehouse by {@link ReportQueries} and drawn by
 * {@link ReportHtml}: plain values, so the page can be rendered (and tested) without Spark.
 *
 * @param week the week the report plans for (the forecast week)
 * @param dataWeek the last week with data (networks, victims and freshness are as of this week)
 */
public record ReportData(String week, String dataWeek, String generatedAt, Summary summary, List<Crossing> crossings,
    List<Zone> zones, List<Deployment> deployments, List<Route> routes, List<Network> networks,
    List<KeyPerson> keyPersons, List<MuleAccount> mules, List<Flow> flows, List<VictimPlace> victimPlaces,
    List<ForecastCheck> forecastChecks, List<Note> validation, List<Freshness> freshness, List<Note> caveats,
    String previousPlanWeek, List<PlanChange> changes, List<MethodScore> backtest,
    List<ValidationWeek> validationWeeks) {

  /**
   * A week of the zone model's rolling validation: a forecast from a model fitted on the weeks before its fold,
   * as the share of the week's detections in the top 5% of zones, beside ranking by all past detections.
   */
  public record ValidationWeek(String week, int detections, double hitRate, double allHistoryHitRate) {}

  /** A sentence of the report: a message key of {@link Messages} and its arguments, worded in the edition's language. */
  public record Note(String key, List<Object> args) {
    public static Note of(String key, Object... args) {
      return new Note(key, List.of(args));
    }
  }

  /**
   * Why a forecast is what it is: a model feature's value, its typical value, and what it adds to the score (for
   * zones, in probability; for corridors, in people).
   */
  public record Reason(String feature, double value, double typical, double effect) {}

  /**
   * How a base's plan differs from the plan of the week before ({@code kind}: same, moved, more, fewer, new,
   * withdrawn); the zones are given by their nearest crossing and rank.
   */
  public record PlanChange(String baseId, String kind, int unitsBefore, int unitsNow, List<String> zonesBefore,
      List<String> zonesNow) {}

  /** A ranking's figure in the latest backtest on detections (share of detections in the top 5% of zones). */
  public record MethodScore(String method, double value) {}

  /** Headline figures. */
  public record Summary(int zonesScored, int unitsDeployed, int unitsAvailable, double expectedInterdictions,
      double naiveInterdictions, int networks, int newNetworks, int victimAlertsIdentified,
      int victimAlertsSuspected, String modelVersion) {}

  /** A crossing of conf/crossings.csv. */
  public record Crossing(String id, String name, String type, String countryA, String countryB, double lat,
      double lon) {}

  /** A forecast zone, in rank order, with its reasons in plain language. */
  public record Zone(int rank, String cell, String crossingId, double lat, double lon, double probability,
      double expected, String band, List<Reason> reasons, int units) {}

  /** Units from one base to one zone. */
  public record Deployment(String baseId, double baseLat, double baseLon, String cell, String crossingId, double lat,
      double lon, int units, int zoneRank, double expectedInterdictions) {}

  /** A corridor's forecast and its recent weeks (people seen per week, oldest first). */
  public record Route(int rank, String corridorId, String crossingId, String origin, String destination,
      double predicted, double recent, double change, List<Integer> history, List<Reason> reasons) {}

  /** An offender network of the data week. */
  public record Network(String id, int size, Map<String, Integer> roles, List<String> corridors, double moneyUsd,
      int cases, String change, int sizeChange, int protectedPersons) {}

  /** A person to prioritise (pseudonymised). */
  public record KeyPerson(int rank, String personKey, String networkId, String role, double score,
      List<String> reasons) {}

  /** A money-mule account (pseudonymised). */
  public record MuleAccount(String accountKey, double score, String networkId, double inUsd, List<String> reasons) {}

  /** Money between two countries over the analysis window. */
  public record Flow(String from, String to, double amountUsd, long transactions) {}

  /** Possible trafficking victims last seen at a place (vulnerable: abuse of vulnerability among the indicators): counts only, for protection and referral. */
  public record VictimPlace(String place, int identified, int suspected, int vulnerable) {}

  /**
   * How a stored forecast for a past week fared: share of that week's detections in the zones ranked in
   * the top {@code topShare}, against the naive ranking by the last twelve weeks' detections.
   */
  public record ForecastCheck(String week, int zones, int detections, double topShare, double hitRate,
      double naiveHitRate, double expectedInterdictions, int interdictionsInDeployedZones) {}

  /** Latest data of one source and the last successful run of one job. */
  public record Freshness(String what, String latest, long rows) {}
}
