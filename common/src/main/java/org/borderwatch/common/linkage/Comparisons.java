package org.borderwatch.common.linkage;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.borderwatch.common.linkage.LinkageSettings.Field;

/**
 * The comparison levels the engine knows, per field: each level's test and description. Settings choose which of a
 * field's levels a resolution uses ({@link LinkageSettings}); a pair's level is the highest chosen level whose test
 * holds. Pure functions.
 */
public final class Comparisons {
  private Comparisons() {}

  public static final String DIFFERENT = "different";

  /** Levels per field at most (three bits of a pair's code each, missing included). */
  public static final int MAX_LEVELS = 7;

  /** Compared fields at most (a pair's code is one int). */
  public static final int MAX_FIELDS = 10;

  /** A level's test on two records that both have the field. */
  @FunctionalInterface
  interface Test extends java.io.Serializable {
    boolean holds(ResolveRecord a, ResolveRecord b);
  }

  private record Level(String label, Test test) {}

  /** Per field: its levels above "different", from the strongest down, with label and test. */
  private static final Map<Field, Map<String, Level>> LEVELS = new java.util.EnumMap<>(Field.class);

  private static void level(Field f, String name, String label, Test t) {
    LEVELS.computeIfAbsent(f, k -> new LinkedHashMap<>()).put(name, new Level(label, t));
  }

  static {
    level(Field.NAME, "exact", "exact", (a, b) -> a.nameKey().equals(b.nameKey()));
    level(Field.NAME, "phonetic", "same phonetic tokens (any order)",
        (a, b) -> a.phoneticSortedKey().equals(b.phoneticSortedKey()));
    level(Field.NAME, "sounds_alike", "every token sounds alike in English (Double Metaphone), any order",
        (a, b) -> a.tokens().size() == b.tokens().size() && a.metaphoneKey().equals(b.metaphoneKey()));
    level(Field.NAME, "within", "one name within the other", (a, b) -> Similarity.subset(a.phonetic(), b.phonetic()));
    level(Field.NAME, "similar", "similar tokens (Monge-Elkan JW >= 0.88)",
        (a, b) -> Similarity.tokenSet(a.phonetic(), b.phonetic()) >= 0.88);
    level(Field.NAME, "fuzzy_within", "every token of the shorter name close to one of the other (JW >= 0.88)",
        (a, b) -> Similarity.fuzzyWithin(a.phonetic(), b.phonetic(), 0.88));

    level(Field.DOB, "exact", "exact", (a, b) -> both(a, b) && a.dob().equals(b.dob()));
    level(Field.DOB, "transposed", "day and month transposed", (a, b) -> both(a, b)
        && a.dob().getYear() == b.dob().getYear() && a.dob().getMonthValue() == b.dob().getDayOfMonth()
        && a.dob().getDayOfMonth() == b.dob().getMonthValue());
    level(Field.DOB, "one_typo", "one digit changed or two adjacent digits swapped (yyyymmdd)",
        (a, b) -> both(a, b) && Similarity.osa(digits(a.dob()), digits(b.dob()), 1) <= 1);
    level(Field.DOB, "same_month", "same year and month", (a, b) -> both(a, b)
        && a.dob().getYear() == b.dob().getYear() && a.dob().getMonthValue() == b.dob().getMonthValue());
    level(Field.DOB, "year_within_1", "birth years within 1", (a, b) -> both(a, b)
        ? Math.abs(ChronoUnit.DAYS.between(a.dob(), b.dob())) <= 400
        : Math.abs(a.birthYear() - b.birthYear()) <= 1);

    level(Field.DOCUMENT, "exact", "exact", (a, b) -> a.document().equals(b.document()));
    level(Field.DOCUMENT, "one_substitution", "one character apart", (a, b) -> a.document().length()
        == b.document().length() && Similarity.levenshtein(a.document(), b.document(), 1) <= 1);
    level(Field.DOCUMENT, "one_edit", "one edit apart (a character changed, added, dropped or two swapped)",
        (a, b) -> Similarity.osa(a.document(), b.document(), 1) <= 1);
    level(Field.DOCUMENT, "two_edits", "two edits apart", (a, b) -> Similarity.osa(a.document(), b.document(), 2) <= 2);

    level(Field.PHONE, "exact", "exact", (a, b) -> a.phone().equals(b.phone()));
    level(Field.NATIONALITY, "exact", "same", (a, b) -> a.nationality().equals(b.nationality()));
    level(Field.SEX, "exact", "same", (a, b) -> a.sex().equals(b.sex()));

    level(Field.EMAIL, "exact", "exact", (a, b) -> a.email().equals(b.email()));
    level(Field.EMAIL, "same_local_part", "same local part (before the @)",
        (a, b) -> localPart(a.email()).equals(localPart(b.email())));

    level(Field.CITY, "exact", "exact", (a, b) -> a.city().equals(b.city()));
    level(Field.CITY, "similar", "similar (Jaro-Winkler >= 0.90)",
        (a, b) -> Similarity.jaroWinkler(a.city(), b.city()) >= 0.90);

    level(Field.ADDRESS, "exact", "exact", (a, b) -> a.address().equals(b.address()));
    level(Field.ADDRESS, "similar", "similar tokens (Monge-Elkan JW >= 0.85)",
        (a, b) -> Similarity.tokenSet(a.addressTokens(), b.addressTokens()) >= 0.85);

    level(Field.POSTCODE, "exact", "exact", (a, b) -> a.postcode().equals(b.postcode()));
    level(Field.POSTCODE, "one_edit", "one edit apart", (a, b) -> Similarity.osa(a.postcode(), b.postcode(), 1) <= 1);
  }

