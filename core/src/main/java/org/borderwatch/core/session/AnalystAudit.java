package org.borderwatch.core.session;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.borderwatch.core.catalog.Lakehouse;
import org.borderwatch.core.catalog.TableSpec;
import org.borderwatch.core.catalog.Tables;

/**
 * The audit of analyst and investigator sessions: every statement, allowed or refused, becomes a row of
 * {@code ops.analyst_audit}. Entries are kept in memory and appended with the process's rights (never the
 * analyst's) when {@link #flush} runs: at the end of {@code sql}, every few seconds and at the end in {@code serve}.
 */
public final class AnalystAudit {
  /** Longest statement text kept (longer ones are cut, and say so). */
  static final int MAX_STATEMENT = 8_000;

  public static final TableSpec SPEC = TableSpec.of(Tables.ANALYST_AUDIT)
      .col("audit_id", DataTypes.StringType, false, "Unique id of the entry")
      .col("at", DataTypes.TimestampType, false, "When the statement ran or was refused (UTC)")
      .col("user", DataTypes.StringType, false, "Who: the operating-system user of sql, the credential's user of serve")
      .col("role", DataTypes.StringType, false, "The session's role: analyst or investigator (unauthenticated: none)")
      .col("origin", DataTypes.StringType, false, "From where: sql@host, or serve and the client's address")
      .col("session", DataTypes.StringType, "The client's session id (serve) or the sql run's id")
      .col("statement", DataTypes.StringType, false, "The statement as sent (SQL text, or a Connect plan's text)")
      .col("tables_read", DataTypes.createArrayType(DataTypes.StringType), "Catalog tables the statement read")
      .col("rows_returned", DataTypes.LongType, "Rows sent back to the client (null when refused or failed)")
      .col("outcome", DataTypes.StringType, false, "allowed, refused (by the guard) or failed (an error of the query)")
      .col("reason", DataTypes.StringType, "Why it was refused or failed")
      .key("audit_id")
      .build();

  /** One statement. */
  public record Entry(Instant at, AnalystAccess access, String session, String statement, List<String> tablesRead,
      Long rowsReturned, String outcome, String reason) {
    public Entry {
      tablesRead = tablesRead == null ? List.of() : List.copyOf(tablesRead);
    }
  }

  private final ConcurrentLinkedQueue<Entry> pending = new ConcurrentLinkedQueue<>();

  /** Keeps an entry until the next flush. */
  public void record(Entry entry) {
    pending.add(entry);
  }

  /** The outcome of an exception a statement ended with. */
  public static String outcomeOf(Throwable e) {
    return outcomeOf(e == null ? null : e.getMessage());
  }

  /** The outcome of an error message: refused when it carries a refusal (the guard's, or a gate's), else failed. */
  public static String outcomeOf(String message) {
    return message != null && message.contains("refused: ") ? "refused" : "failed";
  }

  /**
   * Runs one statement in {@code session} and records it: {@code consume} takes the result (prints it) and says how
   * many rows it sent back. A refusal or error is recorded, then rethrown.
   *
   * @param runId the id this run's entries share (the audit's session column)
   */
  public long run(SparkSession session, String runId, String statement,
      java.util.function.ToLongFunction<org.apache.spark.sql.Dataset<Row>> consume) {
    AnalystAccess access = AnalystGuardExtension.access(session);
    if (access == null) {
      access = new AnalystAccess("read-write", System.getProperty("user.name", "unknown"), "sql@" + SparkSessions.host(),
          List.of(), List.of());
    }
    Instant at = Instant.now();
    org.apache.spark.sql.Dataset<Row> df;
    List<String> tables;
    try {
      df = session.sql(statement);
      tables = AnalystGuardExtension.tablesIn(df.queryExecution().analyzed());
    } catch (RuntimeException e) {
      AnalystGuardExtension.takeTablesRead(session);
      record(new Entry(at, access, runId, statement, List.of(), null, outcomeOf(e), reason(e)));
      throw e;
    }
    AnalystGuardExtension.takeTablesRead(session);
    try {
      long rows = consume.applyAsLong(df);
      record(new Entry(at, access, runId, statement, tables, rows, "allowed", null));
      return rows;
    } catch (RuntimeException e) {
      record(new Entry(at, access, runId, statement, tables, null, outcomeOf(e), reason(e)));
      throw e;
    }
  }

  /** The first line of an error's message, at most 2,000 characters. */
  public static String reason(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String first = m.lines().findFirst().orElse(m);
    return first.length() > 2_000 ? first.substring(0, 2_000) + " ..." : first;
  }

  /** Entries not yet written. */
  public int pending() {
    return pending.size();
  }

  /**
   * Appends the entries kept so far to ops.analyst_audit, with the process's rights, through {@code spark} (any
   * session of the process). Returns how many were written.
   */
  public int flush(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    List<Entry> taken = new ArrayList<>();
    for (Entry e; (e = pending.poll()) != null; ) {
      taken.add(e);
      String statement = e.statement() == null ? "" : e.statement();
      if (statement.length() > MAX_STATEMENT) {
        statement = statement.substring(0, MAX_STATEMENT) + " ... (" + statement.length() + " characters)";
      }
      rows.add(RowFactory.create(java.util.UUID.randomUUID().toString(), Timestamp.from(e.at()), e.access().user(),
          e.access().role(), e.access().origin(), e.session(), statement,
          scala.jdk.javaapi.CollectionConverters.asScala(e.tablesRead()).toSeq(), e.rowsReturned(), e.outcome(),
          e.reason()));
    }
    if (rows.isEmpty()) {
      return 0;
    }
    try {
      AnalystGuardExtension.asProcess(() -> Lakehouse.append(spark, SPEC, spark.createDataFrame(rows, SPEC.schema())));
    } catch (RuntimeException e) {
      pending.addAll(taken); // kept for the next flush
      throw e;
    }
    return rows.size();
  }
}
