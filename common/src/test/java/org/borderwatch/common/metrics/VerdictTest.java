package org.borderwatch.common.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VerdictTest {
  @Test
  void modelAgainstBaseline() {
    assertEquals("the model beats the best baseline", Verdict.against(1.03, 1.0, false));
    assertEquals("the model is level with the best baseline, not better", Verdict.against(1.01, 1.0, false));
    assertEquals("the model is level with the best baseline, not better", Verdict.against(0.99, 1.0, false));
    assertEquals("not measurable on this run", Verdict.against(0.0, 0.0, false), "no event: both zero");
    assertEquals("the model is level with the best baseline, not better", Verdict.against(0.5, 0.5, true));
    assertEquals("the model does not beat the best baseline", Verdict.against(0.97, 1.0, false));
    assertEquals("the model beats the best baseline", Verdict.against(0.5, 1.0, true), "an error: lower is better");
    assertEquals("the model does not beat the best baseline", Verdict.against(2.0, 1.0, true));
    assertEquals("the model beats the best baseline", Verdict.against(0.1, 0.0, false));
    assertEquals("not measurable on this run", Verdict.against(Double.NaN, 1.0, false));
  }

  @Test
  void figureAgainstTarget() {
    assertEquals("met (0.812 ≥ 0.80)", Verdict.target(0.8123, 0.80, false));
    assertEquals("NOT met (0.741 < 0.80)", Verdict.target(0.741, 0.80, false));
    assertEquals("met (0.000 ≤ 0.00)", Verdict.target(0, 0, true));
    assertEquals("NOT met (2.000 > 0.00)", Verdict.target(2, 0, true));
    assertEquals("not measured", Verdict.target(Double.NaN, 0.8, false));
  }
}
