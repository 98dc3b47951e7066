package org.borderwatch.evaluation;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.core.config.BorderwatchConfig;
import org.borderwatch.core.config.LakehousePaths;
import org.borderwatch.core.time.IsoWeek;
import org.borderwatch.models.backtest.TrueOutcomes;

/**
 * The simulator's truth folder: where it is, and the true crossings the backtest is scored against. Only the
 * evaluation module knows this folder; no pipeline stage can reach it.
 */
public final class SimulatedTruth implements TrueOutcomes {
  private final SparkSession spark;
  private final String dir;

  public SimulatedTruth(SparkSession spark, String dir) {
    this.spark = spark;
    this.dir = dir;
  }

  /** The truth folder the simulator writes beside the landing zone on a local lakehouse. */
  public static String defaultDir(BorderwatchConfig config) {
    return new LakehousePaths(config).world() + "/truth";
  }

  /** The default truth folder when it exists, else null. */
  public static String defaultDirIfPresent(BorderwatchConfig config) {
    String d = defaultDir(config);
    return Files.isDirectory(Path.of(d.replaceFirst("^file:(//)?", ""))) ? d : null;
  }

  public String dir() {
    return dir;
  }

  @Override
  public Map<Long, Map<String, Double>> cells(int resolution) {
    Map<Long, Map<String, Double>> out = new HashMap<>();
    for (Row r : spark.read().parquet(dir + "/events_by_cell").where(col("resolution").equalTo(resolution))
        .select("week", "cell", "trips").collectAsList()) {
      out.computeIfAbsent(IsoWeek.parse(r.getString(0)).index(), k -> new HashMap<>())
          .merge(r.getString(1), ((Number) r.get(2)).doubleValue(), Double::sum);
    }
    return out;
  }

  @Override
  public Map<Long, Map<String, Double>> crossings() {
    Map<Long, Map<String, Double>> out = new HashMap<>();
    for (Row r : spark.read().parquet(dir + "/trips").groupBy("week", "crossing_id").sum("travellers")
        .collectAsList()) {
      out.computeIfAbsent(IsoWeek.parse(r.getString(0)).index(), k -> new HashMap<>())
          .merge(r.getString(1), ((Number) r.get(2)).doubleValue(), Double::sum);
    }
    return out;
  }
}
