package org.borderwatch.core.job;

import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.core.config.BorderwatchConfig;
import org.borderwatch.core.config.LakehousePaths;
import org.borderwatch.core.time.IsoWeek;

/** What a job gets: the session, validated configuration, lakehouse paths, its week and its arguments. */
public record JobContext(SparkSession spark, BorderwatchConfig config, LakehousePaths paths, IsoWeek week,
    String arguments, Progress progress) {

  public static JobContext of(SparkSession spark, BorderwatchConfig config, IsoWeek week, String arguments,
      Progress progress) {
    return new JobContext(spark, config, new LakehousePaths(config), week, arguments, progress);
  }

  public Optional<IsoWeek> weekOpt() {
    return Optional.ofNullable(week);
  }

  public JobContext withWeek(IsoWeek w) {
    return new JobContext(spark, config, paths, w, arguments, progress);
  }
}
