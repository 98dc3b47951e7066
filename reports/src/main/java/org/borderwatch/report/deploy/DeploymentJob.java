package org.borderwatch.report.deploy;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.common.deploy.DeploymentOptimizer.Base;
import org.borderwatch.common.deploy.DeploymentOptimizer.Plan;
import org.borderwatch.common.deploy.DeploymentOptimizer.Zone;
import org.borderwatch.common.deploy.DeploymentOptimizer;
import org.borderwatch.core.catalog.Lakehouse;
import org.borderwatch.core.catalog.TableSpec;
import org.borderwatch.core.catalog.Tables;
import org.borderwatch.core.config.BorderwatchConfig;
import org.borderwatch.core.config.ConfigKeys;
import org.borderwatch.core.error.Errors;
import org.borderwatch.core.job.Job;
import org.borderwatch.core.job.JobContext;
import org.borderwatch.core.job.JobOutcome;
import org.borderwatch.core.time.IsoWeek;

/**
 * Deployment recommendations for a scored week: the patrol units of conf/patrol-units.csv allocated to
 * zones of gold.zone_risk_weekly (expected events at standard effort) by {@link DeploymentOptimizer},
 * into gold.deployment_recommendations (the week's rows replaced in one commit).
 */
public final class DeploymentJob implements Job {
  public static final TableSpec SPEC = TableSpec.of(Tables.GOLD_DEPLOYMENT)
      .col("week", StringType, false, "ISO week the deployment is for")
      .col("base_id", StringType, false, "Base the units come from (conf/patrol-units.csv)")
      .col("cell", StringType, false, "H3 zone to work")
      .col("crossing_id", StringType, "Nearest crossing of the zone")
      .col("cell_lat", DoubleType, "Latitude of the zone's centre")
      .col("cell_lon", DoubleType, "Longitude of the zone's centre")
      .col("units", IntegerType, "Units from this base to this zone")
      .col("zone_units", IntegerType, "Units on this zone from all bases")
      .col("zone_rank", IntegerType, "The zone's risk rank this week (gold.zone_risk_weekly)")
      .col("expected_events", DoubleType, "Expected detections in the zone at standard effort (the forecast)")
      .col("expected_interdictions", DoubleType, "Expected interdictions in the zone with zone_units units")
      .key("week", "base_id", "cell")
      .build();

  private Plan plan;
  private double naive;

  @Override
  public String name() {
    return "deploy";
  }

  public Plan plan() {
    return plan;
  }

  /** Units from the configured file, or the bundled conf/patrol-units.csv. */
  public static List<Base> units(BorderwatchConfig config) throws IOException {
    String file = config.get(ConfigKeys.DEPLOY_UNITS_FILE);
    try (InputStream in = file.isEmpty()
        ? DeploymentJob.class.getClassLoader().getResourceAsStream("borderwatch/conf/patrol-units.csv")
        : Files.newInputStream(Path.of(file))) {
      if (in == null) {
        throw Errors.missingInput("conf/patrol-units.csv", "set deploy.units-file to a CSV of patrol units");
      }
      List<Base> out = new ArrayList<>();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#") || line.startsWith("base_id")) {
          continue;
        }
        String[] f = line.split(",");
        try {
          out.add(new Base(f[0].trim(), Double.parseDouble(f[2]), Double.parseDouble(f[3]), Integer.parseInt(f[4].trim()),
              Double.parseDouble(f[5])));
        } catch (RuntimeException e) {
          throw Errors.badArgument("deploy.units-file line " + n, line,
              "base_id,name,lat,lon,units,reach_km with numbers for lat, lon, units and reach_km");
        }
      }
      return out;
    }
  }

  @Override
  public JobOutcome run(JobContext ctx) throws Exception {
    SparkSession spark = ctx.spark();
    if (!Lakehouse.exists(spark, Tables.GOLD_ZONE_RISK)) {
      throw Errors.missingInput("gold.zone_risk_weekly", "run 'borderwatch score' first");
    }
    IsoWeek week = ctx.weekOpt().orElseGet(() -> IsoWeek.parse(spark.table(Tables.GOLD_ZONE_RISK.fullName())
        .selectExpr("max(week)").first().getString(0)));
    List<Row> rows = spark.table(Tables.GOLD_ZONE_RISK.fullName()).where("week = '" + week + "'")
        .select("cell", "cell_lat", "cell_lon", "expected_count", "rank", "crossing_id").orderBy("rank").collectAsList();
    if (rows.isEmpty()) {
      throw Errors.missingInput("zone scores for " + week, "run 'borderwatch score --week " + week + "' first");
    }
    List<Zone> zones = new ArrayList<>();
    for (Row r : rows) {
      zones.add(new Zone(r.getString(0), r.getDouble(1), r.getDouble(2), r.getDouble(3)));
    }
    List<Base> bases = units(ctx.config());
    double p = ctx.config().get(ConfigKeys.DEPLOY_PER_UNIT);
    plan = DeploymentOptimizer.optimise(bases, zones, p);
    naive = naive(bases, zones, p);
    List<Row> out = new ArrayList<>();
    int deployed = 0;
    for (int b = 0; b < bases.size(); b++) {
      for (int z = 0; z < zones.size(); z++) {
        int k = plan.units()[b][z];
        if (k > 0) {
          deployed += k;
          Row zr = rows.get(z);
          int atZone = plan.atZone(z);
          out.add(RowFactory.create(week.toString(), bases.get(b).id(),
              zr.getString(0), zr.getString(5), zr.getDouble(1), zr.getDouble(2), k, atZone, zr.getInt(4),
              zr.getDouble(3), DeploymentOptimizer.value(zones.get(z), atZone, p)));
        }
      }
    }
    Lakehouse.replaceWhere(spark, SPEC, spark.createDataFrame(out, SPEC.schema()), "week = '" + week + "'");
    int available = bases.stream().mapToInt(Base::units).sum();
    return new JobOutcome(rows.size(), out.size(), String.format(Locale.ROOT, "%s: %d of %d units deployed to %d "
        + "zones, expected interdictions %.3f (each unit on the riskiest zone in reach: %.3f)", week, deployed,
        available, out.stream().map(r -> r.getString(3)).distinct().count(), plan.expectedInterdictions(), naive));
  }

  /** The obvious plan for comparison: every unit on the riskiest zone within its reach. */
  public static double naive(List<Base> bases, List<Zone> zones, double p) {
    int[][] units = new int[bases.size()][zones.size()];
    for (int b = 0; b < bases.size(); b++) {
      int best = -1;
      for (int z = 0; z < zones.size(); z++) {
        if (DeploymentOptimizer.reaches(bases.get(b), zones.get(z))
            && (best < 0 || zones.get(z).expectedEvents() > zones.get(best).expectedEvents())) {
          best = z;
        }
      }
      if (best >= 0) {
        units[b][best] = bases.get(b).units();
      }
    }
    return DeploymentOptimizer.evaluate(units, zones, p);
  }
}
