package org.borderwatch.simulator.world;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.borderwatch.simulator.Rng;
import org.borderwatch.simulator.geo.Country;

/** Documents, phone numbers, handles, plates and account numbers in the shapes each country uses. */
public final class Identifiers {
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  private Identifiers() {}

  /** A passport number; null for the stateless. */
  public static String passport(Country c, Rng rng) {
    if (c == null) {
      return null;
    }
    return switch (c) {
      case MMR -> "M" + rng.pick("A", "B", "C", "D") + rng.digits(6);
      case THA -> rng.chars("ABCDEFGHJKLMNPQRSTUVWXYZ", 2) + rng.digits(7);
      case LAO -> "P" + rng.digits(7);
      case KHM -> "N" + rng.digits(8);
      case VNM -> "C" + rng.digits(7);
      case MYS -> "A" + rng.digits(8);
      case IDN -> rng.pick("A", "B", "C", "X") + rng.digits(7);
      case BGD -> "B" + rng.chars("ABCDEFGH", 1) + rng.digits(7);
    };
  }

  /** A valid mobile number in E.164 (checked with libphonenumber's metadata). */
  public static String mobile(Country c, Rng rng) {
    PhoneNumber example = PHONES.getExampleNumberForType(c.alpha2(), PhoneNumberUtil.PhoneNumberType.MOBILE);
    String national = String.valueOf(example.getNationalNumber());
    for (int attempt = 0; attempt < 50; attempt++) {
      int keep = Math.min(national.length() - 3, 3);
      String candidate = national.substring(0, keep) + rng.digits(national.length() - keep);
      try {
        PhoneNumber p = PHONES.parse("+" + c.callingCode() + candidate, null);
        if (PHONES.isValidNumber(p) && PHONES.getNumberType(p) == PhoneNumberUtil.PhoneNumberType.MOBILE) {
          return "+" + c.callingCode() + candidate;
        }
      } catch (com.google.i18n.phonenumbers.NumberParseException e) {
        // try another draw
      }
    }
    return "+" + c.callingCode() + national;
  }

  /** A phone as people write it: international, local with a trunk zero, with spaces or dashes. */
  public static String written(String e164, Country c, Rng rng) {
    String national = e164.substring(1 + c.callingCode().length());
    return switch (rng.nextInt(6)) {
      case 0 -> e164;
      case 1 -> "+" + c.callingCode() + " " + group(national);
      case 2 -> "0" + national;
      case 3 -> "0" + group(national).replace(' ', '-');
      case 4 -> "00" + c.callingCode() + national;
      default -> "(+" + c.callingCode() + ") " + national;
    };
  }

  private static String group(String digits) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0 && i < digits.length() - 1) {
        sb.append(' ');
      }
      sb.append(digits.charAt(i));
    }
    return sb.toString();
  }

  public static String plate(Country c, Rng rng) {
    return switch (c) {
      case THA -> rng.digits(1) + rng.pick("กข", "ขค", "ฆง", "บท", "ผพ") + " " + rng.digits(4);
      case MYS -> rng.pick("P", "K", "J", "W", "B") + rng.chars("ABCDEFGHJKLMNPRSTUVW", 2) + " " + rng.digits(4);
      case KHM -> rng.digits(1) + rng.chars("ABCDEFGH", 2) + "-" + rng.digits(4);
      case VNM -> rng.digits(2) + rng.chars("ABCDEFGH", 1) + "-" + rng.digits(3) + "." + rng.digits(2);
      case LAO -> rng.chars("ABCDEFGH", 2) + " " + rng.digits(4);
      default -> rng.chars("ABCDEFGHJKLMNPRSTUVW", 3) + rng.digits(4);
    };
  }

  /** A social handle derived from the name, as people make them. */
  public static String handle(String latinName, Rng rng) {
    String base = org.borderwatch.simulator.names.NameVariants.stripMarks(latinName).toLowerCase()
        .replaceAll("[^a-z ]", "").trim().replace(" ", rng.pick(".", "_", ""));
    if (base.isEmpty()) {
      base = "user";
    }
    return base + (rng.chance(0.7) ? rng.digits(rng.between(2, 4)) : "");
  }
}
