package org.borderwatch.common.linkage;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Comparison levels per field (the gamma vector of a pair). Level -1 means a value is missing on either
 * side (the field then says nothing); higher levels mean closer agreement. Pure functions.
 */
public final class Comparisons {
  private Comparisons() {}

  /** The compared fields, in gamma-vector order, with their level names from 0 up. */
  public enum Field {
    NAME("different", "similar tokens (Monge-Elkan JW >= 0.88)", "one name within the other",
        "same phonetic tokens (any order)", "exact"),
    DOB("different", "birth years within 1", "same year and month", "day and month transposed", "exact"),
    DOCUMENT("different", "one character apart", "exact"),
    PHONE("different", "exact"),
    NATIONALITY("different", "same"),
    SEX("different", "same");

    private final String[] levels;

    Field(String... levels) {
      this.levels = levels;
    }

    public int levels() {
      return levels.length;
    }

    public String level(int i) {
      return i < 0 ? "missing" : levels[i];
    }
  }

  public static final int FIELDS = Field.values().length;

  /** Gamma vector of a pair. */
  public static int[] gamma(ResolveRecord a, ResolveRecord b) {
    return new int[] {name(a, b), dob(a, b), document(a.document(), b.document()), exact(a.phone(), b.phone()),
        exact(a.nationality(), b.nationality()), exact(a.sex(), b.sex())};
  }

  static int name(ResolveRecord a, ResolveRecord b) {
    if (a.tokens().isEmpty() || b.tokens().isEmpty()) {
      return -1;
    }
    if (a.nameKey().equals(b.nameKey())) {
      return 4;
    }
    List<String> pa = a.phonetic();
    List<String> pb = b.phonetic();
    if (a.phoneticSortedKey().equals(b.phoneticSortedKey())) {
      return 3;
    }
    if (Similarity.subset(pa, pb)) {
      return 2;
    }
    return Similarity.tokenSet(pa, pb) >= 0.88 ? 1 : 0;
  }

  static int dob(ResolveRecord a, ResolveRecord b) {
    LocalDate x = a.dob();
    LocalDate y = b.dob();
    if (x != null && y != null) {
      if (x.equals(y)) {
        return 4;
      }
      if (x.getYear() == y.getYear() && x.getMonthValue() == y.getDayOfMonth()
          && x.getDayOfMonth() == y.getMonthValue()) {
        return 3;
      }
      if (x.getYear() == y.getYear() && x.getMonthValue() == y.getMonthValue()) {
        return 2;
      }
      return Math.abs(ChronoUnit.DAYS.between(x, y)) <= 400 ? 1 : 0;
    }
    if (a.birthYear() == null || b.birthYear() == null) {
      return -1;
    }
    return Math.abs(a.birthYear() - b.birthYear()) <= 1 ? 1 : 0;
  }

  static int document(String a, String b) {
    if (a == null || b == null) {
      return -1;
    }
    if (a.equals(b)) {
      return 2;
    }
    return a.length() == b.length() && Similarity.levenshtein(a, b, 1) <= 1 ? 1 : 0;
  }

  static int exact(String a, String b) {
    if (a == null || b == null) {
      return -1;
    }
    return a.equals(b) ? 1 : 0;
  }
}
