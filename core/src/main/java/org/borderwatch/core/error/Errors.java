package org.borderwatch.core.error;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Collectors;

/** The one place that words user-facing errors. */
public final class Errors {
  private Errors() {}

  public static BorderwatchException unknownConfigKey(String key, String value, String origin, Collection<String> known) {
    String hint = closest(key, known).map(k -> " (did you mean '" + k + "'?)").orElse("");
    return new BorderwatchException(BorderwatchException.USAGE,
        "configuration error: unknown key '" + key + "' with value '" + value + "' from " + origin + hint
            + "; allowed keys: " + String.join(", ", known.stream().sorted().collect(Collectors.toList()))
            + ", or any spark.* key");
  }

  public static BorderwatchException badConfigValue(String key, String value, String origin, String allowed) {
    return new BorderwatchException(BorderwatchException.USAGE,
        "configuration error: key '" + key + "' has value '" + value + "' from " + origin + "; allowed: " + allowed);
  }

  public static BorderwatchException missingConfigKey(String key, String allowed) {
    return new BorderwatchException(BorderwatchException.USAGE,
        "configuration error: key '" + key + "' is missing; allowed: " + allowed
            + " (see conf/local.conf for the defaults)");
  }

  public static BorderwatchException unreadableConfig(String origin, String reason) {
    return new BorderwatchException(BorderwatchException.USAGE,
        "configuration error: cannot read " + origin + ": " + reason);
  }

  public static BorderwatchException badArgument(String option, String value, String allowed) {
    return new BorderwatchException(BorderwatchException.USAGE,
        "invalid value '" + value + "' for " + option + "; allowed: " + allowed);
  }

  /** A file given on the command line that cannot be read as it must be: names the file and the problem. */
  public static BorderwatchException badInputFile(String file, String problem) {
    return new BorderwatchException(BorderwatchException.USAGE, file + ": " + problem);
  }

  public static BorderwatchException readOnly(String what, Collection<String> writable) {
    return new BorderwatchException(BorderwatchException.FAILED,
        "refused: this is a read-only analyst session and the statement would " + what
            + "; analysts may write only to " + String.join(", ", writable)
            + " (run jobs with bin/borderwatch <command> to change the lakehouse)");
  }

  public static BorderwatchException missingInput(String what, String hint) {
    return new BorderwatchException(BorderwatchException.FAILED, what + " is missing; " + hint);
  }

  /** Closest candidate by edit distance, when it is close enough to be a likely typo. */
  static Optional<String> closest(String key, Collection<String> known) {
    return known.stream()
        .min(Comparator.comparingInt(k -> distance(key, k)))
        .filter(k -> distance(key, k) <= Math.max(2, key.length() / 4));
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
