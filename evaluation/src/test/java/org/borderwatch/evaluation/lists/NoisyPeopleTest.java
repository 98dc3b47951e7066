package org.borderwatch.evaluation.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.borderwatch.common.linkage.Similarity;
import org.junit.jupiter.api.Test;

/** The corrupted lists: deterministic, every person once plus duplicates, corruption at the level's rates. */
class NoisyPeopleTest {
  @Test
  void aSeedIsAList() {
    assertEquals(NoisyPeople.csv(NoisyPeople.generate(200, NoisyPeople.Noise.MEDIUM, 7)),
        NoisyPeople.csv(NoisyPeople.generate(200, NoisyPeople.Noise.MEDIUM, 7)));
    assertTrue(!NoisyPeople.csv(NoisyPeople.generate(200, NoisyPeople.Noise.MEDIUM, 7))
        .equals(NoisyPeople.csv(NoisyPeople.generate(200, NoisyPeople.Noise.MEDIUM, 8))));
  }

  @Test
  void everyPersonOnceAndNoisierLevelsDifferMore() {
    List<String> got = new java.util.ArrayList<>();
    for (NoisyPeople.Noise n : NoisyPeople.Noise.all()) {
      List<String[]> rows = NoisyPeople.generate(1000, n, 3);
      Map<String, List<String[]>> byCluster = new HashMap<>();
      Set<String> ids = new HashSet<>();
      for (String[] r : rows) {
        assertEquals(NoisyPeople.HEADER.size(), r.length);
        ids.add(r[0]);
        byCluster.computeIfAbsent(r[10], k -> new java.util.ArrayList<>()).add(r);
      }
      assertEquals(rows.size(), ids.size(), "ids are unique");
      assertEquals(1000, byCluster.size(), "every person is listed");
      // rows after the first of their person whose given name differs from that first row
      long dups = 0;
      long differ = 0;
      for (List<String[]> c : byCluster.values()) {
        for (String[] r : c.subList(1, c.size())) {
          dups++;
          differ += r[1].equals(c.get(0)[1]) ? 0 : 1;
        }
      }
      got.add(n.name() + " " + rows.size() + " rows, " + differ + " of " + dups + " given names differ");
    }
    // duplicates near each level's mean (0.8, 1.5, 2.0 per person); noisier levels differ more
    assertEquals(List.of("low 1769 rows, 157 of 769 given names differ", "medium 2477 rows, 827 of 1477 given names "
        + "differ", "high 2981 rows, 1525 of 1981 given names differ"), got);
  }

  @Test
  void aTypoIsOneEditAndADigitTypoKeepsTheLength() {
    SplittableRandom rnd = new SplittableRandom(11);
    for (int i = 0; i < 500; i++) {
      String t = NoisyPeople.typo("katherine", rnd);
      assertTrue(Similarity.osa("katherine", t, 2) <= 1, t);
      assertEquals('k', t.charAt(0), "the first letter is kept: " + t);
      String d = NoisyPeople.digitTypo("19850312", rnd);
      assertEquals(8, d.length());
      assertTrue(Similarity.osa("19850312", d, 2) <= 1, d);
    }
  }
}
