package org.borderwatch.cli.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders query results as an aligned text table or as RFC 4180 CSV. Pure: no Spark. */
public final class ResultFormat {
  private ResultFormat() {}

  /**
   * An aligned table: header, a rule, rows; numeric columns right-aligned; NULL for nulls.
   *
   * @param numeric per column, whether to right-align it
   */
  public static String table(List<String> header, List<List<String>> rows, boolean[] numeric) {
    int n = header.size();
    int[] width = new int[n];
    for (int i = 0; i < n; i++) {
      width[i] = displayWidth(header.get(i));
    }
    for (List<String> r : rows) {
      for (int i = 0; i < n; i++) {
        width[i] = Math.max(width[i], displayWidth(shown(r.get(i))));
      }
    }
    StringBuilder sb = new StringBuilder();
    appendRow(sb, header, width, new boolean[n]);
    List<String> rule = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rule.add("-".repeat(width[i]));
    }
    appendRow(sb, rule, width, new boolean[n]);
    for (List<String> r : rows) {
      List<String> cells = new ArrayList<>();
      for (String c : r) {
        cells.add(shown(c));
      }
      appendRow(sb, cells, width, numeric);
    }
    return sb.toString();
  }

  /** CSV with a header line; fields with a comma, quote or line break are quoted; nulls are empty. */
  public static String csv(List<String> header, List<List<String>> rows) {
    StringBuilder sb = new StringBuilder();
    sb.append(csvLine(header));
    for (List<String> r : rows) {
      sb.append(csvLine(r));
    }
    return sb.toString();
  }

  private static String csvLine(List<String> cells) {
    List<String> out = new ArrayList<>();
    for (String c : cells) {
      if (c == null) {
        out.add("");
      } else if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
        out.add('"' + c.replace("\"", "\"\"") + '"');
      } else {
        out.add(c);
      }
    }
    return String.join(",", out) + "\n";
  }

  private static void appendRow(StringBuilder sb, List<String> cells, int[] width, boolean[] right) {
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i).replace('\n', ' ').replace('\r', ' ');
      int pad = width[i] - displayWidth(c);
      if (i > 0) {
        sb.append("  ");
      }
      if (right[i]) {
        sb.append(" ".repeat(pad)).append(c);
      } else {
        sb.append(c);
        if (i < cells.size() - 1) {
          sb.append(" ".repeat(pad));
        }
      }
    }
    sb.append('\n');
  }

  private static String shown(String c) {
    return c == null ? "NULL" : c;
  }

  /** Code points, not chars, so non-Latin scripts line up as well as a terminal allows. */
  static int displayWidth(String s) {
    return s.replace('\n', ' ').codePointCount(0, s.length());
  }

  /** Whether a Spark SQL type name is numeric. */
  public static boolean isNumericType(String typeName) {
    String t = typeName.toLowerCase(Locale.ROOT);
    return t.startsWith("int") || t.startsWith("bigint") || t.startsWith("long") || t.startsWith("double")
        || t.startsWith("float") || t.startsWith("decimal") || t.startsWith("smallint") || t.startsWith("tinyint")
        || t.startsWith("short") || t.startsWith("byte") || t.startsWith("integer");
  }
}
