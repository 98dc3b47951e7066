package org.borderwatch.zones;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.core.config.BorderwatchConfig;
import org.borderwatch.core.config.ConfigKeys;
import org.borderwatch.core.job.JobContext;
import org.borderwatch.core.job.Progress;
import org.borderwatch.core.time.IsoWeek;
import org.borderwatch.testing.ChainOrder;
import org.borderwatch.testing.SparkTest;
import org.borderwatch.testing.TinyChain;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Zone features on the tiny world: no look-ahead, counts against a brute-force oracle, idempotent job. */
@SparkTest
@Order(ChainOrder.FEATURES)
class ZoneFeaturesTest {
  static final IsoWeek W = IsoWeek.parse("2025-W12");
  static StudyGrid grid;
  static BorderwatchConfig cfg;

  @BeforeAll
  static void world() throws Exception {
    TinyChain.ensure();
    cfg = TinyChain.config(); // one ring of zones around each crossing: a small grid keeps the test quick
    grid = new StudyGrid(cfg.get(ConfigKeys.ZONE_RESOLUTION), cfg.get(ConfigKeys.ZONE_RING));
  }

  /** Feature values of one week, keyed by zone or corridor, features only (no labels). */
  static Map<String, List<Object>> values(Dataset<Row> rows, String key, List<String> names) {
    List<String> cols = new ArrayList<>(List.of(key));
    cols.addAll(names);
    Map<String, List<Object>> out = new TreeMap<>();
    for (Row r : rows.selectExpr(cols.toArray(new String[0])).collectAsList()) {
      List<Object> v = new ArrayList<>();
      for (int i = 1; i < r.length(); i++) {
        v.add(r.get(i));
      }
      out.put(r.getString(0), v);
    }
    return out;
  }

  static Map<String, List<Object>> features(Dataset<Row> zones) {
    return values(zones, "cell", ZoneFeatures.zoneFeatureNames());
  }

  static Map<String, List<Object>> corridorFeatures(Dataset<Row> corridors) {
    return values(corridors, "corridor_id", ZoneFeatures.corridorFeatureNames());
  }

  /** Whether a record was available only from week W on: its own week or its file's week is W or later. */
  static Column fromW(String weekCol) {
    Column fileWeek = org.apache.spark.sql.functions.regexp_extract(col("source_file"), "(\\d{4}-W\\d{2})", 1);
    return col(weekCol).geq(W.toString()).or(fileWeek.geq(W.toString()));
  }

  @Test
  void featuresOfAWeekIgnoreDataFromThatWeekOn(SparkSession spark) {
    ZoneFeatures.Sources src = ZoneFeatures.Sources.from(spark);
    IsoWeek[] span = ZoneFeatures.span(src);
    ZoneFeatures zf = new ZoneFeatures(spark, grid);
    ZoneFeatures.Result before = zf.build(src, span[0], W, W.plus(1), span[1]);
    Map<String, List<Object>> zBefore = features(before.zones().where(col("week").equalTo(W.toString())));
    Map<String, List<Object>> cBefore = corridorFeatures(before.corridors().where(col("week").equalTo(W.toString())));
    Map<String, List<Object>> nextBefore = features(before.zones().where(col("week").equalTo(W.plus(1).toString())));

    // From week W on: triple every detection and move it to the next zone over, double interdicted persons,
    // rewrite posts and checkpoint records, and change the patrol rosters after W.
    Dataset<Row> det = src.detections();
    Dataset<Row> detLater = det.where(fromW("week"));
    Dataset<Row> shifted = detLater.withColumn("group_size", col("group_size").plus(5));
    Dataset<Row> det2 = det.where(fromW("week").unary_$bang()).unionByName(shifted).unionByName(shifted)
        .unionByName(shifted.withColumn("zone_cell", lit(grid.zones().keySet().iterator().next())));
    Dataset<Row> ints = src.interdictions();
    Dataset<Row> int2 = ints.where(fromW("week").unary_$bang()).unionByName(ints.where(fromW("week"))
        .withColumn("persons", col("persons").multiply(2)));
    Dataset<Row> posts2 = src.posts().withColumn("text", when(fromW("week"), lit("factory job, free transport, "
        + "salary 900 dollars")).otherwise(col("text")));
    Dataset<Row> chk2 = src.checkpoints().where(fromW("week").unary_$bang()).unionByName(src.checkpoints()
        .where(fromW("week")).withColumn("nationality", lit("MMR"))).unionByName(src.checkpoints().where(fromW("week")));
    Dataset<Row> pat2 = src.patrols().withColumn("units", when(col("week").gt(W.toString()), col("units").plus(7))
        .otherwise(col("units")));
    ZoneFeatures.Sources changed = new ZoneFeatures.Sources(det2, int2, posts2, chk2, pat2);
    ZoneFeatures.Result after = zf.build(changed, span[0], W, W.plus(1), span[1]);

    assertEquals(zBefore, features(after.zones().where(col("week").equalTo(W.toString()))),
        "week W's zone features moved when data from W on changed");
    assertEquals(cBefore, corridorFeatures(after.corridors().where(col("week").equalTo(W.toString()))),
        "week W's corridor features moved when data from W on changed");
    // the change is real: the following week sees it
    assertNotEquals(nextBefore, features(after.zones().where(col("week").equalTo(W.plus(1).toString()))));
    assertTrue(zBefore.size() == grid.zones().size(), "one row per zone");
  }

