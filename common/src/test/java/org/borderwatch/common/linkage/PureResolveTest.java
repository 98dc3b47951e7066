package org.borderwatch.common.linkage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pure parts of entity resolution: phonetic keys, comparison levels, EM, stable ids, the guard. */
class PureResolveTest {
  static final LinkageSettings LAKE = LinkageSettings.lakehouse();
  @Test
  void phoneticKeysFoldRomanisationVariants() {
    String[][] same = {{"kyaw", "kyau"}, {"htun", "tun"}, {"somchai", "somchay"}, {"somchai", "somjai"},
        {"souksavanh", "suksavan"}, {"chea", "chia"}, {"sok", "sock"}, {"chhay", "chay"}, {"srisuwan", "srisuvan"},
        {"thongdee", "tongdi"}, {"xaysana", "saysana"}, {"thein", "thien"}, {"mohammed", "mohamed"}};
    for (String[] p : same) {
      assertEquals(Phonetic.token(p[0]), Phonetic.token(p[1]), p[0] + " / " + p[1]);
    }
    assertNotEquals(Phonetic.token("aung"), Phonetic.token("win"));
    assertEquals(Phonetic.sortedKey(List.of("lan", "nguyen", "thi")), Phonetic.sortedKey(List.of("nguyen", "thi", "lan")));
  }

  static ResolveRecord r(String name, String dob, String doc, String nat, String sex) {
    return ResolveRecord.of("x", name, null, dob == null ? null : LocalDate.parse(dob), null, doc, null, nat, sex);
  }

  @Test
  void comparisonLevels() {
    ResolveRecord a = r("nguyen thi lan", "1990-04-05", "C1234567", "VNM", "F");
    assertArrayEquals(new int[] {4, 4, 2, -1, 1, 1}, LAKE.gamma(a, a));
    assertArrayEquals(new int[] {3, 3, 1, -1, 1, 1},
        LAKE.gamma(a, r("lan nguyen thi", "1990-05-04", "C1234568", "VNM", "F")));
    assertEquals(2, LAKE.gamma(a, r("lan nguyen", null, null, null, null))[0]);
    // kyaw/kyau and moe/mo share phonetic keys: same phonetic tokens, not exact
    assertEquals(3, LAKE.gamma(r("aung kyaw moe", null, null, null, null),
        r("aung kyau mo", null, null, null, null))[0]);
    assertEquals(0, LAKE.gamma(a, r("somchai srisuwan", "1970-01-01", "AA1", "THA", "M"))[0]);
    assertEquals(-1, LAKE.gamma(a, r(null, null, null, null, null))[1]);
  }

  @Test
  void emSeparatesMatchesFromNonMatches() {
    // gamma patterns of a toy candidate set: 200 clear matches, 800 clear non-matches
    Map<String, Long> patterns = Map.of(
        FellegiSunter.encode(new int[] {4, 4, 2, -1, 1, 1}), 200L,
        FellegiSunter.encode(new int[] {0, 0, -1, -1, 1, 0}), 500L,
        FellegiSunter.encode(new int[] {1, 0, -1, -1, 0, 1}), 300L);
    long[][] randomCounts = {{990, 5, 2, 2, 1}, {950, 40, 5, 1, 4}, {999, 0, 1}, {1000, 0}, {700, 300}, {500, 500}};
    double[][] u = FellegiSunter.uFromCounts(randomCounts);
    FellegiSunter fs = FellegiSunter.estimate(LAKE, patterns, u, 0.3, 200);
    assertEquals(0.2, fs.lambda(), 0.01);
    // EM converges in 4 iterations to these weights (checked against an independent re-computation)
    assertEquals(30.643051551067664, fs.matchWeight(new int[] {4, 4, 2, -1, 1, 1}, 1e-4), 1e-6);
    assertEquals(-42.029110102302276, fs.matchWeight(new int[] {0, 0, -1, -1, 1, 0}, 0), 1e-6);
    // a shared common name weighs less than a shared rare one
    assertTrue(fs.exactNameWeight(0.05) < fs.exactNameWeight(0.0001));
  }

  @Test
  void stableIdsKeepContinuingEntitiesAndReportChanges() {
    // run 1: two entities; run 2: E1's cluster grew by a new mention, E2 split in two
    Map<String, Long> clusters = Map.of("m1", 3L, "m4", 2L, "m6", 1L);
    List<StableIds.Overlap> overlaps = List.of(new StableIds.Overlap("m1", "E1", 2),
        new StableIds.Overlap("m4", "E2", 2), new StableIds.Overlap("m6", "E2", 1));
    StableIds.Assignment a = StableIds.assign(clusters, overlaps, Map.of("E1", 2L, "E2", 3L));
    assertEquals("E1", a.entityOf().get("m1"));
    assertEquals("E2", a.entityOf().get("m4"));
    String fresh = a.entityOf().get("m6");
    assertTrue(fresh.startsWith("E") && !Set.of("E1", "E2").contains(fresh));
    assertEquals(List.of("new", "split"), a.changes().stream().map(StableIds.Change::change).sorted().toList());
    // a merge: one cluster now holds both
    StableIds.Assignment merged = StableIds.assign(Map.of("m1", 5L),
        List.of(new StableIds.Overlap("m1", "E1", 2), new StableIds.Overlap("m1", "E2", 3)), Map.of("E1", 2L, "E2", 3L));
    assertEquals("E2", merged.entityOf().get("m1"));
    assertEquals(List.of(new StableIds.Change("merged", "E2", "E1", 2)), merged.changes());
  }

