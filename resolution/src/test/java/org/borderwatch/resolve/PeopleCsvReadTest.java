package org.borderwatch.resolve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.borderwatch.core.error.BorderwatchException;
import org.junit.jupiter.api.Test;

/** The list of people as the reader takes it: every kind of bad input gets its message, nothing crashes. */
class PeopleCsvReadTest {
  private static PeopleCsv.Input read(String text) {
    return PeopleCsv.read("people.csv", text.getBytes(StandardCharsets.UTF_8), PeopleCsv.Options.DEFAULT);
  }

  private static String error(String text, PeopleCsv.Options o) {
    BorderwatchException e = assertThrows(BorderwatchException.class,
        () -> PeopleCsv.read("people.csv", text.getBytes(StandardCharsets.ISO_8859_1), o));
    assertEquals(2, e.exitCode(), e.getMessage());
    return e.getMessage();
  }

  @Test
  void aBlankNameFieldIsNoName() {
    Map<String, String> v = new HashMap<>();
    v.put("id", "1");
    v.put("given_name", null);
    v.put("family_name", "Nguyen");
    Row r = PeopleCsv.conform(v);
    assertEquals("1", r.getString(0));
    assertEquals("nguyen", r.getString(2), "the family name alone");
    v.put("family_name", null);
    Row none = PeopleCsv.conform(v);
    assertNull(none.get(2), "no name at all: nothing to compare, not the word null");
  }

  @Test
  void semicolonsQuotesAndLineBreaks() {
    PeopleCsv.Input in = read("id;given_name;family_name;dob\n1;\"Lan \"\"Mai\"\"\";Nguyen;1990-04-05\n"
        + "2;\"Kyaw;\nZin\";Htun;\n");
    assertEquals(List.of("id", "given_name", "family_name", "dob"), in.columns());
    assertArrayEquals(new String[] {"1", "Lan \"Mai\"", "Nguyen", "1990-04-05"}, in.rows().get(0));
    assertArrayEquals(new String[] {"2", "Kyaw;\nZin", "Htun", null}, in.rows().get(1), "blank is missing");
    assertEquals(List.of(), in.warnings());
    // a doubled quote right before the delimiter (the case that used to abort)
    PeopleCsv.Input q = read("id,full_name,city\n1,\"Tran \"\"Nam\"\"\",Hue\n");
    assertArrayEquals(new String[] {"1", "Tran \"Nam\"", "Hue"}, q.rows().get(0));
  }

  @Test
  void unknownColumnsAreReportedAndMapped() {
    PeopleCsv.Input in = read("id,surname,notes\n1,Nguyen,x\n");
    assertEquals(List.of("id"), in.columns());
    assertEquals(List.of("columns left out (not standard; --map THEIR_NAME=STANDARD_NAME uses one): surname, notes"),
        in.warnings());
    PeopleCsv.Input mapped = PeopleCsv.read("f.csv", "rec,surname,notes\n1,Nguyen,x\n".getBytes(StandardCharsets.UTF_8),
        new PeopleCsv.Options((char) 0, StandardCharsets.UTF_8, Map.of("surname", "family_name", "rec", "id")));
    assertEquals(List.of("id", "family_name"), mapped.columns());
    assertArrayEquals(new String[] {"1", "Nguyen"}, mapped.rows().get(0));
    assertEquals("people.csv: --map names a column 'sur' the header does not have (columns: id, surname)",
        error("id,surname\n1,x\n", new PeopleCsv.Options((char) 0, StandardCharsets.UTF_8, Map.of("sur", "family_name"))));
    assertEquals("people.csv: two columns would be 'family_name' (check --map; only [address] may come from several)",
        error("id,surname,family_name\n1,x,y\n",
        new PeopleCsv.Options((char) 0, StandardCharsets.UTF_8, Map.of("surname", "family_name"))));
    // a street number and two street lines make one address, in the file's order, blanks left out
    PeopleCsv.Input joined = PeopleCsv.read("f.csv", ("id,street_number,address_1,address_2\n1,12,miller street,\n2,,"
        + "kent road,unit 4\n").getBytes(StandardCharsets.UTF_8), new PeopleCsv.Options((char) 0,
        StandardCharsets.UTF_8, Map.of("street_number", "address", "address_1", "address", "address_2", "address")));
    assertEquals(List.of("id", "address"), joined.columns());
    assertArrayEquals(new String[] {"1", "12 miller street"}, joined.rows().get(0));
    assertArrayEquals(new String[] {"2", "kent road unit 4"}, joined.rows().get(1));
  }

