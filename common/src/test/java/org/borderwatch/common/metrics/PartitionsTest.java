package org.borderwatch.common.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Adjusted Rand index and purity on worked examples. */
class PartitionsTest {
  @Test
  void adjustedRandIndexOfKnownPartitions() {
    List<long[]> same = List.of(new long[] {1, 7}, new long[] {1, 7}, new long[] {2, 8}, new long[] {2, 8});
    assertEquals(1.0, Partitions.ari(same), 1e-12);
    // a worked example: clusters {a,b,c},{d,e,f} against classes {a,b},{c,d},{e,f}: ARI = 0.2424...
    List<long[]> p = List.of(new long[] {1, 1}, new long[] {1, 1}, new long[] {1, 2}, new long[] {2, 2},
        new long[] {2, 3}, new long[] {2, 3});
    // index = 2, sum a = 6, sum b = 3, expected = 6*3/15 = 1.2, max = 4.5 → (2 - 1.2) / (4.5 - 1.2)
    assertEquals((2 - 1.2) / (4.5 - 1.2), Partitions.ari(p), 1e-12);
    assertEquals(4 / 6.0, Partitions.purity(p, 0, 1), 1e-12);
    assertEquals(5 / 6.0, Partitions.purity(p, 1, 0), 1e-12);
  }
}
