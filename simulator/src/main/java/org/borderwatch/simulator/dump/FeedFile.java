package org.borderwatch.simulator.dump;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * One landing file as an agency exports it: optional UTF-8 BOM, LF or CRLF, optional gzip. Lines are
 * bytes so that a defect can plant invalid UTF-8. Physical line numbers start at 1 (the header, if any).
 */
public final class FeedFile {
  private final String relativePath;
  private final boolean gzip;
  private final boolean crlf;
  private final boolean bom;
  private final List<byte[]> lines = new ArrayList<>();
  private final List<String[]> defects = new ArrayList<>();

  public FeedFile(String relativePath, boolean gzip, boolean crlf, boolean bom) {
    this.relativePath = relativePath;
    this.gzip = gzip;
    this.crlf = crlf;
    this.bom = bom;
  }

  public String path() {
    return relativePath;
  }

  /** Appends a line; returns its physical line number. */
  public int add(String line) {
    return add(line.getBytes(StandardCharsets.UTF_8));
  }

  public int add(byte[] line) {
    cached = null;
    lines.add(line);
    return lines.size();
  }

  /** Records a planted defect (written to the truth so tests can expect the exact quarantine). */
  public void defect(int lineNumber, String kind) {
    defects.add(new String[] {relativePath, String.valueOf(lineNumber), kind});
  }

  public List<String[]> defects() {
    return defects;
  }

  public int lineCount() {
    return lines.size();
  }

  /** The file's bytes (gzip-compressed when the feed is). GZIP headers carry no timestamp: same input, same bytes. */
  public byte[] bytes() throws IOException {
    if (cached == null) {
      cached = encode();
    }
    return cached;
  }

  private byte[] cached;

  private byte[] encode() throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    if (bom && !lines.isEmpty()) {
      raw.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }
    for (byte[] l : lines) {
      raw.write(l);
      raw.write(crlf ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
    }
    if (!gzip) {
      return raw.toByteArray();
    }
    ByteArrayOutputStream z = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(z)) {
      gz.write(raw.toByteArray());
    }
    return z.toByteArray();
  }

  /** Writes the file under the landing root, replacing it only when the bytes differ. */
  public void write(Path landingRoot) throws IOException {
    Path target = landingRoot.resolve(relativePath);
    Files.createDirectories(target.getParent());
    byte[] b = bytes();
    if (Files.exists(target) && java.util.Arrays.equals(Files.readAllBytes(target), b)) {
      return;
    }
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.write(tmp, b);
    Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }
}
