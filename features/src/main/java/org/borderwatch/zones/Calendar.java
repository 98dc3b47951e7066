package org.borderwatch.zones;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.borderwatch.core.time.IsoWeek;

/** Calendar and season of a week: what drives movement regardless of enforcement. */
public final class Calendar {
  private Calendar() {}

  /** First day of Tết (Lunar New Year), published calendars. */
  static final List<LocalDate> TET = List.of(LocalDate.of(2022, 2, 1), LocalDate.of(2023, 1, 22),
      LocalDate.of(2024, 2, 10), LocalDate.of(2025, 1, 29), LocalDate.of(2026, 2, 17), LocalDate.of(2027, 2, 6),
      LocalDate.of(2028, 1, 26), LocalDate.of(2029, 2, 13), LocalDate.of(2030, 2, 3), LocalDate.of(2031, 1, 23),
      LocalDate.of(2032, 2, 11));

  static final MonthDay SONGKRAN = MonthDay.of(4, 13);

  /** South-west monsoon on the Andaman Sea: June to September (sea crossings nearly stop). */
  public static boolean monsoon(IsoWeek w) {
    int m = w.start().plusDays(3).getMonthValue();
    return m >= 6 && m <= 9;
  }

  /** Weeks from this week to the next Songkran week (0 = the festival week), capped at 26. */
  public static int weeksToSongkran(IsoWeek w) {
    return weeksTo(w, List.of(SONGKRAN.atYear(w.year() - 1), SONGKRAN.atYear(w.year()), SONGKRAN.atYear(w.year() + 1)));
  }

  /** Weeks from this week to the next Tết week, capped at 26. */
  public static int weeksToTet(IsoWeek w) {
    return weeksTo(w, TET);
  }

  private static int weeksTo(IsoWeek w, List<LocalDate> dates) {
    long best = 26;
    for (LocalDate d : dates) {
      long diff = IsoWeek.of(d).index() - w.index();
      if (diff >= 0 && diff < best) {
        best = diff;
      }
    }
    return (int) best;
  }
}
