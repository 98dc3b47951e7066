package org.borderwatch.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.borderwatch.evaluation.LinkageScores.Labelled;
import org.junit.jupiter.api.Test;

/** Pairwise and exact-cluster scores on a worked example, and against every pair and cluster counted by brute force. */
class LinkageScoresTest {
  @Test
  void aWorkedExample() {
    // entities {a,b,c}, {d}, {e,f}; truth {a,b}, {c,d}, {e,f}
    LinkageScores.Scores s = LinkageScores.of(List.of(new Labelled("E1", "T1"), new Labelled("E1", "T1"),
        new Labelled("E1", "T2"), new Labelled("E2", "T2"), new Labelled("E3", "T3"), new Labelled("E3", "T3")));
    // predicted pairs ab ac bc ef (4), true pairs ab cd ef (3), both ab ef (2)
    assertEquals(new LinkageScores.Scores(3, 4, 2, 3, 3, 1), s);
    assertEquals(0.5, s.pairPrecision(), 1e-12);
    assertEquals(2 / 3.0, s.pairRecall(), 1e-12);
    assertEquals(2 * 0.5 * (2 / 3.0) / (0.5 + 2 / 3.0), s.pairF1(), 1e-12);
    assertEquals(1 / 3.0, s.clusterPrecision(), 1e-12);
    assertEquals(1 / 3.0, s.clusterRecall(), 1e-12);
    // nothing predicted together: precision 0 by rule, not a division by zero
    LinkageScores.Scores none = LinkageScores.of(List.of(new Labelled("E1", "T1"), new Labelled("E2", "T1")));
    assertEquals(0.0, none.pairPrecision());
    assertEquals(0.0, none.pairF1());
  }

  @Test
  void countsMatchBruteForceOnRandomPartitions() {
    Random rnd = new Random(11);
    for (int round = 0; round < 200; round++) {
      int n = 1 + rnd.nextInt(40);
      List<Labelled> rs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        rs.add(new Labelled("E" + rnd.nextInt(1 + rnd.nextInt(n)), "T" + rnd.nextInt(1 + rnd.nextInt(n))));
      }
      long truePairs = 0;
      long predicted = 0;
      long correct = 0;
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          boolean t = rs.get(i).truth().equals(rs.get(j).truth());
          boolean p = rs.get(i).entity().equals(rs.get(j).entity());
          truePairs += t ? 1 : 0;
          predicted += p ? 1 : 0;
          correct += t && p ? 1 : 0;
        }
      }
      Map<String, Set<Integer>> ents = new HashMap<>();
      Map<String, Set<Integer>> truths = new HashMap<>();
      for (int i = 0; i < n; i++) {
        ents.computeIfAbsent(rs.get(i).entity(), k -> new HashSet<>()).add(i);
        truths.computeIfAbsent(rs.get(i).truth(), k -> new HashSet<>()).add(i);
      }
      long exact = ents.values().stream().filter(truths.values()::contains).count();
      assertEquals(new LinkageScores.Scores(truePairs, predicted, correct, truths.size(), ents.size(), exact),
          LinkageScores.of(rs), "round " + round);
    }
  }
}
