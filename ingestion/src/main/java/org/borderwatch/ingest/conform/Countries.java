package org.borderwatch.ingest.conform;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** ISO 3166 alpha-3 from the codes, names and demonyms agencies write. */
public final class Countries {
  private static final Map<String, String> BY_TEXT = new HashMap<>();
  /** Texts that mean "no nationality". */
  private static final java.util.Set<String> STATELESS = java.util.Set.of("stateless", "xxa", "rohingya", "none");
  private static final Map<String, String> ALPHA2 = new HashMap<>();

  static {
    add("MMR", "MM", "myanmar", "burma", "burmese", "myanmar national");
    add("LAO", "LA", "laos", "lao", "lao pdr", "laotian");
    add("KHM", "KH", "cambodia", "cambodian", "khmer", "kampuchea");
    add("VNM", "VN", "vietnam", "viet nam", "vietnamese");
    add("THA", "TH", "thailand", "thai");
    add("MYS", "MY", "malaysia", "malaysian");
    add("IDN", "ID", "indonesia", "indonesian");
    add("BGD", "BD", "bangladesh", "bangladeshi");
    add("CHN", "CN", "china", "chinese");
    add("PHL", "PH", "philippines", "filipino");
    add("IND", "IN", "india", "indian");
    add("SGP", "SG", "singapore", "singaporean");
    add("USA", "US", "united states", "american");
  }

  private Countries() {}

  private static void add(String alpha3, String alpha2, String... names) {
    BY_TEXT.put(alpha3.toLowerCase(Locale.ROOT), alpha3);
    BY_TEXT.put(alpha2.toLowerCase(Locale.ROOT), alpha3);
    ALPHA2.put(alpha3, alpha2);
    for (String n : names) {
      BY_TEXT.put(n, alpha3);
    }
  }

  /** Alpha-3 code, or null when unknown or stateless. */
  public static String alpha3(String text) {
    if (text == null) {
      return null;
    }
    return BY_TEXT.get(text.strip().toLowerCase(Locale.ROOT));
  }

  public static boolean stateless(String text) {
    return text != null && STATELESS.contains(text.strip().toLowerCase(Locale.ROOT));
  }

  /** Alpha-2 of an alpha-3 (for phone parsing), or null. */
  public static String alpha2(String alpha3) {
    return alpha3 == null ? null : ALPHA2.get(alpha3);
  }
}
