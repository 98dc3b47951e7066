package org.borderwatch.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.borderwatch.core.time.IsoWeek;
import org.borderwatch.simulator.dump.Defects;
import org.borderwatch.simulator.dump.TruthRows;
import org.borderwatch.simulator.world.Events;
import org.borderwatch.simulator.world.WeekEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Planted defects occur at the configured rates (within three standard deviations). */
class DefectRatesTest {
  @Test
  void defectRatesMatchTheConfiguration(@TempDir Path landing) throws IOException {
    double dup = 0.02;
    double malformed = 0.015;
    double bad = 0.02;
    double swapped = 0.03;
    double lateRate = 0.1;
    int weeks = 16;
    SimulationParams p = SimulationParams.defaults(21, Scale.TINY, IsoWeek.parse("2025-W01"), weeks)
        .withDefects(dup, malformed, bad, swapped, lateRate);
    Simulator.Result r = new Simulator(p, 2).run(landing, 0, null);
    // defects per file and kind
    Map<String, Map<String, Integer>> byFile = new HashMap<>();
    Map<String, Integer> kinds = new HashMap<>();
    // lines that are no record of their own: damaged ones and the second copy of a duplicate
    Map<String, Set<Integer>> notRecords = new HashMap<>();
    for (TruthRows t : r.truth.values()) {
      for (Object[] d : t.defects) {
        String kind = (String) d[2];
        kinds.merge(kind, 1, Integer::sum);
        byFile.computeIfAbsent((String) d[0], k -> new HashMap<>()).merge(kind, 1, Integer::sum);
        if (!kind.equals(Defects.SWAPPED_COORDINATES) && !kind.equals(Defects.BAD_COORDINATES)) {
          notRecords.computeIfAbsent((String) d[0], k -> new HashSet<>()).add((Integer) d[1]);
        }
      }
    }
    // Every record line of every feed but the (clean) patrol roster passes through Defects: it is damaged
    // (malformed) or written and then maybe doubled. Records = lines - header - duplicate lines.
    long records = 0;
    long coordinateLines = 0; // written, undamaged records that carry coordinates
    ObjectMapper json = new ObjectMapper();
    for (TruthRows t : r.truth.values()) {
      for (Object[] f : t.files) {
        String feed = (String) f[0];
        String path = (String) f[1];
        int lines = (int) f[2];
        if (feed.equals("patrols")) {
          assertTrue(!byFile.containsKey(path), "the patrol roster is a clean export: " + byFile.get(path));
          continue;
        }
        Map<String, Integer> k = byFile.getOrDefault(path, Map.of());
        int header = path.endsWith(".jsonl") || path.endsWith(".jsonl.gz") ? 0 : 1;
        assertTrue(lines >= header, path + " has its header");
        int dups = k.getOrDefault(Defects.DUPLICATE, 0);
        int damaged = k.getOrDefault(Defects.TRUNCATED_JSON, 0) + k.getOrDefault(Defects.STRAY_DELIMITER, 0)
            + k.getOrDefault(Defects.INVALID_UTF8, 0);
        records += lines - header - dups;
        if (feed.equals("detections") || feed.equals("interdictions")) {
          coordinateLines += lines - dups - damaged; // every one has coordinates
        } else if (feed.equals("posts")) {
          String[] text = read(landing.resolve(path)).split("\n", -1);
          assertEquals(lines + 1, text.length, path);
          for (int i = 1; i <= lines; i++) {
            if (!notRecords.getOrDefault(path, Set.of()).contains(i)
                && json.readTree(text[i - 1]).get("geo").isObject()) {
              coordinateLines++; // a geotagged post
            }
          }
        }
      }
    }
    int malformedSeen = kinds.getOrDefault(Defects.TRUNCATED_JSON, 0) + kinds.getOrDefault(Defects.STRAY_DELIMITER, 0)
        + kinds.getOrDefault(Defects.INVALID_UTF8, 0);
    within("malformed", malformedSeen, records, malformed);
    // only undamaged records can be doubled
    within("duplicates", kinds.getOrDefault(Defects.DUPLICATE, 0), records - malformedSeen, dup);
    assertTrue(kinds.getOrDefault(Defects.TRUNCATED_JSON, 0) > 0 && kinds.getOrDefault(Defects.STRAY_DELIMITER, 0) > 0
        && kinds.getOrDefault(Defects.INVALID_UTF8, 0) > 0, kinds.toString());
    // coordinate defects are drawn before the malformed draw and noted on undamaged lines only
    int swappedSeen = kinds.getOrDefault(Defects.SWAPPED_COORDINATES, 0);
    int badSeen = kinds.getOrDefault(Defects.BAD_COORDINATES, 0);
    within("swapped coordinates", swappedSeen, coordinateLines, swapped);
    within("bad coordinates", badSeen, coordinateLines, bad);
    assertTrue(swappedSeen > 0 && badSeen > 0, "coordinate defects among " + coordinateLines + " lines: " + kinds);
    // late records: every detection, interdiction, case, screening and network payment draws its file week;
    // those of the weeks up to weeks - 4 are all rendered by the last week, late ones 1-3 weeks later
    int last = weeks - 4;
    long eligible = 0;
    long drawnLate = 0;
    for (WeekEvents ev : r.events) {
      if (ev.week > last) {
        continue;
      }
      for (Events.Detection x : ev.detections) {
        eligible++;
        drawnLate += x.fileWeek() != x.week() ? 1 : 0;
      }
      for (Events.Interdiction x : ev.interdictions) {
        eligible++;
        drawnLate += x.fileWeek() != x.week() ? 1 : 0;
      }
      for (Events.Case x : ev.cases) {
        eligible++;
        drawnLate += x.fileWeek() != x.week() ? 1 : 0;
      }
      for (Events.Screening x : ev.screenings) {
        eligible++;
        drawnLate += x.fileWeek() != x.week() ? 1 : 0;
      }
      for (Events.Payment x : ev.payments) {
        eligible++;
        drawnLate += x.fileWeek() != x.week() ? 1 : 0;
      }
    }
    long late = r.truth.values().stream().flatMap(t -> t.late.stream()).filter(x -> (int) x[2] <= last).count();
    assertEquals(drawnLate, late, "every late event is rendered late and listed in truth/late_records");
    within("late records", late, eligible, lateRate);
    assertTrue(late > 0, "late records");
  }

  static String read(Path file) throws IOException {
    byte[] b = Files.readAllBytes(file);
    if (file.toString().endsWith(".gz")) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
        b = in.readAllBytes();
      }
    }
    return new String(b, StandardCharsets.UTF_8);
  }

  static void within(String what, long seen, long n, double rate) {
    double mean = n * rate;
    double sd = Math.sqrt(n * rate * (1 - rate));
    assertTrue(n > 0 && Math.abs(seen - mean) < 3 * sd, what + ": " + seen + " of " + n + " lines, expected " + mean);
  }
}
