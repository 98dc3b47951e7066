package org.borderwatch.models.backtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.borderwatch.common.metrics.Metrics;
import org.borderwatch.common.metrics.Verdict;
import org.borderwatch.core.config.BorderwatchConfig;
import org.borderwatch.core.config.ConfigKeys;

/** Writes docs/models.md from a backtest report: every figure in it comes from that run. */
public final class ModelsDoc {
  private ModelsDoc() {}

  private static final List<String> ZONE_METRICS = List.of("hit_rate@1%", "hit_rate@5%", "hit_rate@10%", "pai@1%",
      "pai@5%", "pai@10%", "pr_auc");

  static final String CAVEATS = "\n"
      + "## Caveats\n"
      + "\n"
      + "- Events are rare (a detection in well under 1% of zone-weeks), so most predicted probabilities are\n"
      + "  tiny and the expected calibration error is small almost by construction; the top bins of the curve\n"
      + "  above are the ones to read.\n"
      + "- Truth exists only in the simulator. On real data only the \"detections\" tables can be computed, and\n"
      + "  they reward predicting where patrols will be; the standard-effort ranking is the one built to find\n"
      + "  traffic that patrols do not yet see.\n"
      + "";

  /** The best baseline of a figure: its name and value (the first in method order on a tie; "none", NaN). */
  public record Best(String name, double value) {}

  public static Best best(Backtest.Report r, String model, String target, String metric) {
    Best best = new Best("none", Double.NaN);
    List<String> methods = model.equals("zone") ? Backtest.ZONE_METHODS : Backtest.CORRIDOR_METHODS;
    boolean lowerIsBetter = metric.equals("mae");
    for (String m : methods) {
      if (m.startsWith("model")) {
        continue;
      }
      double v = r.get(model, m, target, metric);
      if (!Double.isNaN(v) && (Double.isNaN(best.value()) || (lowerIsBetter ? v < best.value() : v > best.value()))) {
        best = new Best(m, v);
      }
    }
    return best;
  }

  public static double bestBaseline(Backtest.Report r, String model, String target, String metric) {
    return best(r, model, target, metric).value();
  }

