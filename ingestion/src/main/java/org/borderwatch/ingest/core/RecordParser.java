package org.borderwatch.ingest.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one line into the contract's fields, or a reason to quarantine it. Values stay raw text (bronze
 * keeps what was delivered); each is checked against its declared type so that silver can convert every
 * landed value. Fields the contract does not know are kept in a rescued JSON object (schema drift).
 */
public final class RecordParser {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FeedContract contract;
  private final int[] columnOf;
  private final List<String> unknownColumns = new ArrayList<>();
  private final int headerWidth;
  private final String missingColumn;

  /** Outcome of parsing one line. */
  /**
   * @param repaired fields of the line that had control characters removed (0 when none; see Values.clean)
   */
  public record Parsed(String[] values, String rescued, Reason reason, String detail, int repaired) {
    public boolean ok() {
      return reason == null;
    }

    static Parsed bad(Reason r, String detail) {
      return new Parsed(null, null, r, detail, 0);
    }
  }

  private RecordParser(FeedContract contract, int[] columnOf, List<String> unknown, int headerWidth,
      String missingColumn) {
    this.contract = contract;
    this.columnOf = columnOf;
    this.unknownColumns.addAll(unknown);
    this.headerWidth = headerWidth;
    this.missingColumn = missingColumn;
  }

  /** A parser for a JSON Lines feed. */
  public static RecordParser json(FeedContract c) {
    return new RecordParser(c, null, List.of(), 0, null);
  }

  /** A parser for a CSV file, from its header line. */
  public static RecordParser csv(FeedContract c, String headerLine) {
    List<String> header = Csv.split(headerLine, c.delimiter());
    if (header == null) {
      header = List.of();
    }
    int[] columnOf = new int[c.fields().size()];
    String missing = null;
    for (int i = 0; i < columnOf.length; i++) {
      columnOf[i] = -1;
      for (int j = 0; j < header.size(); j++) {
        if (c.fields().get(i).answersTo(header.get(j).trim())) {
          columnOf[i] = j;
        }
      }
      if (columnOf[i] < 0 && c.fields().get(i).required() && missing == null) {
        missing = c.fields().get(i).name();
      }
    }
    List<String> unknown = new ArrayList<>();
    for (int j = 0; j < header.size(); j++) {
      boolean known = false;
      for (FieldSpec f : c.fields()) {
        known |= f.answersTo(header.get(j).trim());
      }
      if (!known) {
        unknown.add(header.get(j).trim());
      }
    }
    return new RecordParser(c, columnOf, unknown, header.size(), missing);
  }

  /** Columns or keys the contract does not know, seen so far in this file (reported once per file). */
  public Set<String> drift() {
    return new LinkedHashSet<>(unknownColumns);
  }

  public Parsed parse(String line) {
    if (line.isBlank()) {
      return Parsed.bad(Reason.BLANK_LINE, "empty line");
    }
    return contract.format() == FeedContract.Format.CSV ? parseCsv(line) : parseJson(line);
  }

  private Parsed parseCsv(String line) {
    List<String> cells = Csv.split(line, contract.delimiter());
    if (cells == null) {
      return Parsed.bad(Reason.MALFORMED_CSV, "unbalanced quotes");
    }
    if (cells.size() != headerWidth) {
      return Parsed.bad(Reason.WRONG_FIELD_COUNT, cells.size() + " fields, header has " + headerWidth);
    }
    if (missingColumn != null) {
      return Parsed.bad(Reason.MISSING_REQUIRED, missingColumn + " (no such column in the header)");
    }
    String[] values = new String[columnOf.length];
    for (int i = 0; i < columnOf.length; i++) {
      if (columnOf[i] >= 0) {
        // whitespace only here; control characters are removed, and counted, once the values are checked
        String v = cells.get(columnOf[i]).strip();
        values[i] = v.isEmpty() ? null : v;
      }
    }
    String rescued = null;
    if (!unknownColumns.isEmpty()) {
      ObjectNode r = JSON.createObjectNode();
      List<String> header = unknownColumns;
      int k = 0;
      for (int j = 0; j < cells.size(); j++) {
        if (!isMapped(j)) {
          r.put(header.get(k++), cells.get(j));
        }
      }
      rescued = r.toString();
    }
    return check(values, rescued);
  }

