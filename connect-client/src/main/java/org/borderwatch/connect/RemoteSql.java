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
          Dataset<Row> df = spark.sql(args[i]);
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
          System.err.println("error: " + e.getMessage());
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
}
