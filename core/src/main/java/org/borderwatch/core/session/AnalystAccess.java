package org.borderwatch.core.session;

import java.util.List;
import java.util.Locale;

/**
 * Who an analyst session belongs to and what it may do: its role, the tables the role reads ({@code db.table}, or
 * {@code db.*} for a whole layer) and the tables it may append to. Fixed when the session is made (sql) or when a
 * Connect credential is checked (serve); nothing the session runs can change it.
 *
 * @param role analyst or investigator (or {@code unauthenticated}: reads nothing)
 * @param user who: the operating-system user of {@code sql}, the credential's user of {@code serve}
 * @param origin from where: {@code sql@host}, or the client's address
 * @param reads tables the role reads
 * @param writable tables the role may append to
 */
public record AnalystAccess(String role, String user, String origin, List<String> reads, List<String> writable) {
  /** Role names. */
  public static final String ANALYST = "analyst";
  public static final String INVESTIGATOR = "investigator";
  public static final List<String> ROLES = List.of(ANALYST, INVESTIGATOR);

  public AnalystAccess {
    reads = List.copyOf(reads);
    writable = List.copyOf(writable);
  }

  /** {@code role} when it is one of {@link #ROLES}; else a usage error naming them. */
  public static String requireRole(String role) {
    if (!ROLES.contains(role)) {
      throw new org.borderwatch.core.error.BorderwatchException(org.borderwatch.core.error.BorderwatchException.USAGE,
          "unknown role '" + role + "': one of " + String.join(", ", ROLES));
    }
    return role;
  }

  /** A session nobody vouched for (a server session no credential was checked for): reads no table. */
  static AnalystAccess unauthenticated(List<String> writable) {
    return new AnalystAccess("unauthenticated", "unknown", "unknown", List.of(), writable);
  }

  /** Whether the role reads {@code table} ({@code db.table}, any case; a name without database is default's). */
  public boolean mayRead(String table) {
    return mayRead(reads, table);
  }

  /** Whether one of {@code patterns} ({@code db.table} or {@code db.*}) covers {@code table}. */
  public static boolean mayRead(List<String> patterns, String table) {
    String t = table.replace("`", "").toLowerCase(Locale.ROOT);
    if (t.startsWith("spark_catalog.")) {
      t = t.substring("spark_catalog.".length());
    }
    if (!t.contains(".")) {
      t = "default." + t;
    }
    for (String p : patterns) {
      String q = p.trim().toLowerCase(Locale.ROOT);
      if (q.equals(t) || q.endsWith(".*") && t.startsWith(q.substring(0, q.length() - 1))
          && t.indexOf('.', q.length() - 1) < 0) {
        return true;
      }
    }
    return false;
  }
}
