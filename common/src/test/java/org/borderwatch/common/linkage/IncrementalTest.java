package org.borderwatch.common.linkage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** New records joining an existing resolution: existing entities never merge, split or change. */
class IncrementalTest {
  static ChainingGuard.Link l(String a, String b, double w) {
    return new ChainingGuard.Link(a, b, w);
  }

  @Test
  void newRecordsJoinTheirStrongestEntityOrFormNewOnes() {
    Map<String, String> old = Map.of("o1", "E1", "o2", "E1", "o3", "E2");
    Set<String> fresh = Set.of("n1", "n2", "n3", "n4", "n5");
    Map<String, ChainingGuard.Known> known = Map.of("o3", new ChainingGuard.Known("MA123456", null),
        "n5", new ChainingGuard.Known("ZZ987654", null));
    List<ChainingGuard.Link> links = List.of(
        l("n1", "o1", 20), l("n1", "o3", 10), // n1: E1, and it does not bring E2 along
        l("n2", "n1", 15), // n2 through n1
        l("n3", "n4", 12), // two new records of a new person
        l("n5", "o3", 30), // a conflicting passport: refused
        l("o2", "o3", 40)); // two existing records: not decided again
    Map<String, String> got = Incremental.assign(old, fresh, links, known, LinkageSettings.people(), 300);
    assertEquals(Map.of("n1", "E1", "n2", "E1", "n3", "new:n3", "n4", "new:n3", "n5", "new:n5"), got);
  }

  @Test
  void aNewRecordIdenticalToAnExistingOneIsThatOne() {
    // a record that holds an existing id is existing: it keeps its entity
    Map<String, String> got = Incremental.assign(Map.of("r1", "E7"), Set.of("r1", "r2"), List.of(l("r2", "r1", 5)),
        Map.of(), LinkageSettings.people(), 300);
    assertEquals(Map.of("r1", "E7", "r2", "E7"), got);
    // the cluster limit holds: with room for two records, a third new one cannot join
    assertEquals(Map.of("r2", "E7", "r3", "new:r3"), Incremental.assign(Map.of("r1", "E7"), Set.of("r2", "r3"),
        List.of(l("r2", "r1", 5), l("r3", "r2", 4)), Map.of(), LinkageSettings.people(), 2));
  }
}