  public static void write(Path file, Backtest.Report r, BorderwatchConfig cfg, boolean truth,
      Map<String, Double> timings) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("# Models: zone risk and corridor activity\n\n");
    b.append("Every figure on this page comes from one run of\n\n```bash\nbin/borderwatch train --backtest"
        + " --truth <world>/truth --doc docs/models.md\n```\n\non the simulated world the lakehouse holds "
        + "(the demo: `bin/borderwatch pipeline`, small scale, seed 42). Re-run it after a change to the "
        + "features or the models; the table is rewritten. The demo world is a tuning world (its figures were "
        + "looked at while choosing the design); the figures on worlds never used for tuning are in "
        + "[held-out.md](held-out.md).\n\n");
    b.append("## What is forecast\n\n");
    b.append("- **Zone risk**: for each forecast zone (H3 cell at resolution ")
        .append(cfg.get(ConfigKeys.ZONE_RESOLUTION)).append(" within ").append(cfg.get(ConfigKeys.ZONE_RING))
        .append(" rings of a known crossing), the probability of at least one detection next week "
            + "(MLlib gradient-boosted trees, isotonic calibration on the latest ")
        .append(cfg.get(ConfigKeys.MODEL_CALIBRATION_WEEKS)).append(" training weeks when they hold at least "
            + org.borderwatch.models.zone.ZoneRiskModel.MIN_CALIBRATION_EVENTS + " zone-weeks with a detection, "
            + "else the trees' weighted probability) and the expected number of "
            + "detections. Detections follow patrols, so patrol effort is a feature: the model is scored at "
            + "the **planned** effort (what the roster says; this is what detections will show) and at a "
            + "**standard** effort (the training window's mean deployment everywhere; this ranks zones by "
            + "where smuggling is likely, not by where units are). Planners get the standard-effort ranking. "
            + "Zones are ranked by the model's probability combined with the zone's all-history detection rate "
            + "(a weighted geometric mean; the weight, 1 = the model alone, is chosen on the validation folds "
            + "before the first origin and kept only when it beats the model alone there).\n");
    b.append("- **Corridor activity**: for each corridor (origin country > crossing > destination country), "
        + "next week's volume of people seen (gradient-boosted regression trees), at planned and standard "
        + "effort.\n\n");
    b.append("Features: [features.md](features.md). Only data available before a week starts enters its "
        + "features (a test enforces it).\n\n");
    b.append("## Backtest design\n\n");
    b.append("Rolling origin: the last ").append(cfg.get(ConfigKeys.MODEL_BACKTEST_WEEKS))
        .append(" weeks with outcomes are forecast one week ahead; models are retrained every ")
        .append(cfg.get(ConfigKeys.MODEL_REFIT_WEEKS)).append(" weeks on every earlier week (time-based only), "
            + "with hyper-parameters chosen once by rolling time-series validation on the weeks before the first "
            + "origin. Baselines forecast the same weeks from the same features, as a crime analyst would "
            + "rank zones before any model:\n\n"
            + "- *last week*, *last 4 weeks*, *last 12 weeks*, *all history*: the zone's detections in that window "
            + "(all history: every week of data before the forecast week);\n"
            + "- *KDE*: Gaussian kernel density of detections, its bandwidth (tried: ")
        .append(cfg.get(ConfigKeys.MODEL_KDE_BANDWIDTHS_KM).stream().map(String::valueOf)
            .collect(java.util.stream.Collectors.joining(", ")))
        .append(" km) and window (4 weeks, 12 weeks, all history) chosen by mean PAI@5% of detections on the "
            + "training weeks before the first origin (the choice is in the facts below);\n"
            + "- *distance to a known crossing*: zones nearest to a crossing of the configured list first.\n\n"
            + "Every ranking, the models' included, breaks ties by one static prior: the zone nearer to a known "
            + "crossing first, then the cell id (never at random), so *all history* is also the all-history counts "
            + "with distance as tie-break. Corridor rankings break ties by the corridor id.\n\n");
    b.append("Targets: **detected** = the detections that followed (all an agency can see); **true** = the "
        + "simulator's irregular crossings (groups) in the zone that week, detected or not. Hit rate at k% = share "
        + "of the week's events in the top k% of zones; PAI = hit rate / area share (zones are equal-area). "
        + "Per-week figures are averaged over the forecast weeks; PR-AUC (any event in the zone-week), Brier "
        + "score and expected calibration error (ECE, 10 equal-count bins) are pooled over all forecast "
        + "zone-weeks.\n\n");
    b.append("## Facts of this run\n\n| | |\n|---|---|\n");
    r.facts().forEach((k, v) -> b.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    timings.forEach((k, v) -> b.append("| ").append(k).append(" | ").append(String.format(Locale.ROOT, "%.1f", v))
        .append(" |\n"));
    b.append("| zone model hyper-parameters (chosen) | depth ").append(r.zoneChoice().settings().maxDepth())
        .append(", ").append(r.zoneChoice().settings().maxIter()).append(" rounds; candidates (mean fold PR-AUC): ")
        .append(fmtMap(r.zoneChoice().candidates())).append(" |\n");
    if (!r.zoneChoice().blends().isEmpty()) {
      StringBuilder bl = new StringBuilder();
      r.zoneChoice().blends().forEach((w, v) -> bl.append(bl.length() == 0 ? "" : "; ")
          .append(String.format(Locale.ROOT, "%.2f → %s", w, fmt(v))));
      b.append(String.format(Locale.ROOT, "| zone ranking: weight of the model beside the all-history counts "
          + "(chosen) | %.2f; candidates (fold PR-AUC of detections): %s |%n", r.zoneChoice().settings().blend(),
          bl));
    }
    b.append("| corridor model hyper-parameters (chosen) | depth ").append(r.corridorChoice().settings().maxDepth())
        .append(", ").append(r.corridorChoice().settings().maxIter()).append(" rounds; candidates (mean fold MAE): ")
        .append(fmtMap(r.corridorChoice().candidates())).append(" |\n\n");

    for (String target : truth ? List.of("true", "detected") : List.of("detected")) {
      b.append("## Zones, against ").append(target.equals("true") ? "true crossings" : "detections").append("\n\n");
      b.append("| method |");
      ZONE_METRICS.forEach(m -> b.append(' ').append(m).append(" |"));
      b.append("\n|---|");
      ZONE_METRICS.forEach(m -> b.append("---:|"));
      b.append('\n');
      for (String m : Backtest.ZONE_METHODS) {
        b.append("| ").append(m).append(" |");
        for (String metric : ZONE_METRICS) {
          b.append(' ').append(fmt(r.get("zone", m, target, metric))).append(" |");
        }
        b.append('\n');
      }
      double model = r.get("zone", Backtest.MODEL_STD, target, "pai@5%");
      Best base = best(r, "zone", target, "pai@5%");
      b.append(String.format(Locale.ROOT, "%nPAI at 5%% of area: model (standard effort) %.2f, best baseline "
          + "(%s) %.2f, ratio **%.2f**: %s.%n%n", model, base.name(), base.value(), model / base.value(),
          Verdict.against(model, base.value(), false)));
    }
    b.append("## Calibration (zone model at planned effort, against detections)\n\n");
    b.append(String.format(Locale.ROOT, "Brier score %.5f; expected calibration error **%.4f**.%n%n",
        r.get("zone", Backtest.MODEL_PLAN, "detected", "brier"), r.get("zone", Backtest.MODEL_PLAN, "detected", "ece")));
    b.append("| bin | predicted from | to | zone-weeks | mean predicted | observed rate |\n|---:|---:|---:|---:|---:|---:|\n");
    int i = 1;
    for (Metrics.Bin bin : r.calibration()) {
      b.append(String.format(Locale.ROOT, "| %d | %.4f | %.4f | %d | %.4f | %.4f |%n", i++, bin.lo(), bin.hi(), bin.n(),
          bin.meanPredicted(), bin.observed()));
    }
    b.append("\n## Corridors\n\n| method |");
    List<String> targets = truth ? List.of("true", "detected") : List.of("detected");
    for (String t : targets) {
      b.append(" top-5 recall (").append(t).append(") |");
    }
    b.append(" MAE of volume (detected) |\n|---|");
    targets.forEach(t -> b.append("---:|"));
    b.append("---:|\n");
    for (String m : Backtest.CORRIDOR_METHODS) {
      b.append("| ").append(m).append(" |");
      for (String t : targets) {
        b.append(' ').append(fmt(r.get("corridor", m, t, "top5_recall"))).append(" |");
      }
      b.append(' ').append(fmt(r.get("corridor", m, "detected", "mae"))).append(" |\n");
    }
    b.append("\nTop-5 recall: of the five busiest corridors of the week (by true travellers, or by people "
        + "detected), the share the method put in its own top five. MAE: people detected per corridor-week.\n");
    for (String t : targets) {
      double m = r.get("corridor", Backtest.MODEL_STD, t, "top5_recall");
      Best base = best(r, "corridor", t, "top5_recall");
      b.append(String.format(Locale.ROOT, "%nTop-5 recall (%s): model (standard effort) %.3f, best baseline (%s) "
          + "%.3f, ratio **%.2f**: %s.%n", t, m, base.name(), base.value(), m / base.value(),
          Verdict.against(m, base.value(), false)));
    }
    double mae = r.get("corridor", Backtest.MODEL_PLAN, "detected", "mae");
    Best maeBase = best(r, "corridor", "detected", "mae");
    b.append(String.format(Locale.ROOT, "Volume error (MAE, planned effort) %.3f against the best baseline's %.3f "
        + "(%s): %s.%n", mae, maeBase.value(), maeBase.name(), Verdict.against(mae, maeBase.value(), true)));
    b.append(CAVEATS);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
  }

  private static String fmtMap(Map<String, Double> m) {
    StringBuilder b = new StringBuilder();
    m.forEach((k, v) -> b.append(b.length() == 0 ? "" : "; ").append(k).append(" → ").append(fmt(v)));
    return b.toString();
  }
}
