package org.borderwatch.zones;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.borderwatch.core.catalog.TableSpec;
import org.borderwatch.core.catalog.Tables;
import org.borderwatch.core.time.IsoWeek;
import org.borderwatch.ingest.border.Crossings;
import org.borderwatch.ingest.border.Crossings.Crossing;

/**
 * Zone-week and corridor-week features. Every feature of week W is computed from records that were
 * available before W started: an event counts from the later of its own week and the week of the file
 * that delivered it (late exports are not back-dated), windows end the week before W, and the patrol
 * roster of W (issued before W) is the only same-week input. Labels (columns y_*) are W's own events and
 * never feed a feature. Definitions: docs/features.md (kept in step by {@link #DEFINITIONS}).
 */
public final class ZoneFeatures {
  /** Source tables, as data frames (so a test can change them). */
  public record Sources(Dataset<Row> detections, Dataset<Row> interdictions, Dataset<Row> posts,
      Dataset<Row> checkpoints, Dataset<Row> patrols) {
    public static Sources from(SparkSession spark) {
      return new Sources(spark.table(Tables.SILVER_DETECTIONS.fullName()),
          spark.table(Tables.SILVER_INTERDICTIONS.fullName()), spark.table(Tables.SILVER_POSTS.fullName()),
          spark.table(Tables.SILVER_BORDER_CROSSINGS.fullName()), spark.table(Tables.SILVER_PATROLS.fullName()));
    }
  }

  /** Feature name → definition, in model order. */
  public static final Map<String, String> DEFINITIONS = new LinkedHashMap<>();
  /** Corridor feature name → definition, in model order. */
  public static final Map<String, String> CORRIDOR_DEFINITIONS = new LinkedHashMap<>();

