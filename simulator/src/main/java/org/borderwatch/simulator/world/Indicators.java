package org.borderwatch.simulator.world;

import java.util.ArrayList;
import java.util.List;

/** The 11 ILO indicators of forced labour, as bits. */
public final class Indicators {
  private Indicators() {}

  public static final List<String> NAMES = List.of("abuse_of_vulnerability", "deception", "restriction_of_movement",
      "isolation", "physical_sexual_violence", "intimidation_threats", "retention_of_documents", "withholding_of_wages",
      "debt_bondage", "abusive_conditions", "excessive_overtime");

  /** Prevalence among trafficking victims (screening studies put deception and debt near the top). */
  static final double[] VICTIM_RATE = {0.6, 0.9, 0.5, 0.4, 0.25, 0.55, 0.6, 0.5, 0.6, 0.55, 0.5};
  /** Prevalence among smuggled migrants who were not exploited. */
  static final double[] MIGRANT_RATE = {0.15, 0.05, 0.04, 0.03, 0.02, 0.05, 0.04, 0.04, 0.08, 0.10, 0.08};

  public static boolean has(int bits, int i) {
    return (bits & (1 << i)) != 0;
  }

  public static int count(int bits) {
    return Integer.bitCount(bits);
  }

  public static List<String> names(int bits) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < NAMES.size(); i++) {
      if (has(bits, i)) {
        out.add(NAMES.get(i));
      }
    }
    return out;
  }
}
