package org.borderwatch.ingest.conform;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Phone numbers in E.164 with libphonenumber; an invalid number becomes null and the row keeps a flag. */
public final class Phones {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final Pattern HANDLE = Pattern.compile("(?<![\\w.])@([A-Za-z0-9][A-Za-z0-9._]{2,40})");

  private Phones() {}

  /** E.164 of a raw number, reading national numbers in the given region (alpha-2); null when invalid. */
  public static String e164(String raw, String region) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String s = raw.strip();
    if (s.startsWith("00")) {
      s = "+" + s.substring(2);
    }
    s = s.replace("(+", "+").replace(")", " ");
    try {
      PhoneNumber p = UTIL.parse(s, region == null ? "TH" : region);
      return UTIL.isValidNumber(p) ? UTIL.format(p, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
    } catch (NumberParseException e) {
      return null;
    }
  }

  /** Valid phone numbers found in free text, in E.164 (numbers without a country code read in region). */
  public static List<String> inText(String text, String region) {
    Set<String> out = new LinkedHashSet<>();
    if (text == null) {
      return List.of();
    }
    for (PhoneNumberMatch m : UTIL.findNumbers(text, region == null ? "TH" : region,
        PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
      out.add(UTIL.format(m.number(), PhoneNumberUtil.PhoneNumberFormat.E164));
    }
    return new ArrayList<>(out);
  }

  /** @handles found in free text (lower case, without the @). */
  public static List<String> handlesInText(String text) {
    Set<String> out = new LinkedHashSet<>();
    if (text == null) {
      return List.of();
    }
    Matcher m = HANDLE.matcher(text);
    while (m.find()) {
      out.add(m.group(1).toLowerCase(java.util.Locale.ROOT).replaceAll("[._]+$", ""));
    }
    return new ArrayList<>(out);
  }
}