  @Test
  void guardSplitsAtTheWeakestLinkAndKeepsDocumentsApart() {
    // A—B strong, B—C weak, C—D strong; A and D hold different passports: the weak link is cut
    Map<String, String> docs = Map.of("A", "MA123456", "B", "", "C", "", "D", "NB987654");
    java.util.Map<String, ChainingGuard.Known> docOf = new java.util.HashMap<>();
    docs.forEach((k, v) -> docOf.put(k, new ChainingGuard.Known(v.isEmpty() ? null : v, null)));
    List<ChainingGuard.Link> edges = List.of(new ChainingGuard.Link("A", "B", 20.0),
        new ChainingGuard.Link("B", "C", 3.0), new ChainingGuard.Link("C", "D", 18.0));
    Map<String, String> parts = ChainingGuard.split(LAKE, docOf, edges, 100);
    assertEquals(parts.get("A"), parts.get("B"));
    assertEquals(parts.get("C"), parts.get("D"));
    assertNotEquals(parts.get("A"), parts.get("D"));
    assertTrue(ChainingGuard.conflicting(LAKE, List.of("MA123456", "NB987654"), List.of()));
    assertTrue(!ChainingGuard.conflicting(LAKE, List.of("MA123456", "MA123457"), List.of()),
        "one typo apart is the same document");
    // the lakehouse's settings take only one substitution for the same document; a list's take two edits
    assertTrue(ChainingGuard.conflicting(LAKE, List.of("MA123456", "MA123465"), List.of()));
    LinkageSettings people = LinkageSettings.people();
    // (documents up to four edits apart: two records of one document, each with two typos)
    assertTrue(!ChainingGuard.conflicting(people, List.of("MA123456", "MA123465", "MA12346", "AM213465"), List.of()));
    assertTrue(ChainingGuard.conflicting(people, List.of("MA123456", "MA654321"), List.of()));
    // dates of birth: kept apart only where the settings say so, and only when "different" (not a typo)
    List<LocalDate> far = List.of(LocalDate.parse("1980-03-04"), LocalDate.parse("1990-07-08"));
    assertTrue(!ChainingGuard.conflicting(LAKE, List.of(), far));
    assertTrue(ChainingGuard.conflicting(people, List.of(), far));
    assertTrue(!ChainingGuard.conflicting(people, List.of(), List.of(LocalDate.parse("1980-03-04"),
        LocalDate.parse("1986-03-04"))), "one digit apart");
    // a cluster of two people who share only a weak link to a third with the other's date is cut there
    Map<String, ChainingGuard.Known> dated = Map.of("A", new ChainingGuard.Known(null, far.get(0)),
        "B", new ChainingGuard.Known(null, null), "C", new ChainingGuard.Known(null, far.get(1)));
    Map<String, String> cut = ChainingGuard.split(people, dated, List.of(new ChainingGuard.Link("A", "B", 9.0),
        new ChainingGuard.Link("B", "C", 4.0)), 100);
    assertEquals(cut.get("A"), cut.get("B"));
    assertNotEquals(cut.get("B"), cut.get("C"));
  }

