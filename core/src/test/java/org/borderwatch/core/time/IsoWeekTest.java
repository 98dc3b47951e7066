package org.borderwatch.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.borderwatch.core.error.BorderwatchException;
import org.junit.jupiter.api.Test;

class IsoWeekTest {
  @Test
  void parsesFormatsAndStartsOnMonday() {
    IsoWeek w = IsoWeek.parse("2025-W01");
    assertEquals(LocalDate.of(2024, 12, 30), w.start());
    assertEquals("2025-W01", w.toString());
    assertEquals(IsoWeek.parse("2026-W53").start(), LocalDate.of(2026, 12, 28));
  }

  @Test
  void arithmeticCrossesYears() {
    assertEquals(IsoWeek.parse("2026-W01"), IsoWeek.parse("2025-W52").plus(1));
    assertEquals(IsoWeek.parse("2027-W01"), IsoWeek.parse("2026-W53").plus(1));
    assertEquals(IsoWeek.parse("2024-W52"), IsoWeek.parse("2025-W01").minus(1));
    IsoWeek a = IsoWeek.parse("2025-W10");
    assertEquals(a, IsoWeek.ofIndex(a.index()));
    assertEquals(104, IsoWeek.parse("2025-W01").plus(104).index() - IsoWeek.parse("2025-W01").index());
  }

  @Test
  void rejectsBadWeeks() {
    BorderwatchException e = assertThrows(BorderwatchException.class, () -> IsoWeek.parse("2025-53"));
    assertEquals(2, e.exitCode());
    assertThrows(BorderwatchException.class, () -> IsoWeek.parse("2025-W53"));
    assertThrows(BorderwatchException.class, () -> IsoWeek.parse("2025-W00"));
  }
}
