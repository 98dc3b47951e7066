package org.borderwatch.ingest.core;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parses raw field values by their declared type. The same functions validate lines before bronze and
 * convert them for silver, so a value that landed always converts.
 */
public final class Values {
  private static final Map<String, DateTimeFormatter> FORMATS = new ConcurrentHashMap<>();
  /** Plausible event times: a record outside these years is a bad value. */
  private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

  private Values() {}

  /**
   * A field's value as landed: surrounding whitespace removed, and control characters (NUL and the other C0
   * controls but tab, and DEL) removed wherever they are; null when nothing is left. {@link #controls} says whether
   * there were any, so that the repair is counted (ops.ingest_log.repaired_lines), never silent.
   */
  public static String clean(String raw) {
    if (raw == null) {
      return null;
    }
    String v = controls(raw) ? raw.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]", "") : raw;
    v = v.strip();
    return v.isEmpty() ? null : v;
  }

  /** Whether {@code raw} holds a control character {@link #clean} removes. */
  public static boolean controls(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      char ch = raw.charAt(i);
      if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r' || ch == 0x7F) {
        return true;
      }
    }
    return false;
  }

  static DateTimeFormatter format(String pattern) {
    return FORMATS.computeIfAbsent(pattern, p -> new DateTimeFormatterBuilder().parseCaseInsensitive()
        .appendPattern(p.replace("yyyy", "uuuu")).toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT));
  }

  /** Whether a non-null raw value matches the field's type (and, for times, the contract's zone rules). */
  public static boolean valid(String v, FieldSpec f, FeedContract c) {
    try {
      return switch (f.type()) {
        case STRING, JSON_ARRAY, JSON_OBJECT -> true;
        case ENUM -> f.formats().contains(v);
        case FLAG -> v.equals("Y") || v.equals("N");
        case INTEGER -> {
          Long.parseLong(v.trim());
          yield true;
        }
        case DECIMAL -> {
          new BigDecimal(v.trim());
          yield true;
        }
        case DATE -> date(v, f, c) != null;
        default -> {
          Instant t = instant(v, f, c, c.zoneId());
          yield t != null && !t.isBefore(EARLIEST) && t.isBefore(LATEST);
        }
      };
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The instant a time field denotes; local times are read in {@code zone}. Null when it does not parse. */
  public static Instant instant(String v, FieldSpec f, FeedContract c, ZoneId zone) {
    if (v == null) {
      return null;
    }
    try {
      return switch (f.type()) {
        case TIMESTAMP -> {
          for (String p : f.formats()) {
            try {
              LocalDateTime t = LocalDateTime.parse(v.trim(), format(p));
              if (c.buddhistEra()) {
                t = t.minusYears(543);
              }
              yield t.atZone(zone == null ? ZoneId.of("UTC") : zone).toInstant();
            } catch (DateTimeException e) {
              // next pattern
            }
          }
          yield null;
        }
        case TIMESTAMP_OFFSET -> OffsetDateTime.parse(v.trim()).toInstant();
        case INSTANT -> Instant.parse(v.trim());
        case EPOCH_MILLIS -> Instant.ofEpochMilli(Long.parseLong(v.trim()));
        case EPOCH_SECONDS -> Instant.ofEpochSecond(Long.parseLong(v.trim()));
        default -> null;
      };
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** A date in one of the field's patterns (Buddhist Era when the feed uses it); null when none parses. */
  public static LocalDate date(String v, FieldSpec f, FeedContract c) {
    if (v == null) {
      return null;
    }
    for (String p : f.formats()) {
      LocalDate d = date(v, p);
      if (d != null) {
        return c.buddhistEra() ? d.minusYears(543) : d;
      }
    }
    return null;
  }

  /** A date in one pattern, or null. */
  public static LocalDate date(String v, String pattern) {
    try {
      return LocalDate.parse(v.trim(), format(pattern));
    } catch (DateTimeException | NullPointerException e) {
      return null;
    }
  }

  public static Double decimal(String v) {
    try {
      return v == null ? null : Double.valueOf(v.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public static Integer integer(String v) {
    try {
      return v == null ? null : Integer.valueOf(v.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
