package org.borderwatch.common.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Delimited text as RFC 4180 has it, for lists a person hands over (not the lakehouse's landing feeds):
 * strict decoding in a named encoding, a delimiter given or detected from the header line, quoted fields that
 * hold delimiters, doubled quotes and line breaks. Every problem is an {@link IllegalArgumentException} that
 * names the line.
 */
public final class DelimitedText {
  private DelimitedText() {}

  /** Delimiters tried when none is given, in order of preference on a tie. */
  public static final char[] CANDIDATES = {',', ';', '\t', '|'};

  /** The parsed text: header, rows (each with its first line number), the delimiter used. */
  public record Table(List<String> header, List<String[]> rows, List<Integer> lines, char delimiter) {}

  /**
   * The encoding a byte-order mark names (UTF-8, UTF-16LE, UTF-16BE), else UTF-8: what is read when no encoding
   * is given. Bytes that are not valid in it are then an error (see {@link #decode}), never a silent guess.
   */
  public static Charset detect(byte[] b) {
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      return StandardCharsets.UTF_16BE;
    }
    return StandardCharsets.UTF_8;
  }

  /**
   * Decodes bytes strictly (a byte sequence that is not valid in the encoding is an error naming its line);
   * a byte-order mark is dropped.
   */
  public static String decode(byte[] bytes, Charset charset) {
    CharsetDecoder d = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    int start = charset.equals(StandardCharsets.UTF_8) && bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3
        : (charset.equals(StandardCharsets.UTF_16LE) || charset.equals(StandardCharsets.UTF_16BE)) && bytes.length >= 2
            && detect(bytes).equals(charset) ? 2 : 0;
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate((int) Math.ceil((bytes.length - start) * (double) d.maxCharsPerByte()) + 1);
    var result = d.decode(in, out, true);
    if (result.isError()) {
      int at = in.position();
      int line = 1;
      for (int i = start; i < at; i++) {
        line += bytes[i] == '\n' ? 1 : 0;
      }
      throw new IllegalArgumentException(String.format("the bytes are not valid %s at byte offset %d (line %d): give the "
          + "file's encoding (e.g. --encoding ISO-8859-1 or windows-1252)", charset.name(), at, line));
    }
    d.flush(out);
    out.flip();
    return out.toString();
  }

  /** The delimiter of a header line: the candidate found most often outside quotes (',' when none is). */
  public static char detect(String text) {
    int[] counts = new int[CANDIDATES.length];
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        break;
      } else if (!quoted) {
        for (int k = 0; k < CANDIDATES.length; k++) {
          counts[k] += c == CANDIDATES[k] ? 1 : 0;
        }
      }
    }
    int best = 0;
    for (int k = 1; k < CANDIDATES.length; k++) {
      if (counts[k] > counts[best]) {
        best = k;
      }
    }
    return CANDIDATES[best];
  }

  /**
   * Parses the text: the first record is the header. Errors: an empty text, a header with a blank or repeated
   * name, an unclosed quote, a quote inside an unquoted field, a row with more or fewer fields than the header.
   * Blank lines are skipped. {@code delimiter} 0 = detect.
   */
  public static Table parse(String text, char delimiter) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("the file is empty: it needs a header line naming its columns");
    }
    char sep = delimiter == 0 ? detect(text) : delimiter;
    List<List<String>> records = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int line = 1;
    int recordLine = 1;
    boolean quoted = false;
    boolean wasQuoted = false;
    boolean any = false;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < n && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          line += c == '\n' ? 1 : 0;
          field.append(c);
        }
        continue;
      }
      if (c == '"') {
        if (field.length() > 0 || wasQuoted) {
          throw new IllegalArgumentException("line " + line + ": a quote inside an unquoted field (RFC 4180: quote "
              + "the whole field and double the quotes inside it)");
        }
        quoted = true;
        wasQuoted = true;
        any = true;
      } else if (c == sep) {
        record.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
        any = true;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (any || field.length() > 0) {
          record.add(field.toString());
          records.add(record);
          starts.add(recordLine);
        }
        record = new ArrayList<>();
        field.setLength(0);
        wasQuoted = false;
        any = false;
        line++;
        recordLine = line;
      } else {
        if (wasQuoted) {
          throw new IllegalArgumentException("line " + line + ": text after the closing quote of a field");
        }
        field.append(c);
        any = true;
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("line " + recordLine + ": a quoted field is never closed");
    }
    if (any || field.length() > 0) {
      record.add(field.toString());
      records.add(record);
      starts.add(recordLine);
    }
    if (records.isEmpty()) {
      throw new IllegalArgumentException("the file is empty: it needs a header line naming its columns");
    }
    List<String> header = new ArrayList<>();
    for (String h : records.get(0)) {
      String name = h.strip();
      if (name.isEmpty()) {
        throw new IllegalArgumentException("line " + starts.get(0) + ": column " + (header.size() + 1)
            + " of the header has no name");
      }
      if (header.contains(name)) {
        throw new IllegalArgumentException("line " + starts.get(0) + ": the header names column '" + name + "' twice");
      }
      header.add(name);
    }
    List<String[]> rows = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    for (int r = 1; r < records.size(); r++) {
      List<String> rec = records.get(r);
      if (rec.size() != header.size()) {
        throw new IllegalArgumentException("line " + starts.get(r) + ": " + rec.size() + " fields where the header has "
            + header.size() + " (delimiter '" + printable(sep) + "')");
      }
      rows.add(rec.toArray(new String[0]));
      lines.add(starts.get(r));
    }
    return new Table(List.copyOf(header), rows, lines, sep);
  }

  public static String printable(char c) {
    return c == '\t' ? "\\t" : String.valueOf(c);
  }
}
