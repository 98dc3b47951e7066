package org.borderwatch.report.weekly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.common.deploy.DeploymentOptimizer;
import org.borderwatch.core.catalog.Lakehouse;
import org.borderwatch.core.catalog.TableId;
import org.borderwatch.core.catalog.Tables;
import org.borderwatch.core.config.BorderwatchConfig;
import org.borderwatch.core.config.ConfigKeys;
import org.borderwatch.core.error.Errors;
import org.borderwatch.core.time.IsoWeek;
import org.borderwatch.ingest.border.Crossings;
import org.borderwatch.report.deploy.DeploymentJob;
import org.borderwatch.report.weekly.ReportData.Crossing;
import org.borderwatch.report.weekly.ReportData.Deployment;
import org.borderwatch.report.weekly.ReportData.Flow;
import org.borderwatch.report.weekly.ReportData.ForecastCheck;
import org.borderwatch.report.weekly.ReportData.Freshness;
import org.borderwatch.report.weekly.ReportData.KeyPerson;
import org.borderwatch.report.weekly.ReportData.MethodScore;
import org.borderwatch.report.weekly.ReportData.Note;
import org.borderwatch.report.weekly.ReportData.PlanChange;
import org.borderwatch.report.weekly.ReportData.Reason;
import org.borderwatch.report.weekly.ReportData.MuleAccount;
import org.borderwatch.report.weekly.ReportData.Network;
import org.borderwatch.report.weekly.ReportData.Route;
import org.borderwatch.report.weekly.ReportData.Summary;
import org.borderwatch.report.weekly.ReportData.ValidationWeek;
import org.borderwatch.report.weekly.ReportData.VictimPlace;
import org.borderwatch.report.weekly.ReportData.Zone;

/**
 * Reads one week's report from the lakehouse: gold tables of the forecast week (zones, routes,
 * deployments) and of the week before it (networks, money, victims: the last week with data), the
 * stored forecasts of the four weeks before against what the silver tables recorded, and freshness.
 * A stage that has not run leaves its section empty with a note, never invented rows.
 */
public final class ReportQueries {
  /** Share of zones whose detections count as hits in the forecast check (the top 5% of zones). */
  public static final double TOP_SHARE = 0.05;
  static final int TOP_ZONES = 15;
  static final int WEEKS_CHECKED = 4;
  /** Validation weeks the report's chart shows at most (the latest). */
  static final int VALIDATION_WEEKS = 8;
  static final int ROUTE_HISTORY = 8;
  /** Places listed in the victim-protection table (the summary counts every place). */
  static final int VICTIM_PLACES = 12;

  private final SparkSession spark;
  private final BorderwatchConfig config;

  public ReportQueries(SparkSession spark, BorderwatchConfig config) {
    this.spark = spark;
    this.config = config;
  }

  /** The latest forecast week in gold.zone_risk_weekly. */
  public IsoWeek latestForecastWeek() {
    requireScores();
    Row r = spark.sql("select max(week) from " + Tables.GOLD_ZONE_RISK.fullName()).first();
    if (r.isNullAt(0)) {
      throw Errors.missingInput("gold.zone_risk_weekly", "run 'borderwatch score' first");
    }
    return IsoWeek.parse(r.getString(0));
  }

  private void requireScores() {
    if (!Lakehouse.exists(spark, Tables.GOLD_ZONE_RISK)) {
      throw Errors.missingInput("gold.zone_risk_weekly", "run 'borderwatch score' first");
    }
  }

