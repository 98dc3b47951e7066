package org.borderwatch.connect;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs SQL statements on a borderwatch Spark Connect server and prints each result as CSV:
 * {@code java -cp "$(cat connect-client/target/classpath.txt):connect-client/target/classes"
 * org.borderwatch.connect.RemoteSql [--keep-going] sc://127.0.0.1:15002 "select ..." ...}. A statement the
 * server refuses prints {@code error: <message>} on standard error and exits 1; with {@code --keep-going} the
 * remaining statements still run (each result or error in order), and the exit is 1 if any failed.
 *
 * <p>A statement may also be one of these client calls (what a client program can do besides SQL):
 * {@code !table NAME} (read a table through the DataFrame API), {@code !read-text PATH} (read files by path),
 * {@code !conf KEY=VALUE} (set a session config), {@code !artifact PATH} (upload a jar or class file),
 * {@code !udf} (register a Java UDF and call it), {@code !map} (a typed map with a Java lambda);
 * {@code !connect URL} closes the session and opens one on URL (another credential, say).
 */
public final class RemoteSql {
  private RemoteSql() {}

  public static void main(String[] args) throws Exception {
    boolean keepGoing = args.length > 0 && args[0].equals("--keep-going");
    int first = keepGoing ? 1 : 0;
    if (args.length < first + 2) {
      System.err.println("usage: RemoteSql [--keep-going] sc://HOST:PORT STATEMENT...");
      System.exit(2);
    }
    SparkSession spark = SparkSession.builder().remote(args[first]).getOrCreate();
    int exit = 0;
    try {
      for (int i = first + 1; i < args.length; i++) {
        try {
          if (args[i].startsWith("!connect ")) { // another session, as another client would open
            spark.close();
            spark = SparkSession.builder().remote(args[i].substring("!connect ".length())).create();
            System.out.println("connected");
            continue;
          }
          Dataset<Row> df = run(spark, args[i]);
          if (df == null) {
            System.out.println("ok");
            continue;
          }
          List<Row> rows = df.collectAsList();
          System.out.println(String.join(",", df.columns()));
          for (Row r : rows) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < r.length(); c++) {
              cells.add(r.isNullAt(c) ? "" : String.valueOf(r.get(c)));
            }
            System.out.println(String.join(",", cells));
          }
        } catch (Exception | LinkageError e) {
          System.out.println("error");
          System.err.println("error: " + String.valueOf(e.getMessage()).replace('\n', ' '));
          exit = 1;
          if (!keepGoing) {
            break;
          }
        }
      }
    } finally {
      spark.close();
    }
    System.out.flush();
    System.exit(exit);
  }

  /** Runs one statement or client call; null when it returns no rows. */
  static Dataset<Row> run(SparkSession spark, String statement) throws Exception {
    if (!statement.startsWith("!")) {
      return spark.sql(statement);
    }
    String[] parts = statement.split(" ", 2);
    String arg = parts.length > 1 ? parts[1] : "";
    switch (parts[0]) {
      case "!table":
        return spark.table(arg);
      case "!read-text":
        return spark.read().text(arg);
      case "!conf": {
        String[] kv = arg.split("=", 2);
        spark.conf().set(kv[0], kv.length > 1 ? kv[1] : "");
        return null;
      }
      case "!artifact":
        spark.addArtifact(arg);
        return null;
      case "!udf":
        spark.udf().register("twice", (org.apache.spark.sql.api.java.UDF1<String, String>) s -> s + s,
            org.apache.spark.sql.types.DataTypes.StringType);
        return spark.sql("select twice('a') as a");
      case "!map":
        return spark.range(3).map((org.apache.spark.api.java.function.MapFunction<Long, Long>) x -> x * 2,
            org.apache.spark.sql.Encoders.LONG()).toDF();
      default:
        throw new IllegalArgumentException("unknown client call " + parts[0]);
    }
  }
}