  private boolean isMapped(int column) {
    for (int c : columnOf) {
      if (c == column) {
        return true;
      }
    }
    return false;
  }

  private Parsed parseJson(String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      return Parsed.bad(Reason.MALFORMED_JSON, firstLine(e.getOriginalMessage()));
    }
    if (node == null || !node.isObject()) {
      return Parsed.bad(Reason.MALFORMED_JSON, "not a JSON object");
    }
    String[] values = new String[contract.fields().size()];
    ObjectNode rescued = null;
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      int idx = -1;
      for (int i = 0; i < contract.fields().size(); i++) {
        if (contract.fields().get(i).answersTo(e.getKey())) {
          idx = i;
        }
      }
      if (idx < 0) {
        if (rescued == null) {
          rescued = JSON.createObjectNode();
        }
        rescued.set(e.getKey(), e.getValue());
        if (!unknownColumns.contains(e.getKey())) {
          unknownColumns.add(e.getKey());
        }
        continue;
      }
      JsonNode v = e.getValue();
      FieldType t = contract.fields().get(idx).type();
      if (v.isNull()) {
        values[idx] = null;
      } else if (t == FieldType.JSON_ARRAY && !v.isArray() || t == FieldType.JSON_OBJECT && !v.isObject()) {
        return Parsed.bad(Reason.BAD_VALUE, e.getKey() + ": expected " + t);
      } else if (v.isContainerNode()) {
        values[idx] = v.toString();
      } else {
        String s = v.asText();
        values[idx] = s.isEmpty() ? null : s;
      }
    }
    return check(values, rescued == null ? null : rescued.toString());
  }

  private Parsed check(String[] values, String rescued) {
    // control characters (NUL...) are removed from every field before it is checked, and the repair counted
    int repaired = 0;
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null && Values.controls(values[i])) {
        repaired++;
        values[i] = Values.clean(values[i]);
      }
    }
    List<FieldSpec> fields = contract.fields();
    for (int i = 0; i < fields.size(); i++) {
      FieldSpec f = fields.get(i);
      if (values[i] == null) {
        if (f.required()) {
          return Parsed.bad(Reason.MISSING_REQUIRED, f.name());
        }
      } else if (!Values.valid(values[i], f, contract)) {
        return Parsed.bad(Reason.BAD_VALUE, f.name() + ": '" + abbreviate(values[i]) + "' is not " + f.rule()
            .replaceFirst("^(required|optional); ", ""));
      }
    }
    Double[] ll = coordinates(values);
    if (ll != null && !Region.inside(ll[0], ll[1]) && !Region.swapped(ll[0], ll[1])) {
      return Parsed.bad(Reason.BAD_COORDINATES, "(" + ll[0] + ", " + ll[1] + ") is outside the region");
    }
    return new Parsed(values, rescued, null, null, repaired);
  }

  /** {lat, lon} of a record, or null when it has none. Malformed numbers count as outside the region. */
  public Double[] coordinates(String[] values) {
    List<String> c = contract.coordinates();
    if (c.isEmpty()) {
      return null;
    }
    String lat;
    String lon;
    if (c.size() == 2) {
      lat = values[contract.index(c.get(0))];
      lon = values[contract.index(c.get(1))];
    } else {
      String obj = values[contract.index(c.get(0))];
      if (obj == null) {
        return null;
      }
      try {
        JsonNode n = JSON.readTree(obj);
        lat = n.hasNonNull("lat") ? n.get("lat").asText() : null;
        lon = n.hasNonNull("lon") ? n.get("lon").asText() : null;
      } catch (JsonProcessingException e) {
        return new Double[] {999.0, 999.0};
      }
    }
    if (lat == null || lon == null) {
      return c.size() == 2 ? new Double[] {999.0, 999.0} : null;
    }
    Double a = Values.decimal(lat);
    Double b = Values.decimal(lon);
    return a == null || b == null ? new Double[] {999.0, 999.0} : new Double[] {a, b};
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "invalid JSON";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
