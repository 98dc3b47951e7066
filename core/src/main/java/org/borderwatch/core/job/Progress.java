package org.borderwatch.core.job;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress lines on stderr, one per stage, so stdout stays clean for results (sql --format csv).
 * A stage prints when it starts and when it ends, with its row count and time; a long stage that counts its
 * steps ({@link Stage#counter}) prints how far it is and about how long is left, at most every
 * {@link #EVERY_SECONDS} seconds.
 */
public final class Progress {
  /** Least seconds between two progress lines of one stage. */
  public static final double EVERY_SECONDS = 15;

  private final PrintStream out;
  private final boolean enabled;
  private final java.util.function.LongSupplier nanos;

  public Progress(PrintStream out, boolean enabled) {
    this(out, enabled, System::nanoTime);
  }

  /** With a clock of its own (tests). */
  public Progress(PrintStream out, boolean enabled, java.util.function.LongSupplier nanos) {
    this.out = out;
    this.enabled = enabled;
    this.nanos = nanos;
  }

  /** A progress display that prints nothing (tests, library use). */
  public static Progress silent() {
    return new Progress(System.err, false);
  }

  public static Progress stderr() {
    return new Progress(System.err, true);
  }

  /** Starts a stage; close it with {@link Stage#done(long)} or {@link Stage#done(String)}. */
  public Stage stage(String name) {
    if (enabled) {
      out.printf(Locale.ROOT, "  … %s%n", name);
      out.flush();
    }
    return new Stage(name, nanos.getAsLong());
  }

  public void info(String message) {
    if (enabled) {
      out.println("  " + message);
      out.flush();
    }
  }

  /** One running stage. */
  public final class Stage {
    private final String name;
    private final long startNanos;

    private Stage(String name, long startNanos) {
      this.name = name;
      this.startNanos = startNanos;
    }

    public double seconds() {
      return (nanos.getAsLong() - startNanos) / 1e9;
    }

    /** Counts this stage's steps ({@code unit}: what a step is); steps may come from several threads. */
    public Counter counter(long total, String unit) {
      return new Counter(this, total, unit);
    }

    public void done(long rows) {
      done(String.format(Locale.ROOT, "%,d rows", rows));
    }

    public void done(String detail) {
      if (enabled) {
        out.printf(Locale.ROOT, "  ✓ %s: %s (%.1f s)%n", name, detail, seconds());
        out.flush();
      }
    }
  }

  /** Steps of a stage done so far, with the time left estimated from the pace so far. */
  public final class Counter {
    private final Stage stage;
    private final String unit;
    private long total;
    private long done;
    private double printedAt;

    private Counter(Stage stage, long total, String unit) {
      this.stage = stage;
      this.total = total;
      this.unit = unit;
    }

    /** More steps to do (a part of the stage that learns its size late). */
    public synchronized void addTotal(long n) {
      total += n;
    }

    /** One step done. */
    public void step() {
      String line;
      synchronized (this) {
        done++;
        double t = stage.seconds();
        if (!enabled || done >= total || t - printedAt < EVERY_SECONDS) {
          return;
        }
        printedAt = t;
        line = line(stage.name, done, total, unit, t);
      }
      out.println(line);
      out.flush();
    }

    public synchronized long done() {
      return done;
    }
  }

  /** "  … NAME: DONE of TOTAL UNIT, about N s left" at the pace so far (minutes beyond 90 s). */
  static String line(String name, long done, long total, String unit, double seconds) {
    double left = done == 0 ? Double.NaN : seconds / done * (total - done);
    String eta = Double.isNaN(left) ? "time left unknown" : left >= 90
        ? String.format(Locale.ROOT, "about %.0f min left", left / 60) : String.format(Locale.ROOT,
            "about %.0f s left", Math.max(1, left));
    return String.format(Locale.ROOT, "  … %s: %,d of %,d %s, %s", name, done, total, unit, eta);
  }
}
