package org.borderwatch.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.borderwatch.simulator.dump.FeedFile;
import org.borderwatch.simulator.dump.TruthRows;
import org.borderwatch.simulator.dump.WeekRenderer;
import org.borderwatch.simulator.world.Dynamics;
import org.borderwatch.simulator.world.Events;
import org.borderwatch.simulator.world.WeekEvents;
import org.borderwatch.simulator.world.World;

/**
 * Runs a world: the dynamics week by week (sequential: the world has memory), and the rendering of each
 * week's files in parallel batches (each feed has its own random stream, so output is the same whatever
 * the thread count). Weeks before {@code renderFrom} are simulated but not written: that is how a saved
 * world continues by one more week with the same history.
 */
public final class Simulator {
  private final SimulationParams params;
  private final int threads;

  public Simulator(SimulationParams params, int threads) {
    this.params = params;
    this.threads = Math.max(1, threads);
  }

  /** Everything a run produced, for the truth writer, the summary and tests. */
  public static final class Result {
    public World world;
    public final List<WeekEvents> events = new ArrayList<>();
    public final Map<Integer, TruthRows> truth = new TreeMap<>();
    /** feed → records per rendered week */
    public final Map<String, Map<Integer, Integer>> records = new TreeMap<>();
    public long lines;
    public long bytes;
    public double seconds;
  }

  /**
   * @param landing where files are written, or null to render in memory only
   * @param renderFrom first week index to render
   * @param onBatch called after each rendered batch (truth writing per batch keeps memory flat)
   */
  public Result run(Path landing, int renderFrom, Consumer<Result> onBatch) {
    long t0 = System.nanoTime();
    Result r = new Result();
    World world = new World(params.seed(), params.scale(), params.startWeek());
    r.world = world;
    Dynamics dyn = new Dynamics(world, params);
    Map<Integer, WeekEvents> window = new TreeMap<>();
    int batch = Math.max(4, threads * 2);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int start = 0; start < params.weeks(); start += batch) {
        int end = Math.min(params.weeks(), start + batch);
        for (int wk = start; wk < end; wk++) {
          WeekEvents ev = dyn.step(wk);
          window.put(wk, ev);
          r.events.add(ev);
        }
        List<Future<WeekRenderer>> jobs = new ArrayList<>();
        for (int wk = Math.max(start, renderFrom); wk < end; wk++) {
          final int week = wk;
          Map<Integer, WeekEvents> view = new TreeMap<>(window);
          jobs.add(pool.submit(() -> {
            WeekRenderer wr = new WeekRenderer(world, params, week, view).render();
            if (landing != null) {
              for (FeedFile f : wr.files()) {
                f.write(landing);
              }
            }
            return wr;
          }));
        }
        for (Future<WeekRenderer> j : jobs) {
          WeekRenderer wr = j.get();
          TruthRows tr = wr.truth();
          int week = (int) tr.files.get(0)[3];
          r.truth.put(week, tr);
          for (Object[] f : tr.files) {
            int headerless = (int) f[2] - (String.valueOf(f[1]).endsWith(".jsonl") || String.valueOf(f[1])
                .endsWith(".jsonl.gz") ? 0 : 1);
            r.records.computeIfAbsent((String) f[0], k -> new TreeMap<>()).merge(week, Math.max(0, headerless),
                Integer::sum);
            r.lines += (int) f[2];
          }
          for (FeedFile f : wr.files()) {
            r.bytes += f.bytes().length;
          }
        }
        if (onBatch != null && !jobs.isEmpty()) {
          onBatch.accept(r);
        }
        // keep the last three weeks for late records
        window.keySet().removeIf(k -> k < end - 3);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("simulation failed: " + e.getMessage(), e);
    } finally {
      pool.shutdown();
    }
    r.seconds = (System.nanoTime() - t0) / 1e9;
    return r;
  }

  /** True crossings (travellers moved) in a week. */
  public static int travellers(WeekEvents ev) {
    int n = 0;
    for (Events.Trip t : ev.trips) {
      n += t.travellers().size();
    }
    return n;
  }
}
