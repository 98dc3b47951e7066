package org.borderwatch.common.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.borderwatch.common.metrics.Metrics;
import org.junit.jupiter.api.Test;

/** Forecast metrics against hand-worked examples and brute-force oracles. */
class MetricsTest {
  @Test
  void hitRateAndPaiOnAWorkedExample() {
    // 20 zones; events in zones 0 (3), 1 (1), 5 (4); scores rank 0, 5, 1 first
    double[] scores = new double[20];
    double[] events = new double[20];
    long[] ties = new long[20];
    for (int i = 0; i < 20; i++) {
      ties[i] = i;
    }
    scores[0] = 0.9;
    scores[5] = 0.8;
    scores[1] = 0.7;
    events[0] = 3;
    events[1] = 1;
    events[5] = 4;
    // 5% of 20 zones = 1 zone: zone 0 holds 3 of 8 events
    assertEquals(3.0 / 8, Metrics.hitRate(scores, events, ties, 0.05), 1e-12);
    assertEquals((3.0 / 8) / (1.0 / 20), Metrics.pai(scores, events, ties, 0.05), 1e-12);
    // 10% = 2 zones: 7 of 8
    assertEquals(7.0 / 8, Metrics.hitRate(scores, events, ties, 0.10), 1e-12);
    assertEquals(1, Metrics.flagged(20, 0.01), "at least one zone is flagged");
  }

  @Test
  void tiesAreBrokenByTheKeyNotByPosition() {
    double[] scores = {0, 0, 0, 0};
    double[] events = {0, 0, 0, 5};
    assertEquals(1.0, Metrics.hitRate(scores, events, new long[] {4, 3, 2, 1}, 0.25), 1e-12);
    assertEquals(0.0, Metrics.hitRate(scores, events, new long[] {1, 2, 3, 4}, 0.25), 1e-12);
  }

  @Test
  void prAucMatchesBruteForceAveragePrecision() {
    Random rnd = new Random(3);
    for (int trial = 0; trial < 50; trial++) {
      int n = 5 + rnd.nextInt(40);
      double[] s = new double[n];
      boolean[] y = new boolean[n];
      long[] t = new long[n];
      for (int i = 0; i < n; i++) {
        s[i] = rnd.nextDouble(); // distinct with probability 1
        y[i] = rnd.nextDouble() < 0.3;
        t[i] = i;
      }
      // oracle: for each positive, precision among items scoring at least as high
      double sum = 0;
      int pos = 0;
      for (int i = 0; i < n; i++) {
        if (!y[i]) {
          continue;
        }
        pos++;
        int above = 0;
        int tpAbove = 0;
        for (int j = 0; j < n; j++) {
          if (s[j] >= s[i]) {
            above++;
            tpAbove += y[j] ? 1 : 0;
          }
        }
        sum += (double) tpAbove / above;
      }
      double expected = pos == 0 ? Double.NaN : sum / pos;
      assertEquals(expected, Metrics.prAuc(s, y, t), 1e-12);
    }
  }

  @Test
  void calibrationBinsAndEce() {
    double[] p = {0.1, 0.1, 0.2, 0.2, 0.8, 0.8, 0.9, 0.9};
    boolean[] y = {false, false, false, true, true, true, true, false};
    Metrics.Bin[] bins = Metrics.calibration(p, y, 2);
    assertEquals(4, bins[0].n());
    assertEquals(0.15, bins[0].meanPredicted(), 1e-12);
    assertEquals(0.25, bins[0].observed(), 1e-12);
    assertEquals(0.85, bins[1].meanPredicted(), 1e-12);
    assertEquals(0.75, bins[1].observed(), 1e-12);
    assertEquals(0.10, Metrics.ece(bins), 1e-12);
    // (0.01 + 0.01 + 0.04 + 0.64 + 0.04 + 0.04 + 0.01 + 0.81) / 8
    assertEquals(0.2, Metrics.brier(p, y), 1e-12);
  }

  @Test
  void topKRecallAndMae() {
    double[] actual = {10, 9, 8, 7, 6, 0, 0};
    double[] pred = {10, 0, 8, 7, 6, 9, 0};
    long[] t = {0, 1, 2, 3, 4, 5, 6};
    assertEquals(0.8, Metrics.topKRecall(pred, actual, t, 5), 1e-12);
    assertEquals((9 + 9) / 7.0, Metrics.mae(pred, actual), 1e-12);
    Integer[] order = Metrics.ranking(new double[] {1, 3, 2}, new long[] {0, 0, 0});
    assertArrayEquals(new Integer[] {1, 2, 0}, order);
    assertTrue(Double.isNaN(Metrics.topKRecall(pred, new double[7], t, 5)), "no activity: undefined");
  }

  @Test
  void recallAtPrecisionMatchesEveryThresholdTried() {
    Random rnd = new Random(5);
    for (int trial = 0; trial < 300; trial++) {
      int n = 1 + rnd.nextInt(12);
      double[] s = new double[n];
      boolean[] y = new boolean[n];
      int pos = 0;
      for (int i = 0; i < n; i++) {
        s[i] = rnd.nextInt(5) / 4.0; // many ties
        y[i] = rnd.nextBoolean();
        pos += y[i] ? 1 : 0;
      }
      double min = rnd.nextInt(11) / 10.0;
      // oracle: every distinct score as a threshold (items at or above it are flagged)
      double best = 0;
      for (double t : s) {
        int flagged = 0;
        int tp = 0;
        for (int i = 0; i < n; i++) {
          if (s[i] >= t) {
            flagged++;
            tp += y[i] ? 1 : 0;
          }
        }
        if (tp >= min * flagged) {
          best = Math.max(best, (double) tp / pos);
        }
      }
      double got = Metrics.recallAtPrecision(s, y, min);
      if (pos == 0) {
        assertTrue(Double.isNaN(got));
      } else {
        assertEquals(best, got, 1e-12, "trial " + trial);
      }
    }
  }
}
