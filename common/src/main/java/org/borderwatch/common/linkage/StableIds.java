package org.borderwatch.common.linkage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Entity ids that survive re-runs: each new cluster takes the previous entity most of its mentions
 * belonged to (each previous entity goes to one cluster only, the one holding most of its mentions);
 * clusters without a previous entity get a new id from their smallest mention. Merges, splits, new and
 * retired entities are reported. Pure: the job feeds it the overlap counts.
 */
public final class StableIds {
  private StableIds() {}

  /** How many mentions of previous entity {@code previous} are in new cluster {@code cluster}. */
  public record Overlap(String cluster, String previous, long mentions) {}

  /** A change between runs. */
  public record Change(String change, String entity, String other, long mentions) {}

  /** cluster → entity id, and the changes. */
  public record Assignment(Map<String, String> entityOf, List<Change> changes) {}

  /**
   * @param clusters every new cluster label (its smallest mention id) with its mention count
   * @param overlaps previous-entity overlaps (previous null for mentions that had no entity)
   * @param previousEntities every entity of the previous run with its mention count
   */
  public static Assignment assign(Map<String, Long> clusters, List<Overlap> overlaps,
      Map<String, Long> previousEntities) {
    List<Overlap> sorted = new ArrayList<>();
    for (Overlap o : overlaps) {
      if (o.previous() != null) {
        sorted.add(o);
      }
    }
    sorted.sort((a, b) -> a.mentions() != b.mentions() ? Long.compare(b.mentions(), a.mentions())
        : !a.cluster().equals(b.cluster()) ? a.cluster().compareTo(b.cluster()) : a.previous().compareTo(b.previous()));
    Map<String, String> entityOf = new HashMap<>();
    Set<String> claimed = new HashSet<>();
    for (Overlap o : sorted) {
      if (!entityOf.containsKey(o.cluster()) && !claimed.contains(o.previous())) {
        entityOf.put(o.cluster(), o.previous());
        claimed.add(o.previous());
      }
    }
    List<Change> changes = new ArrayList<>();
    Set<String> taken = new HashSet<>(previousEntities.keySet());
    taken.addAll(claimed);
    List<String> unclaimed = new ArrayList<>();
    for (String c : clusters.keySet()) {
      if (!entityOf.containsKey(c)) {
        unclaimed.add(c);
      }
    }
    unclaimed.sort(null);
    for (String label : unclaimed) {
      String id = newId(label);
      for (int k = 1; taken.contains(id); k++) {
        id = newId(label + "#" + k); // never reuse an id that exists or existed
      }
      taken.add(id);
      entityOf.put(label, id);
    }
    Set<String> fresh = new HashSet<>(unclaimed);
    for (Map.Entry<String, Long> c : clusters.entrySet()) {
      if (fresh.contains(c.getKey())) {
        changes.add(new Change("new", entityOf.get(c.getKey()), null, c.getValue()));
      }
    }
    for (Overlap o : sorted) {
      String now = entityOf.get(o.cluster());
      if (!now.equals(o.previous())) {
        if (claimed.contains(o.previous())) {
          changes.add(new Change("split", o.previous(), now, o.mentions()));
        } else {
          changes.add(new Change("merged", now, o.previous(), o.mentions()));
        }
      }
    }
    Set<String> seen = new HashSet<>();
    for (Overlap o : sorted) {
      seen.add(o.previous());
    }
    for (Map.Entry<String, Long> p : previousEntities.entrySet()) {
      if (!seen.contains(p.getKey())) {
        changes.add(new Change("retired", p.getKey(), null, p.getValue()));
      }
    }
    changes.sort((a, b) -> (a.change() + a.entity()).compareTo(b.change() + b.entity()));
    return new Assignment(entityOf, changes);
  }

  /** A new entity id: E plus 16 hex characters of the SHA-256 of its smallest mention id. */
  public static String newId(String smallestMention) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(smallestMention.getBytes(StandardCharsets.UTF_8));
      return "E" + HexFormat.of().formatHex(h).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
