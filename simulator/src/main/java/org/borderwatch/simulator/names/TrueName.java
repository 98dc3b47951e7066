package org.borderwatch.simulator.names;

/**
 * A person's name as they would write it themselves. {@code family} is empty where the convention has
 * none; {@code nativeScript} is the name in Thai or Myanmar script where the ethnicity uses one (else null).
 */
public record TrueName(Ethnicity ethnicity, boolean female, String given, String middle, String family,
    String nickname, String nativeScript) {

  /** The name in its own convention's order, with diacritics. */
  public String full() {
    StringBuilder sb = new StringBuilder();
    if (ethnicity.familyFirst()) {
      append(sb, family);
      append(sb, middle);
      append(sb, given);
    } else if (ethnicity == Ethnicity.MALAY) {
      append(sb, given);
      if (!family.isEmpty()) {
        sb.append(female ? " binti " : " bin ").append(family);
      }
    } else {
      append(sb, given);
      append(sb, middle);
      append(sb, family);
    }
    return sb.toString();
  }

  private static void append(StringBuilder sb, String part) {
    if (part != null && !part.isEmpty()) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(part);
    }
  }
}
