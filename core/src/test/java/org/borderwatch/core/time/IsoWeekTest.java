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
    // 2025 has 52 ISO weeks and 2026 has 53: 104 weeks after 2025-W01 is 2026-W53, not 2027-W01
    assertEquals("2026-W53", IsoWeek.parse("2025-W01").plus(104).toString());
    assertEquals("2027-W01", IsoWeek.parse("2025-W01").plus(105).toString());
    // 2020 had 53 weeks
    assertEquals("2020-W53", IsoWeek.parse("2020-W01").plus(52).toString());
    assertEquals("2021-W01", IsoWeek.parse("2020-W01").plus(53).toString());
    assertEquals(53, IsoWeek.weeksIn(2020));
    assertEquals(52, IsoWeek.weeksIn(2025));
    // index counts weeks from the week holding 1970-01-01 (Monday 1969-12-29)
    assertEquals(0, IsoWeek.parse("1970-W01").index());
    assertEquals(2870, IsoWeek.parse("2025-W01").index());
    assertEquals(IsoWeek.parse("2025-W01"), IsoWeek.ofIndex(2870));
  }

  @Test
  void rejectsBadWeeks() {
    BorderwatchException e = assertThrows(BorderwatchException.class, () -> IsoWeek.parse("2025-53"));
    assertEquals(2, e.exitCode());
    assertThrows(BorderwatchException.class, () -> IsoWeek.parse("2025-W53"));
    assertThrows(BorderwatchException.class, () -> IsoWeek.parse("2025-W00"));
  }
}
