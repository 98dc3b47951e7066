package org.borderwatch.core.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedSectionTest {
  static final String B = "<!-- generated: figures begin -->";
  static final String E = "<!-- generated: figures end -->";

  @Test
  void replacesOnlyTheSectionAndKeepsTheProse() {
    String page = "# T\n\nprose\n\n" + B + "\nold\nlines\n" + E + "\n\nafter\n";
    assertEquals("# T\n\nprose\n\n" + B + "\nnew\n" + E + "\n\nafter\n",
        GeneratedSection.replace(page, "figures", "new"));
    // twice: the same page (idempotent)
    String once = GeneratedSection.replace(page, "figures", "new\n");
    assertEquals(once, GeneratedSection.replace(once, "figures", "new\n"));
  }

  @Test
  void appendsWhenThePageHasNoSection(@TempDir Path dir) throws Exception {
    assertEquals("# T\n\n" + B + "\nx\n" + E + "\n", GeneratedSection.replace("# T", "figures", "x"));
    Path f = dir.resolve("sub/page.md");
    GeneratedSection.write(f, "figures", "x");
    assertEquals("\n" + B + "\nx\n" + E + "\n", Files.readString(f));
  }

  @Test
  void refusesMalformedMarkers() {
    assertThrows(IllegalArgumentException.class, () -> GeneratedSection.replace(E + "\n" + B, "figures", "x"));
    assertThrows(IllegalArgumentException.class, () -> GeneratedSection.replace(B + "\n", "figures", "x"));
    assertThrows(IllegalArgumentException.class, () -> GeneratedSection.replace(B + B + E, "figures", "x"));
  }
}
