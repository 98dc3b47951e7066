package org.borderwatch.cli.command;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.borderwatch.cli.sql.ResultFormat;
import org.borderwatch.cli.sql.StatementSplitter;
import org.borderwatch.core.error.BorderwatchException;
import org.borderwatch.core.error.Errors;
import org.borderwatch.core.session.AnalystAudit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Spark SQL against the lakehouse catalog, read-only for analysts by default. */
@Command(name = "sql", description = "Run Spark SQL against the lakehouse catalog (read-only unless --read-write).")
public final class SqlCommand extends BaseCommand {
  /** Output formats. */
  public enum Format { table, csv, json }

  @Parameters(arity = "0..1", paramLabel = "QUERY", description = "SQL text; several statements may be separated by ;")
  String query;

  @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read the SQL from a file instead")
  Path file;

  @Option(names = "--format", defaultValue = "table",
      description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  Format format;

  @Option(names = "--max-rows", defaultValue = "10000", description = "Most rows printed per statement (default: ${DEFAULT-VALUE})")
  int maxRows;

  @Option(names = "--read-write", description = "For data engineers: allow statements that change the lakehouse")
  boolean readWrite;

  @Option(names = "--role", defaultValue = "analyst", paramLabel = "ROLE",
      description = "The session's role: analyst (reads gold and the analysts' ops tables) or investigator (also "
          + "silver); what each reads is access.*-reads (default: ${DEFAULT-VALUE})")
  String role;

  @Override
  public Integer call() throws IOException {
    if ((query == null) == (file == null)) {
      throw Errors.badArgument("sql", query == null ? "(nothing)" : "QUERY and -f",
          "either a QUERY argument or -f FILE, not both");
    }
    String text = query != null ? query : Files.readString(file, StandardCharsets.UTF_8);
    List<String> statements = StatementSplitter.split(text);
    if (statements.isEmpty()) {
      throw Errors.badArgument("sql", "(empty)", "at least one SQL statement");
    }
    if (readWrite && !role.equals("analyst")) {
      throw Errors.badArgument("--role", role, "no role with --read-write (a data engineer's session reads and writes "
          + "every layer)");
    }
    SparkSession spark = readWrite ? spark() : analystSpark(role);
    PrintWriter out = out();
    // every statement, allowed or refused, is recorded in ops.analyst_audit when the command ends
    AnalystAudit audit = new AnalystAudit();
    String runId = java.util.UUID.randomUUID().toString();
    try {
      for (int i = 0; i < statements.size(); i++) {
        boolean last = i == statements.size() - 1;
        audit.run(spark, runId, statements.get(i),
            df -> last || df.schema().fields().length > 0 && !isCommandResult(df) ? print(df, out) : 0L);
      }
    } catch (BorderwatchException e) {
      throw e;
    } catch (Exception e) {
      if (e instanceof SparkThrowable || e.getCause() instanceof SparkThrowable) {
        throw new BorderwatchException(BorderwatchException.FAILED, "SQL error: " + e.getMessage());
      }
      throw e;
    } finally {
      audit.flush(spark);
    }
    return 0;
  }

  private static boolean isCommandResult(Dataset<Row> df) {
    return df.queryExecution().analyzed().getClass().getSimpleName().startsWith("LocalRelation")
        && df.schema().fields().length == 0;
  }

  /** Prints the result; returns the rows printed. */
  private long print(Dataset<Row> df, PrintWriter out) {
    if (format == Format.json) {
      List<String> lines = df.toJSON().limit(maxRows + 1).collectAsList();
      for (int i = 0; i < Math.min(maxRows, lines.size()); i++) {
        out.println(lines.get(i));
      }
      out.flush();
      warnTruncated(lines.size());
      return Math.min(maxRows, lines.size());
    }
    StructField[] fields = df.schema().fields();
    List<String> header = new ArrayList<>();
    boolean[] numeric = new boolean[fields.length];
    Column[] asText = new Column[fields.length];
    for (int i = 0; i < fields.length; i++) {
      header.add(fields[i].name());
      numeric[i] = ResultFormat.isNumericType(fields[i].dataType().simpleString());
      asText[i] = col("`" + fields[i].name().replace("`", "``") + "`").cast("string");
    }
    Dataset<Row> text = fields.length == 0 ? df : df.select(asText);
    List<Row> rows = text.limit(maxRows + 1).collectAsList();
    List<List<String>> cells = new ArrayList<>();
    for (int r = 0; r < Math.min(maxRows, rows.size()); r++) {
      List<String> line = new ArrayList<>();
      for (int c = 0; c < fields.length; c++) {
        line.add(rows.get(r).isNullAt(c) ? null : rows.get(r).getString(c));
      }
      cells.add(line);
    }
    out.print(format == Format.csv ? ResultFormat.csv(header, cells) : ResultFormat.table(header, cells, numeric));
    out.flush();
    warnTruncated(rows.size());
    return cells.size();
  }

  private void warnTruncated(int fetched) {
    if (fetched > maxRows) {
      err().println("borderwatch: output stopped at " + maxRows + " rows (--max-rows)");
    }
  }
}
