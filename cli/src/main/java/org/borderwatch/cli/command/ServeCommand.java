package org.borderwatch.cli.command;

import java.util.concurrent.CountDownLatch;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connect.service.SparkConnectService;
import org.borderwatch.core.session.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A Spark Connect server over the lakehouse catalog for analysts' own clients (PySpark {@code --remote}, the
 * Spark Connect JVM client, notebooks). Every session it opens is an analyst session: reads only, but for an
 * append to the analyst tables; the flag lives in the server's Spark conf, out of a client's reach.
 */
@Command(name = "serve", description = "Start a read-only Spark Connect server over the lakehouse for analysts.")
public final class ServeCommand extends BaseCommand {
  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 exposes it to the network)")
  String host;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "15002",
      description = "Port to listen on (default: ${DEFAULT-VALUE})")
  int port;

  @Override
  public Integer call() throws Exception {
    if (port < 1 || port > 65535) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--port must be 1..65535: " + port);
    }
    // read by the Connect service from the SparkContext's conf, so set before the session starts
    System.setProperty("spark.connect.grpc.binding.address", host);
    System.setProperty("spark.connect.grpc.binding.port", Integer.toString(port));
    SparkSession spark = SparkSessions.build(config(), "borderwatch serve", SparkSessions.Mode.SERVER,
        OpsCatalog::ensure);
    SparkConnectService.start(spark.sparkContext());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      SparkConnectService.stop(scala.Option.empty(), scala.Option.empty());
      stopped.countDown();
    }, "borderwatch-serve-stop"));
    out().println("borderwatch serve: Spark Connect on sc://" + host + ":" + port
        + " (read-only analyst sessions; Ctrl-C stops)");
    out().println("connect with: pyspark --remote sc://" + host + ":" + port
        + "   or   SparkSession.builder().remote(\"sc://" + host + ":" + port + "\").getOrCreate()");
    out().flush();
    stopped.await();
    return 0;
  }
}
