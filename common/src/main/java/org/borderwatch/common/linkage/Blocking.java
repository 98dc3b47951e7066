package org.borderwatch.common.linkage;

import java.io.Serializable;
import java.util.List;

/**
 * Candidate pairs from blocking rules, pure and per block. A pair is a candidate when any rule puts both
 * records in one block (same key, the block not oversized) and, for the name-only rules, their birth
 * years can agree (either unknown, or at most one year apart: pairs born further apart carry a date
 * weight no other field can outweigh, see docs/entity-resolution.md). Each candidate pair is produced
 * exactly once, by the first rule that generates it, so no deduplication pass over all pairs is needed;
 * the mask of every rule that generates it is kept for the estimation sessions and the explanation.
 */
public final class Blocking {
  private Blocking() {}

  /** Rule names in order; the position is the rule's bit in a pair's mask. */
  public static final List<String> RULES = List.of("document", "phone", "name+birth_year", "name+nationality",
      "dob+family", "two_rarest_tokens");

  /** Rules that block on the name alone and so also require compatible birth years. */
  static final boolean[] NAME_ONLY = {false, false, false, true, false, true};

  /** One record in a block: its dense id, what is compared, its key for every rule (null: not blocked). */
  public record Member(long rid, ResolveRecord rec, String[] keys, long nameCount) implements Serializable {}

  /** Receives candidate pairs (rid_l &lt; rid_r). */
  @FunctionalInterface
  public interface Sink {
    void pair(long ridL, long ridR, int mask, int gamma, long nameCount);
  }

  /** Whether rule {@code rule} generates the pair (a, b). */
  public static boolean generates(int rule, Member a, Member b) {
    String ka = a.keys()[rule];
    if (ka == null || !ka.equals(b.keys()[rule])) {
      return false;
    }
    return !NAME_ONLY[rule] || yearsCompatible(a.rec().birthYear(), b.rec().birthYear());
  }

  static boolean yearsCompatible(Integer a, Integer b) {
    return a == null || b == null || Math.abs(a - b) <= 1;
  }

  /** Bits of every rule that generates the pair. */
  public static int mask(Member a, Member b) {
    int m = 0;
    for (int r = 0; r < RULES.size(); r++) {
      if (generates(r, a, b)) {
        m |= 1 << r;
      }
    }
    return m;
  }

  /**
   * The pairs of one block of {@code rule} that this rule owns (no earlier rule generates them), with
   * their comparison vector; the name's mention count is passed on when the names agree exactly (for the
   * term-frequency adjustment), else 0.
   */
  public static void pairs(int rule, List<Member> block, Sink sink) {
    int n = block.size();
    for (int i = 0; i < n; i++) {
      Member a = block.get(i);
      for (int j = i + 1; j < n; j++) {
        Member b = block.get(j);
        if (a.rid() == b.rid() || !generates(rule, a, b)) {
          continue;
        }
        int m = mask(a, b);
        if (Integer.numberOfTrailingZeros(m) != rule) {
          continue; // an earlier rule produces this pair
        }
        int[] g = Comparisons.gamma(a.rec(), b.rec());
        long tf = g[0] == Comparisons.Field.NAME.levels() - 1 ? a.nameCount() : 0;
        if (a.rid() < b.rid()) {
          sink.pair(a.rid(), b.rid(), m, encode(g), tf);
        } else {
          sink.pair(b.rid(), a.rid(), m, encode(g), tf);
        }
      }
    }
  }

  /** A comparison vector as one int: level + 1 of each field in base 6 (missing = 0). */
  public static int encode(int[] g) {
    int code = 0;
    for (int f = g.length - 1; f >= 0; f--) {
      code = code * 6 + (g[f] + 1);
    }
    return code;
  }

  public static int[] decode(int code) {
    int[] g = new int[Comparisons.FIELDS];
    for (int f = 0; f < g.length; f++) {
      g[f] = code % 6 - 1;
      code /= 6;
    }
    return g;
  }

  /** Names of the rules in a mask. */
  public static List<String> rules(int mask) {
    List<String> out = new java.util.ArrayList<>();
    for (int r = 0; r < RULES.size(); r++) {
      if ((mask & (1 << r)) != 0) {
        out.add(RULES.get(r));
      }
    }
    return out;
  }
}
