package org.borderwatch.ingest.core;

import java.io.Serializable;
import java.util.List;

/**
 * One field of a feed's contract: its name in the file (and earlier or later names it may carry), type,
 * whether it is required, the patterns or values it must match, and what it means (for the data-contract
 * document an agency exports to).
 */
public record FieldSpec(String name, List<String> aliases, FieldType type, boolean required, List<String> formats,
    String meaning, String example) implements Serializable {

  public static FieldSpec required(String name, FieldType type, String meaning, String example, String... formats) {
    return new FieldSpec(name, List.of(), type, true, List.of(formats), meaning, example);
  }

  public static FieldSpec optional(String name, FieldType type, String meaning, String example, String... formats) {
    return new FieldSpec(name, List.of(), type, false, List.of(formats), meaning, example);
  }

  /** The same field under other names it has had in exports (a rename is not a drift). */
  public FieldSpec alias(String... names) {
    return new FieldSpec(name, List.of(names), type, required, formats, meaning, example);
  }

  public boolean answersTo(String column) {
    return name.equals(column) || aliases.contains(column);
  }

  /** The validation rule in words, for the data contract. */
  public String rule() {
    String base = switch (type) {
      case STRING -> "text";
      case ENUM -> "one of " + String.join(", ", formats);
      case INTEGER -> "an integer";
      case DECIMAL -> "a decimal number with a dot";
      case TIMESTAMP -> "local date-time `" + String.join("` or `", formats) + "`";
      case TIMESTAMP_OFFSET -> "ISO-8601 date-time with offset";
      case INSTANT -> "ISO-8601 instant in UTC (…Z)";
      case EPOCH_MILLIS -> "milliseconds since 1970-01-01 UTC";
      case EPOCH_SECONDS -> "seconds since 1970-01-01 UTC";
      case DATE -> "date `" + String.join("` or `", formats) + "`";
      case JSON_ARRAY -> "a JSON array";
      case JSON_OBJECT -> "a JSON object";
      case FLAG -> "`Y` or `N`";
    };
    return (required ? "required; " : "optional; ") + base
        + (aliases.isEmpty() ? "" : "; also accepted as `" + String.join("`, `", aliases) + "`");
  }
}
