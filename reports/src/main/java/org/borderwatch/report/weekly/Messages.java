package org.borderwatch.report.weekly;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.borderwatch.core.error.Errors;

/**
 * The report's words in one language: every label and sentence of the report comes from the message bundle
 * {@code borderwatch/report/messages[_LANG].properties} (UTF-8), with {@link String#format} placeholders. A
 * language is listed in {@link #LANGUAGES} only when its bundle has every key of the English one (tested).
 */
public final class Messages {
  /** The editions the report is written in. */
  public static final List<String> LANGUAGES = List.of("en", "th");
  static final String BUNDLE = "borderwatch.report.messages";

  private final String lang;
  private final ResourceBundle bundle;

  private Messages(String lang, ResourceBundle bundle) {
    this.lang = lang;
    this.bundle = bundle;
  }

  public static Messages of(String lang) {
    String l = lang == null || lang.isBlank() ? "en" : lang.trim().toLowerCase(Locale.ROOT);
    if (!LANGUAGES.contains(l)) {
      throw Errors.badArgument("--lang", lang, "one of " + String.join(", ", LANGUAGES));
    }
    ResourceBundle b = ResourceBundle.getBundle(BUNDLE, l.equals("en") ? Locale.ROOT : Locale.forLanguageTag(l),
        Messages.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES));
    return new Messages(l, b);
  }

  public String lang() {
    return lang;
  }

  /** The message {@code key} with its placeholders filled (numbers formatted as in English, the same in print). */
  public String get(String key, Object... args) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalStateException("message '" + key + "' is missing from the " + lang + " report bundle", e);
    }
    return args.length == 0 ? pattern : String.format(Locale.ROOT, pattern, args);
  }

  /** The message {@code key}, or {@code fallback} when the bundle has none (optional per-value messages). */
  public String getOr(String key, String fallback) {
    return bundle.containsKey(key) ? bundle.getString(key) : fallback;
  }

  /** Every key of this language's bundle, sorted. */
  List<String> keys() {
    List<String> out = new ArrayList<>(bundle.keySet());
    Collections.sort(out);
    return out;
  }
}
