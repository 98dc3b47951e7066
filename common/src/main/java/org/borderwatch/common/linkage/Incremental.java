package org.borderwatch.common.linkage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * New records linked to an existing resolution without re-resolving it: the existing entities stay as they are
 * (never merged, never split, their ids kept); a new record joins the entity its strongest accepted link leads to,
 * or forms a new entity with other new records. Kruskal from the strongest link down over links that touch a new
 * record (links between two existing records are not decided again); a link is refused when it would put two
 * existing entities in one part, join conflicting documents or dates of birth (the settings' guard), or make a part
 * larger than the cluster limit. Pure.
 */
public final class Incremental {
  private Incremental() {}

  /**
   * @param entityOfOld existing record → its entity id
   * @param newRecords the records that are new (a record also holding an existing id is existing)
   * @param links accepted links between records, with their weights
   * @param known each record's document and date of birth, for the guard
   * @param maxCluster records a part may hold at most (resolve.max-cluster-records)
   * @return each new record → an existing entity id, or "new:" + the smallest new record of its part
   */
  public static Map<String, String> assign(Map<String, String> entityOfOld, Set<String> newRecords,
      List<ChainingGuard.Link> links, Map<String, ChainingGuard.Known> known, LinkageSettings settings,
      int maxCluster) {
    Map<String, String> parent = new HashMap<>();
    Map<String, Integer> size = new HashMap<>();
    Map<String, String> entity = new HashMap<>(); // root → existing entity of the part (absent: none)
    Map<String, Set<String>> docs = new HashMap<>();
    Map<String, Set<java.time.LocalDate>> dobs = new HashMap<>();
    // existing records of one entity are one part from the start
    Map<String, String> rootOfEntity = new HashMap<>();
    for (Map.Entry<String, String> e : entityOfOld.entrySet()) {
      String root = rootOfEntity.computeIfAbsent(e.getValue(), k -> e.getKey());
      parent.put(e.getKey(), root);
      parent.putIfAbsent(root, root);
      size.merge(root, 1, Integer::sum);
      entity.put(root, e.getValue());
      add(docs, dobs, root, known.get(e.getKey()));
    }
    for (String r : newRecords) {
      if (!entityOfOld.containsKey(r)) {
        parent.put(r, r);
        size.put(r, 1);
        add(docs, dobs, r, known.get(r));
      }
    }
    List<ChainingGuard.Link> sorted = new ArrayList<>();
    for (ChainingGuard.Link l : links) {
      boolean touchesNew = newRecords.contains(l.left()) && !entityOfOld.containsKey(l.left())
          || newRecords.contains(l.right()) && !entityOfOld.containsKey(l.right());
      if (touchesNew && parent.containsKey(l.left()) && parent.containsKey(l.right())) {
        sorted.add(l);
      }
    }
    sorted.sort((a, b) -> a.weight() != b.weight() ? Double.compare(b.weight(), a.weight())
        : (a.left() + "\u0000" + a.right()).compareTo(b.left() + "\u0000" + b.right()));
    for (ChainingGuard.Link l : sorted) {
      String a = find(parent, l.left());
      String b = find(parent, l.right());
      if (a.equals(b) || entity.containsKey(a) && entity.containsKey(b) || size.get(a) + size.get(b) > maxCluster) {
        continue;
      }
      Set<String> d = new HashSet<>(docs.get(a));
      d.addAll(docs.get(b));
      Set<java.time.LocalDate> t = new HashSet<>(dobs.get(a));
      t.addAll(dobs.get(b));
      if (ChainingGuard.conflicting(settings, new ArrayList<>(d), new ArrayList<>(t))) {
        continue;
      }
      // the part with an existing entity keeps its root
      String keep = entity.containsKey(b) ? b : a;
      String gone = keep.equals(a) ? b : a;
      parent.put(gone, keep);
      size.put(keep, size.get(a) + size.get(b));
      docs.put(keep, d);
      dobs.put(keep, t);
    }
    Map<String, String> smallestNew = new HashMap<>();
    for (String r : newRecords) {
      if (!entityOfOld.containsKey(r)) {
        smallestNew.merge(find(parent, r), r, (x, y) -> x.compareTo(y) <= 0 ? x : y);
      }
    }
    Map<String, String> out = new HashMap<>();
    for (String r : newRecords) {
      if (entityOfOld.containsKey(r)) {
        out.put(r, entityOfOld.get(r));
        continue;
      }
      String root = find(parent, r);
      out.put(r, entity.containsKey(root) ? entity.get(root) : "new:" + smallestNew.get(root));
    }
    return out;
  }

  private static void add(Map<String, Set<String>> docs, Map<String, Set<java.time.LocalDate>> dobs, String root,
      ChainingGuard.Known k) {
    docs.computeIfAbsent(root, x -> new HashSet<>());
    dobs.computeIfAbsent(root, x -> new HashSet<>());
    if (k != null && k.document() != null) {
      docs.get(root).add(k.document());
    }
    if (k != null && k.dob() != null) {
      dobs.get(root).add(k.dob());
    }
  }

  private static String find(Map<String, String> parent, String x) {
    String p = parent.get(x);
    while (!p.equals(parent.get(p))) {
      parent.put(p, parent.get(parent.get(p)));
      p = parent.get(p);
    }
    return p;
  }
}
