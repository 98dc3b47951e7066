package org.borderwatch.core.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One configuration key: its name, what it means, and how a raw value is parsed and checked.
 * Parsing returns null for a value that is not allowed; {@link #allowed()} says what is.
 */
public final class ConfigKey<T> {
  private final String name;
  private final String description;
  private final String allowed;
  private final Function<Object, T> parser;
  private final boolean secret;

  private ConfigKey(String name, String description, String allowed, Function<Object, T> parser, boolean secret) {
    this.name = name;
    this.description = description;
    this.allowed = allowed;
    this.parser = parser;
    this.secret = secret;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public String allowed() {
    return allowed;
  }

  /** Secrets are never echoed back in error messages or listings. */
  public boolean secret() {
    return secret;
  }

  /** Environment variable that overrides this key: BORDERWATCH_ plus the name in upper case, dots and dashes as underscores. */
  public String envName() {
    return "BORDERWATCH_" + name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** The parsed value, or null when the raw value is not allowed. */
  T parse(Object raw) {
    try {
      return parser.apply(raw);
    } catch (RuntimeException e) {
      return null;
    }
  }

  public static ConfigKey<String> string(String name, String description, Pattern pattern, String allowed) {
    return new ConfigKey<>(name, description, allowed, raw -> {
      String s = String.valueOf(raw);
      return pattern.matcher(s).matches() ? s : null;
    }, false);
  }

  public static ConfigKey<String> secret(String name, String description, int minLength) {
    return new ConfigKey<>(name, description, "a secret string of at least " + minLength + " characters", raw -> {
      String s = String.valueOf(raw);
      return s.length() >= minLength ? s : null;
    }, true);
  }

  public static ConfigKey<String> path(String name, String description) {
    return new ConfigKey<>(name, description, "a non-empty local path or a URI (hdfs://, s3a://, abfss://, gs://, file:)",
        raw -> {
          String s = String.valueOf(raw).trim();
          return s.isEmpty() ? null : s;
        }, false);
  }

  public static ConfigKey<Integer> integer(String name, String description, int min, int max) {
    return new ConfigKey<>(name, description, "an integer from " + min + " to " + max, raw -> {
      int v = raw instanceof Number n ? exactInt(n) : Integer.parseInt(String.valueOf(raw).trim());
      return v >= min && v <= max ? v : null;
    }, false);
  }

  public static ConfigKey<Double> decimal(String name, String description, double min, double max) {
    return new ConfigKey<>(name, description, "a number from " + min + " to " + max, raw -> {
      double v = raw instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(raw).trim());
      return v >= min && v <= max && !Double.isNaN(v) ? v : null;
    }, false);
  }

  public static ConfigKey<Boolean> bool(String name, String description) {
    return new ConfigKey<>(name, description, "true or false", raw -> {
      if (raw instanceof Boolean b) {
        return b;
      }
      String s = String.valueOf(raw).trim().toLowerCase(Locale.ROOT);
      return switch (s) {
        case "true" -> Boolean.TRUE;
        case "false" -> Boolean.FALSE;
        default -> null;
      };
    }, false);
  }

  public static ConfigKey<String> oneOf(String name, String description, String... values) {
    List<String> allowedValues = Arrays.asList(values);
    return new ConfigKey<>(name, description, "one of " + String.join(", ", allowedValues), raw -> {
      String s = String.valueOf(raw).trim();
      return allowedValues.contains(s) ? s : null;
    }, false);
  }

  /** A list: a HOCON list in a file, or comma-separated text from the environment or --conf. */
  public static ConfigKey<List<String>> stringList(String name, String description, Pattern element, String allowed) {
    return new ConfigKey<>(name, description, "a list of " + allowed, raw -> {
      List<String> out = new ArrayList<>();
      if (raw instanceof List<?> l) {
        for (Object o : l) {
          out.add(String.valueOf(o).trim());
        }
      } else {
        for (String s : String.valueOf(raw).split(",")) {
          if (!s.isBlank()) {
            out.add(s.trim());
          }
        }
      }
      for (String s : out) {
        if (!element.matcher(s).matches()) {
          return null;
        }
      }
      return List.copyOf(out);
    }, false);
  }

  public static ConfigKey<List<Integer>> intList(String name, String description, int min, int max) {
    return new ConfigKey<>(name, description, "a non-empty list of integers from " + min + " to " + max, raw -> {
      List<Integer> out = new ArrayList<>();
      if (raw instanceof List<?> l) {
        for (Object o : l) {
          out.add(o instanceof Number n ? exactInt(n) : Integer.parseInt(String.valueOf(o).trim()));
        }
      } else {
        for (String s : String.valueOf(raw).split(",")) {
          out.add(Integer.parseInt(s.trim()));
        }
      }
      if (out.isEmpty() || out.stream().anyMatch(v -> v < min || v > max)) {
        return null;
      }
      return List.copyOf(out);
    }, false);
  }

  private static int exactInt(Number n) {
    double d = n.doubleValue();
    if (d != Math.rint(d)) {
      throw new NumberFormatException("not an integer: " + n);
    }
    return Math.toIntExact(n.longValue());
  }

  @Override
  public String toString() {
    return name;
  }
}
