package org.borderwatch.simulator.world;

import java.util.Locale;

/**
 * Record identifiers as agencies issue them: opaque. The simulator builds each record's id from what it knows
 * (week, network, sequence) and exports only a keyed 60-bit hash of it, so that no identifier carries a network,
 * a false alarm or an honest post's marker. Same seed and record, same id; different records collide with
 * probability about n² / 2⁶¹ (below 10⁻⁶ for the large scale's 24 million records).
 */
public final class RecordIds {
  private static final String DIGITS36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  private RecordIds() {}

  /** 60 bits of a keyed FNV-1a hash of the internal id, finished with a 64-bit mixer. */
  static long hash(long seed, String internal) {
    long h = 0xCBF29CE484222325L ^ (seed * 0x9E3779B97F4A7C15L);
    for (int i = 0; i < internal.length(); i++) {
      h ^= internal.charAt(i);
      h *= 0x100000001B3L;
    }
    h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
    h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
    return (h ^ (h >>> 31)) >>> 4;
  }

  /** The prefix and 12 base-36 characters: {@code DET-0K3J9X2M4PQA}. */
  public static String opaque(long seed, String prefix, String internal) {
    long h = hash(seed, internal);
    char[] out = new char[12];
    for (int i = out.length - 1; i >= 0; i--) {
      out[i] = DIGITS36.charAt((int) Long.remainderUnsigned(h, 36));
      h = Long.divideUnsigned(h, 36);
    }
    return prefix + new String(out);
  }

  /** A platform's numeric id: 18 decimal digits, as social platforms number their posts. */
  public static String numeric(long seed, String internal) {
    return String.format(Locale.ROOT, "%018d", hash(seed, internal) % 1_000_000_000_000_000_000L);
  }
}
