package org.borderwatch.core.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.core.config.ConfigKeys;
import org.borderwatch.core.job.Job;
import org.borderwatch.core.job.JobContext;
import org.borderwatch.core.job.JobOutcome;
import org.borderwatch.core.job.Progress;

/**
 * maintain: compacts small files (OPTIMIZE) and removes files older than the retention that no current
 * version uses (VACUUM), table by table in every layer. Idempotent: a second run finds nothing to do.
 */
public final class MaintainJob implements Job {
  @Override
  public String name() {
    return "maintain";
  }

  /** Files the last VACUUM of a table deleted, from its history (VACUUM END operation metrics). */
  static long deletedByLastVacuum(SparkSession spark, String table) {
    for (var r : spark.sql("DESCRIBE HISTORY " + table + " LIMIT 3").collectAsList()) {
      if ("VACUUM END".equals(r.getAs("operation"))) {
        scala.collection.Map<String, String> m = r.getAs("operationMetrics");
        return m.contains("numDeletedFiles") ? Long.parseLong(m.apply("numDeletedFiles")) : 0;
      }
    }
    return 0;
  }

  @Override
  public JobOutcome run(JobContext ctx) throws Exception {
    SparkSession spark = ctx.spark();
    Lakehouse.bootstrap(spark);
    int hours = ctx.config().get(ConfigKeys.VACUUM_RETENTION_HOURS);
    List<String> tables = new ArrayList<>();
    for (TableId.Layer layer : TableId.Layer.values()) {
      for (org.apache.spark.sql.catalog.Table t : spark.catalog().listTables(layer.database()).collectAsList()) {
        if (!t.isTemporary()) {
          tables.add(layer.database() + "." + t.name());
        }
      }
    }
    long compacted = 0;
    long removed = 0;
    for (String t : tables) {
      Progress.Stage s = ctx.progress().stage("maintain " + t);
      var opt = spark.sql("OPTIMIZE " + t).first();
      var metrics = opt.getStruct(1);
      long filesRemoved = metrics.getLong(metrics.fieldIndex("numFilesRemoved"));
      spark.sql(String.format(Locale.ROOT, "VACUUM %s RETAIN %d HOURS", t, hours)).collect();
      long vacuumed = deletedByLastVacuum(spark, t);
      compacted += filesRemoved;
      removed += vacuumed;
      s.done(filesRemoved + " files compacted, " + vacuumed + " old files removed");
    }
    return new JobOutcome(tables.size(), compacted + removed, String.format(Locale.ROOT,
        "%d tables: %d small files compacted, %d unreferenced files removed (retention %d h)", tables.size(),
        compacted, removed, hours));
  }
}
