package org.borderwatch.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.core.config.BorderwatchConfig;
import org.borderwatch.core.job.Progress;
import org.borderwatch.testing.FreshLakehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** resolve --input: an analyst's list of people, written and resolved, entities and pairs read back. */
@FreshLakehouse
class PeopleCsvTest {
  static final String[][] PEOPLE = {
      // given, family, dob, nationality, document, sex
      {"Thi Lan", "Nguyen", "1990-04-05", "VN", "C1234567", "F"},
      {"Kyaw Zin", "Htun", "1985-11-20", "MM", "MA998877", "M"},
      {"Somchai", "Srisuwan", "1978-02-14", "TH", "AA5551234", "M"},
      {"Sokha", "Chea", "1995-07-30", "KH", "N0044221", "F"},
      {"Souksavanh", "Phommachanh", "1988-09-09", "LA", "P7766554", "M"},
      {"Van Nam", "Tran", "1992-01-17", "VN", "C7654321", "M"},
      {"Aye Aye", "Win", "2001-12-03", "MM", "MB112233", "F"},
      {"Malee", "Chaiyaporn", "1983-06-21", "TH", "AB4448888", "F"},
  };

  @Test
  void duplicatesOfOnePersonShareAnEntityAndOthersDoNot(SparkSession spark, BorderwatchConfig config,
      @TempDir Path dir) throws Exception {
    // each person twice: once as a watchlist row, once as a victim-list row with the name reordered or
    // respelled, the date written differently and the phone missing; plus people with nobody to match
    List<String> lines = new ArrayList<>(List.of("id,given_name,family_name,full_name,dob,sex,nationality,"
        + "document_number,phone,email,city,notes,person"));
    Map<String, Integer> personOf = new TreeMap<>();
    for (int i = 0; i < PEOPLE.length; i++) {
      String[] p = PEOPLE[i];
      lines.add(String.join(",", "w" + i, p[0], p[1], "", p[2], p[5], p[3], p[4], "", "", "Mae Sot", "watchlist",
          "P" + i));
      String[] d = p[2].split("-");
      String respelled = (p[1] + " " + p[0]).replace("Kyaw", "Kyau").replace("Htun", "Tun").replace("Somchai",
          "Somchay");
      lines.add(String.join(",", "v" + i, "", "", respelled, d[2] + "/" + d[1] + "/" + d[0], p[5].toLowerCase(),
          p[3], "", "", "x@example.org", "", "\"victim list, screened\"", "P" + i));
      personOf.put("w" + i, i);
      personOf.put("v" + i, i);
    }
    for (int i = 0; i < 30; i++) {
      lines.add(String.join(",", "o" + i, "Person" + (char) ('a' + i % 26) + i, "Other" + i, "",
          (1960 + i) + "-03-0" + (1 + i % 9), i % 2 == 0 ? "M" : "F", "TH", "Z" + (100000 + i * 37), "", "", "", "",
          // the truth column: o0 and o1 said to be one person (the resolver rightly keeps them apart), o29 blank
          i == 1 ? "Q0" : i == 29 ? "" : "Q" + i));
      personOf.put("o" + i, 100 + i);
    }
    Path input = dir.resolve("people.csv");
    Files.write(input, lines);
    Path out = dir.resolve("out");
    Files.createDirectories(out);

    PeopleCsv.Summary s = PeopleCsv.resolve(spark, config, input, out, new PeopleCsv.Options((char) 0, null,
        Map.of(), "person"), Progress.silent());

    Map<String, String> entityOf = new HashMap<>();
    List<String> ent = Files.readAllLines(out.resolve("entities.csv"));
    assertEquals("id,entity_id", ent.get(0));
    for (String l : ent.subList(1, ent.size())) {
      String[] f = l.split(",");
      entityOf.put(f[0], f[1]);
    }
    assertEquals(personOf.keySet(), entityOf.keySet(), "every input id has an entity");
    for (String a : personOf.keySet()) {
      for (String b : personOf.keySet()) {
        assertEquals(personOf.get(a).equals(personOf.get(b)), entityOf.get(a).equals(entityOf.get(b)),
            a + " and " + b);
      }
    }
    // against the truth column (never matched on): the 8 persons' pairs predicted and true, o0-o1 a true pair
    // missed; 38 entities, 36 of them exactly a true cluster, of 37 true clusters
    assertEquals(List.of(personOf.size(), PEOPLE.length + 30, PEOPLE.length), List.of((int) s.people(),
        (int) s.entities(), (int) s.pairs()));
    assertEquals(List.of("columns left out (not standard; --map THEIR_NAME=STANDARD_NAME uses one): notes",
        "1 row(s) with a blank truth column, each counted as a cluster of its own"), s.warnings());
    assertEquals(entityOf, s.entityOf(), "the entities the summary gives are those written");
    assertEquals(new org.borderwatch.evaluation.LinkageScores.Scores(9, 8, 8, 37, 38, 36),
        org.borderwatch.evaluation.LinkageScores.of(s.entityOf(), s.labels()));

    List<String> pairs = Files.readAllLines(out.resolve("pairs.csv"));
    assertEquals("id_l,id_r,match_probability,match_weight,w_name,w_dob,w_document,w_phone,w_nationality,w_sex,"
        + "w_email,w_city,w_address,w_postcode", pairs.get(0));
    Map<String, String[]> byPair = new HashMap<>();
    for (String l : pairs.subList(1, pairs.size())) {
      String[] f = l.split(",", -1);
      byPair.put(f[0] + "|" + f[1], f);
    }
    java.util.Set<String> expectedPairs = new java.util.TreeSet<>();
    for (int i = 0; i < PEOPLE.length; i++) {
      expectedPairs.add("v" + i + "|w" + i);
    }
    assertEquals(expectedPairs, new java.util.TreeSet<>(byPair.keySet()), "the pairs listed are the persons' pairs");
    StringBuilder probabilities = new StringBuilder();
    for (int i = 0; i < PEOPLE.length; i++) {
      probabilities.append(byPair.get("v" + i + "|w" + i)[2]).append(' ');
    }
    // each duplicate agrees with its person on name and birth date alone: the same pattern, the same probability
    assertEquals(String.join(" ", java.util.Collections.nCopies(PEOPLE.length, "0.988971")),
        probabilities.toString().strip());
    for (int i = 0; i < PEOPLE.length; i++) {
      String[] f = byPair.get("v" + i + "|w" + i);
      assertTrue(Double.parseDouble(f[4]) > 0 && Double.parseDouble(f[5]) > 0, "name and birth date carry the match: "
          + String.join(",", f));
      assertEquals(0.0, Double.parseDouble(f[6]), "one side has no document: " + String.join(",", f));
      assertEquals(0.0, Double.parseDouble(f[7]), "no phone on either side: " + String.join(",", f));
      assertEquals(List.of(0.0, 0.0), List.of(Double.parseDouble(f[10]), Double.parseDouble(f[11])),
          "email and city each on one side only: " + String.join(",", f));
    }
  }

