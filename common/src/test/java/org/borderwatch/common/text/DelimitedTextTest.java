package org.borderwatch.common.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DelimitedTextTest {
  @Test
  void rfc4180QuotingLineBreaksAndDoubledQuotes() {
    String text = "id,name,notes\r\n1,\"Nguyen, Lan\",\"said \"\"no\"\", then left\"\n2,Tran,\"two\nlines\"\n\n3,,\"\"\n";
    DelimitedText.Table t = DelimitedText.parse(text, (char) 0);
    assertEquals(List.of("id", "name", "notes"), t.header());
    assertEquals(',', t.delimiter());
    assertEquals(3, t.rows().size());
    assertArrayEquals(new String[] {"1", "Nguyen, Lan", "said \"no\", then left"}, t.rows().get(0));
    assertArrayEquals(new String[] {"2", "Tran", "two\nlines"}, t.rows().get(1));
    assertArrayEquals(new String[] {"3", "", ""}, t.rows().get(2));
    assertEquals(List.of(2, 3, 6), t.lines(), "each row's first line (the blank line 5 skipped)");
  }

  @Test
  void detectsTheDelimiterFromTheHeader() {
    assertEquals(';', DelimitedText.detect("id;given_name;dob\n1;a,b;c"));
    assertEquals('\t', DelimitedText.detect("id\tname\n"));
    assertEquals('|', DelimitedText.detect("\"a,b\"|c|d"));
    assertEquals(',', DelimitedText.detect("id"), "one column: the default");
    DelimitedText.Table t = DelimitedText.parse("id;given_name\n1;Lan\n", (char) 0);
    assertEquals(List.of("id", "given_name"), t.header());
    assertArrayEquals(new String[] {"1", "Lan"}, t.rows().get(0));
  }

  @Test
  void everyProblemNamesItsLine() {
    assertEquals("the file is empty: it needs a header line naming its columns",
        assertThrows(IllegalArgumentException.class, () -> DelimitedText.parse("", ',')).getMessage());
    assertEquals("the file is empty: it needs a header line naming its columns",
        assertThrows(IllegalArgumentException.class, () -> DelimitedText.parse("\n\n", ',')).getMessage());
    assertEquals("line 3: 2 fields where the header has 3 (delimiter ',')", assertThrows(IllegalArgumentException.class,
        () -> DelimitedText.parse("a,b,c\n1,2,3\n4,5\n", ',')).getMessage());
    assertEquals("line 2: a quoted field is never closed", assertThrows(IllegalArgumentException.class,
        () -> DelimitedText.parse("a,b\n1,\"open\n", ',')).getMessage());
    assertEquals("line 2: a quote inside an unquoted field (RFC 4180: quote the whole field and double the quotes "
        + "inside it)", assertThrows(IllegalArgumentException.class, () -> DelimitedText.parse("a,b\n1,x\"y\"\n", ','))
            .getMessage());
    assertEquals("line 1: the header names column 'a' twice", assertThrows(IllegalArgumentException.class,
        () -> DelimitedText.parse("a,a\n", ',')).getMessage());
    assertEquals("line 1: column 2 of the header has no name", assertThrows(IllegalArgumentException.class,
        () -> DelimitedText.parse("a,,b\n", ',')).getMessage());
  }

  @Test
  void decodesStrictlyAndNamesTheBadByte() {
    byte[] latin1 = "id,name\n1,José\n".getBytes(StandardCharsets.ISO_8859_1);
    assertEquals("the bytes are not valid UTF-8 at byte offset 13 (line 2): give the file's encoding (e.g. --encoding "
        + "ISO-8859-1 or windows-1252)", assertThrows(IllegalArgumentException.class,
            () -> DelimitedText.decode(latin1, StandardCharsets.UTF_8)).getMessage());
    assertEquals("id,name\n1,José\n", DelimitedText.decode(latin1, StandardCharsets.ISO_8859_1));
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'i', 'd'};
    assertEquals("id", DelimitedText.decode(bom, StandardCharsets.UTF_8), "the byte-order mark is not a character");
    byte[] utf16 = "\uFEFFid,name\n1,José\n".getBytes(StandardCharsets.UTF_16LE);
    assertEquals(StandardCharsets.UTF_16LE, DelimitedText.detect(utf16), "named by its byte-order mark");
    assertEquals("id,name\n1,José\n", DelimitedText.decode(utf16, DelimitedText.detect(utf16)));
    assertEquals(StandardCharsets.UTF_8, DelimitedText.detect(latin1), "no mark: UTF-8, and the bad byte an error");
    assertEquals("Lan", DelimitedText.decode("Lan".getBytes(Charset.forName("windows-1252")),
        Charset.forName("windows-1252")));
  }
}
