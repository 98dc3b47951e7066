package org.borderwatch.ingest.core;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.List;
import org.borderwatch.core.catalog.TableId;

/**
 * What an agency delivers for one feed: where its files land, their format, time-zone rule and fields.
 * Ingestion reads nothing it has not declared here (no schema inference).
 */
public record FeedContract(String name, String source, String directory, String fileSuffix, Format format,
    char delimiter, String zone, boolean buddhistEra, String timeRule, List<FieldSpec> fields, List<String> coordinates,
    List<String> naturalKey, TableId bronzeTable, String description) implements Serializable {

  /** File formats. */
  public enum Format { CSV, JSON_LINES }

  /**
   * @param coordinates two field names (latitude, longitude), one JSON-object field holding lat and lon, or empty
   * @param naturalKey fields that identify a record across deliveries (a late or corrected record updates silver)
   */
  public static FeedContract of(String name, String source, String directory, String fileSuffix, Format format,
      char delimiter, String zone, boolean buddhistEra, String timeRule, List<FieldSpec> fields,
      List<String> coordinates, List<String> naturalKey, TableId bronzeTable, String description) {
    return new FeedContract(name, source, directory, fileSuffix, format, delimiter, zone, buddhistEra, timeRule,
        fields, coordinates, naturalKey, bronzeTable, description);
  }

  public ZoneId zoneId() {
    return zone == null ? null : ZoneId.of(zone);
  }

  public FieldSpec field(String name) {
    for (FieldSpec f : fields) {
      if (f.name().equals(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException(this.name + " has no field " + name);
  }

  public int index(String name) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException(this.name + " has no field " + name);
  }
}
