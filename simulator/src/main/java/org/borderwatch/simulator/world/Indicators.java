package org.borderwatch.simulator.world;

import java.util.ArrayList;
import java.util.List;

/** The 11 ILO indicators of forced labour, as bits. */
public final class Indicators {
  private Indicators() {}

  public static final List<String> NAMES = List.of("abuse_of_vulnerability", "deception", "restriction_of_movement",
      "isolation", "physical_sexual_violence", "intimidation_threats", "retention_of_documents", "withholding_of_wages",
      "debt_bondage", "abusive_conditions", "excessive_overtime");

  /**
   * Prevalence among smuggled migrants who were not exploited: debts to the smuggler and abusive transport
   * conditions are common (victims' profiles are in {@link Exploitation}).
   */
  static final double[] MIGRANT_RATE = {0.20, 0.08, 0.05, 0.04, 0.03, 0.07, 0.06, 0.05, 0.15, 0.15, 0.08};

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
