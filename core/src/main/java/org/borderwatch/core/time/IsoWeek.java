package org.borderwatch.core.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.borderwatch.core.error.Errors;

/** An ISO-8601 week, written YYYY-Www (2025-W01). Weeks start on Monday 00:00 UTC. */
public record IsoWeek(int year, int week) implements Comparable<IsoWeek> {
  private static final Pattern FORMAT = Pattern.compile("^(\\d{4})-W(\\d{2})$");
  /** Monday of the week that holds 1970-01-01, the origin of {@link #index()}. */
  private static final LocalDate ORIGIN = LocalDate.of(1969, 12, 29);

  public IsoWeek {
    if (week < 1 || week > weeksIn(year)) {
      throw Errors.badArgument("--week", String.format("%04d-W%02d", year, week),
          "an ISO week YYYY-Www with week 01.." + weeksIn(year) + " for " + year);
    }
  }

  /** Parses YYYY-Www; a bad value is a usage error that names what is allowed. */
  public static IsoWeek parse(String text) {
    Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw Errors.badArgument("--week", String.valueOf(text), "an ISO week written YYYY-Www, e.g. 2025-W07");
    }
    return new IsoWeek(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  public static IsoWeek of(LocalDate date) {
    return new IsoWeek(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /** The week with the given {@link #index()}. */
  public static IsoWeek ofIndex(long index) {
    return of(ORIGIN.plusWeeks(index));
  }

  public static int weeksIn(int year) {
    return (int) LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
  }

  /** Monday of this week. */
  public LocalDate start() {
    return LocalDate.of(year, 1, 4)
        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  /** First instant of this week, epoch seconds UTC. */
  public long startEpochSecond() {
    return start().atStartOfDay(ZoneOffset.UTC).toEpochSecond();
  }

  /** Weeks since the week of 1970-01-01: consecutive weeks have consecutive indexes. */
  public long index() {
    return ChronoUnit.WEEKS.between(ORIGIN, start());
  }

  public IsoWeek plus(long weeks) {
    return ofIndex(index() + weeks);
  }

  public IsoWeek minus(long weeks) {
    return plus(-weeks);
  }

  @Override
  public int compareTo(IsoWeek o) {
    return Long.compare(index(), o.index());
  }

  @Override
  public String toString() {
    return String.format("%04d-W%02d", year, week);
  }
}
