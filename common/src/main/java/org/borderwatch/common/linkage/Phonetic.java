package org.borderwatch.common.linkage;

import java.util.ArrayList;
import java.util.List;

/**
 * A phonetic key for Southeast Asian names in Latin script. Romanisations of the same name differ in
 * aspiration marks (ph/p, th/t, kh/k), in how a sound is spelled (x/s, v/w, ch/j, ay/ai, ee/i, oo/u,
 * aw/au/o, final h or y) and in doubled letters; the key folds those differences away so that
 * Kyaw/Kyau, Htun/Tun, Somchai/Somchay, Souksavanh/Suksavan and Chea/Chia meet.
 */
public final class Phonetic {
  private Phonetic() {}

  /** The key of one lower-case ASCII token. */
  public static String token(String t) {
    if (t == null || t.isEmpty()) {
      return t;
    }
    String s = t;
    // aspiration and digraphs
    s = s.replace("ph", "p").replace("th", "t").replace("kh", "k").replace("gh", "g").replace("dh", "d")
        .replace("bh", "b").replace("ht", "t").replace("hn", "n").replace("hl", "l").replace("hm", "m")
        .replace("hs", "s").replace("sh", "s").replace("ch", "j").replace("zh", "j");
    s = s.replace('x', 's').replace('z', 's').replace('v', 'w').replace('q', 'k').replace('c', 'k');
    // vowels
    s = s.replace("aw", "o").replace("au", "o").replace("ao", "o").replace("oe", "o").replace("ou", "u")
        .replace("oo", "u").replace("ee", "i").replace("ie", "i").replace("ea", "ia").replace("ay", "ai")
        .replace("ey", "ei").replace("ae", "ai").replace("uy", "ui").replace("ei", "i");
    // an h after a consonant only marks aspiration (Chhay/Chay)
    StringBuilder noH = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 'h' && i > 0 && "aeiou".indexOf(s.charAt(i - 1)) < 0) {
        continue;
      }
      noH.append(c);
    }
    s = noH.toString();
    // final h and y, doubled letters
    if (s.length() > 2 && s.endsWith("h")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.length() > 2 && s.endsWith("y")) {
      s = s.substring(0, s.length() - 1) + "i";
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (i == 0 || c != s.charAt(i - 1)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Keys of each token, in order. */
  public static List<String> tokens(List<String> tokens) {
    List<String> out = new ArrayList<>(tokens.size());
    for (String t : tokens) {
      out.add(token(t));
    }
    return out;
  }

  /** Sorted keys joined by spaces: the same for any order of the same name parts. */
  public static String sortedKey(List<String> tokens) {
    List<String> keys = tokens(tokens);
    keys.sort(null);
    return String.join(" ", keys);
  }
}
