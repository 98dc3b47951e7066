package org.borderwatch.simulator;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.borderwatch.core.config.BorderwatchConfig;
import org.borderwatch.core.config.ConfigKeys;
import org.borderwatch.core.error.BorderwatchException;
import org.borderwatch.core.job.Job;
import org.borderwatch.core.job.JobContext;
import org.borderwatch.core.job.JobOutcome;
import org.borderwatch.core.job.Progress;
import org.borderwatch.core.time.IsoWeek;
import org.borderwatch.simulator.truth.TruthWriter;
import org.borderwatch.simulator.world.Events;
import org.borderwatch.simulator.world.Network;
import org.borderwatch.simulator.world.WeekEvents;

/**
 * simulate: writes (or continues) a world's landing zone and its truth. A new world gets the scale's
 * default weeks unless --weeks says otherwise; an existing world in the same folder is continued by
 * --weeks more weeks (same seed, same history: the new week is what a longer run would have written).
 */
public final class SimulateJob implements Job {
  private final Scale scale;
  private final Long seed;
  private final IsoWeek start;
  private final Integer weeks;
  private final Path out;
  private final PrintWriter report;
  private final Path patrolFile;
  private Simulator.Result last;

  public SimulateJob(Scale scale, Long seed, IsoWeek start, Integer weeks, Path out, Path patrolFile,
      PrintWriter report) {
    this.scale = scale;
    this.seed = seed;
    this.start = start;
    this.weeks = weeks;
    this.out = out;
    this.patrolFile = patrolFile;
    this.report = report;
  }

  @Override
  public String name() {
    return "simulate";
  }

  /** The last run's result (for tests and the pipeline). */
  public Simulator.Result result() {
    return last;
  }

  public static SimulationParams params(BorderwatchConfig c, long seed, Scale scale, IsoWeek start, int weeks) {
    return SimulationParams.defaults(seed, scale, start, weeks)
        .withNameNoise(c.get(ConfigKeys.SIM_NAME_NOISE))
        .withDefects(c.get(ConfigKeys.SIM_DUPLICATE_RATE), c.get(ConfigKeys.SIM_MALFORMED_RATE),
            c.get(ConfigKeys.SIM_BAD_COORD_RATE), c.get(ConfigKeys.SIM_SWAPPED_COORD_RATE),
            c.get(ConfigKeys.SIM_LATE_RATE))
        .withRealism(new Realism(c.get(ConfigKeys.SIM_UNLISTED_CROSSINGS), c.get(ConfigKeys.SIM_PATROL_ABSENT),
            c.get(ConfigKeys.SIM_PATROL_UNROSTERED), c.get(ConfigKeys.SIM_VICTIM_UNRECORDED),
            c.get(ConfigKeys.SIM_VICTIM_FALSE), c.get(ConfigKeys.SIM_PERSON_OMITTED), c.get(ConfigKeys.SIM_ROLE_SWAPPED),
            c.get(ConfigKeys.SIM_ROLE_GUESS_WRONG), c.get(ConfigKeys.SIM_LEGIT_PLATE),
            c.get(ConfigKeys.SIM_GROUP_CROSSING), c.get(ConfigKeys.SIM_BORDER_PASS), c.get(ConfigKeys.SIM_AD_MIMICRY),
            c.get(ConfigKeys.SIM_AD_LURE), c.get(ConfigKeys.SIM_SCREENING_UNASKED),
            c.get(ConfigKeys.SIM_MONEY_STRUCTURING)));
  }

