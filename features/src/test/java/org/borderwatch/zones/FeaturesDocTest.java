package org.borderwatch.zones;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/features.md is generated from the feature definitions; this test keeps it in sync (golden file). */
class FeaturesDocTest {
  @Test
  void documentMatchesTheDefinitions() throws Exception {
    Path doc = Path.of(System.getProperty("user.dir")).resolve("../docs/features.md").normalize();
    String expected = FeaturesDoc.render();
    if ("1".equals(System.getenv("BORDERWATCH_GENERATE_DOCS"))) {
      Files.writeString(doc, expected);
    }
    assertEquals(expected, Files.readString(doc), "regenerate with BORDERWATCH_GENERATE_DOCS=1 mvn test");
  }
}
