package org.borderwatch.simulator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.borderwatch.core.time.IsoWeek;
import org.borderwatch.simulator.dump.Defects;
import org.borderwatch.simulator.dump.TruthRows;
import org.junit.jupiter.api.Test;

/** Planted defects occur at the configured rates (within three standard deviations). */
class DefectRatesTest {
  @Test
  void defectRatesMatchTheConfiguration() {
    double dup = 0.02;
    double malformed = 0.015;
    double bad = 0.02;
    double swapped = 0.03;
    SimulationParams p = SimulationParams.defaults(21, Scale.TINY, IsoWeek.parse("2025-W01"), 16)
        .withDefects(dup, malformed, bad, swapped, 0.1);
    Simulator.Result r = new Simulator(p, 2).run(null, 0, null);
    Map<String, Integer> kinds = new HashMap<>();
    long lines = 0;
    long located = 0;
    for (TruthRows t : r.truth.values()) {
      for (Object[] d : t.defects) {
        kinds.merge((String) d[2], 1, Integer::sum);
      }
      for (Object[] f : t.files) {
        lines += (int) f[2];
      }
    }
    for (var ev : r.events) {
      located += ev.detections.size();
    }
    long records = lines; // headers are a small share; the bound below allows for them
    int malformedSeen = kinds.getOrDefault(Defects.TRUNCATED_JSON, 0) + kinds.getOrDefault(Defects.STRAY_DELIMITER, 0)
        + kinds.getOrDefault(Defects.INVALID_UTF8, 0);
    within("duplicates", kinds.getOrDefault(Defects.DUPLICATE, 0), records, dup);
    within("malformed", malformedSeen, records, malformed);
    assertTrue(kinds.getOrDefault(Defects.TRUNCATED_JSON, 0) > 0 && kinds.getOrDefault(Defects.STRAY_DELIMITER, 0) > 0
        && kinds.getOrDefault(Defects.INVALID_UTF8, 0) > 0, kinds.toString());
    assertTrue(kinds.getOrDefault(Defects.SWAPPED_COORDINATES, 0) + kinds.getOrDefault(Defects.BAD_COORDINATES, 0)
        > 0, "coordinate defects among " + located + " detections: " + kinds);
    long late = r.truth.values().stream().mapToLong(t -> t.late.size()).sum();
    assertTrue(late > 0, "late records");
  }

  static void within(String what, long seen, long n, double rate) {
    double mean = n * rate;
    double sd = Math.sqrt(n * rate * (1 - rate));
    assertTrue(Math.abs(seen - mean) < 3 * sd + 0.05 * mean, what + ": " + seen + " of " + n + " lines, expected "
        + mean);
  }
}