  @Test
  void newPeopleLinkAgainstAnEarlierResolutionWithoutChangingIt(SparkSession spark, BorderwatchConfig config,
      @TempDir Path dir) throws Exception {
    // a corrupted list of 300 persons, resolved whole, and as its first 70% then the rest --against it
    List<String[]> rows = org.borderwatch.evaluation.lists.NoisyPeople.generate(300, 
        org.borderwatch.evaluation.lists.NoisyPeople.Noise.MEDIUM, 5);
    int cut = rows.size() * 7 / 10;
    Path whole = dir.resolve("whole.csv");
    Path first = dir.resolve("first.csv");
    Path rest = dir.resolve("rest.csv");
    Files.writeString(whole, org.borderwatch.evaluation.lists.NoisyPeople.csv(rows));
    Files.writeString(first, org.borderwatch.evaluation.lists.NoisyPeople.csv(rows.subList(0, cut)));
    Files.writeString(rest, org.borderwatch.evaluation.lists.NoisyPeople.csv(rows.subList(cut, rows.size())));
    PeopleCsv.Options truth = new PeopleCsv.Options((char) 0, null, Map.of(), "cluster");
    PeopleCsv.Summary all = PeopleCsv.resolve(spark, config, whole, dir.resolve("all"), truth, Progress.silent());
    PeopleCsv.Summary one = PeopleCsv.resolve(spark, config, first, dir.resolve("one"), truth, Progress.silent());
    PeopleCsv.Summary two = PeopleCsv.resolve(spark, config, rest, dir.resolve("two"), truth.against(dir.resolve("one")),
        Progress.silent());

    // every earlier person keeps the entity it had; every id of both lists has one
    for (Map.Entry<String, String> e : one.entityOf().entrySet()) {
      assertEquals(e.getValue(), two.entityOf().get(e.getKey()), "entity of " + e.getKey());
    }
    assertEquals(rows.size(), two.entityOf().size());
    assertEquals(rows.size(), Files.readAllLines(dir.resolve("two").resolve("records.csv")).size() - 1);
    assertEquals(new PeopleCsv.Incremental(rows.size() - cut, 188, 29), two.incremental());
    // the truth of the new list only is in its summary: score both lists' entities against the whole truth
    var scoreAll = org.borderwatch.evaluation.LinkageScores.of(all.entityOf(), all.labels());
    var scoreTwo = org.borderwatch.evaluation.LinkageScores.of(two.entityOf(), all.labels());
    // on this list, linking the rest against the first part loses nothing against resolving the whole at once
    assertEquals("whole 0.9431 incremental 0.9607; new people 226: 188 joined, 29 new entities",
        String.format(java.util.Locale.ROOT, "whole %.4f incremental %.4f; new people %d: %d joined, %d new entities",
            scoreAll.pairF1(), scoreTwo.pairF1(), two.incremental().newPeople(), two.incremental().joinedExisting(),
            two.incremental().newEntities()));
    // ids of the earlier list given again are refused
    org.borderwatch.core.error.BorderwatchException again = org.junit.jupiter.api.Assertions.assertThrows(
        org.borderwatch.core.error.BorderwatchException.class, () -> PeopleCsv.resolve(spark, config, first,
            dir.resolve("three"), truth.against(dir.resolve("one")), Progress.silent()));
    assertTrue(again.getMessage().contains("is already in"), again.getMessage());
  }
}
