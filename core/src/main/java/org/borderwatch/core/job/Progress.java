package org.borderwatch.core.job;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress lines on stderr, one per stage, so stdout stays clean for results (sql --format csv).
 * A stage prints when it starts and when it ends, with its row count and time.
 */
public final class Progress {
  private final PrintStream out;
  private final boolean enabled;

  public Progress(PrintStream out, boolean enabled) {
    this.out = out;
    this.enabled = enabled;
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
    return new Stage(name, System.nanoTime());
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
      return (System.nanoTime() - startNanos) / 1e9;
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
}
