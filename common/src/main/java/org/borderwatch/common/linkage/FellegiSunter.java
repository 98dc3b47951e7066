package org.borderwatch.common.linkage;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Map;

/**
 * The Fellegi–Sunter model: for each field and level, m = P(level | match) and u = P(level | non-match);
 * a pair's match weight is log2(lambda/(1-lambda)) + Σ log2(m/u) over its non-missing fields. u comes
 * from random pairs; m and lambda from expectation-maximisation over the candidate pairs' gamma patterns
 * (no labels). Exact name agreement is term-frequency adjusted: sharing a common name is weaker evidence.
 */
public final class FellegiSunter implements Serializable {
  private final LinkageSettings settings;
  private final double[][] m;
  private final double[][] u;
  private final double lambda;
  private final int iterations;

  public FellegiSunter(LinkageSettings settings, double[][] m, double[][] u, double lambda, int iterations) {
    this.settings = settings;
    this.m = m;
    this.u = u;
    this.lambda = lambda;
    this.iterations = iterations;
  }

  public LinkageSettings settings() {
    return settings;
  }

  /** u probabilities from level counts of random pairs, with add-one smoothing. */
  public static double[][] uFromCounts(long[][] counts) {
    double[][] u = new double[counts.length][];
    for (int f = 0; f < counts.length; f++) {
      u[f] = new double[counts[f].length];
      long total = Arrays.stream(counts[f]).sum();
      for (int l = 0; l < counts[f].length; l++) {
        u[f][l] = (counts[f][l] + 1.0) / (total + counts[f].length);
      }
    }
    return u;
  }

  /** Starting m: most mass on the highest level. */
  public static double[][] initialM(LinkageSettings s) {
    double[][] m = new double[s.size()][];
    for (int f = 0; f < m.length; f++) {
      int n = s.fields().get(f).levels().size();
      m[f] = new double[n];
      double rest = 0.1 / (n - 1);
      for (int l = 0; l < n; l++) {
        m[f][l] = l == n - 1 ? 0.9 : rest;
      }
    }
    return m;
  }

  /**
   * EM over gamma patterns (pattern → count), u fixed.
   *
   * @param patterns keys are gamma vectors encoded by {@link #encode(int[])}
   */
  public static FellegiSunter estimate(LinkageSettings s, Map<String, Long> patterns, double[][] u, double lambda0,
      int maxIter) {
    double[][] m = initialM(s);
    double lambda = lambda0;
    int it = 0;
    for (; it < maxIter; it++) {
      double[][] mNum = new double[m.length][];
      double[] mDen = new double[m.length];
      for (int f = 0; f < m.length; f++) {
        mNum[f] = new double[m[f].length];
      }
      double matches = 0;
      double total = 0;
      for (Map.Entry<String, Long> e : patterns.entrySet()) {
        int[] g = decode(e.getKey());
        double pm = lambda;
        double pu = 1 - lambda;
        for (int f = 0; f < g.length; f++) {
          if (g[f] >= 0) {
            pm *= m[f][g[f]];
            pu *= u[f][g[f]];
          }
        }
        double post = pm / (pm + pu);
        double c = e.getValue();
        matches += post * c;
        total += c;
        for (int f = 0; f < g.length; f++) {
          if (g[f] >= 0) {
            mNum[f][g[f]] += post * c;
            mDen[f] += post * c;
          }
        }
      }
      double change = Math.abs(matches / total - lambda);
      lambda = Math.min(0.999, Math.max(1e-6, matches / total));
      for (int f = 0; f < m.length; f++) {
        for (int l = 0; l < m[f].length; l++) {
          double nm = (mNum[f][l] + 0.01) / (mDen[f] + 0.01 * m[f].length);
          change = Math.max(change, Math.abs(nm - m[f][l]));
          m[f][l] = nm;
        }
      }
      if (change < 1e-6) {
        break;
      }
    }
    return new FellegiSunter(s, m, u, lambda, it + 1);
  }

  /**
   * The settings' m probabilities assumed before any data ({@link LinkageSettings.Compared#m()}) weigh as
   * {@link #PSEUDO_MATCHES} matches against the expected matches EM finds, so they decide only for short lists (an
   * analyst's watchlist of a few dozen people, where EM has too little to learn from) and vanish on a lakehouse's
   * thousands of matches.
   */
  static final double PSEUDO_MATCHES = 50;

