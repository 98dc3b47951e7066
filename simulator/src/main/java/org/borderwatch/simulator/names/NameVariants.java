package org.borderwatch.simulator.names;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.borderwatch.simulator.Rng;

/**
 * How a name appears in a record: romanisation variants, stripped diacritics, swapped order, honorifics,
 * nicknames, native script and typos, each at a rate scaled by the world's noise level.
 */
public final class NameVariants {
  private NameVariants() {}

  /** Record styles that write names differently. */
  public enum Style {
    /** Machine-readable travel document: SURNAME / GIVEN NAMES, upper case, no diacritics. */
    PASSPORT,
    /** Bank or wallet KYC: legal name as typed by a clerk. */
    KYC,
    /** Police case file (Thai script for Thai nationals, honorifics for Burmese, swapped Vietnamese order). */
    POLICE,
    /** Victim-screening interview notes. */
    SCREENING,
    /** Social-media display name. */
    SOCIAL
  }

  /** A rendered name: full text, plus parts where the record has separate fields. */
  public record Rendered(String full, String given, String family) {}

  private static final String[][] BURMESE = {{"Kyaw", "Kyau"}, {"Htun", "Tun"}, {"Myint", "Myit"},
      {"Thein", "Thien"}, {"Moe", "Mo"}, {"Soe", "So"}, {"Naing", "Naign"}, {"Nyein", "Nyain"}, {"Phyu", "Phyo"},
      {"Khaing", "Khine"}, {"Thant", "Thandt"}, {"Htet", "Htat"}, {"Hnin", "Nhin"}, {"Lwin", "Lwinn"}};
  private static final String[][] THAI = {{"ph", "p"}, {"th", "t"}, {"ch", "j"}, {"ai", "ay"}, {"ee", "i"},
      {"oo", "u"}, {"w", "v"}};
  private static final String[][] LAO = {{"x", "s"}, {"v", "w"}, {"ph", "p"}, {"ou", "u"}};
  private static final String[][] KHMER = {{"Sok", "Sock"}, {"Chhay", "Chay"}, {"Chea", "Chia"}, {"Meas", "Meah"},
      {"Sreymom", "Srey Mom"}, {"Sopheap", "Sophiep"}, {"Rithy", "Rithi"}};
  private static final String[][] ROHINGYA = {{"Mohammed", "Mohamed"}, {"Mohammed", "Muhammad"},
      {"Mohammed", "Md."}, {"Hussain", "Hossain"}, {"Begum", "Begom"}, {"Ayesha", "Aysha"}, {"Yusuf", "Yousuf"}};

  /**
   * @param noise 0 for a clean record; 1 for the default amount of variation
   */
  public static Rendered render(TrueName n, Style style, double noise, Rng rng) {
    String given = n.given();
    String middle = n.middle();
    String family = n.family();
    Ethnicity e = n.ethnicity();

    // Spelling: transliteration habits of the person who typed it
    if (rng.chance(0.30 * noise)) {
      given = spell(e, given, rng);
      family = spell(e, family, rng);
    }
    if (rng.chance(0.04 * noise)) {
      if (!family.isEmpty() && rng.chance(0.5)) {
        family = typo(family, rng);
      } else {
        given = typo(given, rng);
      }
    }
    boolean strip = e == Ethnicity.VIETNAMESE && (style == Style.PASSPORT || rng.chance(0.55));
    if (strip) {
      given = stripMarks(given);
      middle = stripMarks(middle);
      family = stripMarks(family);
    }
    if (e == Ethnicity.VIETNAMESE && rng.chance(0.12 * noise)) {
      middle = "";
    }

    switch (style) {
      case PASSPORT -> {
        String g = join(e.familyFirst() ? join(middle, given) : join(given, middle));
        String f = e == Ethnicity.MALAY ? "" : family;
        if (e == Ethnicity.MALAY) {
          g = given + (n.female() ? " BINTI " : " BIN ") + family;
        }
        g = stripMarks(g).toUpperCase(Locale.ROOT);
        f = stripMarks(f).toUpperCase(Locale.ROOT);
        String full = f.isEmpty() ? g : f + " " + g;
        return new Rendered(full, g, f.isEmpty() ? null : f);
      }
      case KYC -> {
        String full = ordered(n, given, middle, family, rng, 0.0);
        if (e == Ethnicity.MALAY && rng.chance(0.4)) {
          full = full.replace(" binti ", " bt. ").replace(" bin ", " b. ");
        }
        String g = e.familyFirst() ? join(middle, given) : given;
        return new Rendered(rng.chance(0.25) ? full.toUpperCase(Locale.ROOT) : full, g,
            family.isEmpty() ? null : family);
      }
      case POLICE -> {
        if (n.nativeScript() != null && e == Ethnicity.THAI && rng.chance(0.7)) {
          return new Rendered(n.nativeScript(), null, null);
        }
        String full = ordered(n, given, middle, family, rng, 0.35 * noise);
        full = honorific(n, full, rng, 0.5);
        return new Rendered(full, null, null);
      }
      case SCREENING -> {
        String full;
        if (e == Ethnicity.THAI && n.nickname() != null && rng.chance(0.2 * noise)) {
          full = given + " (" + n.nickname() + ")";
        } else {
          full = ordered(n, given, middle, family, rng, 0.45 * noise);
        }
        return new Rendered(honorific(n, full, rng, 0.4), null, null);
      }
      case SOCIAL -> {
        if (n.nativeScript() != null && e == Ethnicity.BURMESE && rng.chance(0.4)) {
          return new Rendered(n.nativeScript(), null, null);
        }
        if (e == Ethnicity.THAI && n.nickname() != null && rng.chance(0.3)) {
          return new Rendered(n.nickname() + " " + given, null, null);
        }
        String full = ordered(n, given, middle, family, rng, 0.5);
        if (rng.chance(0.3) && !family.isEmpty()) {
          full = e.familyFirst() ? given + " " + family : given + " " + family.charAt(0) + ".";
        }
        return new Rendered(full, null, null);
      }
      default -> throw new IllegalStateException();
    }
  }

