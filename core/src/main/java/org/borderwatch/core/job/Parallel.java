package org.borderwatch.core.job;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent Spark actions (writes to different tables) from a few driver threads, so that one
 * table's commit latency overlaps another's work. The first failure is rethrown after all have ended.
 */
public final class Parallel {
  /** Driver threads; Spark schedules their jobs on the same executors. */
  public static final int THREADS = Integer.getInteger("borderwatch.driver.threads", 4);

  private Parallel() {}

  public static void run(List<Runnable> tasks) {
    if (tasks.size() <= 1) {
      tasks.forEach(Runnable::run);
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(THREADS, tasks.size()));
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Runnable t : tasks) {
        futures.add(pool.submit(t));
      }
      RuntimeException first = null;
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          if (first == null) {
            first = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
      }
      if (first != null) {
        throw first;
      }
    } finally {
      pool.shutdown();
    }
  }
}
