package org.borderwatch.zones;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.core.catalog.Lakehouse;
import org.borderwatch.core.catalog.Tables;
import org.borderwatch.core.config.ConfigKeys;
import org.borderwatch.core.error.Errors;
import org.borderwatch.core.job.Job;
import org.borderwatch.core.job.JobContext;
import org.borderwatch.core.job.JobOutcome;
import org.borderwatch.core.job.Progress;
import org.borderwatch.core.time.IsoWeek;

/**
 * features: zone-week and corridor-week features into silver.zone_features and silver.corridor_features.
 * With a week, that week only (replaced atomically); without, every week of the data plus the next
 * one (the week to forecast). Re-running replaces the same rows with the same values.
 */
public final class FeaturesJob implements Job {
  private IsoWeek lastDataWeek;

  @Override
  public String name() {
    return "features";
  }

  public IsoWeek lastDataWeek() {
    return lastDataWeek;
  }

  @Override
  public JobOutcome run(JobContext ctx) {
    SparkSession spark = ctx.spark();
    for (var t : new org.borderwatch.core.catalog.TableId[] {Tables.SILVER_DETECTIONS, Tables.SILVER_INTERDICTIONS,
        Tables.SILVER_POSTS, Tables.SILVER_BORDER_CROSSINGS, Tables.SILVER_PATROLS}) {
      if (!Lakehouse.exists(spark, t)) {
        throw Errors.missingInput(t.fullName(), "run 'borderwatch ingest' first");
      }
    }
    ZoneFeatures.Sources src = ZoneFeatures.Sources.from(spark);
    IsoWeek[] span = ZoneFeatures.span(src);
    if (span == null) {
      throw Errors.missingInput("detections or checkpoint records", "ingest a landing zone with border data first");
    }
    lastDataWeek = span[1];
    IsoWeek from = ctx.weekOpt().orElse(span[0]);
    IsoWeek to = ctx.weekOpt().orElse(span[1].plus(1));
    if (from.compareTo(span[0]) < 0 || from.compareTo(span[1].plus(1)) > 0) {
      throw Errors.badArgument("--week", from.toString(), "a week from " + span[0] + " to " + span[1].plus(1)
          + " (the data's weeks and the next one)");
    }
    StudyGrid grid = new StudyGrid(ctx.config().get(ConfigKeys.ZONE_RESOLUTION), ctx.config().get(ConfigKeys.ZONE_RING));
    Progress.Stage st = ctx.progress().stage("zone and corridor features " + from + ".." + to);
    ZoneFeatures.Result r = new ZoneFeatures(spark, grid).build(src, span[0], from, to, span[1]);
    String cond = "week >= '" + from + "' and week <= '" + to + "'";
    Dataset<Row> zones = r.zones().cache();
    Dataset<Row> corridors = r.corridors().cache();
    long nz = zones.count();
    long nc = corridors.count();
    Lakehouse.replaceWhere(spark, ZoneFeatures.ZONE_SPEC, zones, cond);
    Lakehouse.replaceWhere(spark, ZoneFeatures.CORRIDOR_SPEC, corridors, cond);
    zones.unpersist();
    corridors.unpersist();
    st.done(nz + nc);
    long read = spark.table(Tables.SILVER_DETECTIONS.fullName()).count();
    return new JobOutcome(read, nz + nc, String.format(java.util.Locale.ROOT,
        "%d zone-weeks (%d zones) and %d corridor-weeks for %s..%s; data ends %s", nz, grid.zones().size(), nc, from,
        to, span[1]));
  }
}
