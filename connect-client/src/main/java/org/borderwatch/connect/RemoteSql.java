package org.borderwatch.connect;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs SQL statements on a borderwatch Spark Connect server and prints each result as CSV:
 * {@code java -cp "$(cat connect-client/target/classpath.txt):connect-client/target/classes"
 * org.borderwatch.connect.RemoteSql sc://127.0.0.1:15002 "select ..." ...}. A statement the server refuses
 * prints {@code error: <message>} on standard error and exits 1.
 */
public final class RemoteSql {
  private RemoteSql() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: RemoteSql sc://HOST:PORT STATEMENT...");
      System.exit(2);
    }
    SparkSession spark = SparkSession.builder().remote(args[0]).getOrCreate();
    int exit = 0;
    try {
      for (int i = 1; i < args.length; i++) {
        Dataset<Row> df = spark.sql(args[i]);
        System.out.println(String.join(",", df.columns()));
        for (Row r : df.collectAsList()) {
          List<String> cells = new ArrayList<>();
          for (int c = 0; c < r.length(); c++) {
            cells.add(r.isNullAt(c) ? "" : String.valueOf(r.get(c)));
          }
          System.out.println(String.join(",", cells));
        }
      }
    } catch (Exception | LinkageError e) {
      String m = String.valueOf(e.getMessage());
      System.err.println("error: " + m);
      exit = 1;
    } finally {
      spark.close();
    }
    System.out.flush();
    System.exit(exit);
  }
}
