package org.borderwatch.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PseudonymizerTest {
  @Test
  void stableKeyedAndKindSeparated() {
    Pseudonymizer p = new Pseudonymizer("a-secret-key-of-some-length");
    String t = p.token("per", "E-000123");
    assertTrue(t.matches("PER-[0-9A-Z]{12}"), t);
    assertEquals(t, p.token("per", "E-000123"));
    assertNotEquals(t, p.token("per", "E-000124"));
    assertNotEquals(t.substring(4), p.token("acc", "E-000123").substring(4));
    assertNotEquals(t, new Pseudonymizer("another-secret-key-value").token("per", "E-000123"));
    assertNull(p.token("per", null));
  }
}
