package org.borderwatch.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.borderwatch.simulator.geo.CrossingPoint;
import org.borderwatch.simulator.geo.Geography;

/**
 * Where patrol units are each week: the input that decides which crossings are watched. The standard
 * plan keeps one unit at every official checkpoint, rotates mobile units along their stretch of border,
 * and runs enforcement campaigns (a surge of units at one crossing for a few weeks). Explicit entries
 * (from a file, a recommendations table, or a test) replace the plan for that week and crossing.
 */
public final class PatrolPlan {
  private final long seed;
  private final int mobileUnits;
  private final boolean campaigns;
  private final Map<String, Double> overrides = new HashMap<>();

  private PatrolPlan(long seed, int mobileUnits, boolean campaigns) {
    this.seed = seed;
    this.mobileUnits = mobileUnits;
    this.campaigns = campaigns;
  }

  public static PatrolPlan standard(long seed, Scale scale) {
    return new PatrolPlan(seed, Math.max(6, (int) Math.round(14 * Math.sqrt(scale.factor()))), true);
  }

  /** Units at a crossing point in a week (week index from the world's start). */
  public double units(int week, CrossingPoint cp) {
    Double o = overrides.get(week + "|" + cp.id());
    if (o != null) {
      return o;
    }
    if (cp.official()) {
      return 1.0;
    }
    List<CrossingPoint> informal = informalPoints();
    double u = 0;
    // Mobile units: unit k covers point (k + week/4) mod n, so coverage rotates every 4 weeks.
    for (int k = 0; k < mobileUnits; k++) {
      int idx = (int) Math.floorMod(k * 7L + Rng.stream(seed, "rotation", k).nextInt(informal.size()) + week / 4,
          (long) informal.size());
      if (informal.get(idx).id().equals(cp.id())) {
        u += 1;
      }
    }
    if (campaigns) {
      // One campaign starts every 10 weeks at a seeded crossing and lasts 6 weeks with 3 extra units.
      for (int start = Math.max(0, (week - 5) / 10 * 10); start <= week; start += 10) {
        if (week - start < 6) {
          CrossingPoint target = informal.get(Rng.stream(seed, "campaign", start).nextInt(informal.size()));
          if (target.id().equals(cp.id())) {
            u += 3;
          }
        }
      }
    }
    return u;
  }

  /** The informal and sea points agencies know: the rotation and the campaigns never reach an unlisted one. */
  private static List<CrossingPoint> informalPoints() {
    List<CrossingPoint> out = new ArrayList<>();
    for (CrossingPoint c : Geography.get().listed()) {
      if (!c.official()) {
        out.add(c);
      }
    }
    return out;
  }

  /** Sets the units at a crossing for weeks [from, to]. */
  public PatrolPlan with(String crossingId, int fromWeek, int toWeek, double units) {
    Geography.get().crossing(crossingId);
    PatrolPlan p = copy();
    for (int w = fromWeek; w <= toWeek; w++) {
      p.overrides.put(w + "|" + crossingId, units);
    }
    return p;
  }

  /** A plan without campaigns (for experiments that need a quiet baseline). */
  public PatrolPlan withoutCampaigns() {
    PatrolPlan p = new PatrolPlan(seed, mobileUnits, false);
    p.overrides.putAll(overrides);
    return p;
  }

  private PatrolPlan copy() {
    PatrolPlan p = new PatrolPlan(seed, mobileUnits, campaigns);
    p.overrides.putAll(overrides);
    return p;
  }

  /** Reads week_index,crossing_id,units lines (a header line is skipped) as overrides. */
  public PatrolPlan withFile(Path csv) throws IOException {
    PatrolPlan p = copy();
    for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
      String[] f = line.split(",");
      if (f.length < 3 || f[0].startsWith("week")) {
        continue;
      }
      Geography.get().crossing(f[1].trim());
      p.overrides.put(Integer.parseInt(f[0].trim()) + "|" + f[1].trim(), Double.parseDouble(f[2].trim()));
    }
    return p;
  }

  /** The number of mobile units in the standard plan. */
  public int mobileUnits() {
    return mobileUnits;
  }
}
