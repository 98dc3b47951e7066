package org.borderwatch.common.linkage;

import java.util.ArrayList;
import java.util.List;

/** The accepted links' lowest probability, their mean probability (estimated precision) and number. */
public record Threshold(double probability, double estimatedPrecision, long accepted) {

  /**
   * The lowest match probability at which the accepted pairs' mean probability (their estimated
   * precision) still reaches the target; never below 0.5. Input: {probability, pairs} per pattern.
   * Threshold 1 and no pairs when none qualify.
   */
  public static Threshold choose(List<double[]> patterns, double target) {
    List<double[]> sorted = new ArrayList<>(patterns);
    sorted.sort((a, b) -> Double.compare(b[0], a[0]));
    long n = 0; // pairs accepted so far
    double s = 0; // and the sum of their probabilities
    double best = 1.0;
    int i = 0;
    while (i < sorted.size()) {
      double p = sorted.get(i)[0];
      long nn = n;
      double ss = s;
      while (i < sorted.size() && sorted.get(i)[0] == p) { // patterns of equal probability go together
        nn += (long) sorted.get(i)[1];
        ss += sorted.get(i)[0] * sorted.get(i)[1];
        i++;
      }
      if (p < 0.5 || ss / nn < target) {
        break;
      }
      n = nn;
      s = ss;
      best = p;
    }
    return new Threshold(best, n == 0 ? 1.0 : s / n, n);
  }
}
