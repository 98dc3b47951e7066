package org.borderwatch.simulator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic randomness. Every stream is derived from the world seed and a label (a week, a feed),
 * so output does not depend on thread scheduling: same seed, same bytes.
 */
public final class Rng {
  private final SplittableRandom r;

  public Rng(long seed) {
    this.r = new SplittableRandom(seed);
  }

  /** A stream for a purpose: mixes the seed with the labels. */
  public static Rng stream(long seed, Object... labels) {
    long h = seed * 0x9E3779B97F4A7C15L;
    for (Object l : labels) {
      h = mix(h ^ String.valueOf(l).hashCode() * 0xC2B2AE3D27D4EB4FL);
    }
    return new Rng(h);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  public double uniform() {
    return r.nextDouble();
  }

  public double uniform(double lo, double hi) {
    return lo + (hi - lo) * r.nextDouble();
  }

  public int nextInt(int bound) {
    return r.nextInt(bound);
  }

  /** Integer in [lo, hi]. */
  public int between(int lo, int hi) {
    return lo + r.nextInt(hi - lo + 1);
  }

  public long nextLong() {
    return r.nextLong();
  }

  public boolean chance(double p) {
    return r.nextDouble() < p;
  }

  public double gaussian() {
    double u1 = Math.max(1e-12, r.nextDouble());
    double u2 = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Poisson draw (Knuth for small means, normal approximation for large). */
  public int poisson(double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > 40) {
      return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * gaussian()));
    }
    double l = Math.exp(-mean);
    int k = 0;
    double p = 1;
    do {
      k++;
      p *= r.nextDouble();
    } while (p > l);
    return k - 1;
  }

  /** Log-normal with the given median and sigma. */
  public double lognormal(double median, double sigma) {
    return median * Math.exp(sigma * gaussian());
  }

  public <T> T pick(List<T> list) {
    return list.get(r.nextInt(list.size()));
  }

  @SafeVarargs
  public final <T> T pick(T... items) {
    return items[r.nextInt(items.length)];
  }

  /** Index drawn in proportion to the weights. */
  public int weighted(double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += Math.max(0, w);
    }
    if (total <= 0) {
      return r.nextInt(weights.length);
    }
    double x = r.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      x -= Math.max(0, weights[i]);
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  /** A random string from an alphabet. */
  public String chars(String alphabet, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  public String digits(int n) {
    return chars("0123456789", n);
  }
}