  @Test
  void countsMatchABruteForceOracle(SparkSession spark) {
    ZoneFeatures.Sources src = ZoneFeatures.Sources.from(spark);
    // what the pipeline's features job wrote for week W
    Dataset<Row> zonesOfW = spark.table("silver.zone_features").where(col("week").equalTo(W.toString()));
    // oracle: walk the detection rows in Java
    Pattern fw = Pattern.compile("(\\d{4}-W\\d{2})");
    Map<String, Double> detL4 = new HashMap<>();
    Map<String, Double> detL1 = new HashMap<>();
    Map<String, Double> xL12 = new HashMap<>();
    Map<String, Double> yDet = new HashMap<>();
    Map<String, Double> detAll = new HashMap<>();
    for (Row d : src.detections().select("zone_cell", "week", "source_file").collectAsList()) {
      String cell = d.getString(0);
      if (cell == null || !grid.contains(cell)) {
        continue;
      }
      long ew = IsoWeek.parse(d.getString(1)).index();
      Matcher m = fw.matcher(d.getString(2));
      long known = m.find() ? Math.max(ew, IsoWeek.parse(m.group(1)).index()) : ew;
      long lag = W.index() - known;
      if (lag >= 1 && lag <= 4) {
        detL4.merge(cell, 1.0, Double::sum);
      }
      if (lag == 1) {
        detL1.merge(cell, 1.0, Double::sum);
      }
      if (lag >= 1) {
        detAll.merge(cell, 1.0, Double::sum);
      }
      if (lag >= 1 && lag <= 12) {
        xL12.merge(grid.zones().get(cell).crossingId(), 1.0, Double::sum);
      }
      if (ew == W.index()) {
        yDet.merge(cell, 1.0, Double::sum);
      }
    }
    // all-history rate: per week of data before W (the data's first week to W-1)
    double weeksBefore = W.index() - ZoneFeatures.span(src)[0].index();
    int checked = 0;
    for (Row z : zonesOfW.select("cell", "det_l4", "det_l1", "x_det_l12", "crossing_id", "y_det", "det_rate_all")
        .collectAsList()) {
      String cell = z.getString(0);
      assertEquals(detL4.getOrDefault(cell, 0.0), z.getDouble(1), 1e-9, "det_l4 " + cell);
      assertEquals(detL1.getOrDefault(cell, 0.0), z.getDouble(2), 1e-9, "det_l1 " + cell);
      assertEquals(xL12.getOrDefault(z.getString(4), 0.0), z.getDouble(3), 1e-9, "x_det_l12 " + cell);
      assertEquals(yDet.getOrDefault(cell, 0.0), (double) z.getInt(5), 1e-9, "y_det " + cell);
      assertEquals(detAll.getOrDefault(cell, 0.0) / weeksBefore, z.getDouble(6), 1e-9, "det_rate_all " + cell);
      checked++;
    }
    assertEquals(grid.zones().size(), checked);
    assertEquals(3.0, detL4.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9,
        "detections the tiny world's 323 zones had in the 4 weeks before " + W);
    assertEquals(323, grid.zones().size());
  }

  @Test
  void jobIsIdempotentAndLeavesTheNextWeekToForecast(SparkSession spark) throws Exception {
    // the pipeline ran the job once; the same inputs again give the same rows
    List<Row> a = spark.table("silver.zone_features").orderBy("cell", "week").collectAsList();
    long versions = spark.sql("describe history silver.zone_features").count();
    new FeaturesJob().run(JobContext.of(spark, cfg, null, "features", Progress.silent()));
    List<Row> b = spark.table("silver.zone_features").orderBy("cell", "week").collectAsList();
    assertEquals(a, b);
    assertTrue(spark.sql("describe history silver.zone_features").count() > versions);
    // the week after the data is there to be forecast, without outcomes
    Row last = spark.table("silver.zone_features").selectExpr("max(week)", "count_if(not has_outcome)").first();
    assertEquals("2025-W21", last.getString(0), "the week after the tiny world's 20 weeks");
    assertEquals(grid.zones().size(), last.getLong(1));
  }
}
