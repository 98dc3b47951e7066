package org.borderwatch.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.borderwatch.core.job.JobContext;
import org.borderwatch.core.job.Progress;
import org.borderwatch.evaluation.LinkageScores;
import org.borderwatch.evaluation.lists.NoisyPeople;
import org.borderwatch.resolve.PeopleCsv;

/**
 * Entity resolution of lists of people with benchmark-style corruption ({@link NoisyPeople}, independent of the
 * simulated world) at three noise levels: each level's tuning seeds (the ones settings were chosen on) apart from its
 * held-out seeds (never looked at while tuning), pairwise and exact-cluster precision, recall and F1 against the
 * list's truth column, beside two exact-match rules a practitioner would try first, with an error analysis of the
 * held-out lists' missed and false pairs. {@code --doc FILE} writes the figures section of that page.
 */
public final class ListsBench {
  private ListsBench() {}

  /** Seeds the list settings were tuned on, and the held-out seeds the figures are measured on. */
  static final List<Long> TUNING = List.of(1L, 2L);
  static final List<Long> HELD_OUT = List.of(101L, 102L, 103L);
  static final int PERSONS = 1500;

  record Run(String noise, long seed, int records, LinkageScores.Scores model, LinkageScores.Scores nameDob,
      LinkageScores.Scores document, double seconds, Map<String, Long> missed, Map<String, Long> wrong) {}

