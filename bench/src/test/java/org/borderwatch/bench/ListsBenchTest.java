package org.borderwatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lists suite's scoring helpers on a hand-built list. */
class ListsBenchTest {
  // id, given, family, dob, sex, document, email, city, address, postcode, cluster
  static final List<String[]> ROWS = List.of(
      new String[] {"r1", "john", "smith", "1985-03-12", "M", "111", "", "", "12 kent road", "", "c1"},
      new String[] {"r2", "jon", "smith", "12/03/1985", "M", "111", "", "", "12 kent road", "", "c1"},
      new String[] {"r3", "", "", "1985-03-12", "M", "", "", "", "", "", "c1"},
      new String[] {"r4", "mary", "smith", "1990-01-01", "F", "222", "", "", "12 kent road", "", "c2"},
      new String[] {"r5", "anna", "lee", "", "F", "333", "", "", "", "", "c3"});

  @Test
  void baselinesMissedAndFalsePairs() {
    // exact name + date: the two date layouts are one date; a row missing a key stays alone
    Map<String, String> nameDob = ListsBench.exactKey(ROWS, 1, 2, 3);
    assertEquals("john\u0001smith\u00011985-03-12\u0001", nameDob.get("r1"));
    assertEquals("\u0000r3", nameDob.get("r3"));
    assertEquals("\u0000r5", nameDob.get("r5"));
    assertEquals(ListsBench.exactKey(ROWS, 5).get("r1"), ListsBench.exactKey(ROWS, 5).get("r2"));
    // the resolution put r1, r2 and r4 together and left r3 alone
    Map<String, String> entity = Map.of("r1", "A", "r2", "A", "r3", "B", "r4", "A", "r5", "C");
    assertEquals(Map.of("a row without a name", 2L), ListsBench.missed(ROWS, entity));
    assertEquals(Map.of("same household (family name and address)", 2L), ListsBench.wrong(ROWS, entity));
  }

  @Test
  void theSectionReplacesOnlyItsMarkers() {
    String page = "head\n" + ListsBench.BEGIN + "\nold\n" + ListsBench.END + "\ntail\n";
    assertEquals("head\nNEW\ntail\n", ListsBench.replaceSection(page, "NEW"));
    assertThrows(IllegalStateException.class, () -> ListsBench.replaceSection("no markers", "NEW"));
  }
}
