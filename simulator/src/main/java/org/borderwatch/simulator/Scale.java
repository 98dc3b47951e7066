package org.borderwatch.simulator;

import java.util.Locale;
import org.borderwatch.core.error.Errors;

/** World sizes: tiny for tests, small for the demo, medium and large for benchmarks. */
public enum Scale {
  /** A few thousand records in seconds. */
  TINY(0.05, 16, 3),
  /** About 200k records over 104 weeks: the demo. */
  SMALL(1.0, 104, 12),
  /** About 2M records. */
  MEDIUM(10.0, 104, 120),
  /** About 20M records. */
  LARGE(100.0, 104, 1200);

  private final double factor;
  private final int defaultWeeks;
  private final int networks;

  Scale(double factor, int defaultWeeks, int networks) {
    this.factor = factor;
    this.defaultWeeks = defaultWeeks;
    this.networks = networks;
  }

  /** Multiplier on population and weekly volumes relative to small. */
  public double factor() {
    return factor;
  }

  public int defaultWeeks() {
    return defaultWeeks;
  }

  public int networks() {
    return networks;
  }

  public static Scale parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Errors.badArgument("--scale", s, "tiny, small, medium or large");
    }
  }
}
