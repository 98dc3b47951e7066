package org.borderwatch.common.metrics;

import java.util.Locale;

/**
 * Plain sentences computed from figures, for pages that a command writes: a model against its best
 * baseline (better by at least 2%, level within 2%, or worse), and a figure against a target.
 */
public final class Verdict {
  private Verdict() {}

  /** Relative difference under which a model and a baseline are called level. */
  public static final double LEVEL = 0.02;

  public static String against(double model, double baseline, boolean lowerIsBetter) {
    if (Double.isNaN(model) || Double.isNaN(baseline) || (model == 0 && baseline == 0)) {
      return "not measurable on this run";
    }
    if (model == baseline) {
      return "the model is level with the best baseline, not better";
    }
    double ratio = lowerIsBetter ? (model == 0 ? Double.POSITIVE_INFINITY : baseline / model)
        : (baseline == 0 ? Double.POSITIVE_INFINITY : model / baseline);
    if (ratio >= 1 + LEVEL) {
      return "the model beats the best baseline";
    }
    if (ratio > 1 - LEVEL) {
      return "the model is level with the best baseline, not better";
    }
    return "the model does not beat the best baseline";
  }

  /** "met (0.812 ≥ 0.80)" or "NOT met (0.741 < 0.80)"; "not measured" for NaN. */
  public static String target(double value, double target, boolean atMost) {
    if (Double.isNaN(value)) {
      return "not measured";
    }
    boolean met = atMost ? value <= target : value >= target;
    return String.format(Locale.ROOT, "%s (%.3f %s %.2f)", met ? "met" : "NOT met", value,
        met ? (atMost ? "≤" : "≥") : (atMost ? ">" : "<"), target);
  }
}
