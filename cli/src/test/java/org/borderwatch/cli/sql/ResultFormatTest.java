package org.borderwatch.cli.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultFormatTest {
  @Test
  void alignedTableRightAlignsNumbersAndShowsNull() {
    String t = ResultFormat.table(List.of("name", "n"),
        List.of(Arrays.asList("Mae Sot", "12"), Arrays.asList(null, "7"), Arrays.asList("Nguyễn Thị Lan", "1234")),
        new boolean[] {false, true});
    assertEquals(String.join("\n",
        "name            n",
        "--------------  ----",
        "Mae Sot           12",
        "NULL               7",
        "Nguyễn Thị Lan  1234",
        ""), t);
  }

  @Test
  void csvQuotesWhatNeedsQuotingAndLeavesNullsEmpty() {
    String c = ResultFormat.csv(List.of("a", "b"),
        List.of(Arrays.asList("x,y", "say \"hi\""), Arrays.asList(null, "line\nbreak"), Arrays.asList("1", "2")));
    assertEquals("a,b\n\"x,y\",\"say \"\"hi\"\"\"\n,\"line\nbreak\"\n1,2\n", c);
  }
}
