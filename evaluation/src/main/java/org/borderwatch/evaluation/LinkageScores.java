package org.borderwatch.evaluation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Accuracy of a resolution against true cluster ids of the same records, as record-linkage benchmarks report it.
 *
 * <p><b>Pairwise</b>: a pair of records is predicted when both are in one entity and true when both have one true
 * id; precision is true pairs predicted over pairs predicted, recall over true pairs. <b>Cluster</b> (exact): a
 * predicted entity is right when its records are exactly one true cluster; precision is the share of entities
 * that are right, recall the share of true clusters found whole. Counts come from the contingency of entity and
 * true id, so a million records cost a map, not a million squared pairs.
 */
public final class LinkageScores {
  private LinkageScores() {}

  /** The figures and the counts behind them. A score with nothing to count (no pair predicted) is 0. */
  public record Scores(long truePairs, long predictedPairs, long correctPairs, long trueClusters,
      long predictedClusters, long exactClusters) {
    public double pairPrecision() {
      return ratio(correctPairs, predictedPairs);
    }

    public double pairRecall() {
      return ratio(correctPairs, truePairs);
    }

    public double pairF1() {
      return f1(pairPrecision(), pairRecall());
    }

    public double clusterPrecision() {
      return ratio(exactClusters, predictedClusters);
    }

    public double clusterRecall() {
      return ratio(exactClusters, trueClusters);
    }

    public double clusterF1() {
      return f1(clusterPrecision(), clusterRecall());
    }
  }

  /** One record: its predicted entity and its true cluster id. */
  public record Labelled(String entity, String truth) {}

  /**
   * Scores a list's resolution: each id's entity against its true cluster id; an id without one (a blank in the
   * column) is a cluster of its own.
   */
  public static Scores of(Map<String, String> entityOfId, Map<String, String> truthOfId) {
    List<Labelled> records = new java.util.ArrayList<>();
    // "\u0000" cannot be read from a file: the own clusters never meet a given id
    entityOfId.forEach((id, e) -> records.add(new Labelled(e, truthOfId.getOrDefault(id, "\u0000" + id))));
    return of(records);
  }

  public static Scores of(List<Labelled> records) {
    Map<String, Long> byEntity = new HashMap<>();
    Map<String, Long> byTruth = new HashMap<>();
    Map<String, Long> byBoth = new HashMap<>();
    Map<String, Set<String>> truthsOfEntity = new HashMap<>();
    for (Labelled r : records) {
      byEntity.merge(r.entity(), 1L, Long::sum);
      byTruth.merge(r.truth(), 1L, Long::sum);
      byBoth.merge(r.entity() + "\u0000" + r.truth(), 1L, Long::sum);
      truthsOfEntity.computeIfAbsent(r.entity(), k -> new TreeSet<>()).add(r.truth());
    }
    long exact = 0;
    for (Map.Entry<String, Set<String>> e : truthsOfEntity.entrySet()) {
      if (e.getValue().size() == 1) {
        String t = e.getValue().iterator().next();
        if (byTruth.get(t).equals(byEntity.get(e.getKey()))) {
          exact++;
        }
      }
    }
    return new Scores(pairs(byTruth), pairs(byEntity), pairs(byBoth), byTruth.size(), byEntity.size(), exact);
  }

  private static long pairs(Map<String, Long> sizes) {
    long n = 0;
    for (long s : sizes.values()) {
      n += s * (s - 1) / 2;
    }
    return n;
  }

  private static double ratio(long a, long b) {
    return b == 0 ? 0.0 : (double) a / b;
  }

  private static double f1(double p, double r) {
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }
}