  @Test
  void blockPairsEqualBruteForceOverEveryRule() {
    // random records with small key alphabets (many collisions, some oversized blocks)
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
    int n = 300;
    int maxBlock = 12;
    int rules = LAKE.blocking().size();
    String[] names = {"nguyen thi lan", "lan nguyen", "aung kyaw", "somchai srisuwan", "sok chea", null};
    List<Blocking.Member> raw = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      String[] keys = new String[rules];
      for (int r = 0; r < rules; r++) {
        keys[r] = rnd.nextInt(4) == 0 ? null : "k" + rnd.nextInt(r == 0 ? 60 : 25);
      }
      Integer year = rnd.nextInt(3) == 0 ? null : 1980 + rnd.nextInt(5);
      ResolveRecord rec = ResolveRecord.of(null, names[rnd.nextInt(names.length)], null, null, year,
          rnd.nextBoolean() ? "D" + rnd.nextInt(5) : null, null, "VNM", rnd.nextBoolean() ? "F" : "M");
      raw.add(new Blocking.Member(1000 + (i * 7919L) % 1009, rec, keys, 10 + i));
    }
    // oversized blocks are dropped for their rule, as the resolver does
    Map<String, Integer> sizes = new java.util.HashMap<>();
    for (Blocking.Member m : raw) {
      for (int r = 0; r < rules; r++) {
        if (m.keys()[r] != null) {
          sizes.merge(r + "/" + m.keys()[r], 1, Integer::sum);
        }
      }
    }
    List<Blocking.Member> members = new java.util.ArrayList<>();
    for (Blocking.Member m : raw) {
      String[] k = m.keys().clone();
      for (int r = 0; r < rules; r++) {
        if (k[r] != null && sizes.get(r + "/" + k[r]) > maxBlock) {
          k[r] = null;
        }
      }
      members.add(new Blocking.Member(m.rid(), m.rec(), k, m.nameCount()));
    }
    // blocked: group by (rule, key) and let each block produce its pairs
    Map<String, List<Blocking.Member>> blocks = new java.util.TreeMap<>();
    for (Blocking.Member m : members) {
      for (int r = 0; r < rules; r++) {
        if (m.keys()[r] != null) {
          blocks.computeIfAbsent(r + "/" + m.keys()[r], x -> new java.util.ArrayList<>()).add(m);
        }
      }
    }
    Map<String, String> produced = new java.util.HashMap<>();
    for (Map.Entry<String, List<Blocking.Member>> b : blocks.entrySet()) {
      int rule = Integer.parseInt(b.getKey().substring(0, b.getKey().indexOf('/')));
      Blocking.pairs(LAKE, rule, b.getValue(), (l, r, mask, gamma, tf) -> {
        assertTrue(l < r);
        String prev = produced.put(l + "-" + r, mask + "/" + gamma + "/" + tf);
        assertEquals(null, prev, "pair " + l + "-" + r + " produced twice");
      });
    }
    // brute force: every pair, its rules by definition (same key, not oversized, birth years within one
    // year for the name-only rules), its comparison vector
    Map<String, String> expected = new java.util.HashMap<>();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        Blocking.Member a = members.get(i);
        Blocking.Member b = members.get(j);
        int mask = 0;
        for (int r = 0; r < rules; r++) {
          boolean sameKey = a.keys()[r] != null && a.keys()[r].equals(b.keys()[r]);
          Integer ya = a.rec().birthYear();
          Integer yb = b.rec().birthYear();
          boolean years = !Set.of("name+nationality", "two_rarest_tokens").contains(LAKE.blocking().get(r))
              || ya == null || yb == null || Math.abs(ya - yb) <= 1;
          if (sameKey && years) {
            mask |= 1 << r;
          }
        }
        if (mask == 0) {
          continue;
        }
        int[] g = LAKE.gamma(a.rec(), b.rec());
        long tf = g[0] == 4 ? a.nameCount() : 0;
        Blocking.Member lo = a.rid() < b.rid() ? a : b;
        Blocking.Member hi = a.rid() < b.rid() ? b : a;
        expected.put(lo.rid() + "-" + hi.rid(), mask + "/" + LAKE.encode(g) + "/" + tf);
      }
    }
    assertTrue(expected.size() > 500, "the sample has candidate pairs: " + expected.size());
    assertTrue(expected.values().stream().anyMatch(v -> Integer.bitCount(Integer.parseInt(v.split("/")[0])) > 1),
        "some pairs are generated by several rules");
    assertEquals(expected, produced);
    assertArrayEquals(new int[] {4, -1, 2, 0, 1, -1}, LAKE.decode(LAKE.encode(new int[] {4, -1, 2, 0, 1, -1})));
    LinkageSettings people = LinkageSettings.people();
    int[] ten = {4, 5, 3, -1, 1, 0, 2, -1, 1, 2};
    assertArrayEquals(ten, people.decode(people.encode(ten)));
  }

  @Test
  void thresholdIsTheLowestProbabilityKeepingTheMeanAtTheTarget() {
    // {probability, pairs}: 0.99 alone keeps the mean at 0.99; with 0.9 it falls to 0.945 < 0.95
    Threshold t = Threshold.choose(List.of(new double[] {0.9, 100}, new double[] {0.99, 100},
        new double[] {0.6, 100}), 0.95);
    assertEquals(new Threshold(0.99, 0.99, 100), t);
    // a lower target takes both, the tie of equal probabilities together; never below 0.5
    assertEquals(new Threshold(0.9, (0.99 * 100 + 0.9 * 150) / 250, 250), Threshold.choose(List.of(
        new double[] {0.9, 100}, new double[] {0.99, 100}, new double[] {0.9, 50}, new double[] {0.45, 1000}), 0.5));
    assertEquals(new Threshold(1.0, 1.0, 0), Threshold.choose(List.of(new double[] {0.45, 10}), 0.1));
  }
}
