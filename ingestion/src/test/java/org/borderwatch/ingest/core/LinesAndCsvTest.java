package org.borderwatch.ingest.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class LinesAndCsvTest {
  static byte[] gzip(byte[] b) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(b);
    }
    return out.toByteArray();
  }

  @Test
  void bomCrlfAndTrailingNewline() {
    byte[] b = "\uFEFFa,b\r\n1,2\r\n".getBytes(StandardCharsets.UTF_8);
    Lines.Result r = Lines.split("x.csv", b);
    assertEquals(List.of(new Lines.Line(1, "a,b", true), new Lines.Line(2, "1,2", true)), r.lines());
  }

  @Test
  void invalidUtf8IsMarkedNotReplacedSilently() {
    byte[] b = {'o', 'k', '\n', 'b', (byte) 0xC3, (byte) 0x28, 'd', '\n', 'l', 'a', 's', 't'};
    Lines.Result r = Lines.split("x.csv", b);
    assertEquals(3, r.lines().size());
    assertTrue(r.lines().get(0).validUtf8());
    assertFalse(r.lines().get(1).validUtf8());
    assertEquals(new Lines.Line(3, "last", true), r.lines().get(2));
  }

  @Test
  void gzipAndEmptyAndCorruptGzip() throws IOException {
    assertEquals(List.of(new Lines.Line(1, "{}", true)),
        Lines.split("x.jsonl.gz", gzip("{}\n".getBytes(StandardCharsets.UTF_8))).lines());
    assertEquals(List.of(), Lines.split("x.csv", new byte[0]).lines());
    Lines.Result bad = Lines.split("x.jsonl.gz", "not gzip".getBytes(StandardCharsets.UTF_8));
    assertTrue(bad.unreadable().startsWith("cannot decompress"), bad.unreadable());
  }

  @Test
  void csvQuotesDelimitersAndUnbalancedQuotes() {
    assertEquals(List.of("a", "b;c", "say \"hi\"", ""), Csv.split("a;\"b;c\";\"say \"\"hi\"\"\";", ';'));
    assertEquals(List.of("x", "", "y"), Csv.split("x||y", '|'));
    assertNull(Csv.split("a,\"b", ','));
    assertEquals(List.of("Ahmad b. Ismail", "Kuala Lumpur"), Csv.split("Ahmad b. Ismail\tKuala Lumpur", '\t'));
  }
}
