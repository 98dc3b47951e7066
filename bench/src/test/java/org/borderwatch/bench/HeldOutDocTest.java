package org.borderwatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.borderwatch.simulator.Scale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The held-out page: mean, spread and verdicts computed from the seeds' saved figures. */
class HeldOutDocTest {
  static JsonNode seed(long s, double zoneModel, double zoneBase, double p20) {
    // as BenchResult saves them: the run's facts at the top, the seed and its world among the figures
    ObjectNode n = new ObjectMapper().createObjectNode();
    n.put("suite", "heldout");
    n.put("scale", "small");
    n.put("cores", 2);
    n.put("measured_at", "2026-12-02T00:00:00Z");
    ObjectNode f = n.putObject("figures");
    f.put("seed", s);
    f.put("world", "the simulated world of seed " + s);
    f.put("zone_true_pai5_model", zoneModel);
    f.put("zone_true_pai5_best_baseline", zoneBase);
    f.put("zone_true_pai5_best_baseline_name", "all history");
    f.put("networks.precision_at_20", p20);
    f.put("networks.best_baseline_precision_at_20", 0.1);
    f.put("networks.victims_ranked", 0.0);
    return n;
  }

  @Test
  void meanSpreadAndVerdictsComeFromTheSeeds() {
    List<JsonNode> seeds = List.of(seed(101, 13, 10, 0.9), seed(102, 12, 10, 0.85), seed(103, 14, 10, 0.75));
    List<HeldOutBench.Target> targets = List.of(HeldOutBench.TARGETS.get(0), HeldOutBench.TARGETS.get(5),
        HeldOutBench.TARGETS.get(8));
    String page = HeldOutDoc.render(seeds, targets, Scale.SMALL);
    List<String> rows = new ArrayList<>();
    page.lines().filter(l -> l.startsWith("| Zone PAI") || l.startsWith("| Key individuals")
        || l.startsWith("| True victims")).forEach(rows::add);
    assertEquals(List.of(
        // ratios 1.3, 1.2, 1.4: the mean 1.3 meets 1.25, but seed 102 does not
        "| Zone PAI@5%, true crossings: model ÷ best fair baseline | ≥ 1.250× | 1.300 | 1.200 | 1.400 | 1.300 ± 0.100 "
            + "| all history: 10.000 | **no** |",
        // 0.75 on seed 103 fails the 0.80 target although the mean is 0.833
        "| Key individuals precision@20 | ≥ 0.800 | 0.900 | 0.850 | 0.750 | 0.833 ± 0.076 | the better of PageRank "
            + "and degree: 0.100 | **no** |",
        "| True victims or migrants among key individuals | ≤ 0.000 | 0.000 | 0.000 | 0.000 | 0.000 ± 0.000 | — | yes |"),
        rows);
    assertTrue(page.contains("**Not met** (2 of 3)"), page);
    assertTrue(page.startsWith("# Held-out figures\n\nEvery figure on this page is written by\n\n```bash\n"
        + "bench/heldout --scale small\n```"), page);
  }

  @Test
  void thePageNeedsEverySeed(@TempDir Path results) throws Exception {
    Path dir = Files.createDirectories(results.resolve("heldout"));
    Files.writeString(dir.resolve("seed-101-small.json"), seed(101, 13, 10, 0.9).toString());
    var e = assertThrows(RuntimeException.class, () -> HeldOutBench.writePage(results, Scale.SMALL,
        results.resolve("held-out.md")));
    assertTrue(e.getMessage().contains("missing seeds 102, 103"), e.getMessage());
  }
}
