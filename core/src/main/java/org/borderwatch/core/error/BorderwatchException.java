package org.borderwatch.core.error;

/**
 * A failure a user can act on. The message is one line that says what is wrong, why, and what to do;
 * the command line prints it without a stack trace and exits with {@link #exitCode()}.
 */
public class BorderwatchException extends RuntimeException {
  /** Exit code for a usage or configuration error. */
  public static final int USAGE = 2;
  /** Exit code for a failed job or query. */
  public static final int FAILED = 1;

  private final int exitCode;

  public BorderwatchException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public BorderwatchException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