  static {
    Map<String, String> d = DEFINITIONS;
    d.put("det_l1", "Detections in the zone in week W-1");
    d.put("det_l4", "Detections in the zone in weeks W-4..W-1");
    d.put("det_l12", "Detections in the zone in weeks W-12..W-1");
    d.put("det_rate_all", "Detections in the zone per week over every week of data before W (all history)");
    d.put("det_persons_l4", "People seen (estimated group sizes) in detections in the zone, W-4..W-1");
    d.put("int_l4", "Interdictions in the zone, W-4..W-1");
    d.put("int_persons_l12", "People apprehended in interdictions in the zone, W-12..W-1");
    d.put("nb1_det_l4", "Detections in the 6 neighbouring zones (k-ring 1), W-4..W-1 (spatial lag)");
    d.put("nb2_det_l12", "Detections in zones 1-2 rings away (k-ring 2), W-12..W-1 (spatial lag)");
    d.put("nb1_det_rate_all", "Detections per week in the 6 neighbouring zones, all history before W (spatial lag)");
    d.put("nb2_det_rate_all", "Detections per week in zones 1-2 rings away, all history before W (spatial lag)");
    d.put("x_det_l1", "Detections in all zones of the nearest crossing, W-1");
    d.put("x_det_l4", "Detections in all zones of the nearest crossing, W-4..W-1");
    d.put("x_det_l12", "Detections in all zones of the nearest crossing, W-12..W-1");
    d.put("x_int_persons_l4", "People apprehended near the nearest crossing, W-4..W-1");
    d.put("st_det_l4", "Detections along the nearest crossing's stretch of border, W-4..W-1");
    d.put("st_det_l12", "Detections along the nearest crossing's stretch of border, W-12..W-1");
    d.put("posts_l4", "Social posts geotagged within 150 km of the nearest crossing, W-4..W-1");
    d.put("offer_posts_l4", "Of those, posts offering work, travel or documents (keyword rule), W-4..W-1");
    d.put("offer_posts_l1", "Offer posts within 150 km of the nearest crossing, W-1");
    d.put("chk_total_l4", "Checkpoint crossings at the nearest official checkpoint, W-4..W-1");
    d.put("chk_mmr_l4", "Of those, Myanmar nationals, W-4..W-1");
    d.put("chk_khm_l4", "Of those, Cambodian nationals, W-4..W-1");
    d.put("chk_lao_l4", "Of those, Lao nationals, W-4..W-1");
    d.put("chk_vnm_l4", "Of those, Vietnamese nationals, W-4..W-1");
    d.put("chk_trend", "Checkpoint crossings W-1 over the weekly mean of W-4..W-1 (1 = steady)");
    d.put("units_w", "Patrol units at the nearest crossing in week W (roster issued before W): detection effort");
    d.put("units_l4", "Mean patrol units at the nearest crossing, W-4..W-1 (what smugglers saw: displacement)");
    d.put("st_units_w", "Patrol units along the nearest crossing's stretch in week W: detection effort");
    d.put("st_units_l4", "Mean patrol units along the stretch, W-4..W-1");
    d.put("crossing_km", "Distance from the zone's centre to the nearest crossing, km");
    d.put("official_km", "Distance from the zone's centre to the nearest official checkpoint, km");
    d.put("crossing_informal", "1 if the nearest crossing is an informal land or river segment");
    d.put("crossing_sea", "1 if the nearest crossing is a sea landing");
    d.put("week_sin", "sin(2π · ISO week / 52.18): season");
    d.put("week_cos", "cos(2π · ISO week / 52.18): season");
    d.put("monsoon", "1 in June-September (south-west monsoon on the Andaman Sea)");
    d.put("weeks_to_songkran", "Weeks until the Songkran week (capped at 26)");
    d.put("weeks_to_tet", "Weeks until the Tết week (capped at 26)");

    Map<String, String> c = CORRIDOR_DEFINITIONS;
    for (String k : List.of("x_det_l1", "x_det_l4", "x_det_l12", "x_int_persons_l4", "st_det_l4", "st_det_l12",
        "posts_l4", "offer_posts_l4", "offer_posts_l1", "units_w", "units_l4", "st_units_w", "st_units_l4",
        "crossing_informal", "crossing_sea", "week_sin", "week_cos", "monsoon", "weeks_to_songkran",
        "weeks_to_tet")) {
      c.put(k, d.get(k).replace("the nearest crossing", "the crossing").replace("the zone's centre", "the crossing"));
    }
    c.put("x_persons_l1", "People seen in detections at the crossing, W-1");
    c.put("x_persons_l4", "People seen in detections at the crossing, W-4..W-1");
    c.put("x_persons_l12", "People seen in detections at the crossing, W-12..W-1");
    c.put("x_persons_rate_all", "People seen in detections at the crossing per week, all history before W");
    c.put("chk_total_l4", "Checkpoint crossings at the crossing itself or its nearest official checkpoint, W-4..W-1");
  }

  /** Patrol features: set to the standard effort when the model ranks zones independent of patrols. */
  public static final List<String> EFFORT_FEATURES = List.of("units_w", "st_units_w");

  public static final TableSpec ZONE_SPEC;
  public static final TableSpec CORRIDOR_SPEC;

  static {
    TableSpec.Builder z = TableSpec.of(Tables.SILVER_ZONE_FEATURES)
        .col("cell", StringType, false, "H3 cell of the zone (grid.zone-resolution)")
        .col("week", StringType, false, "ISO week W the features forecast")
        .col("week_index", LongType, "Weeks since 1970-W01 (for ordering)")
        .col("crossing_id", StringType, "Nearest crossing (conf/crossings.csv)");
    for (Map.Entry<String, String> e : DEFINITIONS.entrySet()) {
      z.col(e.getKey(), DoubleType, e.getValue());
    }
    ZONE_SPEC = z.col("y_det", IntegerType, "Label: detections in the zone in week W (null until W has data)")
        .col("y_det_persons", IntegerType, "Label: people seen in those detections")
        .col("y_int", IntegerType, "Label: interdictions in the zone in week W")
        .col("has_outcome", DataTypes.BooleanType, "Whether week W's events are in the data (labels are real)")
        .key("cell", "week").build();
    TableSpec.Builder c = TableSpec.of(Tables.SILVER_CORRIDOR_FEATURES)
        .col("corridor_id", StringType, false, "origin country > crossing > destination country")
        .col("crossing_id", StringType, false, "Crossing or border segment")
        .col("origin", StringType, "Origin country (ISO alpha-3)")
        .col("destination", StringType, "Destination country (ISO alpha-3)")
        .col("week", StringType, false, "ISO week W the features forecast")
        .col("week_index", LongType, "Weeks since 1970-W01");
    for (Map.Entry<String, String> e : CORRIDOR_DEFINITIONS.entrySet()) {
      c.col(e.getKey(), DoubleType, e.getValue());
    }
    CORRIDOR_SPEC = c.col("y_volume", IntegerType, "Label: people seen in detections at the crossing in week W")
        .col("y_groups", IntegerType, "Label: detections at the crossing in week W")
        .col("has_outcome", DataTypes.BooleanType, "Whether week W's events are in the data")
        .key("corridor_id", "week").build();
  }