  /**
   * m by EM in sessions: each session runs on the patterns of one training rule with the fields that rule
   * blocks on treated as missing; a field's m is the average over the sessions that could see it,
   * weighted by each session's expected matches, and smoothed towards the settings' m. lambda is the given
   * prior.
   */
  public static FellegiSunter estimateBySessions(LinkageSettings st, Map<String, Map<String, Long>> patternsByRule,
      double[][] u, double prior) {
    Map<String, java.util.List<LinkageSettings.Field>> sessions = st.sessions();
    int fields = st.size();
    double[][] sum = new double[fields][];
    double[] weight = new double[fields];
    for (int f = 0; f < fields; f++) {
      sum[f] = new double[st.fields().get(f).levels().size()];
    }
    int iterations = 0;
    for (Map.Entry<String, java.util.List<LinkageSettings.Field>> s : new java.util.TreeMap<>(sessions).entrySet()) {
      Map<String, Long> patterns = patternsByRule.get(s.getKey());
      if (patterns == null || patterns.isEmpty()) {
        continue;
      }
      Map<String, Long> blinded = new java.util.HashMap<>();
      long total = 0;
      for (Map.Entry<String, Long> e : patterns.entrySet()) {
        int[] g = decode(e.getKey());
        for (LinkageSettings.Field f : s.getValue()) {
          g[st.position(f)] = -1;
        }
        blinded.merge(encode(g), e.getValue(), Long::sum);
        total += e.getValue();
      }
      FellegiSunter fs = estimate(st, blinded, u, 0.3, 300);
      iterations += fs.iterations();
      double matches = fs.lambda() * total;
      for (int f = 0; f < fields; f++) {
        if (s.getValue().contains(st.fields().get(f).field())) {
          continue;
        }
        for (int l = 0; l < sum[f].length; l++) {
          sum[f][l] += fs.m[f][l] * matches;
        }
        weight[f] += matches;
      }
    }
    double[][] defaults = st.defaultM();
    double[][] m = new double[fields][];
    for (int f = 0; f < m.length; f++) {
      m[f] = new double[defaults[f].length];
      for (int l = 0; l < m[f].length; l++) {
        m[f][l] = (sum[f][l] + PSEUDO_MATCHES * defaults[f][l]) / (weight[f] + PSEUDO_MATCHES);
      }
    }
    return new FellegiSunter(st, m, u, prior, iterations);
  }

  /**
   * Probability that two random records match: the deterministic matches among the candidates, divided
   * by the share of all matches such rules are assumed to find, over all record pairs (Splink's estimate).
   */
  public static double prior(long deterministicPairs, long records, double recall) {
    double all = records * (records - 1) / 2.0;
    if (all <= 0) {
      return 0.5;
    }
    return Math.min(0.5, Math.max(1e-12, deterministicPairs / recall / all));
  }

  public static String encode(int[] g) {
    StringBuilder sb = new StringBuilder();
    for (int x : g) {
      sb.append((char) ('A' + x + 1));
    }
    return sb.toString();
  }

  public static int[] decode(String s) {
    int[] g = new int[s.length()];
    for (int i = 0; i < g.length; i++) {
      g[i] = s.charAt(i) - 'A' - 1;
    }
    return g;
  }

  /** Weight of one field's level, log2(m/u); 0 for a missing value. */
  public double weight(int field, int level) {
    return level < 0 ? 0 : log2(m[field][level] / u[field][level]);
  }

  /**
   * Weight of an exact name match for a name whose share among records is {@code tf}: log2(m / tf)
   * instead of log2(m / u) (Splink's term-frequency adjustment), never below the unadjusted weight of
   * the phonetic level.
   */
  public double exactNameWeight(double tf) {
    int name = settings.position(LinkageSettings.Field.NAME);
    int below = settings.belowExactName();
    double adjusted = log2(m[name][below + 1] / Math.max(tf, 1e-9));
    return Math.max(adjusted, weight(name, below));
  }

  /** Prior weight log2(lambda/(1-lambda)). */
  public double prior() {
    return log2(lambda / (1 - lambda));
  }

  /** Total match weight of a gamma vector (nameTf: share of the name for an exact match, else ignored). */
  public double matchWeight(int[] g, double nameTf) {
    double w = prior();
    boolean exact = settings.exactName(g);
    int name = settings.position(LinkageSettings.Field.NAME);
    for (int f = 0; f < g.length; f++) {
      w += f == name && exact ? exactNameWeight(nameTf) : weight(f, g[f]);
    }
    return w;
  }

  public static double probability(double weight) {
    double p = Math.pow(2, weight);
    return p / (1 + p);
  }

  public double lambda() {
    return lambda;
  }

  public int iterations() {
    return iterations;
  }

  public double m(int f, int l) {
    return m[f][l];
  }

  public double u(int f, int l) {
    return u[f][l];
  }

  static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
