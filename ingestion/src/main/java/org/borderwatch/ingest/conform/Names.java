package org.borderwatch.ingest.conform;

import com.ibm.icu.text.Transliterator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Name conformance: NFKC, transliteration to Latin (a curated lexicon of common names first, ICU's
 * Any-Latin after), a diacritic-free match key without honorifics, and name parts by the convention of
 * the person's nationality (family name first for Vietnamese and Khmer, none for Burmese, patronymics
 * for Malays).
 */
public final class Names {
  /** Honorifics and titles dropped from the match key (kept in {@link Conformed#honorific()}). */
  static final Set<String> HONORIFICS = Set.of("u", "daw", "ko", "ma", "maung", "mg", "mr", "mrs", "ms", "miss",
      "nai", "nangsao", "dr");
  /**
   * For lists of people ({@link #conform(String, String, boolean)}): titles and ranks dropped from the front of the
   * match key (a shared "sir" says nothing of who a person is), and suffixes (Jr, Esq, Baronet, ordinals such as
   * 3rd, generation numbers II to IV) dropped after the first token wherever they stand. Words that are also given
   * names (Earl, Duke, Count) are titles only in front.
   */
  static final Set<String> TITLES = Set.of("sir", "dame", "lord", "lady", "baron", "baroness", "earl", "count",
      "countess", "viscount", "viscountess", "marquess", "marquis", "duke", "duchess", "prince", "princess", "rev",
      "reverend", "hon", "honourable", "honorable", "prof", "professor", "dr", "mr", "mrs", "ms", "mx", "miss",
      "mister", "madam", "haji", "hajjah", "datuk", "dato");
  static final Set<String> SUFFIXES = Set.of("baronet", "bart", "bt", "jr", "jnr", "junior", "sr", "snr", "senior",
      "esq", "esquire");
  static final java.util.regex.Pattern GENERATION = java.util.regex.Pattern.compile("\\d+(st|nd|rd|th)|ii|iii|iv");

  static final Set<String> PATRONYMIC = Set.of("bin", "binti", "b", "bt", "bte", "binte");
  static final Set<String> VN_FAMILY = Set.of("nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo",
      "dang", "bui", "do", "ho", "ngo", "duong", "ly", "truong", "dinh", "lam", "mai", "trinh", "cao", "luu");
  static final Set<String> VN_MIDDLE = Set.of("van", "thi", "duc", "minh", "huu", "quang", "thanh", "ngoc", "thu");
  static final Set<String> KHMER_FAMILY = Set.of("sok", "sock", "chea", "chia", "chhay", "chay", "kim", "meas", "meah",
      "heng", "keo", "chan", "nhem", "ly", "prak", "sam", "som", "touch", "mao", "chhim", "srey", "hun", "seng");

