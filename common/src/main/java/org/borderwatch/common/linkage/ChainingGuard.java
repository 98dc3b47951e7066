package org.borderwatch.common.linkage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The guard against chaining: a cluster too large, or holding two different document numbers (or, where the settings
 * say so, two different dates of birth), is split at its weakest links. What counts as different is the settings'
 * ({@link LinkageSettings#sameDocument}, {@link LinkageSettings#differentDates}).
 */
public final class ChainingGuard {
  /** An accepted link between two records and its match weight. */
  public record Link(String left, String right, double weight) {}

  private ChainingGuard() {}

  /** What the guard knows of a record: its document and date of birth (either may be null). */
  public record Known(String document, java.time.LocalDate dob) {}

  /** Two documents the settings do not take for one, or (where they say so) two different dates of birth. */
  public static boolean conflicting(LinkageSettings s, List<String> docs, List<java.time.LocalDate> dobs) {
    for (int i = 0; i < docs.size(); i++) {
      for (int j = i + 1; j < docs.size(); j++) {
        if (!s.sameDocument(docs.get(i), docs.get(j))) {
          return true;
        }
      }
    }
    if (s.datesConflict()) {
      for (int i = 0; i < dobs.size(); i++) {
        for (int j = i + 1; j < dobs.size(); j++) {
          if (s.differentDates(dobs.get(i), dobs.get(j))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Kruskal from the strongest link down: a link is kept unless it would join conflicting documents (or dates)
   * or make a cluster larger than the limit. Returns record → label of its part (a member record id).
   */
  public static Map<String, String> split(LinkageSettings s, Map<String, Known> known, List<Link> edges,
      int maxCluster) {
    Map<String, String> parent = new HashMap<>();
    Map<String, Set<String>> docs = new HashMap<>();
    Map<String, Set<java.time.LocalDate>> dobs = new HashMap<>();
    Map<String, Integer> sizes = new HashMap<>();
    for (Map.Entry<String, Known> e : known.entrySet()) {
      parent.put(e.getKey(), e.getKey());
      sizes.put(e.getKey(), 1);
      Set<String> d = new HashSet<>();
      if (e.getValue().document() != null) {
        d.add(e.getValue().document());
      }
      docs.put(e.getKey(), d);
      Set<java.time.LocalDate> b = new HashSet<>();
      if (e.getValue().dob() != null) {
        b.add(e.getValue().dob());
      }
      dobs.put(e.getKey(), b);
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
      Set<java.time.LocalDate> dates = new HashSet<>(dobs.get(a));
      dates.addAll(dobs.get(b));
      if (conflicting(s, new ArrayList<>(union), new ArrayList<>(dates))) {
        continue;
      }
      parent.put(b, a);
      sizes.put(a, sizes.get(a) + sizes.get(b));
      docs.put(a, union);
      dobs.put(a, dates);
    }
    Map<String, String> out = new HashMap<>();
    for (String r : known.keySet()) {
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
