package org.borderwatch.common.graph;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An undirected weighted graph small enough for one task: one connected component of the network graph.
 * The algorithms that do not decompose across components run here, one component per task: k-core
 * numbers, betweenness (Brandes; exact, or approximate from sampled sources) and Louvain communities.
 * Vertices are 0..n-1; parallel edges add their weights; self-loops are ignored.
 */
public final class LocalGraph implements Serializable {
  private static final long serialVersionUID = 1L;
  private final int n;
  private final int[][] adj;
  private final double[][] w;
  /** Internal weight of aggregated communities (both directions), counted in strength; null at level 0. */
  private double[] loops;

  private LocalGraph(int n, int[][] adj, double[][] w) {
    this.n = n;
    this.adj = adj;
    this.w = w;
  }

  /** Builds the graph from edge endpoints and weights (parallel arrays). */
  public static LocalGraph of(int n, int[] src, int[] dst, double[] weight) {
    List<Map<Integer, Double>> m = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      m.add(new HashMap<>());
    }
    for (int e = 0; e < src.length; e++) {
      if (src[e] == dst[e]) {
        continue;
      }
      m.get(src[e]).merge(dst[e], weight[e], Double::sum);
      m.get(dst[e]).merge(src[e], weight[e], Double::sum);
    }
    int[][] adj = new int[n][];
    double[][] w = new double[n][];
    for (int i = 0; i < n; i++) {
      int[] keys = m.get(i).keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
      adj[i] = keys;
      w[i] = new double[keys.length];
      for (int k = 0; k < keys.length; k++) {
        w[i][k] = m.get(i).get(keys[k]);
      }
    }
    return new LocalGraph(n, adj, w);
  }

  public int size() {
    return n;
  }

  /** Sum of the weights of v's edges. */
  public double strength(int v) {
    double s = loops == null ? 0 : loops[v];
    for (double x : w[v]) {
      s += x;
    }
    return s;
  }

  /** Core number of every vertex (the largest k such that v belongs to a subgraph of minimum degree k). */
  public int[] coreNumbers() {
    int[] deg = new int[n];
    int maxDeg = 0;
    for (int v = 0; v < n; v++) {
      deg[v] = adj[v].length;
      maxDeg = Math.max(maxDeg, deg[v]);
    }
    // bucket peeling (Batagelj–Zaversnik)
    int[] bin = new int[maxDeg + 1];
    for (int v = 0; v < n; v++) {
      bin[deg[v]]++;
    }
    int start = 0;
    for (int d = 0; d <= maxDeg; d++) {
      int c = bin[d];
      bin[d] = start;
      start += c;
    }
    int[] pos = new int[n];
    int[] vert = new int[n];
    for (int v = 0; v < n; v++) {
      pos[v] = bin[deg[v]];
      vert[pos[v]] = v;
      bin[deg[v]]++;
    }
    for (int d = maxDeg; d > 0; d--) {
      bin[d] = bin[d - 1];
    }
    bin[0] = 0;
    for (int i = 0; i < n; i++) {
      int v = vert[i];
      for (int u : adj[v]) {
        if (deg[u] > deg[v]) {
          int du = deg[u];
          int pu = pos[u];
          int pw = bin[du];
          int x = vert[pw];
          if (u != x) {
            pos[u] = pw;
            vert[pu] = x;
            pos[x] = pu;
            vert[pw] = u;
          }
          bin[du]++;
          deg[u]--;
        }
      }
    }
    return deg;
  }

  /**
   * Betweenness centrality (unweighted shortest paths, undirected, each pair counted once) by Brandes'
   * accumulation from the given sources; with a sample of k of the n sources the sums are scaled by n/k,
   * an unbiased estimate of the exact value.
   */
  public double[] betweenness(int[] sources) {
    double[] cb = new double[n];
    int[] dist = new int[n];
    double[] sigma = new double[n];
    double[] delta = new double[n];
    int[] order = new int[n];
    List<List<Integer>> pred = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      pred.add(new ArrayList<>());
    }
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int s : sources) {
      Arrays.fill(dist, -1);
      Arrays.fill(sigma, 0);
      Arrays.fill(delta, 0);
      for (List<Integer> p : pred) {
        p.clear();
      }
      int seen = 0;
      dist[s] = 0;
      sigma[s] = 1;
      queue.add(s);
      while (!queue.isEmpty()) {
        int v = queue.poll();
        order[seen++] = v;
        for (int u : adj[v]) {
          if (dist[u] < 0) {
            dist[u] = dist[v] + 1;
            queue.add(u);
          }
          if (dist[u] == dist[v] + 1) {
            sigma[u] += sigma[v];
            pred.get(u).add(v);
          }
        }
      }
      for (int i = seen - 1; i >= 0; i--) {
        int x = order[i];
        for (int v : pred.get(x)) {
          delta[v] += sigma[v] / sigma[x] * (1 + delta[x]);
        }
        if (x != s) {
          cb[x] += delta[x];
        }
      }
    }
    double scale = sources.length == 0 ? 0 : (double) n / sources.length / 2.0;
    for (int v = 0; v < n; v++) {
      cb[v] *= scale;
    }
    return cb;
  }

  /** Exact betweenness: every vertex a source. */
  public double[] betweenness() {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    return betweenness(all);
  }

  /**
   * Personalised PageRank by power iteration on the weighted graph: with probability {@code reset} the walk
   * jumps back to a seed (uniformly; to any vertex when there are no seeds), else follows an edge with
   * probability proportional to its weight. Returns the stationary distribution (sums to 1).
   */
  public double[] personalizedPageRank(int[] seeds, double reset, int maxIterations, double tolerance) {
    double[] p = new double[n];
    if (n == 0) {
      return p;
    }
    if (seeds.length == 0) {
      java.util.Arrays.fill(p, 1.0 / n);
    } else {
      for (int s : seeds) {
        p[s] += 1.0 / seeds.length;
      }
    }
    double[] k = new double[n];
    for (int v = 0; v < n; v++) {
      for (double x : w[v]) {
        k[v] += x;
      }
    }
    double[] r = p.clone();
    for (int it = 0; it < maxIterations; it++) {
      double[] next = new double[n];
      double dangling = 0;
      for (int v = 0; v < n; v++) {
        if (k[v] == 0) {
          dangling += r[v];
          continue;
        }
        for (int i = 0; i < adj[v].length; i++) {
          next[adj[v][i]] += (1 - reset) * r[v] * w[v][i] / k[v];
        }
      }
      double diff = 0;
      for (int v = 0; v < n; v++) {
        next[v] += (reset + (1 - reset) * dangling) * p[v];
        diff += Math.abs(next[v] - r[v]);
      }
      r = next;
      if (diff < tolerance) {
        break;
      }
    }
    return r;
  }

  /** Modularity of a partition (community label per vertex) under the weighted configuration model. */
  public double modularity(int[] community) {
    double m2 = 0;
    Map<Integer, Double> tot = new HashMap<>();
    Map<Integer, Double> in = new HashMap<>();
    for (int v = 0; v < n; v++) {
      double k = strength(v);
      m2 += k;
      tot.merge(community[v], k, Double::sum);
      for (int i = 0; i < adj[v].length; i++) {
        if (community[adj[v][i]] == community[v]) {
          in.merge(community[v], w[v][i], Double::sum);
        }
      }
    }
    if (m2 == 0) {
      return 0;
    }
    double q = 0;
    for (Map.Entry<Integer, Double> e : tot.entrySet()) {
      double a = e.getValue() / m2;
      q += in.getOrDefault(e.getKey(), 0.0) / m2 - a * a;
    }
    return q;
  }

  /**
   * Louvain community detection (Blondel et al. 2008): local moves of single vertices to the neighbouring
   * community with the best modularity gain, then aggregation of communities into vertices, repeated until
   * nothing moves. Deterministic (vertices visited in index order). Returns labels 0..c-1, numbered by
   * each community's smallest vertex.
   */
  public int[] louvain() {
    int[] label = new int[n];
    for (int i = 0; i < n; i++) {
      label[i] = i;
    }
    LocalGraph g = this;
    while (true) {
      int[] local = g.localMoves();
      int c = renumber(local);
      if (c == g.n) {
        break;
      }
      for (int v = 0; v < n; v++) {
        label[v] = local[label[v]];
      }
      g = g.aggregate(local, c);
    }
    return canonical(label);
  }

  private int[] localMoves() {
    int[] comm = new int[n];
    double[] k = new double[n];
    double[] tot = new double[n];
    double m2 = 0;
    for (int v = 0; v < n; v++) {
      comm[v] = v;
      k[v] = strength(v);
      tot[v] = k[v];
      m2 += k[v];
    }
    if (m2 == 0) {
      return comm;
    }
    boolean moved = true;
    int passes = 0;
    while (moved && passes++ < 100) {
      moved = false;
      for (int v = 0; v < n; v++) {
        Map<Integer, Double> links = new HashMap<>();
        for (int i = 0; i < adj[v].length; i++) {
          links.merge(comm[adj[v][i]], w[v][i], Double::sum);
        }
        int own = comm[v];
        tot[own] -= k[v];
        double bestGain = links.getOrDefault(own, 0.0) - tot[own] * k[v] / m2;
        int best = own;
        for (Map.Entry<Integer, Double> e : links.entrySet()) {
          double gain = e.getValue() - tot[e.getKey()] * k[v] / m2;
          if (gain > bestGain + 1e-12 || (Math.abs(gain - bestGain) <= 1e-12 && e.getKey() < best && best != own)) {
            bestGain = gain;
            best = e.getKey();
          }
        }
        tot[best] += k[v];
        if (best != own) {
          comm[v] = best;
          moved = true;
        }
      }
    }
    return comm;
  }

  private LocalGraph aggregate(int[] comm, int c) {
    List<Integer> s = new ArrayList<>();
    List<Integer> d = new ArrayList<>();
    List<Double> ws = new ArrayList<>();
    for (int v = 0; v < n; v++) {
      for (int i = 0; i < adj[v].length; i++) {
        int u = adj[v][i];
        if (u > v && comm[u] != comm[v]) {
          s.add(comm[v]);
          d.add(comm[u]);
          ws.add(w[v][i]);
        }
      }
    }
    // a community's internal weight stays in its strength (as a self-loop would)
    LocalGraph g = of(c, s.stream().mapToInt(Integer::intValue).toArray(), d.stream().mapToInt(Integer::intValue)
        .toArray(), ws.stream().mapToDouble(Double::doubleValue).toArray());
    double[] internal = new double[c];
    for (int v = 0; v < n; v++) {
      internal[comm[v]] += loops == null ? 0 : loops[v];
      for (int i = 0; i < adj[v].length; i++) {
        if (comm[adj[v][i]] == comm[v]) {
          internal[comm[v]] += w[v][i];
        }
      }
    }
    return g.withLoops(internal);
  }

  private LocalGraph withLoops(double[] internal) {
    this.loops = internal;
    return this;
  }

  private int renumber(int[] comm) {
    Map<Integer, Integer> ids = new HashMap<>();
    for (int v = 0; v < comm.length; v++) {
      comm[v] = ids.computeIfAbsent(comm[v], x -> ids.size());
    }
    return ids.size();
  }

  private static int[] canonical(int[] label) {
    Map<Integer, Integer> ids = new HashMap<>();
    int[] out = new int[label.length];
    for (int v = 0; v < label.length; v++) {
      out[v] = ids.computeIfAbsent(label[v], x -> ids.size());
    }
    return out;
  }
}