  /** Name in the convention's order, or (with probability swap) in the Western given-first order. */
  private static String ordered(TrueName n, String given, String middle, String family, Rng rng, double swap) {
    Ethnicity e = n.ethnicity();
    if (e == Ethnicity.MALAY) {
      return given + (family.isEmpty() ? "" : (n.female() ? " binti " : " bin ") + family);
    }
    if (e.familyFirst()) {
      if (rng.chance(swap)) {
        // "Lan Nguyen Thi" or "Lan Nguyen" in foreign systems
        return rng.chance(0.5) ? join(given, family, middle) : join(given, family);
      }
      return join(family, middle, given);
    }
    return join(given, middle, family);
  }

  private static String honorific(TrueName n, String full, Rng rng, double p) {
    if (!rng.chance(p)) {
      return full;
    }
    return switch (n.ethnicity()) {
      case BURMESE -> (n.female() ? rng.pick("Daw ", "Ma ") : rng.pick("U ", "Ko ", "Maung ", "Mg ")) + full;
      case THAI -> (n.female() ? rng.pick("Ms. ", "Nang ") : rng.pick("Mr. ", "Nai ")) + full;
      default -> full;
    };
  }

  private static String spell(Ethnicity e, String s, Rng rng) {
    if (s == null || s.isEmpty()) {
      return s;
    }
    String[][] table = switch (e) {
      case BURMESE -> BURMESE;
      case THAI -> THAI;
      case LAO -> LAO;
      case KHMER -> KHMER;
      case ROHINGYA -> ROHINGYA;
      default -> null;
    };
    if (table == null) {
      return s;
    }
    List<String[]> applicable = new ArrayList<>();
    for (String[] pair : table) {
      if (s.contains(pair[0])) {
        applicable.add(pair);
      }
    }
    if (applicable.isEmpty()) {
      return s;
    }
    String[] pair = rng.pick(applicable);
    return s.replaceFirst(java.util.regex.Pattern.quote(pair[0]), java.util.regex.Matcher.quoteReplacement(pair[1]));
  }

  /** One keyboard slip: a deleted, doubled, swapped or substituted letter. */
  static String typo(String s, Rng rng) {
    if (s == null || s.length() < 4) {
      return s;
    }
    int i = rng.between(1, s.length() - 2);
    return switch (rng.nextInt(4)) {
      case 0 -> s.substring(0, i) + s.substring(i + 1);
      case 1 -> s.substring(0, i) + s.charAt(i) + s.substring(i);
      case 2 -> s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2);
      default -> s.substring(0, i) + "aeiounhm".charAt(rng.nextInt(8)) + s.substring(i + 1);
    };
  }

  public static String stripMarks(String s) {
    if (s == null) {
      return null;
    }
    String d = Normalizer.normalize(s.replace('Đ', 'D').replace('đ', 'd'), Normalizer.Form.NFD);
    return d.replaceAll("\\p{M}+", "");
  }

  private static String join(String... parts) {
    StringBuilder sb = new StringBuilder();
    for (String p : parts) {
      if (p != null && !p.isEmpty()) {
        if (sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(p);
      }
    }
    return sb.toString();
  }
}
