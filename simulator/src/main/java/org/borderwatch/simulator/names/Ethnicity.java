package org.borderwatch.simulator.names;

import org.borderwatch.simulator.geo.Country;

/** Naming conventions in the region; each has a usual country of nationality (none for Rohingya). */
public enum Ethnicity {
  BURMESE(Country.MMR), KAREN(Country.MMR), SHAN(Country.MMR), ROHINGYA(null), THAI(Country.THA), LAO(Country.LAO),
  KHMER(Country.KHM), VIETNAMESE(Country.VNM), MALAY(Country.MYS), INDONESIAN(Country.IDN);

  private final Country nationality;

  Ethnicity(Country nationality) {
    this.nationality = nationality;
  }

  /** Country of nationality, or null for stateless people. */
  public Country nationality() {
    return nationality;
  }

  /** Whether the family name is written first (Vietnamese, Khmer). */
  public boolean familyFirst() {
    return this == VIETNAMESE || this == KHMER;
  }

  /** Whether the convention has no family name (Burmese, Karen, Shan, many Indonesians). */
  public boolean noFamilyName() {
    return this == BURMESE || this == KAREN || this == SHAN;
  }

  public static Ethnicity forCountry(Country c) {
    return switch (c) {
      case MMR -> BURMESE;
      case THA -> THAI;
      case LAO -> LAO;
      case KHM -> KHMER;
      case VNM -> VIETNAMESE;
      case MYS -> MALAY;
      case IDN -> INDONESIAN;
      case BGD -> ROHINGYA;
    };
  }
}
