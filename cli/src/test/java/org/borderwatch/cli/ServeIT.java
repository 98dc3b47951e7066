package org.borderwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code borderwatch serve} in its own process, queried by the Spark Connect JVM client in another
 * (connect-client's RemoteSql): a read answers with the lakehouse's rows; writes are refused, also after the
 * client tries to switch the analyst flag off.
 */
class ServeIT {
  static final Path CLIENT = Path.of(System.getProperty("borderwatch.connect.client"));

  static List<String> client(String url, String... statements) throws Exception {
    Path cpFile = CLIENT.resolve("classpath.txt");
    assertTrue(Files.isRegularFile(cpFile), "build the connect-client module first (mvn package): " + cpFile);
    List<String> cmd = new ArrayList<>(List.of("java"));
    for (String o : System.getProperty("borderwatch.opens", "").split(" ")) {
      if (!o.isBlank()) {
        cmd.add(o);
      }
    }
    cmd.addAll(List.of("-cp", Files.readString(cpFile).strip() + java.io.File.pathSeparator + CLIENT.resolve("classes"),
        "org.borderwatch.connect.RemoteSql", "--keep-going", url));
    cmd.addAll(List.of(statements));
    return cmd;
  }

  @Test
  void analystsQueryOverSparkConnectAndCannotWrite(@TempDir Path dir) throws Exception {
    Map<String, String> env = Map.of("BORDERWATCH_SKIP_BUILD", "1", "BORDERWATCH_HOME", dir.resolve("lh").toString(),
        "BORDERWATCH_MASTER", "local[2]");
    String launcher = AssemblyIT.REPO.resolve("bin/borderwatch").toString();
    Path script = dir.resolve("make.sql");
    Files.writeString(script, "create database if not exists gold;\n"
        + "create table gold.served as select id, concat('zone-', id) cell from range(3);\n"
        + "select 1 as one;\n");
    // the launcher runs sql in local mode on the lakehouse BORDERWATCH_HOME names (one Spark JVM for both tests)
    AssemblyIT.Result made = AssemblyIT.exec(List.of(launcher, "sql", "--read-write", "--format", "csv", "-f",
        script.toString()), env, dir);
    assertEquals(0, made.exit(), made.err());
    assertTrue(made.out().endsWith("one\n1\n"), made.out());
    assertTrue(Files.isDirectory(dir.resolve("lh").resolve("warehouse")), "the lakehouse follows BORDERWATCH_HOME");

    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path out = dir.resolve("serve.out");
    Path err = dir.resolve("serve.err");
    ProcessBuilder pb = new ProcessBuilder(launcher, "serve", "--port", Integer.toString(port)).directory(dir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().putAll(env);
    Process server = pb.start();
    try {
      long deadline = System.nanoTime() + 180_000_000_000L;
      while (!Files.readString(out, StandardCharsets.UTF_8).contains("borderwatch serve: Spark Connect on")) {
        assertTrue(server.isAlive(), "serve exited: " + Files.readString(err));
        assertTrue(System.nanoTime() < deadline, "serve did not start in 180 s: " + Files.readString(err));
        Thread.sleep(500);
      }
      String url = "sc://127.0.0.1:" + port;
      // one client, statements in order: a read; a write, attempts to lift the guard, run code, read files by
      // path, cache and drop; a read again
      List<String> attacks = List.of("insert into gold.served values (9, 'x')", "set spark.borderwatch.analyst=false",
          "reset", "set spark.sql.runSQLOnFiles=true", "select reflect('java.lang.System', 'getProperty', 'user.name')",
          "select java_method('java.lang.System', 'exit', 7)", "select * from text.`/etc/passwd`",
          "cache table gold.served", "create view gold.v as select 'localtempview' as x, * from gold.served",
          "drop table gold.served");
      List<String> statements = new java.util.ArrayList<>();
      statements.add("select id, cell from gold.served order by id");
      statements.addAll(attacks);
      statements.add("select count(*) n from gold.served");
      AssemblyIT.Result r = AssemblyIT.exec(client(url, statements.toArray(String[]::new)), Map.of(), dir);
      assertEquals(1, r.exit(), r.out() + r.err());
      // the read, every attack refused by the guard (the server still up: java_method's exit did not run), the
      // table still whole
      assertEquals("id,cell\n0,zone-0\n1,zone-1\n2,zone-2\n" + "error\n".repeat(attacks.size()) + "n\n3\n", r.out(),
          r.err());
      assertEquals(attacks.size(), r.err().lines().filter(l -> l.contains("refused: this is a read-only analyst "
          + "session")).count(), r.err());
    } finally {
      server.descendants().forEach(ProcessHandle::destroy);
      server.destroy();
      server.waitFor();
    }
  }
}