  private final SparkSession spark;
  private final StudyGrid grid;

  public ZoneFeatures(SparkSession spark, StudyGrid grid) {
    this.spark = spark;
    this.grid = grid;
    registerFunctions(spark);
  }

  public static void registerFunctions(SparkSession spark) {
    spark.udf().register("bw_week_index", (UDF1<String, Long>) s -> s == null || s.isEmpty() ? null
        : IsoWeek.parse(s).index(), LongType);
  }

  /** Result: zone features and corridor features for weeks [from, to]. */
  public record Result(Dataset<Row> zones, Dataset<Row> corridors, IsoWeek firstDataWeek, IsoWeek lastDataWeek) {}

  /** The data's week span (by event week of detections and checkpoint records). */
  public static IsoWeek[] span(Sources s) {
    Row r = s.detections().selectExpr("min(week)", "max(week)").first();
    Row c = s.checkpoints().selectExpr("min(week)", "max(week)").first();
    String lo = min(r.getString(0), c.getString(0));
    String hi = max(r.getString(1), c.getString(1));
    if (lo == null) {
      return null;
    }
    return new IsoWeek[] {IsoWeek.parse(lo), IsoWeek.parse(hi)};
  }

  private static String min(String a, String b) {
    return a == null ? b : b == null ? a : a.compareTo(b) <= 0 ? a : b;
  }

  private static String max(String a, String b) {
    return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
  }

