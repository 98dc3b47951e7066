package org.borderwatch.simulator;

import org.borderwatch.core.time.IsoWeek;

/**
 * Parameters of a simulated world. Rates are per record; {@code nameNoise} scales every kind of name
 * variation (1 = the field's usual mess, 0 = clean).
 */
public record SimulationParams(long seed, Scale scale, IsoWeek startWeek, int weeks, double nameNoise,
    double duplicateRate, double malformedRate, double badCoordinateRate, double swappedCoordinateRate,
    double lateRate, int driftWeek, PatrolPlan patrols, Realism realism) {

  public static SimulationParams defaults(long seed, Scale scale, IsoWeek start, int weeks) {
    return new SimulationParams(seed, scale, start, weeks, 1.0, 0.004, 0.002, 0.002, 0.003, 0.03,
        Math.max(4, weeks * 3 / 5), PatrolPlan.standard(seed, scale), Realism.defaults());
  }

  public SimulationParams withPatrols(PatrolPlan plan) {
    return new SimulationParams(seed, scale, startWeek, weeks, nameNoise, duplicateRate, malformedRate,
        badCoordinateRate, swappedCoordinateRate, lateRate, driftWeek, plan, realism);
  }

  public SimulationParams withWeeks(int n) {
    return new SimulationParams(seed, scale, startWeek, n, nameNoise, duplicateRate, malformedRate,
        badCoordinateRate, swappedCoordinateRate, lateRate, driftWeek, patrols, realism);
  }

  public SimulationParams withDefects(double duplicate, double malformed, double badCoordinate, double swapped,
      double late) {
    return new SimulationParams(seed, scale, startWeek, weeks, nameNoise, duplicate, malformed, badCoordinate,
        swapped, late, driftWeek, patrols, realism);
  }

  public SimulationParams withRealism(Realism r) {
    return new SimulationParams(seed, scale, startWeek, weeks, nameNoise, duplicateRate, malformedRate,
        badCoordinateRate, swappedCoordinateRate, lateRate, driftWeek, patrols, r);
  }

  public SimulationParams withNameNoise(double noise) {
    return new SimulationParams(seed, scale, startWeek, weeks, noise, duplicateRate, malformedRate,
        badCoordinateRate, swappedCoordinateRate, lateRate, driftWeek, patrols, realism);
  }
}
