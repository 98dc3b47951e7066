package org.borderwatch.cli.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {
  @Test
  void splitsOutsideQuotesAndComments() {
    String script = "-- weekly check; not a split\nSELECT 'a;b' AS x;\n/* block; comment */ SELECT `c;d` FROM t;"
        + "SELECT \"e;f\";\n-- trailing comment only\n";
    assertEquals(List.of("-- weekly check; not a split\nSELECT 'a;b' AS x", "/* block; comment */ SELECT `c;d` FROM t",
        "SELECT \"e;f\""), StatementSplitter.split(script));
  }

  @Test
  void escapedQuotesAndEmptyStatements() {
    assertEquals(List.of("SELECT 'it\\'s; fine'", "SELECT 2"), StatementSplitter.split("SELECT 'it\\'s; fine';;\n;SELECT 2;"));
    assertEquals(List.of(), StatementSplitter.split("  ;  -- nothing\n"));
  }
}
