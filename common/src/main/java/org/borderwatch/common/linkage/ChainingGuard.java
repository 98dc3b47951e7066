package org.borderwatch.common.linkage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The guard against chaining: a cluster too large, or holding two different document numbers, is split at its
 * weakest links.
 */
public final class ChainingGuard {
  /** An accepted link between two records and its match weight. */
  public record Link(String left, String right, double weight) {}

  private ChainingGuard() {}

  /** Two documents that are not one typo apart. */
  public static boolean conflicting(List<String> docs) {
    for (int i = 0; i < docs.size(); i++) {
      for (int j = i + 1; j < docs.size(); j++) {
        String a = docs.get(i);
        String b = docs.get(j);
        if (!(a.length() == b.length() && Similarity.levenshtein(a, b, 1) <= 1)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Kruskal from the strongest link down: a link is kept unless it would join two conflicting documents
   * or make a cluster larger than the limit. Returns record → label of its part (a member record id).
   */
  public static Map<String, String> split(Map<String, String> docOf, List<Link> edges, int maxCluster) {
    Map<String, String> parent = new HashMap<>();
    Map<String, Set<String>> docs = new HashMap<>();
    Map<String, Integer> sizes = new HashMap<>();
    for (Map.Entry<String, String> e : docOf.entrySet()) {
      parent.put(e.getKey(), e.getKey());
      sizes.put(e.getKey(), 1);
      Set<String> d = new HashSet<>();
      if (e.getValue() != null) {
        d.add(e.getValue());
      }
      docs.put(e.getKey(), d);
    }
    List<Link> sorted = new ArrayList<>(edges);
    sorted.sort((a, b) -> a.weight() != b.weight() ? Double.compare(b.weight(), a.weight())
        : (a.left() + a.right()).compareTo(b.left() + b.right()));
    for (Link e : sorted) {
      String a = find(parent, e.left());
      String b = find(parent, e.right());
      if (a == null || b == null || a.equals(b)) {
        continue;
      }
      if (sizes.get(a) + sizes.get(b) > maxCluster) {
        continue;
      }
      Set<String> union = new HashSet<>(docs.get(a));
      union.addAll(docs.get(b));
      if (conflicting(new ArrayList<>(union))) {
        continue;
      }
      parent.put(b, a);
      sizes.put(a, sizes.get(a) + sizes.get(b));
      docs.put(a, union);
    }
    Map<String, String> out = new HashMap<>();
    for (String r : docOf.keySet()) {
      out.put(r, find(parent, r));
    }
    return out;
  }

  private static String find(Map<String, String> parent, String x) {
    String p = parent.get(x);
    if (p == null) {
      return null;
    }
    while (!p.equals(parent.get(p))) {
      parent.put(p, parent.get(parent.get(p)));
      p = parent.get(p);
    }
    return p;
  }
}
