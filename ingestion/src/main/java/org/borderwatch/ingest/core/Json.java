package org.borderwatch.ingest.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Reading nested JSON kept as text in bronze. */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  public static JsonNode tree(String text) {
    if (text == null) {
      return null;
    }
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("landed JSON does not parse", e);
    }
  }

  /** Elements of a JSON array as nodes (empty for null). */
  public static List<JsonNode> elements(String text) {
    List<JsonNode> out = new ArrayList<>();
    JsonNode n = tree(text);
    if (n != null && n.isArray()) {
      n.forEach(out::add);
    }
    return out;
  }

  /** Text of a field, null for missing, null or empty. */
  public static String text(JsonNode n, String field) {
    if (n == null || !n.hasNonNull(field)) {
      return null;
    }
    String s = n.get(field).asText();
    return s.isBlank() ? null : s;
  }

  public static Double number(JsonNode n, String field) {
    return n == null || !n.hasNonNull(field) ? null : Values.decimal(n.get(field).asText());
  }

  public static Integer integer(JsonNode n, String field) {
    return n == null || !n.hasNonNull(field) ? null : Values.integer(n.get(field).asText());
  }

  /** Strings of a JSON array of strings. */
  public static List<String> strings(String text) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : elements(text)) {
      if (!e.isNull()) {
        out.add(e.asText());
      }
    }
    return out;
  }
}
