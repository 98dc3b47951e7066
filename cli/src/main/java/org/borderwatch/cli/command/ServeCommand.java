package org.borderwatch.cli.command;

import java.util.concurrent.CountDownLatch;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connect.service.SparkConnectService;
import org.borderwatch.cli.serve.ConnectGuard;
import org.borderwatch.cli.serve.Credentials;
import org.borderwatch.core.config.BorderwatchConfig;
import org.borderwatch.core.config.ConfigKeys;
import org.borderwatch.core.error.BorderwatchException;
import org.borderwatch.core.session.AnalystAudit;
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
    String tokensFile = config().get(ConfigKeys.SERVE_TOKENS_FILE).strip();
    Credentials credentials = tokensFile.isEmpty() ? null : Credentials.load(java.nio.file.Path.of(tokensFile));
    boolean loopback;
    try {
      loopback = java.net.InetAddress.getByName(host).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--host: unknown address " + host);
    }
    if (!loopback && credentials == null) {
      throw new BorderwatchException(BorderwatchException.USAGE, "serve binds to " + host + ", beyond this machine, "
          + "only with credentials: set serve.tokens-file (lines TOKEN USER ROLE; see docs/security.md)");
    }
    // read by the Connect service from the SparkContext's conf, so set before the session starts
    System.setProperty("spark.connect.grpc.binding.address", host);
    System.setProperty("spark.connect.grpc.binding.port", Integer.toString(port));
    System.setProperty("spark.connect.grpc.interceptor.classes", ConnectGuard.class.getName());
    BorderwatchConfig config = config();
    AnalystAudit audit = new AnalystAudit();
    ConnectGuard.configure(new ConnectGuard.Settings(credentials,
        role -> SparkSessions.access(config, role, "unknown", "serve"), audit,
        config.get(ConfigKeys.ANALYST_WRITABLE_TABLES)));
    SparkSession spark = SparkSessions.build(config, "borderwatch serve", SparkSessions.Mode.SERVER,
        OpsCatalog::ensure);
    SparkConnectService.start(spark.sparkContext());
    // the audit is written every few seconds, and at the end, with the process's rights
    java.util.concurrent.ScheduledExecutorService flusher = java.util.concurrent.Executors
        .newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "borderwatch-serve-audit");
          t.setDaemon(true);
          return t;
        });
    flusher.scheduleWithFixedDelay(() -> flushQuietly(audit, spark), 5, 5, java.util.concurrent.TimeUnit.SECONDS);
    CountDownLatch stopped = new CountDownLatch(1);
    // before Spark's own shutdown hooks (which stop the SparkContext): Hadoop's manager runs higher priorities first
    org.apache.hadoop.util.ShutdownHookManager.get().addShutdownHook(() -> {
      SparkConnectService.stop(scala.Option.empty(), scala.Option.empty());
      flusher.shutdown();
      try {
        flusher.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      flushQuietly(audit, spark);
      stopped.countDown();
    }, 1_000);
    out().println("borderwatch serve: Spark Connect on sc://" + host + ":" + port
        + " (read-only analyst sessions" + (credentials == null ? ", no credentials (loopback only)"
            : ", " + credentials.size() + " credential(s)") + "; every statement audited in ops.analyst_audit; "
        + "Ctrl-C stops)");
    out().println("connect with: pyspark --remote sc://" + host + ":" + port
        + "   or   SparkSession.builder().remote(\"sc://" + host + ":" + port + "\").getOrCreate()");
    out().flush();
    stopped.await();
    return 0;
  }

  private void flushQuietly(AnalystAudit audit, SparkSession spark) {
    try {
      SparkSession.setActiveSession(spark);
      audit.flush(spark);
    } catch (RuntimeException e) {
      err().println("borderwatch serve: could not write the audit yet (" + AnalystAudit.reason(e) + "); "
          + audit.pending() + " entries kept");
      err().flush();
    }
  }
}
