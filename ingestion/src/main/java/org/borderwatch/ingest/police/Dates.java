package org.borderwatch.ingest.police;

import java.time.LocalDate;
import org.borderwatch.ingest.core.Values;

/**
 * Dates of birth as officers write them: dd/MM/yyyy as documented, a year alone when that is all that is
 * known, and month-first dates entered by mistake (recognisable only when the day is above 12).
 */
final class Dates {
  private Dates() {}

  /** {date or null, year or null}. */
  static Object[] dob(String raw) {
    if (raw == null || raw.isBlank()) {
      return new Object[] {null, null};
    }
    String s = raw.strip();
    if (s.matches("\\d{4}")) {
      return new Object[] {null, Integer.parseInt(s)};
    }
    LocalDate d = Values.date(s, "dd/MM/yyyy");
    if (d == null) {
      d = Values.date(s, "MM/dd/yyyy");
    }
    if (d == null) {
      d = Values.date(s, "yyyy-MM-dd");
    }
    return new Object[] {d, d == null ? null : d.getYear()};
  }
}
