package org.borderwatch.common.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StaticPriorTest {
  @Test
  void nearerFirstThenCellId() {
    assertEquals(Map.of("c", 0L, "a", 1L, "b", 2L, "d", 3L),
        StaticPrior.places(Map.of("a", 2.5, "b", 2.5, "c", 0.4, "d", 9.0)));
    assertEquals(Map.of(), StaticPrior.places(Map.of()));
  }
}
