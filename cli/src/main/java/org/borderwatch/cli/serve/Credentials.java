package org.borderwatch.cli.serve;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.borderwatch.core.error.BorderwatchException;
import org.borderwatch.core.session.AnalystAccess;

/**
 * serve's credentials: a file with one line per credential, {@code TOKEN USER ROLE} (blank lines and lines starting
 * with {@code #} are skipped). A token has at least 24 characters; the file must be readable by its owner only.
 * Tokens are compared in constant time, as digests.
 */
public final class Credentials {
  /** Shortest token accepted. */
  static final int MIN_TOKEN = 24;

  /** One credential: its token's digest, its user and role. */
  public record Credential(byte[] digest, String user, String role) {}

  private final List<Credential> credentials;

  Credentials(List<Credential> credentials) {
    this.credentials = List.copyOf(credentials);
  }

  /** Reads and checks a tokens file; an error names the file and the line. */
  public static Credentials load(Path file) {
    List<String> lines = org.borderwatch.core.config.SecretFiles.readOwnerOnly(file, "serve.tokens-file");
    List<Credential> out = new ArrayList<>();
    Set<String> tokens = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+");
      String where = "serve.tokens-file " + file + " line " + (i + 1) + ": ";
      if (parts.length != 3) {
        throw new BorderwatchException(BorderwatchException.USAGE, where + "expected TOKEN USER ROLE, found "
            + parts.length + " field(s)");
      }
      if (parts[0].length() < MIN_TOKEN) {
        throw new BorderwatchException(BorderwatchException.USAGE, where + "a token needs at least " + MIN_TOKEN
            + " characters (e.g. openssl rand -hex 24)");
      }
      if (!AnalystAccess.ROLES.contains(parts[2])) { // (the line, not only the role, is named)
        throw new BorderwatchException(BorderwatchException.USAGE, where + "unknown role '" + parts[2] + "': one of "
            + String.join(", ", AnalystAccess.ROLES));
      }
      if (!tokens.add(parts[0])) {
        throw new BorderwatchException(BorderwatchException.USAGE, where + "the same token is given twice");
      }
      out.add(new Credential(digest(parts[0]), parts[1], parts[2]));
    }
    if (out.isEmpty()) {
      throw new BorderwatchException(BorderwatchException.USAGE, "serve.tokens-file: " + file + " holds no credential");
    }
    return new Credentials(out);
  }

  /** The credential an {@code Authorization} header value ({@code Bearer TOKEN}) names, or null. */
  public Credential check(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    byte[] d = digest(authorization.substring(7).strip());
    Credential found = null;
    for (Credential c : credentials) {
      if (MessageDigest.isEqual(c.digest(), d)) { // every credential compared, in constant time
        found = c;
      }
    }
    return found;
  }

  public int size() {
    return credentials.size();
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
