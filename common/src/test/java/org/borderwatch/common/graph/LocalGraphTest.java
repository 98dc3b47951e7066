package org.borderwatch.common.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Core numbers, betweenness and Louvain against brute force on small graphs. */
class LocalGraphTest {
  record G(int n, int[] s, int[] d, double[] w) {
    LocalGraph graph() {
      return LocalGraph.of(n, s, d, w);
    }

    boolean[][] matrix() {
      boolean[][] a = new boolean[n][n];
      for (int e = 0; e < s.length; e++) {
        if (s[e] != d[e]) {
          a[s[e]][d[e]] = true;
          a[d[e]][s[e]] = true;
        }
      }
      return a;
    }
  }

  static G random(Random r, int n, double p) {
    List<int[]> es = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (r.nextDouble() < p) {
          es.add(new int[] {i, j});
        }
      }
    }
    double[] w = new double[es.size()];
    Arrays.fill(w, 1.0);
    return new G(n, es.stream().mapToInt(e -> e[0]).toArray(), es.stream().mapToInt(e -> e[1]).toArray(), w);
  }

  /** Brute force: the largest minimum degree of any vertex subset containing v. */
  static int[] bruteCores(G g) {
    boolean[][] a = g.matrix();
    int[] core = new int[g.n];
    for (int mask = 1; mask < (1 << g.n); mask++) {
      int minDeg = Integer.MAX_VALUE;
      for (int v = 0; v < g.n; v++) {
        if ((mask >> v & 1) == 0) {
          continue;
        }
        int d = 0;
        for (int u = 0; u < g.n; u++) {
          if ((mask >> u & 1) == 1 && a[v][u]) {
            d++;
          }
        }
        minDeg = Math.min(minDeg, d);
      }
      for (int v = 0; v < g.n; v++) {
        if ((mask >> v & 1) == 1) {
          core[v] = Math.max(core[v], minDeg);
        }
      }
    }
    return core;
  }

  /** Brute force: for every pair, shortest-path counts by BFS; v's share is σ(s,v)·σ(v,t)/σ(s,t). */
  static double[] bruteBetweenness(G g) {
    boolean[][] a = g.matrix();
    int n = g.n;
    int[][] dist = new int[n][n];
    long[][] sigma = new long[n][n];
    for (int s = 0; s < n; s++) {
      Arrays.fill(dist[s], -1);
      dist[s][s] = 0;
      sigma[s][s] = 1;
      for (int level = 0; level < n; level++) {
        for (int v = 0; v < n; v++) {
          if (dist[s][v] != level) {
            continue;
          }
          for (int u = 0; u < n; u++) {
            if (a[v][u] && (dist[s][u] == -1 || dist[s][u] == level + 1)) {
              dist[s][u] = level + 1;
              sigma[s][u] += sigma[s][v];
            }
          }
        }
      }
    }
    double[] b = new double[n];
    for (int s = 0; s < n; s++) {
      for (int t = s + 1; t < n; t++) {
        if (dist[s][t] <= 0) {
          continue;
        }
        for (int v = 0; v < n; v++) {
          if (v != s && v != t && dist[s][v] > 0 && dist[v][t] > 0 && dist[s][v] + dist[v][t] == dist[s][t]) {
            b[v] += (double) sigma[s][v] * sigma[v][t] / sigma[s][t];
          }
        }
      }
    }
    return b;
  }

  /** Brute force: the best modularity over every partition of the vertices (restricted growth strings). */
  static double bestModularity(LocalGraph g) {
    int n = g.size();
    int[] part = new int[n];
    double[] best = {Double.NEGATIVE_INFINITY};
    enumerate(part, 1, 1, g, best);
    return best[0];
  }

  static void enumerate(int[] part, int i, int used, LocalGraph g, double[] best) {
    if (i == part.length) {
      best[0] = Math.max(best[0], g.modularity(part));
      return;
    }
    for (int c = 0; c <= used; c++) {
      part[i] = c;
      enumerate(part, i + 1, Math.max(used, c + 1), g, best);
    }
  }

  @Test
  void coreNumbersMatchBruteForce() {
    Random r = new Random(1);
    for (int t = 0; t < 200; t++) {
      G g = random(r, 2 + r.nextInt(9), 0.15 + 0.6 * r.nextDouble());
      assertArrayEquals(bruteCores(g), g.graph().coreNumbers(), "graph " + t);
    }
  }

  @Test
  void exactBetweennessMatchesBruteForceAndSamplingIsUnbiased() {
    Random r = new Random(2);
    for (int t = 0; t < 200; t++) {
      G g = random(r, 2 + r.nextInt(10), 0.1 + 0.5 * r.nextDouble());
      double[] want = bruteBetweenness(g);
      double[] got = g.graph().betweenness();
      for (int v = 0; v < g.n; v++) {
        assertEquals(want[v], got[v], 1e-9, "graph " + t + " vertex " + v);
      }
    }
    // a path 0-1-2-3-4: the centre lies on 4 pairs' paths
    G path = new G(5, new int[] {0, 1, 2, 3}, new int[] {1, 2, 3, 4}, new double[] {1, 1, 1, 1});
    assertArrayEquals(new double[] {0, 3, 4, 3, 0}, path.graph().betweenness(), 1e-12);
    // the mean of the estimates over every single-source sample is the exact value
    G g = random(new Random(3), 9, 0.35);
    double[] exact = g.graph().betweenness();
    double[] mean = new double[g.n];
    for (int s = 0; s < g.n; s++) {
      double[] est = g.graph().betweenness(new int[] {s});
      for (int v = 0; v < g.n; v++) {
        mean[v] += est[v] / g.n;
      }
    }
    assertArrayEquals(exact, mean, 1e-9);
  }

  @Test
  void louvainFindsPlantedCommunitiesAndComesCloseToTheOptimum() {
    // two 4-cliques joined by one edge: the optimum splits them
    List<int[]> es = new ArrayList<>();
    for (int base : new int[] {0, 4}) {
      for (int i = 0; i < 4; i++) {
        for (int j = i + 1; j < 4; j++) {
          es.add(new int[] {base + i, base + j});
        }
      }
    }
    es.add(new int[] {3, 4});
    double[] ones = new double[es.size()];
    Arrays.fill(ones, 1);
    LocalGraph two = LocalGraph.of(8, es.stream().mapToInt(e -> e[0]).toArray(),
        es.stream().mapToInt(e -> e[1]).toArray(), ones);
    int[] c = two.louvain();
    assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1, 1}, c);
    assertEquals(bestModularity(two), two.modularity(c), 1e-12);

    Random r = new Random(4);
    double ratio = 0;
    int graphs = 0;
    for (int t = 0; t < 60; t++) {
      G g = random(r, 4 + r.nextInt(5), 0.2 + 0.4 * r.nextDouble());
      LocalGraph lg = g.graph();
      double opt = bestModularity(lg);
      if (opt <= 1e-9) {
        continue;
      }
      double got = lg.modularity(lg.louvain());
      assertTrue(got <= opt + 1e-9);
      assertTrue(got >= opt - 0.05, "graph " + t + ": " + got + " vs optimum " + opt);
      ratio += opt - got;
      graphs++;
    }
    assertTrue(ratio / graphs < 0.01, "mean shortfall from the optimum " + ratio / graphs);
  }

  @Test
  void personalisedPageRankSolvesItsLinearSystem() {
    Random r = new Random(9);
    for (int t = 0; t < 50; t++) {
      int n = 2 + r.nextInt(8);
      List<int[]> es = new ArrayList<>();
      List<Double> ws = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          if (r.nextDouble() < 0.5) {
            es.add(new int[] {i, j});
            ws.add(0.5 + r.nextDouble() * 3);
          }
        }
      }
      LocalGraph g = LocalGraph.of(n, es.stream().mapToInt(e -> e[0]).toArray(), es.stream().mapToInt(e -> e[1])
          .toArray(), ws.stream().mapToDouble(Double::doubleValue).toArray());
      int[] seeds = {r.nextInt(n)};
      double[] got = g.personalizedPageRank(seeds, 0.15, 2000, 1e-15);
      // oracle: x = 0.15 p + 0.85 (W D^-1 x + dangling mass * p), solved by Gaussian elimination
      double[][] a = new double[n][n + 1];
      double[] k = new double[n];
      for (int e = 0; e < es.size(); e++) {
        k[es.get(e)[0]] += ws.get(e);
        k[es.get(e)[1]] += ws.get(e);
      }
      for (int i = 0; i < n; i++) {
        a[i][i] = 1;
        a[i][n] = i == seeds[0] ? 0.15 : 0;
      }
      for (int e = 0; e < es.size(); e++) {
        int u = es.get(e)[0];
        int v = es.get(e)[1];
        a[v][u] -= 0.85 * ws.get(e) / k[u];
        a[u][v] -= 0.85 * ws.get(e) / k[v];
      }
      for (int u = 0; u < n; u++) {
        if (k[u] == 0) {
          a[seeds[0]][u] -= 0.85;
        }
      }
      for (int c = 0; c < n; c++) {
        int p = c;
        for (int i = c + 1; i < n; i++) {
          if (Math.abs(a[i][c]) > Math.abs(a[p][c])) {
            p = i;
          }
        }
        double[] tmp = a[c];
        a[c] = a[p];
        a[p] = tmp;
        for (int i = 0; i < n; i++) {
          if (i != c) {
            double f = a[i][c] / a[c][c];
            for (int j = c; j <= n; j++) {
              a[i][j] -= f * a[c][j];
            }
          }
        }
      }
      for (int i = 0; i < n; i++) {
        assertEquals(a[i][n] / a[i][i], got[i], 1e-9, "graph " + t + " vertex " + i);
      }
    }
  }

  @Test
  void weightedStrengthAndModularityOfTheWholeGraph() {
    LocalGraph g = LocalGraph.of(3, new int[] {0, 1, 0}, new int[] {1, 2, 1}, new double[] {1, 2, 3});
    assertEquals(4, g.strength(0), 1e-12);
    assertEquals(6, g.strength(1), 1e-12);
    assertEquals(0, g.modularity(new int[] {0, 0, 0}), 1e-12);
  }
}
