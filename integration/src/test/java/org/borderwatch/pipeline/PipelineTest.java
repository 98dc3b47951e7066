package org.borderwatch.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.cli.CliRun;
import org.borderwatch.testing.ChainOrder;
import org.borderwatch.testing.SharedSpark;
import org.borderwatch.testing.SparkTest;
import org.borderwatch.testing.TinyChain;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * {@code borderwatch pipeline} on the tiny world with the simulator's truth moved out of the lakehouse: every
 * stage runs and is recorded, and nothing under the lakehouse is truth.
 */
@SparkTest
@Order(ChainOrder.PIPELINE)
class PipelineTest {
  static final List<String> STAGES = List.of("simulate", "ingest", "resolve", "victims", "networks", "features",
      "train", "score", "deploy", "report");

  @Test
  void everyStageRunsWithoutTheTruth(SparkSession spark) throws Exception {
    CliRun run = TinyChain.ensure();
    Path lakehouse = SharedSpark.root().resolve("lakehouse");
    try (Stream<Path> all = Files.walk(lakehouse)) {
      assertEquals(List.of(), all.filter(p -> p.getFileName().toString().equals("truth")).toList(),
          "no truth folder in the lakehouse");
    }
    assertTrue(Files.isDirectory(Path.of(TinyChain.truth())), "the truth is held outside");
    // the closing summary: a line per stage, in order; the landing zone had data, so nothing was simulated
    List<String> lines = run.out().lines().filter(l -> l.matches("[a-z]+ +(ok|skipped|failed) .*")).toList();
    assertEquals(STAGES, lines.stream().map(l -> l.split(" +")[0]).toList(), run.out());
    for (String l : lines) {
      String status = l.split(" +")[1];
      assertEquals(l.startsWith("simulate ") ? "skipped" : "ok", status, l);
    }
    assertTrue(run.out().contains("borderwatch pipeline: data through 2025-W20, forecast for 2025-W21"), run.out());
    // ops.job_runs: one succeeded run of each stage and of the whole pipeline
    List<Row> jobs = spark.sql("select job, count(*), min(status), max(status) from ops.job_runs group by job "
        + "order by job").collectAsList();
    assertEquals(List.of("deploy", "features", "ingest", "networks", "pipeline", "report", "resolve", "score",
        "train", "victims"), jobs.stream().map(r -> r.getString(0)).toList());
    for (Row r : jobs) {
      assertEquals(1L, r.getLong(1), r.toString());
      assertEquals("SUCCEEDED", r.getString(2), r.toString());
      assertEquals("SUCCEEDED", r.getString(3), r.toString());
    }
  }
}
