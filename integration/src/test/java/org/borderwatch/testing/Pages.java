package org.borderwatch.testing;

import java.util.List;

/** Lines of a generated doc page, for assertions on whole lines (a mismatch shows the line as it is). */
public final class Pages {
  private Pages() {}

  /** The first line of the page that starts with {@code prefix}, or "(no line starting with …)". */
  public static String line(String page, String prefix) {
    return page.lines().filter(l -> l.startsWith(prefix)).findFirst().orElse("(no line starting with " + prefix + ")");
  }

  /** Every line of the page that starts with {@code prefix}, in order. */
  public static List<String> lines(String page, String prefix) {
    return page.lines().filter(l -> l.startsWith(prefix)).toList();
  }
}
