package org.borderwatch.core.doc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A part of a documentation page that a command writes: the text between
 * {@code <!-- generated: NAME begin -->} and {@code <!-- generated: NAME end -->} is replaced, the rest of the
 * page (its prose, which states no figure) is kept. A page without the markers gets the section appended.
 */
public final class GeneratedSection {
  private GeneratedSection() {}

  public static String begin(String name) {
    return "<!-- generated: " + name + " begin -->";
  }

  public static String end(String name) {
    return "<!-- generated: " + name + " end -->";
  }

  /** The page with the named section's body replaced by {@code body}. */
  public static String replace(String page, String name, String body) {
    String b = begin(name);
    String e = end(name);
    String content = b + "\n" + (body.endsWith("\n") ? body : body + "\n") + e;
    int i = page.indexOf(b);
    int j = page.indexOf(e);
    if (i < 0 && j < 0) {
      return page + (page.isEmpty() || page.endsWith("\n") ? "" : "\n") + "\n" + content + "\n";
    }
    if (i < 0 || j < i || page.indexOf(b, i + 1) >= 0 || page.indexOf(e, j + 1) >= 0) {
      throw new IllegalArgumentException("the page's generated section '" + name + "' is malformed: it needs one '"
          + b + "' line before one '" + e + "' line");
    }
    return page.substring(0, i) + content + page.substring(j + e.length());
  }

  /** Rewrites the named section of a page file (created when missing). */
  public static void write(Path file, String name, String body) throws IOException {
    String page = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    if (file.toAbsolutePath().getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    Files.writeString(file, replace(page, name, body), StandardCharsets.UTF_8);
  }
}
