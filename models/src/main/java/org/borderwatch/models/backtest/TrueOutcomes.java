package org.borderwatch.models.backtest;

import java.util.Map;

/**
 * Outcomes the feeds do not hold, to score the backtest against besides the detections that followed: on the
 * simulated world, the true crossings. Production code has no implementation; the evaluation module reads them
 * from the simulator's truth, so the pipeline cannot reach it.
 */
public interface TrueOutcomes {
  /** Week index → zone cell (at {@code resolution}) → true crossings. */
  Map<Long, Map<String, Double>> cells(int resolution);

  /** Week index → crossing id → true travellers. */
  Map<Long, Map<String, Double>> crossings();
}
