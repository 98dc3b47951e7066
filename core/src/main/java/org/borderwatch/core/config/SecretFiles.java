package org.borderwatch.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import org.borderwatch.core.error.BorderwatchException;

/** Files that hold secrets (the pseudonym key, serve's tokens): read only when their owner alone can read them. */
public final class SecretFiles {
  private SecretFiles() {}

  /**
   * The lines of {@code file}, refused (naming {@code key}, the setting that named it) when it is not a file or when
   * its group or others may read it. On a file system without POSIX permissions its own access rules apply.
   */
  public static List<String> readOwnerOnly(Path file, String key) {
    if (!Files.isRegularFile(file)) {
      throw new BorderwatchException(BorderwatchException.USAGE, key + ": " + file + " is not a file");
    }
    try {
      try {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
          throw new BorderwatchException(BorderwatchException.USAGE, key + ": " + file
              + " is readable by others; make it readable by its owner only (chmod 600 " + file + ")");
        }
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system
      }
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BorderwatchException(BorderwatchException.USAGE, key + ": cannot read " + file + ": " + e.getMessage());
    }
  }
}
