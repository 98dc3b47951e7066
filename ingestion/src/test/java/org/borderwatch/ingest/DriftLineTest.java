package org.borderwatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DriftLineTest {
  @Test
  void oneLinePerFeedAndFieldWithTheFilesCounted() {
    assertEquals("! sensor_model: not in the detections contract, kept in _rescued (3 files, border/a.jsonl … "
        + "border/c.jsonl)", IngestJob.driftLine("detections", "sensor_model",
            List.of("border/a.jsonl", "border/b.jsonl", "border/c.jsonl")));
    assertEquals("! x: not in the cases contract, kept in _rescued (1 file: police/k.csv)",
        IngestJob.driftLine("cases", "x", List.of("police/k.csv")));
  }
}