  @Override
  public JobOutcome run(JobContext ctx) throws IOException {
    BorderwatchConfig c = ctx.config();
    WorldManifest existing = WorldManifest.read(out);
    long s;
    Scale sc;
    IsoWeek st;
    int total;
    int renderFrom;
    if (existing != null) {
      if (seed != null && seed != existing.seed() || scale != null && !scale.name().equalsIgnoreCase(existing.scale())
          || start != null && !start.toString().equals(existing.startWeek())) {
        throw new BorderwatchException(BorderwatchException.USAGE, "a different world (seed " + existing.seed()
            + ", scale " + existing.scale().toLowerCase(Locale.ROOT) + ", from " + existing.startWeek() + ") is in "
            + out + "; continue it without --seed/--scale/--start-week, or choose another --out");
      }
      s = existing.seed();
      sc = Scale.parse(existing.scale());
      st = IsoWeek.parse(existing.startWeek());
      renderFrom = existing.weeks();
      total = existing.weeks() + (weeks == null ? 1 : weeks);
    } else {
      s = seed != null ? seed : c.get(ConfigKeys.SIM_SEED);
      sc = scale != null ? scale : Scale.parse(c.get(ConfigKeys.SIM_SCALE));
      st = start != null ? start : IsoWeek.parse(c.get(ConfigKeys.SIM_START_WEEK));
      total = weeks != null ? weeks : sc.defaultWeeks();
      renderFrom = 0;
    }
    SimulationParams p = params(c, s, sc, st, total);
    if (patrolFile != null) {
      p = p.withPatrols(p.patrols().withFile(patrolFile));
    }
    Progress.Stage stage = ctx.progress().stage(String.format(Locale.ROOT, "simulate %s world, seed %d, weeks %s..%s",
        sc.name().toLowerCase(Locale.ROOT), s, st.plus(renderFrom), st.plus(total - 1)));
    Path landing = out.resolve("landing");
    TruthWriter truth = new TruthWriter(ctx.spark(), out.resolve("truth").toString());
    Simulator.Result r = new Simulator(p, Runtime.getRuntime().availableProcessors()).run(landing, renderFrom,
        res -> {
          // Flush truth in large slices: one Parquet write per table for the demo world.
          long rows = res.truth.values().stream().mapToLong(t -> t.mentions.size() + t.payments.size()).sum();
          if (rows > 2_000_000) {
            truth.writeRendered(res.truth, res.world);
            res.truth.clear();
          }
        });
    if (!r.truth.isEmpty()) {
      truth.writeRendered(r.truth, r.world);
      r.truth.clear();
    }
    truth.writeWorld(r, c.get(ConfigKeys.H3_RESOLUTIONS));
    new WorldManifest(s, sc.name().toLowerCase(Locale.ROOT), st.toString(), total).write(out);
    last = r;
    long records = r.records.values().stream().flatMap(m -> m.values().stream()).mapToLong(Integer::longValue).sum();
    stage.done(String.format(Locale.ROOT, "%,d records in %,d lines, %.1f MB (%.0f records/s)", records, r.lines,
        r.bytes / 1e6, records / Math.max(1e-3, r.seconds)));
    if (report != null) {
      summary(r, renderFrom, report);
    }
    return new JobOutcome(0, records, String.format(Locale.ROOT, "%s world seed %d, %d weeks, %d records written",
        sc.name().toLowerCase(Locale.ROOT), s, total - renderFrom, records));
  }

  /** The printed summary: records per source and week, networks, victims, true vs detected crossings. */
  public static void summary(Simulator.Result r, int renderFrom, PrintWriter out) {
    out.println("Records per source (rendered weeks):");
    out.printf(Locale.ROOT, "  %-14s %10s %8s %8s %8s%n", "source", "records", "min/wk", "median", "max/wk");
    for (Map.Entry<String, Map<Integer, Integer>> e : r.records.entrySet()) {
      List<Integer> v = new ArrayList<>(e.getValue().values());
      v.sort(Integer::compare);
      long sum = v.stream().mapToLong(Integer::longValue).sum();
      out.printf(Locale.ROOT, "  %-14s %,10d %8d %8d %8d%n", e.getKey(), sum, v.get(0), v.get(v.size() / 2),
          v.get(v.size() - 1));
    }
    int created = r.world.networks.size();
    int dissolved = (int) r.world.networks.stream().filter(n -> n.dissolvedWeek >= 0).count();
    int splits = (int) r.world.networks.stream().filter(n -> n.parent >= 0).count();
    Map<Network.Kind, Integer> kinds = new TreeMap<>();
    r.world.networks.forEach(n -> kinds.merge(n.kind, 1, Integer::sum));
    out.printf(Locale.ROOT, "Networks: %d (%s); %d dissolved, %d formed by splits%n", created, kinds, dissolved, splits);
    Map<String, Integer> roles = TruthWriter.roles(r.world);
    out.printf(Locale.ROOT, "People: %,d; victims %,d, smuggled migrants %,d, network members %,d%n",
        r.world.persons.size(), roles.getOrDefault("victim", 0), roles.getOrDefault("migrant", 0),
        r.world.persons.stream().filter(p -> p.role.member()).count());
    long trips = 0;
    long travellers = 0;
    long detected = 0;
    long interdicted = 0;
    long detectedTrips = 0;
    for (WeekEvents ev : r.events) {
      if (ev.week < renderFrom) {
        continue;
      }
      for (Events.Trip t : ev.trips) {
        trips++;
        travellers += t.travellers().size();
        if (t.detected()) {
          detectedTrips++;
          detected += t.travellers().size();
        }
        if (t.interdicted()) {
          interdicted += t.travellers().size();
        }
      }
    }
    out.printf(Locale.ROOT, "Irregular crossings: %,d groups, %,d people; detected %,d groups (%.0f%%), %,d people; "
        + "interdicted %,d people%n", trips, travellers, detectedTrips, 100.0 * detectedTrips / Math.max(1, trips),
        detected, interdicted);
    out.printf(Locale.ROOT, "Generated in %.1f s (%,.0f lines/s)%n", r.seconds, r.lines / Math.max(1e-3, r.seconds));
    out.flush();
  }
}
