package org.borderwatch.core.job;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.borderwatch.core.catalog.Lakehouse;
import org.borderwatch.core.catalog.TableSpec;
import org.borderwatch.core.catalog.Tables;
import org.borderwatch.core.error.BorderwatchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a job and records the run, succeeded or failed, as one row of ops.job_runs. */
public final class JobRunner {
  private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

  public static final TableSpec JOB_RUNS = TableSpec.of(Tables.JOB_RUNS)
      .col("run_id", DataTypes.StringType, false, "Unique id of the run")
      .col("job", DataTypes.StringType, false, "Job name (ingest, resolve, ...)")
      .col("week", DataTypes.StringType, "ISO week the job was bound to (YYYY-Www), null when not bound to time")
      .col("arguments", DataTypes.StringType, "Command-line arguments of the run")
      .col("started_at", DataTypes.TimestampType, false, "Start time (UTC)")
      .col("ended_at", DataTypes.TimestampType, false, "End time (UTC)")
      .col("duration_ms", DataTypes.LongType, false, "Wall-clock duration in milliseconds")
      .col("status", DataTypes.StringType, false, "SUCCEEDED or FAILED")
      .col("rows_read", DataTypes.LongType, "Rows read by the job (null when it failed before counting)")
      .col("rows_written", DataTypes.LongType, "Rows written by the job (null when it failed before counting)")
      .col("summary", DataTypes.StringType, "One line describing what the run did")
      .col("error", DataTypes.StringType, "Error class and message when the run failed")
      .col("spark_app_id", DataTypes.StringType, "Spark application id, to find the run's logs")
      .key("run_id")
      .build();

  private JobRunner() {}

  /** Runs the job; the run is recorded either way; a failure is rethrown after recording. */
  public static JobOutcome run(Job job, JobContext ctx) {
    String runId = UUID.randomUUID().toString();
    Instant start = Instant.now();
    JobOutcome outcome = null;
    Throwable failure = null;
    try {
      outcome = job.run(ctx);
      return outcome;
    } catch (Exception | Error e) {
      failure = e;
      throw e instanceof BorderwatchException be ? be
          : new BorderwatchException(BorderwatchException.FAILED,
              "job '" + job.name() + "' failed: " + firstLine(e), e);
    } finally {
      Instant end = Instant.now();
      String status = failure == null ? "SUCCEEDED" : "FAILED";
      String error = failure == null ? null : truncate(failure.getClass().getName() + ": " + firstLine(failure), 2000);
      Row row = RowFactory.create(runId, job.name(), ctx.week() == null ? null : ctx.week().toString(),
          ctx.arguments(), Timestamp.from(start), Timestamp.from(end), end.toEpochMilli() - start.toEpochMilli(),
          status, outcome == null ? null : outcome.rowsRead(), outcome == null ? null : outcome.rowsWritten(),
          outcome == null ? null : outcome.summary(), error, ctx.spark().sparkContext().applicationId());
      try {
        Lakehouse.append(ctx.spark(), JOB_RUNS, ctx.spark().createDataFrame(List.of(row), JOB_RUNS.schema()));
      } catch (RuntimeException e) {
        LOG.error("could not record run {} of job {} in {}", runId, job.name(), Tables.JOB_RUNS, e);
      }
    }
  }

  static String firstLine(Throwable t) {
    String m = t.getMessage();
    if (m == null) {
      return t.getClass().getSimpleName();
    }
    for (String line : m.split("\n")) {
      if (!line.isBlank()) {
        return line.strip();
      }
    }
    return t.getClass().getSimpleName();
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }
}
