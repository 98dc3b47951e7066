package org.borderwatch.victims;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text handling for social posts: one tokeniser for English and romanised or native-script Thai, Burmese,
 * Khmer, Vietnamese and Malay mixed in one post. Text is NFKC-normalised, transliterated to Latin (ICU
 * Any-Latin) and stripped of diacritics (so "không cần kinh nghiệm" and "khong can kinh nghiem" are the
 * same words); phone numbers, handles, money and other numbers become shape tokens, because the exact
 * value says nothing about deception but the pattern does. Also the pay a post promises, converted to USD
 * a month, and the keyword list of the baseline.
 */
public final class AdText {
  private AdText() {}

  private static final ThreadLocal<Transliterator> TO_ASCII = ThreadLocal.withInitial(
      () -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));

  private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d .\\-()]{6,}\\d");
  private static final Pattern HANDLE = Pattern.compile("@[a-z0-9_.]{2,}");
  // Letters ICU cannot romanise (Khmer has no Latin transliterator) stay words in their own script.
  private static final Pattern TOKEN = Pattern.compile("<[a-z]+>|\\$\\d[\\d,.]*|[a-z]+|\\d[\\d,.]*|!{2,}|[\\p{L}\\p{M}]+");

  /** NFKC, Latin script, ASCII letters, lower case, single spaces. */
  public static String normalise(String text) {
    if (text == null) {
      return "";
    }
    String t = Normalizer.normalize(text, Normalizer.Form.NFKC);
    t = TO_ASCII.get().transliterate(t).replace('\u203c', '!');
    return t.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
  }

  /** Word tokens of a post, with {@code <phone>}, {@code <handle>}, {@code <usd>}, {@code <num>}, {@code <bang>}. */
  public static List<String> words(String text) {
    return wordsOf(normalise(text));
  }

  private static List<String> wordsOf(String normalised) {
    String t = HANDLE.matcher(normalised).replaceAll(" <handle> ");
    t = PHONE.matcher(t).replaceAll(" <phone> ");
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(t);
    while (m.find()) {
      String w = m.group();
      char c = w.charAt(0);
      if (c == '$') {
        out.add("<usd>");
      } else if (Character.isDigit(c)) {
        out.add("<num>");
      } else if (c == '!') {
        out.add("<bang>");
      } else {
        out.add(w);
      }
    }
    return out;
  }

  /** Words and adjacent word pairs ("no experience"), distinct, in order of first appearance. */
  public static List<String> terms(String text) {
    List<String> w = words(text);
    Set<String> out = new LinkedHashSet<>(w);
    for (int i = 0; i + 1 < w.size(); i++) {
      out.add(w.get(i) + " " + w.get(i + 1));
    }
    return new ArrayList<>(out);
  }

  // Amounts: "$1,500", "25,000 baht", "1500 baht/wan", "20 trieu", "RM4000", "RM 4 000".
  private static final Pattern USD = Pattern.compile("\\$ ?(\\d[\\d,]*)|(\\d[\\d,]*) ?usd");
  private static final Pattern BAHT = Pattern.compile("(\\d[\\d,]*) ?(?:baht|thb)(?:/| a | per )?(wan|day|month)?");
  private static final Pattern TRIEU = Pattern.compile("(\\d+) ?trieu");
  private static final Pattern RINGGIT = Pattern.compile("rm ?(\\d[\\d,]*)");

  /** The highest pay a post names, in USD a month (daily pay × 26 working days); 0 when none. */
  public static double payUsdMonthly(String text) {
    return payOf(normalise(text));
  }

  private static double payOf(String t) {
    double best = 0;
    Matcher m = USD.matcher(t);
    while (m.find()) {
      best = Math.max(best, amount(m.group(1) != null ? m.group(1) : m.group(2)));
    }
    m = BAHT.matcher(t);
    while (m.find()) {
      double v = amount(m.group(1)) / 35.0;
      String per = m.group(2);
      best = Math.max(best, per != null && (per.equals("wan") || per.equals("day")) ? v * 26 : v);
    }
    m = TRIEU.matcher(t);
    while (m.find()) {
      best = Math.max(best, amount(m.group(1)) * 1_000_000 / 25_000.0);
    }
    m = RINGGIT.matcher(t);
    while (m.find()) {
      best = Math.max(best, amount(m.group(1)) / 4.5);
    }
    return best;
  }

  private static double amount(String s) {
    try {
      return Double.parseDouble(s.replace(",", ""));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Names of the pattern features, in the order of {@link #patterns}. */
  public static final List<String> PATTERNS = List.of("pay above USD 800 a month", "pay named (log USD a month)",
      "phone number given", "private handle given", "written in capitals", "exclamation marks");

  /** Pattern features: high pay, log pay, phone, handle, shouting, exclamation. */
  public static double[] patterns(String text) {
    String raw = text == null ? "" : text;
    String normalised = normalise(raw);
    double pay = payOf(normalised);
    List<String> w = wordsOf(normalised);
    int letters = 0;
    int upper = 0;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
        upper += Character.isUpperCase(c) ? 1 : 0;
      }
    }
    return new double[] {pay >= 800 ? 1 : 0, Math.log1p(pay), w.contains("<phone>") ? 1 : 0,
        w.contains("<handle>") ? 1 : 0, letters > 10 && upper > 0.6 * letters ? 1 : 0, w.contains("<bang>") ? 1 : 0};
  }

  /**
   * The keyword baseline: warning phrases from English-language awareness material on deceptive
   * recruitment (pay, no experience, documents, fees, urgency, private contact).
   */
  public static final List<String> KEYWORDS = List.of("no experience", "high salary", "high income", "earn",
      "passport", "visa", "free ticket", "free transport", "arranged", "fee", "deposit", "pay later", "deducted",
      "urgent", "hurry", "seats left", "leaving this week", "inbox", "dm", "message me", "no passport",
      "cross border", "safe way");

  /** How many distinct baseline keywords a post contains (whole words). */
  public static int keywordHits(String text) {
    String t = " " + String.join(" ", words(text)) + " ";
    int n = 0;
    for (String k : KEYWORDS) {
      if (t.contains(" " + k + " ")) {
        n++;
      }
    }
    return n;
  }
}
