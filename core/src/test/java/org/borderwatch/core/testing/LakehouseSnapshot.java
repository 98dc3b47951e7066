package org.borderwatch.core.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A fixture built once per build rather than once per module: the first test JVM that needs it builds
 * it into the shared test lakehouse and saves a copy of every table and of its own folder under
 * {@code borderwatch.test.cache} (the root build's {@code target/test-cache}); later JVMs restore the
 * copy and register the tables at their copied location. The key hashes the compiled classes of the
 * modules that make the fixture, so any change to that code invalidates it.
 * Without the system property the fixture is simply built.
 */
public final class LakehouseSnapshot {
  private LakehouseSnapshot() {}

  /**
   * Restores snapshot {@code name} into the shared session, or builds it with {@code build} (which fills
   * the shared lakehouse and returns a folder of side files, or null) and saves it. Returns the side
   * folder (restored copy or the one built). {@code modules} names the project modules whose code makes
   * the fixture (their classes key the snapshot).
   */
  public static synchronized Path ensure(String name, List<String> modules, Callable<Path> build)
      throws Exception {
    SparkSession spark = SharedSpark.session();
    String cacheRoot = System.getProperty("borderwatch.test.cache");
    if (cacheRoot == null || cacheRoot.isBlank()) {
      return build.call();
    }
    Path snap = Path.of(cacheRoot).resolve(name + "-" + key(modules));
    if (Files.isRegularFile(snap.resolve("COMPLETE"))) {
      return restore(spark, snap, name);
    }
    Path side = build.call();
    save(spark, snap, side);
    return side;
  }

  private static Path restore(SparkSession spark, Path snap, String name) throws IOException {
    Path into = SharedSpark.root().resolve("restored-" + name);
    copy(snap, into);
    try (Stream<Path> dbs = Files.list(into.resolve("tables"))) {
      for (Path db : dbs.toList()) {
        spark.sql("CREATE DATABASE IF NOT EXISTS " + db.getFileName());
        try (Stream<Path> ts = Files.list(db)) {
          for (Path t : ts.toList()) {
            String table = db.getFileName() + "." + t.getFileName();
            spark.sql("DROP TABLE IF EXISTS " + table);
            spark.sql("CREATE TABLE " + table + " USING delta LOCATION '" + t.toAbsolutePath() + "'");
          }
        }
      }
    }
    Path side = into.resolve("side");
    return Files.isDirectory(side) ? side : null;
  }

  private static void save(SparkSession spark, Path snap, Path side) throws IOException {
    Path tmp = snap.resolveSibling(snap.getFileName() + ".tmp-" + ProcessHandle.current().pid());
    for (Row db : spark.sql("SHOW DATABASES").collectAsList()) {
      String d = db.getString(0);
      if (d.equals("default")) {
        continue;
      }
      for (Row t : spark.sql("SHOW TABLES IN " + d).collectAsList()) {
        if (t.getBoolean(2)) {
          continue; // temporary view
        }
        String table = t.getString(1);
        String location = spark.sql("DESCRIBE DETAIL " + d + "." + table).first().getAs("location");
        copy(Path.of(java.net.URI.create(location.startsWith("file:") ? location : "file://" + location)),
            tmp.resolve("tables").resolve(d).resolve(table));
      }
    }
    if (side != null) {
      copy(side, tmp.resolve("side"));
    }
    Files.writeString(tmp.resolve("COMPLETE"), "ok\n");
    try {
      Files.move(tmp, snap, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      deleteTree(tmp); // another JVM saved it first
    }
  }

  /**
   * Saves the shared lakehouse as snapshot {@code name} unless it is there already (for a fixture whose
   * builder must run in its own test anyway).
   */
  public static synchronized void save(String name, List<String> modules, Path side) throws IOException {
    String cacheRoot = System.getProperty("borderwatch.test.cache");
    if (cacheRoot == null || cacheRoot.isBlank()) {
      return;
    }
    Path snap = Path.of(cacheRoot).resolve(name + "-" + key(modules));
    if (!Files.isRegularFile(snap.resolve("COMPLETE"))) {
      save(SharedSpark.session(), snap, side);
    }
  }

  /**
   * Hash of the compiled classes of the named modules on the class path: each class file's path inside
   * its folder or jar, and its CRC-32. A module's classes folder and its jar give the same key, so a
   * fixture saved by one module's tests is found by the next module's.
   */
  static String key(List<String> modules) {
    try {
      java.util.TreeMap<String, Long> classes = new java.util.TreeMap<>();
      for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
        String u = e.replace('\\', '/');
        if (modules.stream().noneMatch(m -> u.contains("/" + m + "/target/") || u.contains("borderwatch-" + m + "-"))) {
          continue;
        }
        Path p = Path.of(e);
        if (Files.isDirectory(p)) {
          try (Stream<Path> files = Files.walk(p)) {
            for (Path f : files.filter(x -> x.toString().endsWith(".class")).toList()) {
              java.util.zip.CRC32 crc = new java.util.zip.CRC32();
              crc.update(Files.readAllBytes(f));
              classes.put(p.relativize(f).toString().replace('\\', '/'), crc.getValue());
            }
          }
        } else if (Files.isRegularFile(p)) {
          try (java.util.jar.JarFile jar = new java.util.jar.JarFile(p.toFile())) {
            for (java.util.jar.JarEntry j : java.util.Collections.list(jar.entries())) {
              if (j.getName().endsWith(".class")) {
                classes.put(j.getName(), j.getCrc());
              }
            }
          }
        }
      }
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (var c : classes.entrySet()) {
        md.update((c.getKey() + ":" + c.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    } catch (Exception e) {
      throw new IllegalStateException("cannot compute the snapshot key", e);
    }
  }

  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> all = Files.walk(p)) {
      for (Path x : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(x);
      }
    }
  }
}