  public ReportData read(IsoWeek week, Instant now) throws Exception {
    requireScores();
    String w = week.toString();
    String dw = week.minus(1).toString();
    List<Note> caveats = new ArrayList<>();
    List<Row> zoneRows = rows("select cell, crossing_id, cell_lat, cell_lon, probability, expected_count, rank, "
        + "risk_band, reasons, model_version from " + Tables.GOLD_ZONE_RISK.fullName() + " where week = '" + w
        + "' order by rank");
    if (zoneRows.isEmpty()) {
      throw Errors.missingInput("zone scores for " + w, "run 'borderwatch score --week " + week.minus(1)
          + "' (it forecasts the week after) first");
    }
    List<DeploymentOptimizer.Base> bases = DeploymentJob.units(config);
    Map<String, DeploymentOptimizer.Base> baseById = new HashMap<>();
    bases.forEach(b -> baseById.put(b.id(), b));
    List<Deployment> deployments = deployments(w, baseById);
    Map<String, Integer> unitsAt = new HashMap<>();
    deployments.forEach(d -> unitsAt.merge(d.cell(), d.units(), Integer::sum));
    if (deployments.isEmpty()) {
      caveats.add(Note.of("caveat.no-deployment", w));
    }
    List<Deployment> before = deployments(dw, baseById);
    String previousPlanWeek = before.isEmpty() ? null : dw;
    List<PlanChange> changes = before.isEmpty() ? List.of() : PlanChanges.between(before, deployments);
    List<Zone> zones = new ArrayList<>();
    List<DeploymentOptimizer.Zone> all = new ArrayList<>();
    for (Row r : zoneRows) {
      all.add(new DeploymentOptimizer.Zone(r.getString(0), r.getDouble(2), r.getDouble(3), r.getDouble(5)));
      int rank = r.getInt(6);
      if (rank <= TOP_ZONES || unitsAt.containsKey(r.getString(0))) {
        zones.add(new Zone(rank, r.getString(0), r.getString(1), r.getDouble(2), r.getDouble(3), r.getDouble(4),
            r.getDouble(5), r.getString(7), reasons(r.getList(8)), unitsAt.getOrDefault(r.getString(0), 0)));
      }
    }
    double perUnit = config.get(ConfigKeys.DEPLOY_PER_UNIT);
    Map<String, Double> zoneValue = new HashMap<>();
    deployments.forEach(d -> zoneValue.merge(d.cell(), d.expectedInterdictions(), Math::max));
    double expected = zoneValue.values().stream().mapToDouble(Double::doubleValue).sum();
    double naive = DeploymentJob.naive(bases, all, perUnit);

    List<Network> networks = networks(dw);
    int newNetworks = (int) networks.stream().filter(n -> n.change().equals("new")).count();
    int totalNetworks = networks.size();
    if (!has(Tables.GOLD_NETWORKS)) {
      caveats.add(Note.of("caveat.no-networks", dw));
    }
    List<VictimPlace> victims = victimPlaces(dw);
    if (!has(Tables.GOLD_VICTIM_ALERTS)) {
      caveats.add(Note.of("caveat.no-victims", dw));
    }
    int identified = victims.stream().mapToInt(VictimPlace::identified).sum();
    int suspected = victims.stream().mapToInt(VictimPlace::suspected).sum();
    Summary summary = new Summary(zoneRows.size(), deployments.stream().mapToInt(Deployment::units).sum(),
        bases.stream().mapToInt(DeploymentOptimizer.Base::units).sum(), expected, naive, totalNetworks, newNetworks,
        identified, suspected, zoneRows.get(0).getString(9));

    List<ForecastCheck> checks = forecastChecks(week);
    List<MethodScore> backtest = backtest("detected");
    List<Note> validation = validation(backtest);
    List<ValidationWeek> validationWeeks = validationWeeks();
    for (String c : List.of("effort", "undercount", "pseudonyms", "victims", "map")) {
      caveats.add(Note.of("caveat." + c));
    }
    return new ReportData(w, dw, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC)
        .format(now), summary, crossings(), zones, deployments, routes(week), limit(networks, 10),
        keyPersons(dw), mules(dw), flows(dw), limit(victims, VICTIM_PLACES), checks, validation, freshness(), caveats,
        previousPlanWeek, changes, backtest.stream().filter(b -> !Double.isNaN(b.value())).toList(), validationWeeks);
  }

  /** The stored deployment plan of {@code week}, by zone rank then base. */
  private List<Deployment> deployments(String week, Map<String, DeploymentOptimizer.Base> baseById) {
    List<Deployment> out = new ArrayList<>();
    if (!has(Tables.GOLD_DEPLOYMENT)) {
      return out;
    }
    for (Row r : rows("select base_id, cell, crossing_id, cell_lat, cell_lon, units, zone_rank, "
        + "expected_interdictions from " + Tables.GOLD_DEPLOYMENT.fullName() + " where week = '" + week
        + "' order by zone_rank, base_id")) {
      DeploymentOptimizer.Base b = baseById.get(r.getString(0));
      out.add(new Deployment(r.getString(0), b == null ? Double.NaN : b.lat(), b == null ? Double.NaN : b.lon(),
          r.getString(1), r.getString(2), r.getDouble(3), r.getDouble(4), r.getInt(5), r.getInt(6), r.getDouble(7)));
    }
    return out;
  }

  /** The latest backtest's share of {@code target} events in the top 5% of zones, by ranking (best first, ties by name). */
  private List<MethodScore> backtest(String target) {
    List<MethodScore> out = new ArrayList<>();
    if (!has(Tables.BACKTEST_RESULTS)) {
      return out;
    }
    for (Row x : rows("select method, value from " + Tables.BACKTEST_RESULTS.fullName() + " where run_id = "
        + "(select max_by(run_id, run_at) from " + Tables.BACKTEST_RESULTS.fullName() + ") and model = 'zone' "
        + "and target = '" + target + "' and metric = 'hit_rate@5%' order by value desc, method")) {
      out.add(new MethodScore(x.getString(0), x.getDouble(1)));
    }
    return out;
  }

  private static <T> List<T> limit(List<T> list, int n) {
    return new ArrayList<>(list.subList(0, Math.min(n, list.size())));
  }

  private List<Row> rows(String sql) {
    return spark.sql(sql).collectAsList();
  }

  private boolean has(TableId id) {
    return Lakehouse.exists(spark, id);
  }

  static List<Crossing> crossings() {
    List<Crossing> out = new ArrayList<>();
    for (Crossings.Crossing c : Crossings.all()) {
      out.add(new Crossing(c.id(), c.name(), c.type(), c.countryA(), c.countryB(), c.lat(), c.lon()));
    }
    return out;
  }

  /** Top corridors with the people seen at their crossing in each of the weeks before. */
  private List<Route> routes(IsoWeek week) {
    if (!has(Tables.GOLD_ROUTE_RISK)) {
      return List.of();
    }
    List<Row> rows = rows("select corridor_id, crossing_id, origin, destination, predicted_volume, "
        + "recent_weekly_volume, change_vs_4w, rank, reasons from " + Tables.GOLD_ROUTE_RISK.fullName()
        + " where week = '" + week + "' order by rank limit 12");
    Map<String, Map<String, Integer>> history = new HashMap<>();
    if (has(Tables.SILVER_CORRIDOR_FEATURES)) {
      for (Row r : rows("select corridor_id, week, y_volume from " + Tables.SILVER_CORRIDOR_FEATURES.fullName()
          + " where has_outcome and week >= '" + week.minus(ROUTE_HISTORY) + "' and week < '" + week + "'")) {
        history.computeIfAbsent(r.getString(0), k -> new HashMap<>()).put(r.getString(1),
            r.isNullAt(2) ? 0 : r.getInt(2));
      }
    }
    List<Route> out = new ArrayList<>();
    for (Row r : rows) {
      List<Integer> h = new ArrayList<>();
      Map<String, Integer> byWeek = history.getOrDefault(r.getString(0), Map.of());
      for (int k = ROUTE_HISTORY; k >= 1; k--) {
        h.add(byWeek.getOrDefault(week.minus(k).toString(), 0));
      }
      out.add(new Route(r.getInt(7), r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getDouble(4),
          r.getDouble(5), r.getDouble(6), h, reasons(r.getList(8))));
    }
    return out;
  }

  private List<Network> networks(String dw) {
    if (!has(Tables.GOLD_NETWORKS)) {
      return List.of();
    }
    List<Network> out = new ArrayList<>();
    for (Row r : rows("select network_id, size, members_by_role, corridors, money_usd, cases, change, size_change, "
        + "protected_persons from " + Tables.GOLD_NETWORKS.fullName() + " where week = '" + dw
        + "' and change <> 'dissolved' order by cases desc, money_usd desc, size desc, network_id")) {
      Map<String, Integer> roles = new LinkedHashMap<>();
      if (!r.isNullAt(2)) {
        new java.util.TreeMap<String, Integer>(r.getJavaMap(2)).forEach(roles::put);
      }
      out.add(new Network(r.getString(0), r.getInt(1), roles, r.isNullAt(3) ? List.of() : r.getList(3),
          r.isNullAt(4) ? 0 : r.getDouble(4), r.isNullAt(5) ? 0 : r.getInt(5), r.getString(6),
          r.isNullAt(7) ? 0 : r.getInt(7), r.isNullAt(8) ? 0 : r.getInt(8)));
    }
    return out;
  }

  private List<KeyPerson> keyPersons(String dw) {
    if (!has(Tables.GOLD_KEY_INDIVIDUALS)) {
      return List.of();
    }
    List<KeyPerson> out = new ArrayList<>();
    for (Row r : rows("select rank, person_key, network_id, role, score, reasons from "
        + Tables.GOLD_KEY_INDIVIDUALS.fullName() + " where week = '" + dw + "' order by rank limit 10")) {
      out.add(new KeyPerson(r.getInt(0), r.getString(1), r.getString(2), r.getString(3), r.getDouble(4),
          PlainReasons.withEvidence(r.getList(5))));
    }
    return out;
  }

  private List<MuleAccount> mules(String dw) {
    if (!has(Tables.GOLD_MULE_ACCOUNTS)) {
      return List.of();
    }
    List<MuleAccount> out = new ArrayList<>();
    for (Row r : rows("select account_key, score, network_id, coalesce(features['in_usd'], 0), reasons from "
        + Tables.GOLD_MULE_ACCOUNTS.fullName() + " where week = '" + dw
        + "' order by score desc, account_key limit 8")) {
      out.add(new MuleAccount(r.getString(0), r.getDouble(1), r.getString(2), r.getDouble(3),
          PlainReasons.withEvidence(r.getList(4))));
    }
    return out;
  }

  private List<Flow> flows(String dw) {
    if (!has(Tables.GOLD_MONEY_FLOWS)) {
      return List.of();
    }
    List<Flow> out = new ArrayList<>();
    for (Row r : rows("select from_group, to_group, amount_usd, transactions from "
        + Tables.GOLD_MONEY_FLOWS.fullName() + " where week = '" + dw + "' and level = 'country' "
        + "order by amount_usd desc, from_group, to_group limit 8")) {
      out.add(new Flow(r.getString(0), r.getString(1), r.getDouble(2), r.getLong(3)));
    }
    return out;
  }

  private List<VictimPlace> victimPlaces(String dw) {
    if (!has(Tables.GOLD_VICTIM_ALERTS)) {
      return List.of();
    }
    List<VictimPlace> out = new ArrayList<>();
    for (Row r : rows("select coalesce(last_seen_place, 'unknown') place, "
        + "count_if(status = 'identified'), count_if(status = 'suspected'), "
        + "count_if(exists(indicators, i -> i.indicator = 'abuse_of_vulnerability')) "
        + "from " + Tables.GOLD_VICTIM_ALERTS.fullName() + " where week = '" + dw + "' group by 1 "
        + "order by count(*) desc, place")) {
      out.add(new VictimPlace(r.getString(0), (int) r.getLong(1), (int) r.getLong(2), (int) r.getLong(3)));
    }
    return out;
  }

  /**
   * For each of the four weeks before {@code week} with a stored forecast and recorded outcomes: the share of
   * the week's detections in the forecast's top 5% of zones, the same for the naive ranking by the twelve weeks
   * before (both from silver.zone_features), and the interdictions made in the zones the plan sent units to.
   */
  private List<ForecastCheck> forecastChecks(IsoWeek week) {
    if (!has(Tables.SILVER_ZONE_FEATURES)) {
      return List.of();
    }
    String from = week.minus(WEEKS_CHECKED).toString();
    String deployed = has(Tables.GOLD_DEPLOYMENT)
        ? "left join (select week, cell, max(expected_interdictions) ei from " + Tables.GOLD_DEPLOYMENT.fullName()
            + " group by 1, 2) d on d.week = z.week and d.cell = z.cell "
        : "left join (select cast(null as string) week, cast(null as string) cell, cast(null as double) ei) d "
            + "on false ";
    List<Row> rows = rows("with j as (select z.week, z.rank, coalesce(f.y_det, 0) y, coalesce(f.det_l12, 0) naive, "
        + "d.ei, coalesce(f.y_int, 0) yi, count(*) over (partition by z.week) n "
        + "from " + Tables.GOLD_ZONE_RISK.fullName() + " z join " + Tables.SILVER_ZONE_FEATURES.fullName()
        + " f on f.cell = z.cell and f.week = z.week and f.has_outcome " + deployed
        + "where z.week >= '" + from + "' and z.week < '" + week + "'), "
        + "r as (select *, row_number() over (partition by week order by naive desc, rank) naive_rank from j) "
        + "select week, max(n), sum(y), sum(case when rank <= greatest(1, ceil(n * " + TOP_SHARE + ")) then y end), "
        + "sum(case when naive_rank <= greatest(1, ceil(n * " + TOP_SHARE + ")) then y end), "
        + "coalesce(sum(ei), 0), coalesce(sum(case when ei is not null then yi end), 0) from r group by week "
        + "order by week");
    List<ForecastCheck> out = new ArrayList<>();
    for (Row r : rows) {
      long det = r.getLong(2);
      out.add(new ForecastCheck(r.getString(0), (int) r.getLong(1), (int) det, TOP_SHARE,
          det == 0 ? Double.NaN : (r.isNullAt(3) ? 0 : r.getLong(3)) / (double) det,
          det == 0 ? Double.NaN : (r.isNullAt(4) ? 0 : r.getLong(4)) / (double) det, r.getDouble(5),
          (int) r.getLong(6)));
    }
    return out;
  }

  /** The latest zone model's validation weeks (the last {@link #VALIDATION_WEEKS} of them), oldest first. */
  private List<ValidationWeek> validationWeeks() throws Exception {
    List<ValidationWeek> out = new ArrayList<>();
    if (!has(Tables.MODEL_REGISTRY)) {
      return out;
    }
    List<Row> r = rows("select metrics from " + Tables.MODEL_REGISTRY.fullName() + " where model = 'zone_risk' "
        + "order by version desc limit 1");
    if (r.isEmpty() || r.get(0).isNullAt(0)) {
      return out;
    }
    for (JsonNode w : new ObjectMapper().readTree(r.get(0).getString(0)).path("validation_weeks")) {
      out.add(new ValidationWeek(w.path("week").asText(), w.path("detections").asInt(),
          w.path("hit_rate").asDouble(Double.NaN), w.path("hit_rate_all_history").asDouble(Double.NaN)));
    }
    return limitLast(out, VALIDATION_WEEKS);
  }

  private static <T> List<T> limitLast(List<T> list, int n) {
    return new ArrayList<>(list.subList(Math.max(0, list.size() - n), list.size()));
  }

  /**
   * The latest models' rolling-validation scores and the latest backtest ({@code detected}: its rankings on
   * detections, already read), as sentences.
   */
  private List<Note> validation(List<MethodScore> detected) throws Exception {
    List<Note> out = new ArrayList<>();
    if (has(Tables.MODEL_REGISTRY)) {
      ObjectMapper json = new ObjectMapper();
      for (Row r : rows("select model, version, train_from, train_to, metrics from (select *, row_number() over "
          + "(partition by model order by version desc) k from " + Tables.MODEL_REGISTRY.fullName()
          + ") where k = 1 order by model")) {
        JsonNode m = json.readTree(r.isNullAt(4) ? "{}" : r.getString(4));
        String metric = m.path("selection_metric").asText("");
        double best = Double.NaN;
        boolean lower = metric.startsWith("mae");
        for (JsonNode v : m.path("candidates")) {
          double x = v.asDouble();
          if (Double.isNaN(best) || (lower ? x < best : x > best)) {
            best = x;
          }
        }
        out.add(Double.isNaN(best)
            ? Note.of("validation.model.unrecorded", r.getString(0), r.getString(1), r.getString(2), r.getString(3),
                metric.replace('_', ' '))
            : Note.of("validation.model", r.getString(0), r.getString(1), r.getString(2), r.getString(3),
                metric.replace('_', ' '), best));
      }
    }
    for (String target : List.of("detected", "true")) {
      List<MethodScore> r = target.equals("detected") ? detected : backtest(target);
      if (!r.isEmpty()) {
        StringBuilder s = new StringBuilder();
        for (MethodScore x : r) {
          s.append(s.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%s %.3f", x.method(), x.value()));
        }
        out.add(Note.of("validation.backtest." + target, s.toString()));
      }
    }
    return out;
  }

  /** Latest week and rows of each silver source, and the last successful run of each job. */
  private List<Freshness> freshness() {
    List<Freshness> out = new ArrayList<>();
    List<TableId> sources = List.of(Tables.SILVER_BORDER_CROSSINGS, Tables.SILVER_DETECTIONS,
        Tables.SILVER_INTERDICTIONS, Tables.SILVER_PATROLS, Tables.SILVER_CASES, Tables.SILVER_SCREENINGS,
        Tables.SILVER_POSTS, Tables.SILVER_TRANSACTIONS);
    StringBuilder sql = new StringBuilder();
    for (TableId t : sources) {
      if (has(t) && java.util.Arrays.asList(spark.table(t.fullName()).columns()).contains("week")) {
        sql.append(sql.length() == 0 ? "" : " union all ").append("select '").append(t.fullName())
            .append("', max(week), count(*) from ").append(t.fullName());
      }
    }
    if (sql.length() > 0) {
      for (Row r : rows(sql.toString())) {
        out.add(new Freshness(r.getString(0), r.isNullAt(1) ? "no rows" : "data to " + r.getString(1),
            r.getLong(2)));
      }
    }
    if (has(Tables.JOB_RUNS)) {
      for (Row r : rows("select job, max(ended_at), count(*) from " + Tables.JOB_RUNS.fullName()
          + " where status = 'SUCCEEDED' group by job order by job")) {
        out.add(new Freshness("job " + r.getString(0), "last run " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC).format(r.getTimestamp(1).toInstant()) + " UTC", r.getLong(2)));
      }
    }
    return out;
  }

  /** The stored reason structs (feature, value, typical value, effect). */
  static List<Reason> reasons(List<Row> reasons) {
    List<Reason> out = new ArrayList<>();
    if (reasons != null) {
      for (Row r : reasons) {
        out.add(new Reason(r.getString(0), r.getDouble(1), r.getDouble(2), r.getDouble(3)));
      }
    }
    return out;
  }

  /** Network and money reasons, with up to three of their evidence records. */
  static final class PlainReasons {
    private PlainReasons() {}

    static List<String> withEvidence(List<Row> reasons) {
      List<String> out = new ArrayList<>();
      if (reasons == null) {
        return out;
      }
      for (Row r : reasons) {
        List<String> ev = r.isNullAt(1) ? List.of() : r.getList(1);
        out.add(r.getString(0) + (ev.isEmpty() ? "" : " (" + String.join(", ", ev.subList(0, Math.min(3,
            ev.size()))) + (ev.size() > 3 ? ", …" : "") + ")"));
      }
      return out;
    }
  }
}