  @Test
  void aTruthColumnIsReadApartAndNeverMatchedOn() {
    PeopleCsv.Options truth = new PeopleCsv.Options((char) 0, StandardCharsets.UTF_8, Map.of(), "cluster");
    PeopleCsv.Input in = PeopleCsv.read("f.csv", "id,family_name,cluster\n1,Nguyen,A\n2,Nguyen,\n3,Tran,A\n"
        .getBytes(StandardCharsets.UTF_8), truth);
    assertEquals(List.of("id", "family_name"), in.columns(), "not a column to match on");
    assertEquals(java.util.Arrays.asList("A", null, "A"), in.labels());
    assertEquals(List.of("1 row(s) with a blank truth column, each counted as a cluster of its own"), in.warnings());
    assertNull(read("id,cluster\n1,A\n").labels(), "no truth without --truth-column");
    assertEquals("people.csv: no truth column 'cluster' in the header (columns: id, family_name)",
        error("id,family_name\n1,x\n", truth));
    assertEquals("invalid value 'email' for --truth-column; allowed: a column that is not also matched on (it is "
        + "the answer, never an input)", error("id,email\n1,x\n", new PeopleCsv.Options((char) 0,
            StandardCharsets.UTF_8, Map.of(), "email")));
  }

  @Test
  void invalidDatesAreReportedNotSilent() {
    PeopleCsv.Input in = read("id,dob\n1,1990-02-30\n2,1990\n3,05/04/1990\n4,soon\n5,\n");
    assertEquals(List.of("2 date(s) of birth not understood, treated as missing ('1990-02-30' on line 2, 'soon' on "
        + "line 5); understood: yyyy-MM-dd, dd/MM/yyyy, d/M/yyyy, yyyyMMdd or a bare year"), in.warnings());
  }

  @Test
  void badFilesGetOneClearMessage() {
    PeopleCsv.Options d = PeopleCsv.Options.DEFAULT;
    assertEquals("people.csv: the file is empty: it needs a header line naming its columns", error("", d));
    assertEquals("people.csv: a header and no rows: nothing to resolve", error("id,given_name\n", d));
    assertEquals("people.csv: no 'id' column among [given_name, dob] (delimiter ',', detected); the standard columns "
        + "are " + PeopleCsv.COLUMNS + ", and --map THEIR_NAME=id renames one", error("given_name,dob\nLan,1990\n", d));
    assertEquals("people.csv: no 'id' column among [id;given_name] (delimiter ',')", error("id;given_name\n1;Lan\n",
        new PeopleCsv.Options(',', StandardCharsets.UTF_8, Map.of())).split("; the standard")[0],
        "a delimiter given wrongly: the header shows why");
    assertEquals("people.csv: the bytes are not valid UTF-8 at byte offset 18 (line 2): give the file's encoding (e.g. "
        + "--encoding ISO-8859-1 or windows-1252)", error("id,full_name\n1,José\n", d));
    assertEquals("people.csv: line 3: id '1' again (first on line 2); ids must be unique", error("id\n1\n1\n", d));
    assertEquals("people.csv: line 2: no id", error("id,full_name\n,Lan\n", d));
    assertEquals("people.csv: line 2: 3 fields where the header has 2 (delimiter ',')", error("id,full_name\n1,a,b\n", d));
    // the same Latin-1 bytes with their encoding named
    PeopleCsv.Input latin = PeopleCsv.read("people.csv", "id,full_name\n1,José\n".getBytes(StandardCharsets.ISO_8859_1),
        new PeopleCsv.Options((char) 0, StandardCharsets.ISO_8859_1, Map.of()));
    assertArrayEquals(new String[] {"1", "José"}, latin.rows().get(0));
  }
}