  /** Builds features for weeks [from, to] from data starting at {@code first}. */
  public Result build(Sources s, IsoWeek first, IsoWeek from, IsoWeek to, IsoWeek lastDataWeek) {
    String p = "bw_zf_";
    // weeks panel with calendar
    List<Row> weeks = new ArrayList<>();
    for (IsoWeek w = first; w.compareTo(to) <= 0; w = w.plus(1)) {
      double a = 2 * Math.PI * w.week() / 52.18;
      weeks.add(RowFactory.create(w.toString(), w.index(), Math.sin(a), Math.cos(a), Calendar.monsoon(w) ? 1.0 : 0.0,
          (double) Calendar.weeksToSongkran(w), (double) Calendar.weeksToTet(w),
          w.compareTo(lastDataWeek) <= 0));
    }
    spark.createDataFrame(weeks, new StructType().add("week", StringType).add("wi", LongType)
        .add("week_sin", DoubleType).add("week_cos", DoubleType).add("monsoon", DoubleType)
        .add("weeks_to_songkran", DoubleType).add("weeks_to_tet", DoubleType)
        .add("has_outcome", DataTypes.BooleanType)).createOrReplaceTempView(p + "weeks");
    grid.toDataFrame(spark).createOrReplaceTempView(p + "grid");
    grid.neighbours(spark, 2).createOrReplaceTempView(p + "nb");
    List<Row> xs = new ArrayList<>();
    for (Crossing c : Crossings.all()) {
      Crossing off = c.official() ? c : StudyGrid.nearest(c.lat(), c.lon(), true);
      xs.add(RowFactory.create(c.id(), c.type(), c.stretch(), c.countryA(), c.countryB(), c.lat(), c.lon(), off.id()));
    }
    spark.createDataFrame(xs, new StructType().add("crossing_id", StringType).add("crossing_type", StringType)
        .add("stretch", StringType).add("origin", StringType).add("destination", StringType).add("x_lat", DoubleType)
        .add("x_lon", DoubleType).add("official_id", StringType)).createOrReplaceTempView(p + "xs");

    String kwi = "greatest(bw_week_index(week), coalesce(bw_week_index(regexp_extract(source_file, "
        + "'(\\\\d{4}-W\\\\d{2})', 1)), 0))";
    s.detections().createOrReplaceTempView(p + "det_src");
    s.interdictions().createOrReplaceTempView(p + "int_src");
    s.posts().createOrReplaceTempView(p + "post_src");
    s.checkpoints().createOrReplaceTempView(p + "chk_src");
    s.patrols().createOrReplaceTempView(p + "pat_src");

    // events by zone and the week they became known (kwi) / happened (ewi)
    sql("create or replace temp view " + p + "det as select zone_cell cell, bw_week_index(week) ewi, " + kwi
        + " kwi, coalesce(group_size, 1) persons from " + p + "det_src where zone_cell is not null and week is not null");
    sql("create or replace temp view " + p + "int as select zone_cell cell, bw_week_index(week) ewi, " + kwi
        + " kwi, coalesce(persons, 0) persons from " + p + "int_src where zone_cell is not null and week is not null");
    // known-week aggregates per zone
    sql("create or replace temp view " + p + "zk as select cell, kwi wi, count(*) det_n, sum(persons) det_p, "
        + "0L int_n, 0L int_p from " + p + "det group by cell, kwi union all select cell, kwi, 0L, 0L, count(*), "
        + "sum(persons) from " + p + "int group by cell, kwi");
    sql("create or replace temp view " + p + "zka as select cell, wi, sum(det_n) det_n, sum(det_p) det_p, "
        + "sum(int_n) int_n, sum(int_p) int_p from " + p + "zk group by cell, wi");
    // labels per zone and event week
    sql("create or replace temp view " + p + "zy as select cell, ewi wi, sum(det_n) y_det, sum(det_p) y_det_persons, "
        + "sum(int_n) y_int from (select cell, ewi, 1 det_n, persons det_p, 0 int_n from " + p + "det union all "
        + "select cell, ewi, 0, 0, 1 from " + p + "int) group by cell, ewi");
    // dense zone panel with windows
    sql("create or replace temp view " + p + "zp as select g.cell, w.wi, coalesce(a.det_n, 0) det_n, "
        + "coalesce(a.det_p, 0) det_p, coalesce(a.int_n, 0) int_n, coalesce(a.int_p, 0) int_p from " + p
        + "grid g cross join " + p + "weeks w left join " + p + "zka a on a.cell = g.cell and a.wi = w.wi");
    sql("create or replace temp view " + p + "zw as select cell, wi, "
        + win("det_n", 1, 1, "cell") + " det_l1, " + win("det_n", 1, 4, "cell") + " det_l4, "
        + win("det_n", 1, 12, "cell") + " det_l12, " + rate("det_n", "cell") + " det_rate_all, "
        + win("det_p", 1, 4, "cell") + " det_persons_l4, "
        + win("int_n", 1, 4, "cell") + " int_l4, " + win("int_p", 1, 12, "cell") + " int_persons_l12 from " + p + "zp");
    sql("create or replace temp view " + p + "znb as select n.cell, z.wi, "
        + "sum(case when n.ring = 1 then z.det_l4 else 0 end) nb1_det_l4, sum(z.det_l12) nb2_det_l12, "
        + "sum(case when n.ring = 1 then z.det_rate_all else 0 end) nb1_det_rate_all, "
        + "sum(z.det_rate_all) nb2_det_rate_all from " + p
        + "nb n join " + p + "zw z on z.cell = n.nb group by n.cell, z.wi");

    // crossing-level panel: detections of its zones, posts within 150 km, checkpoints, patrols
    sql("create or replace temp view " + p + "xk as select g.crossing_id, a.wi, sum(a.det_n) det_n, "
        + "sum(a.det_p) det_p, sum(a.int_p) int_p from " + p + "zka a join " + p + "grid g on g.cell = a.cell "
        + "group by g.crossing_id, a.wi");
    sql("create or replace temp view " + p + "xy as select g.crossing_id, y.wi, sum(y.y_det) y_groups, "
        + "sum(y.y_det_persons) y_volume from " + p + "zy y join " + p + "grid g on g.cell = y.cell "
        + "group by g.crossing_id, y.wi");
    sql("create or replace temp view " + p + "posts as select crossing_id, wi, count(*) posts_n, "
        + "sum(case when text rlike '(?i)(job|work|salary|hiring|visa|passport|earn|overseas|factory|restaurant|"
        + "massage|casino|free transport|no experience)' then 1 else 0 end) offer_n from (select x.crossing_id, "
        + kwi + " wi, ps.text from " + p + "post_src ps join " + p + "xs x on ps.lat is not null and "
        + "6371.0 * 2 * asin(sqrt(pow(sin(radians(ps.lat - x.x_lat) / 2), 2) + cos(radians(x.x_lat)) * "
        + "cos(radians(ps.lat)) * pow(sin(radians(ps.lon - x.x_lon) / 2), 2))) <= 150 where ps.week is not null) "
        + "group by crossing_id, wi");
    sql("create or replace temp view " + p + "chk as select crossing_id, wi, count(*) chk_total, "
        + "sum(case when nationality = 'MMR' then 1 else 0 end) chk_mmr, "
        + "sum(case when nationality = 'KHM' then 1 else 0 end) chk_khm, "
        + "sum(case when nationality = 'LAO' then 1 else 0 end) chk_lao, "
        + "sum(case when nationality = 'VNM' then 1 else 0 end) chk_vnm from (select crossing_id, nationality, " + kwi
        + " wi from " + p + "chk_src where crossing_id is not null and week is not null) group by crossing_id, wi");
    sql("create or replace temp view " + p + "pat as select crossing_id, bw_week_index(week) wi, sum(units) units "
        + "from " + p + "pat_src group by crossing_id, bw_week_index(week)");
    sql("create or replace temp view " + p + "xp as select x.crossing_id, x.stretch, x.official_id, w.wi, "
        + "coalesce(k.det_n, 0) det_n, coalesce(k.det_p, 0) det_p, coalesce(k.int_p, 0) int_p, "
        + "coalesce(po.posts_n, 0) posts_n, coalesce(po.offer_n, 0) offer_n, coalesce(c.chk_total, 0) chk_total, "
        + "coalesce(c.chk_mmr, 0) chk_mmr, coalesce(c.chk_khm, 0) chk_khm, coalesce(c.chk_lao, 0) chk_lao, "
        + "coalesce(c.chk_vnm, 0) chk_vnm, coalesce(pt.units, 0) units from " + p + "xs x cross join " + p
        + "weeks w left join " + p + "xk k on k.crossing_id = x.crossing_id and k.wi = w.wi left join " + p
        + "posts po on po.crossing_id = x.crossing_id and po.wi = w.wi left join " + p + "chk c on "
        + "c.crossing_id = x.crossing_id and c.wi = w.wi left join " + p + "pat pt on pt.crossing_id = x.crossing_id "
        + "and pt.wi = w.wi");
    sql("create or replace temp view " + p + "sp as select stretch, wi, sum(det_n) det_n, sum(units) units from " + p
        + "xp group by stretch, wi");
    sql("create or replace temp view " + p + "sw as select stretch, wi, " + win("det_n", 1, 4, "stretch")
        + " st_det_l4, " + win("det_n", 1, 12, "stretch") + " st_det_l12, units st_units_w, "
        + win("units", 1, 4, "stretch") + " / 4.0 st_units_l4 from " + p + "sp");
    sql("create or replace temp view " + p + "xw as select crossing_id, stretch, official_id, wi, "
        + win("det_n", 1, 1, "crossing_id") + " x_det_l1, " + win("det_n", 1, 4, "crossing_id") + " x_det_l4, "
        + win("det_n", 1, 12, "crossing_id") + " x_det_l12, " + win("det_p", 1, 1, "crossing_id") + " x_persons_l1, "
        + win("det_p", 1, 4, "crossing_id") + " x_persons_l4, " + win("det_p", 1, 12, "crossing_id")
        + " x_persons_l12, " + rate("det_p", "crossing_id") + " x_persons_rate_all, " + win("int_p", 1, 4, "crossing_id") + " x_int_persons_l4, "
        + win("posts_n", 1, 4, "crossing_id") + " posts_l4, " + win("offer_n", 1, 4, "crossing_id")
        + " offer_posts_l4, " + win("offer_n", 1, 1, "crossing_id") + " offer_posts_l1, "
        + win("chk_total", 1, 4, "crossing_id") + " chk_total_l4, " + win("chk_total", 1, 1, "crossing_id")
        + " chk_total_l1, " + win("chk_mmr", 1, 4, "crossing_id") + " chk_mmr_l4, "
        + win("chk_khm", 1, 4, "crossing_id") + " chk_khm_l4, " + win("chk_lao", 1, 4, "crossing_id")
        + " chk_lao_l4, " + win("chk_vnm", 1, 4, "crossing_id") + " chk_vnm_l4, units units_w, "
        + win("units", 1, 4, "crossing_id") + " / 4.0 units_l4 from " + p + "xp");
    // checkpoint features come from the official checkpoint nearest to a crossing
    sql("create or replace temp view " + p + "xf as select x.*, s.st_det_l4, s.st_det_l12, s.st_units_w, "
        + "s.st_units_l4, o.chk_total_l4 o_chk_total_l4, o.chk_total_l1 o_chk_total_l1, o.chk_mmr_l4 o_chk_mmr_l4, "
        + "o.chk_khm_l4 o_chk_khm_l4, o.chk_lao_l4 o_chk_lao_l4, o.chk_vnm_l4 o_chk_vnm_l4 from " + p + "xw x join "
        + p + "sw s on s.stretch = x.stretch and s.wi = x.wi join " + p + "xw o on o.crossing_id = x.official_id "
        + "and o.wi = x.wi");

    long fromIdx = from.index();
    long toIdx = to.index();
    Dataset<Row> zones = sql("select g.cell, w.week, w.wi week_index, g.crossing_id, "
        + "cast(z.det_l1 as double) det_l1, cast(z.det_l4 as double) det_l4, cast(z.det_l12 as double) det_l12, "
        + "cast(z.det_rate_all as double) det_rate_all, cast(z.det_persons_l4 as double) det_persons_l4, cast(z.int_l4 as double) int_l4, "
        + "cast(z.int_persons_l12 as double) int_persons_l12, cast(coalesce(n.nb1_det_l4, 0) as double) nb1_det_l4, "
        + "cast(coalesce(n.nb2_det_l12, 0) as double) nb2_det_l12, "
        + "cast(coalesce(n.nb1_det_rate_all, 0) as double) nb1_det_rate_all, "
        + "cast(coalesce(n.nb2_det_rate_all, 0) as double) nb2_det_rate_all, cast(x.x_det_l1 as double) x_det_l1, "
        + "cast(x.x_det_l4 as double) x_det_l4, cast(x.x_det_l12 as double) x_det_l12, "
        + "cast(x.x_int_persons_l4 as double) x_int_persons_l4, cast(x.st_det_l4 as double) st_det_l4, "
        + "cast(x.st_det_l12 as double) st_det_l12, cast(x.posts_l4 as double) posts_l4, "
        + "cast(x.offer_posts_l4 as double) offer_posts_l4, cast(x.offer_posts_l1 as double) offer_posts_l1, "
        + "cast(x.o_chk_total_l4 as double) chk_total_l4, cast(x.o_chk_mmr_l4 as double) chk_mmr_l4, "
        + "cast(x.o_chk_khm_l4 as double) chk_khm_l4, cast(x.o_chk_lao_l4 as double) chk_lao_l4, "
        + "cast(x.o_chk_vnm_l4 as double) chk_vnm_l4, "
        + "cast(case when x.o_chk_total_l4 > 0 then x.o_chk_total_l1 * 4.0 / x.o_chk_total_l4 else 1.0 end as double) "
        + "chk_trend, cast(x.units_w as double) units_w, cast(x.units_l4 as double) units_l4, "
        + "cast(x.st_units_w as double) st_units_w, cast(x.st_units_l4 as double) st_units_l4, "
        + "g.crossing_km, g.official_km, case when g.crossing_type = 'informal' then 1.0 else 0.0 end crossing_informal, "
        + "case when g.crossing_type = 'sea' then 1.0 else 0.0 end crossing_sea, w.week_sin, w.week_cos, w.monsoon, "
        + "w.weeks_to_songkran, w.weeks_to_tet, "
        + "case when w.has_outcome then cast(coalesce(y.y_det, 0) as int) end y_det, "
        + "case when w.has_outcome then cast(coalesce(y.y_det_persons, 0) as int) end y_det_persons, "
        + "case when w.has_outcome then cast(coalesce(y.y_int, 0) as int) end y_int, w.has_outcome "
        + "from " + p + "grid g join " + p + "weeks w on w.wi between " + fromIdx + " and " + toIdx + " join " + p
        + "zw z on z.cell = g.cell and z.wi = w.wi left join " + p + "znb n on n.cell = g.cell and n.wi = w.wi join "
        + p + "xf x on x.crossing_id = g.crossing_id and x.wi = w.wi left join " + p
        + "zy y on y.cell = g.cell and y.wi = w.wi");
    StringBuilder cf = new StringBuilder("select concat(c.origin, '>', c.crossing_id, '>', c.destination) corridor_id, "
        + "c.crossing_id, c.origin, c.destination, w.week, w.wi week_index");
    for (String f : CORRIDOR_DEFINITIONS.keySet()) {
      String src = switch (f) {
        case "crossing_informal" -> "case when c.crossing_type = 'informal' then 1.0 else 0.0 end";
        case "crossing_sea" -> "case when c.crossing_type = 'sea' then 1.0 else 0.0 end";
        case "week_sin", "week_cos", "monsoon", "weeks_to_songkran", "weeks_to_tet" -> "w." + f;
        case "chk_total_l4" -> "x.o_chk_total_l4";
        default -> "x." + f;
      };
      cf.append(", cast(").append(src).append(" as double) ").append(f);
    }
    cf.append(", case when w.has_outcome then cast(coalesce(y.y_volume, 0) as int) end y_volume, "
        + "case when w.has_outcome then cast(coalesce(y.y_groups, 0) as int) end y_groups, w.has_outcome from ")
        .append(p).append("xs c join ").append(p).append("weeks w on w.wi between ").append(fromIdx).append(" and ")
        .append(toIdx).append(" join ").append(p).append("xf x on x.crossing_id = c.crossing_id and x.wi = w.wi left join ")
        .append(p).append("xy y on y.crossing_id = c.crossing_id and y.wi = w.wi");
    Dataset<Row> corridors = sql(cf.toString());
    return new Result(zones, corridors, first, lastDataWeek);
  }

  /** sum(col) over the rows a..b weeks before the current one (dense panel: a row per week). */
  private static String win(String col, int a, int b, String part) {
    return "coalesce(sum(" + col + ") over (partition by " + part + " order by wi rows between " + b + " preceding and "
        + a + " preceding), 0)";
  }

  /** Mean of col per week over every earlier week of the panel (0 before the first): all-history rate. */
  private static String rate(String col, String part) {
    String w = " over (partition by " + part + " order by wi rows between unbounded preceding and 1 preceding)";
    return "coalesce(sum(" + col + ")" + w + " / nullif(count(*)" + w + ", 0), 0)";
  }

  private Dataset<Row> sql(String q) {
    return spark.sql(q);
  }

  /** Zone feature names in model order. */
  public static List<String> zoneFeatureNames() {
    return new ArrayList<>(DEFINITIONS.keySet());
  }

  public static List<String> corridorFeatureNames() {
    return new ArrayList<>(CORRIDOR_DEFINITIONS.keySet());
  }
}
