package org.borderwatch.core.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.core.catalog.Tables;
import org.borderwatch.core.config.BorderwatchConfig;
import org.borderwatch.core.error.BorderwatchException;
import org.borderwatch.core.time.IsoWeek;
import org.borderwatch.testing.FreshLakehouse;
import org.junit.jupiter.api.Test;

@FreshLakehouse
class JobRunnerTest {

  @Test
  void successAndFailureAreBothRecorded(SparkSession spark, BorderwatchConfig config) {
    JobContext ctx = JobContext.of(spark, config, IsoWeek.parse("2025-W07"), "--week 2025-W07", Progress.silent());
    long before = System.currentTimeMillis();
    JobRunner.run(new Job() {
      public String name() {
        return "test-ok";
      }

      public JobOutcome run(JobContext c) throws InterruptedException {
        Thread.sleep(50);
        return new JobOutcome(12, 7, "did things");
      }
    }, ctx);
    long wall = System.currentTimeMillis() - before;
    BorderwatchException e = assertThrows(BorderwatchException.class, () -> JobRunner.run(new Job() {
      public String name() {
        return "test-fail";
      }

      public JobOutcome run(JobContext c) {
        throw new IllegalStateException("input table is empty");
      }
    }, ctx));
    assertEquals(1, e.exitCode());
    assertTrue(e.getMessage().contains("input table is empty"));

    Row ok = spark.sql("SELECT * FROM " + Tables.JOB_RUNS + " WHERE job = 'test-ok'").first();
    assertEquals("2025-W07", ok.getAs("week"));
    assertEquals("SUCCEEDED", ok.getAs("status"));
    assertEquals(12L, (long) ok.getAs("rows_read"));
    assertEquals(7L, (long) ok.getAs("rows_written"));
    assertEquals("--week 2025-W07", ok.getAs("arguments"));
    assertNull(ok.getAs("error"));
    // the job's own time: at least the 50 ms it slept, at most the wall time around the run
    long ms = ok.getAs("duration_ms");
    assertTrue(ms >= 50 && ms <= wall, ms + " ms of " + wall);
    long startedMs = ok.<java.sql.Timestamp>getAs("started_at").getTime();
    assertTrue(startedMs >= before - 1 && startedMs <= before + wall, "started at " + startedMs + ", run from " + before);

    Row failed = spark.sql("SELECT * FROM " + Tables.JOB_RUNS + " WHERE job = 'test-fail'").first();
    assertEquals("FAILED", failed.getAs("status"));
    assertEquals("java.lang.IllegalStateException: input table is empty", failed.getAs("error"));
    assertNull(failed.getAs("rows_written"));
  }
}