  /** The levels a field can use above "different", from the strongest down. */
  public static List<String> levels(Field f) {
    return new ArrayList<>(LEVELS.get(f).keySet());
  }

  /** A level's description. */
  public static String label(Field f, String level) {
    return level.equals(DIFFERENT) ? DIFFERENT : LEVELS.get(f).get(level).label();
  }

  /** The pair's level for one compared field: -1 when either lacks it, else the highest listed level that holds. */
  static int level(LinkageSettings.Compared c, ResolveRecord a, ResolveRecord b) {
    if (missing(c.field(), a) || missing(c.field(), b)) {
      return -1;
    }
    Map<String, Level> known = LEVELS.get(c.field());
    List<String> levels = c.levels();
    for (int l = levels.size() - 1; l >= 1; l--) {
      if (known.get(levels.get(l)).test().holds(a, b)) {
        return l;
      }
    }
    return 0;
  }

  static boolean missing(Field f, ResolveRecord r) {
    return switch (f) {
      case NAME -> r.tokens().isEmpty();
      case DOB -> r.dob() == null && r.birthYear() == null;
      case DOCUMENT -> r.document() == null;
      case PHONE -> r.phone() == null;
      case NATIONALITY -> r.nationality() == null;
      case SEX -> r.sex() == null;
      case EMAIL -> r.email() == null;
      case CITY -> r.city() == null;
      case ADDRESS -> r.address() == null;
      case POSTCODE -> r.postcode() == null;
    };
  }

  private static boolean both(ResolveRecord a, ResolveRecord b) {
    return a.dob() != null && b.dob() != null;
  }

  /** A date as yyyymmdd (compared digit by digit in the pairs' hot path: no formatter). */
  static String digits(LocalDate d) {
    return digits(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
  }

  static String digits(int year, int month, int day) {
    int v = Math.floorMod(year, 10_000) * 10_000 + month * 100 + day;
    char[] c = new char[8];
    for (int i = 7; i >= 0; i--) {
      c[i] = (char) ('0' + v % 10);
      v /= 10;
    }
    return new String(c);
  }

  static String localPart(String email) {
    int at = email.indexOf('@');
    return at < 0 ? email : email.substring(0, at);
  }
}
