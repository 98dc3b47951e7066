package org.borderwatch.common.linkage;

import java.io.Serializable;
import java.util.List;

/**
 * Candidate pairs from blocking rules, pure and per block. A pair is a candidate when any rule puts both
 * records in one block (same key, the block not oversized) and, for the name-only rules, their birth
 * years can agree (either unknown, or at most one year apart: pairs born further apart carry a date
 * weight no other field can outweigh, see docs/entity-resolution.md). Each candidate pair is produced
 * exactly once, by the first rule that generates it, so no deduplication pass over all pairs is needed;
 * the mask of every rule that generates it is kept for the estimation sessions and the explanation. The rules
 * and their order are the settings' ({@link LinkageSettings#blocking()}).
 */
public final class Blocking {
  private Blocking() {}

  /** One record in a block: its dense id, what is compared, its key for every rule (null: not blocked). */
  public record Member(long rid, ResolveRecord rec, String[] keys, long nameCount) implements Serializable {}

  /** Receives candidate pairs (rid_l &lt; rid_r). */
  @FunctionalInterface
  public interface Sink {
    void pair(long ridL, long ridR, int mask, int gamma, long nameCount);
  }

  /** Whether rule {@code rule} generates the pair (a, b). */
  public static boolean generates(LinkageSettings s, int rule, Member a, Member b) {
    String ka = a.keys()[rule];
    if (ka == null || !ka.equals(b.keys()[rule])) {
      return false;
    }
    return !s.nameOnly(rule) || yearsCompatible(a.rec().birthYear(), b.rec().birthYear());
  }

  static boolean yearsCompatible(Integer a, Integer b) {
    return a == null || b == null || Math.abs(a - b) <= 1;
  }

  /** Bits of every rule that generates the pair. */
  public static int mask(LinkageSettings s, Member a, Member b) {
    int m = 0;
    for (int r = 0; r < s.blocking().size(); r++) {
      if (generates(s, r, a, b)) {
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
  public static void pairs(LinkageSettings s, int rule, List<Member> block, Sink sink) {
    int n = block.size();
    for (int i = 0; i < n; i++) {
      Member a = block.get(i);
      for (int j = i + 1; j < n; j++) {
        Member b = block.get(j);
        if (a.rid() == b.rid() || !generates(s, rule, a, b)) {
          continue;
        }
        int m = mask(s, a, b);
        if (Integer.numberOfTrailingZeros(m) != rule) {
          continue; // an earlier rule produces this pair
        }
        int[] g = s.gamma(a.rec(), b.rec());
        long tf = s.exactName(g) ? a.nameCount() : 0;
        if (a.rid() < b.rid()) {
          sink.pair(a.rid(), b.rid(), m, s.encode(g), tf);
        } else {
          sink.pair(b.rid(), a.rid(), m, s.encode(g), tf);
        }
      }
    }
  }
}
