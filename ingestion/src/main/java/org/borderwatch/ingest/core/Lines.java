package org.borderwatch.ingest.core;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Splits a landing file's bytes into numbered lines: gunzips, drops a UTF-8 BOM, accepts LF and CRLF,
 * and marks lines that are not valid UTF-8 instead of silently replacing their bytes.
 */
public final class Lines {
  private Lines() {}

  /** A physical line: its 1-based number, its text (lossy for invalid lines) and whether it decoded cleanly. */
  public record Line(int number, String text, boolean validUtf8) {}

  /** The lines of a file, or an unreadable-file marker. */
  public record Result(List<Line> lines, String unreadable) {}

  public static Result split(String path, byte[] bytes) {
    byte[] data = bytes;
    if (path.endsWith(".gz")) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 4);
        in.transferTo(out);
        data = out.toByteArray();
      } catch (IOException e) {
        return new Result(List.of(), "cannot decompress: " + e.getMessage());
      }
    }
    List<Line> lines = new ArrayList<>();
    int start = 0;
    if (data.length >= 3 && (data[0] & 0xff) == 0xEF && (data[1] & 0xff) == 0xBB && (data[2] & 0xff) == 0xBF) {
      start = 3;
    }
    CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    int n = 0;
    int i = start;
    while (i < data.length) {
      int end = i;
      while (end < data.length && data[end] != '\n') {
        end++;
      }
      int stop = end > i && data[end - 1] == '\r' ? end - 1 : end;
      n++;
      lines.add(decode(n, data, i, stop - i, strict));
      i = end + 1;
    }
    return new Result(lines, null);
  }

  private static Line decode(int number, byte[] data, int off, int len, CharsetDecoder strict) {
    try {
      CharBuffer cb = strict.reset().decode(ByteBuffer.wrap(data, off, len));
      return new Line(number, cb.toString(), true);
    } catch (CharacterCodingException e) {
      return new Line(number, new String(data, off, len, StandardCharsets.UTF_8), false);
    }
  }
}
