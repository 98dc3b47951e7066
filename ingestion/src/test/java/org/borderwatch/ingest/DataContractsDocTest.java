package org.borderwatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/data-contracts.md is generated from the contracts; this test keeps it in sync (golden file). */
class DataContractsDocTest {
  @Test
  void documentMatchesTheContracts() throws Exception {
    Path doc = Path.of(System.getProperty("user.dir")).resolve("../docs/data-contracts.md").normalize();
    String expected = DataContractsDoc.render(Feeds.all(List.of(5, 6, 7), 6));
    if ("1".equals(System.getenv("BORDERWATCH_GENERATE_DOCS"))) {
      Files.writeString(doc, expected);
    }
    assertEquals(expected, Files.readString(doc), "regenerate with BORDERWATCH_GENERATE_DOCS=1 mvn test");
  }
}
