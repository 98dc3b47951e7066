package org.borderwatch.packaging;

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
    List<String> cmd = AssemblyIT.java();
    cmd.addAll(List.of("-cp", Files.readString(cpFile).strip() + java.io.File.pathSeparator + CLIENT.resolve("classes"),
        "org.borderwatch.connect.RemoteSql", "--keep-going", url));
    cmd.addAll(List.of(statements));
    return cmd;
  }

  /** Every regular file under {@code dir} and its SHA-256, but for those under {@code except}. */
  static java.util.TreeMap<String, String> files(Path dir, Path except) throws Exception {
    java.util.TreeMap<String, String> out = new java.util.TreeMap<>();
    try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).filter(p -> !p.startsWith(except)).toList()) {
        out.put(dir.relativize(p).toString(), java.util.HexFormat.of().formatHex(
            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
      }
    }
    return out;
  }

  @Test
  void analystsQueryOverSparkConnectAndCannotWrite(@TempDir Path dir) throws Exception {
    Path tokens = dir.resolve("tokens");
    String analystToken = "analyst-token-0123456789abcdef";
    String investigatorToken = "investigator-token-0123456789abcdef";
    Files.writeString(tokens, "# serve's credentials\n" + analystToken + " alice analyst\n" + investigatorToken
        + " ivan investigator\n");
    Files.setPosixFilePermissions(tokens, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    Map<String, String> env = Map.of("BORDERWATCH_SKIP_BUILD", "1", "BORDERWATCH_HOME", dir.resolve("lh").toString(),
        "BORDERWATCH_MASTER", "local[2]", "BORDERWATCH_SERVE_TOKENS_FILE", tokens.toString(),
        "BORDERWATCH_JAVA_OPTS", AssemblyIT.SHORT_JVM);
    String launcher = AssemblyIT.REPO.resolve("bin/borderwatch").toString();
    Path script = dir.resolve("make.sql");
    Files.writeString(script, "create database if not exists gold;\n"
        + "create table gold.served as select id, concat('zone-', id) cell from range(3);\n"
        + "create database if not exists silver;\n"
        + "create table silver.names as select id, concat('name-', id) name from range(2);\n"
        // the tables of the analyst attacks (integration/src/test/resources/analyst-attacks.sql)
        + "create table silver.attack_items (id string, n int) using delta;\n"
        + "insert into silver.attack_items values ('a', 1);\n"
        + "create table gold.attack_scores (id string, score double) using delta;\n"
        + "create database if not exists bronze;\n"
        + "create table bronze.attack_raw (line string) using delta;\n"
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
    Path warehouse = dir.resolve("lh").resolve("warehouse");
    Path audit = warehouse.resolve("ops.db").resolve("analyst_audit");
    java.util.TreeMap<String, String> before;
    List<String> attacks;
    try {
      long deadline = System.nanoTime() + 180_000_000_000L;
      while (!Files.readString(out, StandardCharsets.UTF_8).contains("borderwatch serve: Spark Connect on")) {
        assertTrue(server.isAlive(), "serve exited: " + Files.readString(err));
        assertTrue(System.nanoTime() < deadline, "serve did not start in 180 s: " + Files.readString(err));
        Thread.sleep(500);
      }
      before = files(warehouse, audit);
      // the Connect client sends a token only to "localhost" without TLS
      String analyst = "sc://localhost:" + port + "/;token=" + analystToken + ";user_id=alice";
      // one client, statements in order: a read; a write, attempts to lift the guard, run code (SQL and the client's
      // own), read files by path or silver, cache and drop; a read again; then other credentials
      attacks = List.of("insert into gold.served values (9, 'x')", "set spark.borderwatch.analyst=false",
          "reset", "set spark.sql.runSQLOnFiles=true", "select reflect('java.lang.System', 'getProperty', 'user.name')",
          "select java_method('java.lang.System', 'exit', 7)", "select * from text.`/etc/passwd`",
          "cache table gold.served", "create view gold.v as select 'localtempview' as x, * from gold.served",
          "drop table gold.served", "select * from silver.names",
          "select * from gold.served where id in (select id from silver.names)", "!table silver.names",
          "!read-text /etc/passwd", "!conf spark.borderwatch.analyst=false", "!conf spark.sql.runSQLOnFiles=true",
          "!udf", "!map", "!artifact " + AssemblyIT.REPO.resolve("connect-client/target/classes/org/borderwatch/"
              + "connect/RemoteSql.class"));
      // and every statement of the sql session's attack list, over Connect
      attacks = new java.util.ArrayList<>(attacks);
      String location = "file:" + warehouse.resolve("silver.db").resolve("attack_items");
      for (String line : Files.readAllLines(AssemblyIT.REPO.resolve("integration/src/test/resources/analyst-attacks.sql"))) {
        if (!line.isBlank() && !line.startsWith("#")) {
          attacks.add(line.replace("${location}", location));
        }
      }
      assertTrue(attacks.size() >= 60, attacks.size() + " attacks");
      List<String> statements = new java.util.ArrayList<>();
      statements.add("select id, cell from gold.served order by id");
      statements.addAll(attacks);
      statements.add("select count(*) n from gold.served");
      statements.add("!connect sc://localhost:" + port + "/;token=" + investigatorToken + ";user_id=ivan");
      statements.add("select id, name from silver.names order by id");
      statements.add("!connect sc://localhost:" + port + "/;token=" + analystToken + ";user_id=ivan");
      statements.add("select 1 as impersonated");
      statements.add("!connect sc://localhost:" + port + "/;token=not-a-token-0123456789abcdef;user_id=alice");
      statements.add("select 1 as unauthenticated");
      AssemblyIT.Result r = AssemblyIT.exec(client(analyst, statements.toArray(String[]::new)), Map.of(), dir);
      assertEquals(1, r.exit(), r.out() + r.err());
      // the read, every attack refused (the server still up: java_method's exit did not run), the table still whole;
      // the investigator reads silver; a request under another user's name, or with a bad token, is refused
      assertEquals("id,cell\n0,zone-0\n1,zone-1\n2,zone-2\n" + "error\n".repeat(attacks.size()) + "n\n3\n"
          + "connected\nid,name\n0,name-0\n1,name-1\nconnected\nerror\nconnected\nerror\n", r.out(), r.err());
      List<String> errors = r.err().lines().filter(l -> l.startsWith("error: ")).toList();
      assertEquals(attacks.size() + 2, errors.size(), r.err());
      assertEquals(attacks.size(), errors.stream().filter(l -> l.contains("refused: this is a read-only analyst "
          + "session")).count(), r.err());
      assertTrue(errors.get(attacks.size()).contains("refused: the request's user (ivan) is not the credential's "
          + "(alice)"), errors.get(attacks.size()));
      assertTrue(errors.get(attacks.size() + 1).contains("UNAUTHENTICATED: refused: a valid credential is required"),
          errors.get(attacks.size() + 1));
    } finally {
      server.descendants().forEach(ProcessHandle::destroy);
      server.destroy();
      server.waitFor();
    }
    // nothing but the audit changed; the audit holds every statement: who, what, outcome
    assertEquals(before, files(warehouse, audit), "the warehouse's files, the audit aside");
    AssemblyIT.Result rows = AssemblyIT.exec(List.of(launcher, "sql", "--read-write", "--format", "csv",
        "select user, role, outcome, statement, array_join(tables_read, ' ') t, rows_returned from ops.analyst_audit "
            + "where origin like 'serve:%' order by at"), env, dir);
    assertEquals(0, rows.exit(), rows.err());
    List<String> lines = rows.out().lines().toList();
    for (String a : attacks) {
      String text = a.startsWith("!") ? null : a;
      assertTrue(lines.stream().anyMatch(l -> l.startsWith("alice,analyst,refused,") && (text == null
          || l.contains(text.contains(",") ? "\"" + text.replace("\"", "\"\"") : text))), a + " in " + rows.out());
    }
    assertEquals(attacks.size() + 1, lines.stream().filter(l -> l.startsWith("alice,analyst,refused,")).count(),
        rows.out()); // the attacks and the impersonation
    assertTrue(lines.contains("alice,analyst,allowed,\"select id, cell from gold.served order by id\",gold.served,3"),
        rows.out());
    assertTrue(lines.contains("ivan,investigator,allowed,\"select id, name from silver.names order by id\","
        + "silver.names,2"), rows.out());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("alice,analyst,refused,select 1 as impersonated")), rows.out());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("unknown,unauthenticated,refused,")), rows.out());
  }
}
