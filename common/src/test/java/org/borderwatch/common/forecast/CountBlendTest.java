package org.borderwatch.common.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.borderwatch.common.metrics.Metrics;
import org.junit.jupiter.api.Test;

class CountBlendTest {
  @Test
  void endsAreTheModelAndTheCounts() {
    assertEquals(0.3, CountBlend.rankScore(0.3, 5.0, 1.0), 0);
    assertEquals(5.0 + CountBlend.EPSILON, CountBlend.rankScore(0.3, 5.0, 0.0), 1e-12);
    // half-way: the geometric mean of the two (each with its epsilon)
    assertEquals(Math.sqrt((0.04 + 1e-4) * (0.25 + 1e-4)), CountBlend.rankScore(0.04, 0.25, 0.5), 1e-12);
  }

  private static List<CountBlend.Row> week(long week, int eventZone, double[] p, double[] rate) {
    List<CountBlend.Row> rows = new ArrayList<>();
    for (int z = 0; z < p.length; z++) {
      rows.add(new CountBlend.Row(week, p[z], rate[z], z == eventZone ? 1 : 0, z));
    }
    return rows;
  }

  /** Brute force: each weight's ranking written out, its average precision by hand. */
  @Test
  void choosesTheWeightWhoseRankingFindsTheEventsFirst() {
    // ten zones; the event is in zone 3, which the counts put first and the model fourth
    double[] p = {0.9, 0.8, 0.7, 0.6, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1};
    double[] rate = {0, 0, 0, 3, 0, 0, 0, 0, 0, 0};
    CountBlend.Choice c = CountBlend.choose(week(1, 3, p, rate));
    // w=1: zone 3 fourth, AP 1/4. w=0.75: zone 0 scores 0.9^.75·1e-4^.25 = 0.0924, zone 3 0.6^.75·3^.25 = 0.9928:
    // first, AP 1; so for every smaller weight
    assertEquals(List.of(1.0, 0.75, 0.5, 0.25, 0.0), new ArrayList<>(c.scores().keySet()));
    assertEquals(List.of(0.25, 1.0, 1.0, 1.0, 1.0), new ArrayList<>(c.scores().values()));
    assertEquals(0.75, c.weight(), 0);
  }

  @Test
  void keepsTheModelAloneOnATieAndWithoutEvents() {
    double[] p = {0.1, 0.9, 0.2};
    double[] rate = {0, 2, 1};
    CountBlend.Choice tie = CountBlend.choose(week(1, 1, p, rate));
    assertEquals(1.0, tie.weight(), 0);
    tie.scores().values().forEach(v -> assertEquals(1.0, v, 1e-12));
    CountBlend.Choice none = CountBlend.choose(week(1, -1, p, rate));
    assertEquals(1.0, none.weight(), 0);
    none.scores().values().forEach(v -> assertEquals(Double.NaN, v));
  }

  @Test
  void poolsWeeksWithTheirOwnTies() {
    // two weeks, one event each; all scores equal, so the static prior (tie key) alone orders each week
    List<CountBlend.Row> rows = new ArrayList<>();
    rows.addAll(week(1, 0, new double[] {0.1, 0.1}, new double[] {0, 0}));
    rows.addAll(week(2, 1, new double[] {0.1, 0.1}, new double[] {0, 0}));
    // pooled order: (w1,z0) (w1,z1) (w2,z0) (w2,z1): events at places 1 and 4: AP = (1/1 + 2/4) / 2
    double expected = Metrics.prAuc(new double[] {1, 0.9, 0.8, 0.7}, new boolean[] {true, false, false, true},
        new long[] {0, 1, 2, 3});
    assertEquals(0.75, expected, 1e-12);
    CountBlend.choose(rows).scores().values().forEach(v -> assertEquals(0.75, v, 1e-12));
  }

  @Test
  void weeklySharesOfEventsInTheTopZonesByTheRankingAndByAllHistory() {
    // 20 zones, top 5% = 1 zone. Week 1: the event in zone 3, first by the counts, fourth by the model.
    double[] p = new double[20];
    double[] rate = new double[20];
    java.util.Arrays.fill(p, 0.05);
    p[0] = 0.9;
    p[1] = 0.8;
    p[2] = 0.7;
    p[3] = 0.6;
    rate[3] = 3;
    List<CountBlend.Row> rows = new ArrayList<>(week(1, 3, p, rate));
    // week 2: no event (left out); week 3: the event in zone 0, first by the model, tied last by the counts
    rows.addAll(week(2, -1, p, rate));
    rows.addAll(week(3, 0, p, rate));
    List<CountBlend.Week> model = CountBlend.weekly(rows, 1.0, 0.05);
    assertEquals(List.of(new CountBlend.Week(1, 1, 0, 1), new CountBlend.Week(3, 1, 1, 0)), model);
    // at weight 0 the ranking is the all-history one
    for (CountBlend.Week w : CountBlend.weekly(rows, 0.0, 0.05)) {
      assertEquals(w.allHistory(), w.ranking(), 0);
    }
  }
}
