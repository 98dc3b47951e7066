package org.borderwatch.common.deploy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Allocates patrol units to zones to maximise expected interdictions, exactly.
 *
 * <p>Units sit at bases; a unit can be sent to any zone within its base's reach, or stay idle. A zone with
 * k units yields {@code value(z, k)}, concave in k (diminishing returns: the second unit on a zone finds
 * less than the first). With concave values the problem is a min-cost flow: source → base (capacity =
 * units), base → zone (within reach), zone → sink through one edge per extra unit whose profit is the
 * marginal value. Successive shortest paths (Bellman-Ford on the residual graph) find the most profitable
 * augmenting path each time and stop when none is profitable; with concave marginals this is optimal
 * (the min-cost-flow optimality of successive shortest paths).
 */
public final class DeploymentOptimizer {
  private DeploymentOptimizer() {}

  /** A base with its units and reach. */
  public record Base(String id, double lat, double lon, int units, double reachKm) {}

  /** A zone with its expected events next week. */
  public record Zone(String id, double lat, double lon, double expectedEvents) {}

  /** Expected interdictions in a zone with k units: events × (1 − (1 − p)^k), p = interdiction per unit. */
  public static double value(Zone z, int k, double perUnit) {
    return z.expectedEvents() * (1 - Math.pow(1 - perUnit, k));
  }

  /** The allocation: units[b][z] sent from base b to zone z, and the expected interdictions. */
  public record Plan(int[][] units, double expectedInterdictions) {
    public int atZone(int z) {
      int n = 0;
      for (int[] row : units) {
        n += row[z];
      }
      return n;
    }
  }

  /** Whether a zone is within a base's reach. */
  public static boolean reaches(Base b, Zone z) {
    return org.borderwatch.common.geo.GreatCircle.km(b.lat(), b.lon(), z.lat(), z.lon()) <= b.reachKm();
  }

  public static Plan optimise(List<Base> bases, List<Zone> zones, double perUnit) {
    int nb = bases.size();
    int nz = zones.size();
    int maxUnits = bases.stream().mapToInt(Base::units).sum();
    // nodes: 0 source, 1..nb bases, nb+1..nb+nz zones, nb+nz+1 sink
    int source = 0;
    int sink = nb + nz + 1;
    Graph g = new Graph(sink + 1);
    for (int b = 0; b < nb; b++) {
      g.add(source, 1 + b, bases.get(b).units(), 0);
      for (int z = 0; z < nz; z++) {
        if (reaches(bases.get(b), zones.get(z))) {
          g.add(1 + b, 1 + nb + z, maxUnits, 0);
        }
      }
    }
    for (int z = 0; z < nz; z++) {
      for (int k = 1; k <= maxUnits; k++) {
        double marginal = value(zones.get(z), k, perUnit) - value(zones.get(z), k - 1, perUnit);
        if (marginal <= 1e-12) {
          break;
        }
        g.add(1 + nb + z, sink, 1, -marginal); // cost = −profit
      }
    }
    double cost = 0;
    while (true) {
      double[] dist = new double[g.n];
      int[] via = new int[g.n];
      Arrays.fill(dist, Double.POSITIVE_INFINITY);
      Arrays.fill(via, -1);
      dist[source] = 0;
      boolean[] queued = new boolean[g.n];
      Deque<Integer> q = new ArrayDeque<>();
      q.add(source);
      queued[source] = true;
      while (!q.isEmpty()) { // SPFA (Bellman-Ford with a queue); no negative cycles in a min-cost residual graph
        int u = q.poll();
        queued[u] = false;
        for (int e : g.out.get(u)) {
          if (g.cap[e] > 0 && dist[u] + g.cost[e] < dist[g.to[e]] - 1e-12) {
            dist[g.to[e]] = dist[u] + g.cost[e];
            via[g.to[e]] = e;
            if (!queued[g.to[e]]) {
              q.add(g.to[e]);
              queued[g.to[e]] = true;
            }
          }
        }
      }
      if (dist[sink] >= -1e-12) {
        break; // no profitable path left
      }
      int push = Integer.MAX_VALUE;
      for (int v = sink; v != source; v = g.to[via[v] ^ 1]) {
        push = Math.min(push, g.cap[via[v]]);
      }
      for (int v = sink; v != source; v = g.to[via[v] ^ 1]) {
        g.cap[via[v]] -= push;
        g.cap[via[v] ^ 1] += push;
      }
      cost += push * dist[sink];
    }
    int[][] units = new int[nb][nz];
    for (int b = 0; b < nb; b++) {
      for (int e : g.out.get(1 + b)) {
        int t = g.to[e];
        if (t > nb && t <= nb + nz && e % 2 == 0) {
          units[b][t - nb - 1] = g.cap[e ^ 1];
        }
      }
    }
    return new Plan(units, evaluate(units, zones, perUnit));
  }

  /** Expected interdictions of an allocation. */
  public static double evaluate(int[][] units, List<Zone> zones, double perUnit) {
    double v = 0;
    for (int z = 0; z < zones.size(); z++) {
      int k = 0;
      for (int[] row : units) {
        k += row[z];
      }
      v += value(zones.get(z), k, perUnit);
    }
    return v;
  }

  /** Residual graph in edge arrays; edge e and e^1 are a pair (forward, backward). */
  private static final class Graph {
    final int n;
    final List<List<Integer>> out = new ArrayList<>();
    int[] to = new int[16];
    int[] cap = new int[16];
    double[] cost = new double[16];
    int m;

    Graph(int n) {
      this.n = n;
      for (int i = 0; i < n; i++) {
        out.add(new ArrayList<>());
      }
    }

    void add(int u, int v, int c, double w) {
      ensure(m + 2);
      to[m] = v;
      cap[m] = c;
      cost[m] = w;
      out.get(u).add(m++);
      to[m] = u;
      cap[m] = 0;
      cost[m] = -w;
      out.get(v).add(m++);
    }

    private void ensure(int size) {
      if (size > to.length) {
        int s = Math.max(size, to.length * 2);
        to = Arrays.copyOf(to, s);
        cap = Arrays.copyOf(cap, s);
        cost = Arrays.copyOf(cost, s);
      }
    }
  }
}