  private static final Map<String, String> LEXICON = loadLexicon();
  private static final ThreadLocal<Transliterator> TO_LATIN = ThreadLocal.withInitial(
      () -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));
  private static final int MAX_SYLLABLE = LEXICON.keySet().stream().mapToInt(String::length).max().orElse(1);

  private Names() {}

  /** A conformed name. */
  public record Conformed(String original, String script, String latin, String key, String sortedKey,
      String given, String family, String nickname, String honorific) {}

  private static Map<String, String> loadLexicon() {
    Map<String, String> m = new HashMap<>();
    try (InputStream in = Names.class.getClassLoader().getResourceAsStream("borderwatch/conf/name-lexicon.tsv")) {
      if (in == null) {
        return m;
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t");
        if (f.length == 2) {
          m.put(Normalizer.normalize(f[0].trim(), Normalizer.Form.NFKC), f[1].trim());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return m;
  }

  public static String nfkc(String s) {
    return s == null ? null : Normalizer.normalize(s, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
  }

  /** The dominant script of a name: Latin, Thai, Myanmar, Khmer, Lao, Arabic, Han or Other. */
  public static String script(String s) {
    if (s == null) {
      return null;
    }
    for (int cp : s.codePoints().toArray()) {
      if (Character.isLetter(cp)) {
        Character.UnicodeScript u = Character.UnicodeScript.of(cp);
        if (u != Character.UnicodeScript.LATIN) {
          return switch (u) {
            case THAI -> "Thai";
            case MYANMAR -> "Myanmar";
            case KHMER -> "Khmer";
            case LAO -> "Lao";
            case ARABIC -> "Arabic";
            case HAN -> "Han";
            default -> "Other";
          };
        }
      }
    }
    return "Latin";
  }

  /** Latin transliteration: lexicon words (or, for unspaced Myanmar script, longest lexicon syllables) first. */
  public static String latin(String nfkc) {
    if (nfkc == null) {
      return null;
    }
    if ("Latin".equals(script(nfkc))) {
      return nfkc;
    }
    List<String> out = new ArrayList<>();
    for (String token : nfkc.split(" ")) {
      String hit = LEXICON.get(token);
      if (hit != null) {
        out.add(hit);
        continue;
      }
      // segment unspaced script into known syllables, transliterating what is left
      int i = 0;
      StringBuilder rest = new StringBuilder();
      List<String> parts = new ArrayList<>();
      while (i < token.length()) {
        String found = null;
        for (int len = Math.min(MAX_SYLLABLE, token.length() - i); len > 0; len--) {
          String cand = token.substring(i, i + len);
          if (LEXICON.containsKey(cand)) {
            found = cand;
            break;
          }
        }
        if (found != null) {
          if (rest.length() > 0) {
            parts.add(TO_LATIN.get().transliterate(rest.toString()));
            rest.setLength(0);
          }
          parts.add(LEXICON.get(found));
          i += found.length();
        } else {
          rest.append(token.charAt(i));
          i++;
        }
      }
      if (rest.length() > 0) {
        parts.add(TO_LATIN.get().transliterate(rest.toString()));
      }
      out.add(String.join(" ", parts));
    }
    return String.join(" ", out).replaceAll("\\s+", " ").strip();
  }

  /** Lower-case ASCII tokens without punctuation (diacritics removed, đ → d). */
  public static List<String> tokens(String latin) {
    if (latin == null) {
      return List.of();
    }
    String s = Normalizer.normalize(latin.replace('Đ', 'D').replace('đ', 'd'), Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", " ").strip();
    if (s.isEmpty()) {
      return List.of();
    }
    return new ArrayList<>(Arrays.asList(s.split("\\s+")));
  }

  /** The tokens without suffixes and generation numbers after the first token ({@link #SUFFIXES}). */
  public static List<String> withoutSuffixes(List<String> toks) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < toks.size(); i++) {
      if (i == 0 || !suffix(toks.get(i))) {
        out.add(toks.get(i));
      }
    }
    return out;
  }

  private static boolean suffix(String t) {
    return SUFFIXES.contains(t) || GENERATION.matcher(t).matches();
  }

  /** Conforms a raw name; {@code nationality} (ISO alpha-3, may be null) decides the name parts. */
  public static Conformed conform(String raw, String nationality) {
    return conform(raw, nationality, false);
  }

  /**
   * Conforms a raw name; with {@code dropTitles} (lists of people), titles in front and suffixes after the first token
   * also leave the match key ({@link #TITLES}, {@link #SUFFIXES}).
   */
  public static Conformed conform(String raw, String nationality, boolean dropTitles) {
    String original = nfkc(raw);
    if (original == null || original.isEmpty()) {
      return new Conformed(null, null, null, null, null, null, null, null, null);
    }
    String nickname = null;
    String text = original;
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\(([^)]*)\\)").matcher(text);
    if (m.find()) {
      nickname = m.group(1).strip();
      text = (text.substring(0, m.start()) + text.substring(m.end())).strip();
    }
    String latin = latin(text);
    List<String> toks = tokens(latin);
    String honorific = null;
    while (toks.size() > 1 && HONORIFICS.contains(toks.get(0))) {
      honorific = honorific == null ? toks.get(0) : honorific + " " + toks.get(0);
      toks.remove(0);
    }
    if (dropTitles) {
      while (toks.size() > 1 && TITLES.contains(toks.get(0))) {
        honorific = honorific == null ? toks.get(0) : honorific + " " + toks.get(0);
        toks.remove(0);
      }
      for (String t : toks.subList(1, toks.size())) {
        if (suffix(t)) {
          honorific = honorific == null ? t : honorific + " " + t;
        }
      }
      toks = withoutSuffixes(toks);
    }
        String[] parts = parts(toks, nationality);
    List<String> keyTokens = new ArrayList<>();
    for (String t : toks) {
      if (!PATRONYMIC.contains(t)) {
        keyTokens.add(t);
      }
    }
    String key = String.join(" ", keyTokens);
    List<String> sorted = new ArrayList<>(keyTokens);
    sorted.sort(null);
    return new Conformed(original, script(original), latin, key.isEmpty() ? null : key,
        sorted.isEmpty() ? null : String.join(" ", sorted), parts[0], parts[1],
        nickname == null ? null : String.join(" ", tokens(nickname)), honorific);
  }

  /** The convention a name follows when the record gives no nationality: Vietnamese and Khmer family names. */
  static String guess(List<String> toks) {
    if (toks.size() >= 2 && VN_FAMILY.contains(toks.get(0)) && (toks.size() == 3 && VN_MIDDLE.contains(toks.get(1))
        || !KHMER_FAMILY.contains(toks.get(0)))) {
      return "VNM";
    }
    if (toks.size() == 2 && KHMER_FAMILY.contains(toks.get(0))) {
      return "KHM";
    }
    return "";
  }

  /** {given, family} key parts by the naming convention of the nationality. */
  static String[] parts(List<String> toks, String nationality) {
    if (toks.isEmpty()) {
      return new String[] {null, null};
    }
    int pat = -1;
    for (int i = 1; i < toks.size(); i++) {
      if (PATRONYMIC.contains(toks.get(i))) {
        pat = i;
      }
    }
    if (pat > 0) {
      return new String[] {String.join(" ", toks.subList(0, pat)),
          pat + 1 < toks.size() ? String.join(" ", toks.subList(pat + 1, toks.size())) : null};
    }
    if (toks.size() == 1) {
      return new String[] {toks.get(0), null};
    }
    String first = toks.get(0);
    String last = toks.get(toks.size() - 1);
    String n = nationality == null ? guess(toks) : nationality;
    if (n.equals("MMR")) {
      return new String[] {String.join(" ", toks), null};
    }
    if (n.equals("VNM")) {
      if (VN_FAMILY.contains(first)) {
        return new String[] {last, first};
      }
      if (toks.size() >= 2 && VN_FAMILY.contains(toks.get(1))) {
        return new String[] {first, toks.get(1)}; // "Lan Nguyen Thi", "Lan Nguyen"
      }
      if (VN_FAMILY.contains(last)) {
        return new String[] {first, last};
      }
      return new String[] {last, first};
    }
    if (n.equals("KHM")) {
      if (KHMER_FAMILY.contains(first)) {
        return new String[] {String.join(" ", toks.subList(1, toks.size())), first};
      }
      if (KHMER_FAMILY.contains(last)) {
        return new String[] {String.join(" ", toks.subList(0, toks.size() - 1)), last};
      }
      return new String[] {String.join(" ", toks.subList(1, toks.size())), first};
    }
    return new String[] {String.join(" ", toks.subList(0, toks.size() - 1)), last};
  }
}