  public static BenchResult run(JobContext ctx, Path dir, Path doc, boolean tuningOnly) throws Exception {
    Files.createDirectories(dir);
    List<Run> runs = new ArrayList<>();
    for (NoisyPeople.Noise noise : NoisyPeople.Noise.all()) {
      List<Long> seeds = new ArrayList<>(TUNING);
      if (!tuningOnly) {
        seeds.addAll(HELD_OUT);
      }
      for (long seed : seeds) {
        List<String[]> rows = NoisyPeople.generate(PERSONS, noise, seed);
        Path file = dir.resolve(noise.name() + "-" + seed + ".csv");
        Files.writeString(file, NoisyPeople.csv(rows), StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        PeopleCsv.Summary s = PeopleCsv.resolve(ctx.spark(), ctx.config(), file, dir.resolve(noise.name() + "-" + seed),
            new PeopleCsv.Options((char) 0, null, Map.of(), "cluster"), Progress.silent());
        double secs = (System.nanoTime() - t0) / 1e9;
        Map<String, String> truth = s.labels();
        runs.add(new Run(noise.name(), seed, rows.size(), LinkageScores.of(s.entityOf(), truth),
            LinkageScores.of(exactKey(rows, 1, 2, 3), truth), LinkageScores.of(exactKey(rows, 5), truth), secs,
            missed(rows, s.entityOf()), wrong(rows, s.entityOf())));
        Run last = runs.get(runs.size() - 1);
        ctx.progress().info(String.format(Locale.ROOT, "lists: %s seed %d: %,d records, pairwise precision %.4f, "
            + "recall %.4f, F1 %.4f (%.1f s); missed: %s; false: %s", noise.name(), seed, rows.size(),
            last.model().pairPrecision(), last.model().pairRecall(), last.model().pairF1(), secs, counts(last.missed()),
            counts(last.wrong())));
      }
    }
    BenchResult r = new BenchResult("lists", PERSONS + "-persons");
    for (Run x : runs) {
      String k = x.noise() + " seed " + x.seed() + (TUNING.contains(x.seed()) ? " (tuning)" : " (held out)");
      r.put(k + " pairwise F1", x.model().pairF1());
      r.put(k + " baseline exact name+dob F1", x.nameDob().pairF1());
      r.put(k + " baseline exact document F1", x.document().pairF1());
    }
    if (doc != null) {
      String page = Files.readString(doc);
      Files.writeString(doc, replaceSection(page, section(runs)));
      ctx.progress().info("wrote the lists section of " + doc);
    }
    return r;
  }

  /** Each id's entity under an exact rule: the same non-blank values in the given columns (lower case, trimmed). */
  static Map<String, String> exactKey(List<String[]> rows, int... cols) {
    Map<String, String> out = new HashMap<>();
    for (String[] row : rows) {
      StringBuilder k = new StringBuilder();
      boolean complete = true;
      for (int c : cols) {
        String v = row[c].strip().toLowerCase(Locale.ROOT);
        if (c == 3 && v.matches("\\d\\d/\\d\\d/\\d{4}")) { // the dates' two layouts are one date
          v = v.substring(6) + "-" + v.substring(3, 5) + "-" + v.substring(0, 2);
        }
        complete &= !v.isEmpty();
        k.append(v).append('\u0001');
      }
      out.put(row[0], complete ? k.toString() : "\u0000" + row[0]);
    }
    return out;
  }

  /** True pairs the resolution missed, by what differs between the two rows (the first reason that applies). */
  static Map<String, Long> missed(List<String[]> rows, Map<String, String> entityOf) {
    return pairsWithin(rows, r -> r[10], (a, b) -> !entityOf.get(a[0]).equals(entityOf.get(b[0])) ? reason(a, b)
        : null);
  }

  /** False pairs (rows put together that are different persons), by what they share. */
  static Map<String, Long> wrong(List<String[]> rows, Map<String, String> entityOf) {
    return pairsWithin(rows, r -> entityOf.get(r[0]), (a, b) -> a[10].equals(b[10]) ? null
        : a[2].equalsIgnoreCase(b[2]) && a[8].equalsIgnoreCase(b[8]) ? "same household (family name and address)"
        : a[1].equalsIgnoreCase(b[1]) && a[2].equalsIgnoreCase(b[2]) ? "same name" : "other");
  }

  /** Every pair of rows within a group, counted by its class (null: not counted). */
  static Map<String, Long> pairsWithin(List<String[]> rows, java.util.function.Function<String[], String> group,
      java.util.function.BiFunction<String[], String[], String> classify) {
    Map<String, List<String[]>> groups = new HashMap<>();
    rows.forEach(r -> groups.computeIfAbsent(group.apply(r), k -> new ArrayList<>()).add(r));
    Map<String, Long> out = new LinkedHashMap<>();
    for (List<String[]> g : groups.values()) {
      for (int i = 0; i < g.size(); i++) {
        for (int j = i + 1; j < g.size(); j++) {
          String c = classify.apply(g.get(i), g.get(j));
          if (c != null) {
            out.merge(c, 1L, Long::sum);
          }
        }
      }
    }
    return out;
  }

  static String reason(String[] a, String[] b) {
    boolean name = a[1].equalsIgnoreCase(b[1]) && a[2].equalsIgnoreCase(b[2]);
    boolean dob = a[3].equals(b[3]);
    boolean doc = !a[5].isEmpty() && a[5].equals(b[5]);
    if (a[1].isEmpty() && a[2].isEmpty() || b[1].isEmpty() && b[2].isEmpty()) {
      return "a row without a name";
    }
    if (!name && !dob && !doc) {
      return "name, date and document all differ or are missing";
    }
    if (!name && !dob) {
      return "name and date both differ or are missing";
    }
    if (!name) {
      return "names differ";
    }
    return "names agree, other fields differ";
  }

  static final String BEGIN = "<!-- generated: lists begin -->";
  static final String END = "<!-- generated: lists end -->";

  static String replaceSection(String page, String section) {
    int b = page.indexOf(BEGIN);
    int e = page.indexOf(END);
    if (b < 0 || e < b) {
      throw new IllegalStateException("the page has no '" + BEGIN + "' ... '" + END + "' section to write");
    }
    return page.substring(0, b) + section + page.substring(e + END.length());
  }

  static String section(List<Run> runs) {
    StringBuilder sb = new StringBuilder(BEGIN).append('\n');
    sb.append(String.format(Locale.ROOT, "Lists of %,d persons each (records below), held-out seeds %s; mean and "
        + "(min–max) over the seeds. Tuning seeds %s are shown apart.%n%n", PERSONS, HELD_OUT, TUNING));
    sb.append("| noise | records | pairwise precision | pairwise recall | pairwise F1 | exact-cluster F1 | baseline: "
        + "exact name + dob, F1 | baseline: exact document, F1 | tuning seeds' F1 | seconds per list |\n");
    sb.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (NoisyPeople.Noise n : NoisyPeople.Noise.all()) {
      List<Run> held = runs.stream().filter(r -> r.noise().equals(n.name()) && HELD_OUT.contains(r.seed())).toList();
      List<Run> tuned = runs.stream().filter(r -> r.noise().equals(n.name()) && TUNING.contains(r.seed())).toList();
      sb.append("| ").append(n.name()).append(" | ")
          .append(String.format(Locale.ROOT, "%,.0f", held.stream().mapToInt(Run::records).average().orElse(0)))
          .append(" | ").append(spread(held, r -> r.model().pairPrecision()))
          .append(" | ").append(spread(held, r -> r.model().pairRecall()))
          .append(" | ").append(spread(held, r -> r.model().pairF1()))
          .append(" | ").append(spread(held, r -> r.model().clusterF1()))
          .append(" | ").append(spread(held, r -> r.nameDob().pairF1()))
          .append(" | ").append(spread(held, r -> r.document().pairF1()))
          .append(" | ").append(spread(tuned, r -> r.model().pairF1()))
          .append(" | ").append(String.format(Locale.ROOT, "%.1f", held.stream().mapToDouble(Run::seconds).average()
              .orElse(0))).append(" |\n");
    }
    sb.append("\nError analysis of the held-out lists (pairs summed over the seeds):\n\n");
    sb.append("| noise | true pairs missed, by what differs | false pairs, by what the two rows share |\n");
    sb.append("| --- | --- | --- |\n");
    for (NoisyPeople.Noise n : NoisyPeople.Noise.all()) {
      Map<String, Long> missed = new java.util.TreeMap<>();
      Map<String, Long> wrong = new java.util.TreeMap<>();
      for (Run r : runs) {
        if (r.noise().equals(n.name()) && HELD_OUT.contains(r.seed())) {
          r.missed().forEach((k, v) -> missed.merge(k, v, Long::sum));
          r.wrong().forEach((k, v) -> wrong.merge(k, v, Long::sum));
        }
      }
      sb.append("| ").append(n.name()).append(" | ").append(counts(missed)).append(" | ").append(counts(wrong))
          .append(" |\n");
    }
    return sb.append(END).toString();
  }

  private static String counts(Map<String, Long> m) {
    if (m.isEmpty()) {
      return "none";
    }
    List<String> out = new ArrayList<>();
    m.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .forEach(e -> out.add(e.getKey() + " " + e.getValue()));
    return String.join("; ", out);
  }

  private static String spread(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
    if (runs.isEmpty()) {
      return "–";
    }
    double mean = runs.stream().mapToDouble(f).average().orElse(0);
    double min = runs.stream().mapToDouble(f).min().orElse(0);
    double max = runs.stream().mapToDouble(f).max().orElse(0);
    return runs.size() == 1 ? String.format(Locale.ROOT, "%.3f", mean)
        : String.format(Locale.ROOT, "%.3f (%.3f–%.3f)", mean, min, max);
  }
}
