package org.borderwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Usage, unknown commands and options: no Spark needed. */
class CommandLineTest {
  /** Every command Main registers, in the order help lists them. */
  static final List<String> COMMANDS = List.of("simulate", "ingest", "resolve", "networks", "features", "train",
      "score", "victims", "report", "pipeline", "sql", "serve", "tables", "maintain", "erase", "bench");

  @Test
  void eraseNeedsExactlyOneReference() {
    for (List<String> args : List.of(List.of("erase"), List.of("erase", "--person", "PER-X", "--source-id", "Y"))) {
      CliRun r = CliRun.plain(args.toArray(String[]::new));
      assertEquals(2, r.exit(), args + ": " + r.err());
      assertTrue(r.err().contains("--person") && r.err().contains("--source-id"), r.err());
    }
  }

  @Test
  void helpListsEveryCommandWithOneLine() {
    CliRun r = CliRun.plain("--help");
    assertEquals(0, r.exit());
    String commands = r.out().substring(r.out().indexOf("Commands:"));
    for (String c : COMMANDS) {
      assertTrue(commands.matches("(?s).*\\n  " + c + " +\\S.*"), c + " missing in\n" + commands);
    }
    // exactly these, in this order: a command's first line starts two spaces in, its continuations further
    List<String> listed = commands.substring(0, commands.indexOf("\n\n")).lines().skip(1)
        .filter(l -> l.matches("  \\S.*")).map(l -> l.strip().split(" +")[0]).toList();
    assertEquals(COMMANDS, listed, commands);
    assertEquals(COMMANDS, List.copyOf(Main.commandLine().getSubcommands().keySet()));
  }

  @Test
  void everyCommandAnswersHelp() {
    for (String c : COMMANDS) {
      CliRun r = CliRun.plain(c, "--help");
      assertEquals(0, r.exit(), c + ": " + r.err());
      assertTrue(r.out().startsWith("Usage: borderwatch " + c + " "), c + ":\n" + r.out());
      assertTrue(r.out().contains("-h, --help"), c + ":\n" + r.out());
      assertEquals("", r.err(), c);
    }
  }

  @Test
  void unknownCommandPrintsUsageAndExits2() {
    CliRun r = CliRun.plain("frobnicate");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("Unmatched argument at index 0: 'frobnicate'"), r.err());
    assertTrue(r.err().contains("Usage: borderwatch"), r.err());
  }

  @Test
  void unknownOptionPrintsUsageAndExits2() {
    CliRun r = CliRun.plain("tables", "--bogus");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("Unknown option: '--bogus'"), r.err());
    assertTrue(r.err().contains("Usage: borderwatch tables"), r.err());
  }

  @Test
  void aFiguresPageNeedsTheEvaluation() {
    for (String c : new String[] {"networks", "victims", "resolve"}) {
      CliRun r = CliRun.plain(c, "--doc", "page.md");
      assertEquals(2, r.exit(), c + ": " + r.err());
      assertTrue(r.err().contains("--doc needs --evaluate"), r.err());
      assertTrue(r.err().contains("Usage: borderwatch " + c), r.err());
    }
  }

  @Test
  void readingOptionsOfAListAreCheckedBeforeAnythingRuns() {
    CliRun r = CliRun.plain("resolve", "--map", "a=id");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("--delimiter, --encoding, --map, --settings, --against and --truth-column go with "
        + "--input"),
        r.err());
    r = CliRun.plain("resolve", "--settings", "conf/resolution/people.conf");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("the lakehouse's settings are resolve.settings"), r.err());
    r = CliRun.plain("resolve", "--truth-column", "cluster");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("--truth-column go with --input"), r.err());
    r = CliRun.plain("resolve", "--input", "x.csv", "--out", "o", "--delimiter", ";;");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("invalid value ';;' for --delimiter"), r.err());
    r = CliRun.plain("resolve", "--input", "x.csv", "--out", "o", "--encoding", "klingon-8");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("invalid value 'klingon-8' for --encoding"), r.err());
  }

  @Test
  void noCommandIsAUsageError() {
    CliRun r = CliRun.plain();
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("a command is required"), r.err());
  }

  @Test
  void configErrorIsOneLineAndExit2() {
    CliRun r = CliRun.plain("--conf", "no.such.key=1", "tables");
    assertEquals(2, r.exit());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().startsWith("borderwatch: configuration error: unknown key 'no.such.key'"), r.err());
    r = CliRun.plain("tables", "--conf", "compute.shuffle-partitions=0");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("'compute.shuffle-partitions' has value '0'"), r.err());
  }

  @Test
  void badWeekIsAUsageError() {
    CliRun r = CliRun.plain("pipeline", "--week", "2025-13");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("YYYY-Www"), r.err());
  }
}
