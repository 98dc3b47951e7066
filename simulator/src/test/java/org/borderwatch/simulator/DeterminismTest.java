package org.borderwatch.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.borderwatch.core.time.IsoWeek;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {
  static final IsoWeek START = IsoWeek.parse("2025-W01");

  static Map<String, byte[]> files(Path root) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return out;
  }

  /** Record lines of a landing file: its lines less a CSV/TSV header. */
  static long records(String name, byte[] bytes) throws IOException {
    if (name.endsWith(".gz")) {
      try (java.io.InputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
        bytes = in.readAllBytes();
      }
    }
    long lines = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).lines().count();
    boolean json = name.endsWith(".jsonl") || name.endsWith(".jsonl.gz");
    return json ? lines : Math.max(0, lines - 1);
  }

  static void assertSame(Map<String, byte[]> a, Map<String, byte[]> b) {
    assertEquals(a.keySet(), b.keySet());
    for (String k : a.keySet()) {
      assertArrayEquals(a.get(k), b.get(k), k);
    }
  }

  @Test
  void sameSeedSameBytesWhateverTheThreadCount(@TempDir Path dir) throws IOException {
    SimulationParams p = SimulationParams.defaults(7, Scale.TINY, START, 8);
    new Simulator(p, 1).run(dir.resolve("a"), 0, null);
    new Simulator(p, 3).run(dir.resolve("b"), 0, null);
    Map<String, byte[]> a = files(dir.resolve("a"));
    // 13 files a week (3 checkpoint exports, detections, patrols, interdictions, cases, arrests, screenings,
    // posts, profiles, transactions, kyc), empty weeks included
    assertEquals(13 * 8, a.size(), "every feed writes a file every week: " + a.keySet());
    assertSame(a, files(dir.resolve("b")));
  }

  @Test
  void differentSeedDifferentWorld(@TempDir Path dir) throws IOException {
    new Simulator(SimulationParams.defaults(7, Scale.TINY, START, 4), 2).run(dir.resolve("a"), 0, null);
    new Simulator(SimulationParams.defaults(8, Scale.TINY, START, 4), 2).run(dir.resolve("b"), 0, null);
    Map<String, byte[]> a = files(dir.resolve("a"));
    Map<String, byte[]> b = files(dir.resolve("b"));
    assertEquals(a.keySet(), b.keySet());
    long differing = a.keySet().stream().filter(k -> !java.util.Arrays.equals(a.get(k), b.get(k))).count();
    assertTrue(differing > a.size() / 2, differing + " of " + a.size() + " files differ");
    assertEquals(13 * 4, a.size());
    assertEquals(31, differing, "files that differ between seeds 7 and 8");
    // the files both seeds write alike hold no record: empty, or a header alone
    for (String k : a.keySet()) {
      if (java.util.Arrays.equals(a.get(k), b.get(k))) {
        assertTrue(records(k, a.get(k)) == 0, k + " is the same for both seeds but holds records");
      }
    }
  }

  @Test
  void continuingBySomeWeeksEqualsALongerRun(@TempDir Path dir) throws IOException {
    SimulationParams p8 = SimulationParams.defaults(11, Scale.TINY, START, 8).withWeeks(8);
    // drift starts at the same week in both runs so that the continuation is comparable
    new Simulator(p8, 2).run(dir.resolve("cont"), 0, null);
    Map<String, byte[]> first = files(dir.resolve("cont"));
    new Simulator(p8.withWeeks(9), 2).run(dir.resolve("cont"), 8, null);
    new Simulator(p8.withWeeks(9), 2).run(dir.resolve("full"), 0, null);
    Map<String, byte[]> continued = files(dir.resolve("cont"));
    assertSame(continued, files(dir.resolve("full")));
    for (String k : first.keySet()) {
      assertArrayEquals(first.get(k), continued.get(k), "earlier weeks are untouched: " + k);
    }
    assertFalse(first.keySet().containsAll(continued.keySet()), "the new week added files");
  }
}
