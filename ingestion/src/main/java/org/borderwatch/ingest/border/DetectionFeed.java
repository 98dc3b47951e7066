package org.borderwatch.ingest.border;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.borderwatch.ingest.core.FieldSpec.optional;
import static org.borderwatch.ingest.core.FieldSpec.required;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.spark.sql.Row;
import org.borderwatch.core.catalog.TableSpec;
import org.borderwatch.core.catalog.Tables;
import org.borderwatch.core.time.IsoWeek;
import org.borderwatch.ingest.core.Feed;
import org.borderwatch.ingest.core.FeedContract;
import org.borderwatch.ingest.core.FeedContract.Format;
import org.borderwatch.ingest.core.FieldType;
import org.borderwatch.ingest.core.Geo;
import org.borderwatch.ingest.core.Provenance;
import org.borderwatch.ingest.core.Raw;
import org.borderwatch.ingest.core.SilverRow;

/** Sensor and patrol detections: where and when a group was seen, and how large it looked. */
public final class DetectionFeed implements Feed {
  public static final FeedContract CONTRACT = FeedContract.of("detections", "border", "border/detections",
      ".jsonl.gz", Format.JSON_LINES, ',', null, false, "ISO-8601 with the sensor's UTC offset",
      List.of(
          required("detection_id", FieldType.STRING, "Detection id", "DET-0K3J9X2M4PQA"),
          required("observed_at", FieldType.TIMESTAMP_OFFSET, "When the group was observed", "2025-03-09T01:07:10+07:00"),
          required("lat", FieldType.DECIMAL, "Latitude, WGS84", "17.28999"),
          required("lon", FieldType.DECIMAL, "Longitude, WGS84", "104.7421"),
          optional("group_size", FieldType.INTEGER, "Estimated number of people", "3"),
          required("sensor", FieldType.ENUM, "What saw them", "patrol", "patrol", "radar", "camera", "ground_sensor"),
          optional("unit", FieldType.STRING, "Patrol unit or sensor id", "UNIT-THLAMID-2"),
          optional("confidence", FieldType.DECIMAL, "Sensor confidence 0-1", "0.59")),
      List.of("lat", "lon"), List.of("detection_id"), Tables.BRONZE_DETECTIONS,
      "Detections of groups near the border by patrols, radar, cameras and ground sensors");

  public static final TableSpec SPEC = Provenance.add(Geo.columns(TableSpec.of(Tables.SILVER_DETECTIONS)
      .col("detection_id", StringType, false, "Detection id")
      .col("observed_at", TimestampType, "When the group was observed, UTC")
      .col("week", StringType, "ISO week of observed_at"))
      .col("group_size", IntegerType, "Estimated number of people")
      .col("sensor", StringType, "patrol, radar, camera or ground_sensor")
      .col("unit", StringType, "Patrol unit or sensor id")
      .col("confidence", DoubleType, "Sensor confidence 0-1"))
      .key("detection_id")
      .build();

  private final List<Integer> resolutions;
  private final int zoneResolution;

  public DetectionFeed(List<Integer> resolutions, int zoneResolution) {
    this.resolutions = List.copyOf(resolutions);
    this.zoneResolution = zoneResolution;
  }

  @Override
  public FeedContract contract() {
    return CONTRACT;
  }

  @Override
  public List<Output> outputs() {
    return List.of(new Output(SPEC, r -> {
      Instant at = r.instant("observed_at");
      SilverRow row = SilverRow.of(SPEC).from(r).set("detection_id", r.get("detection_id")).set("observed_at", at)
          .set("week", IsoWeek.of(at.atZone(ZoneOffset.UTC).toLocalDate()).toString())
          .set("group_size", r.integer("group_size")).set("sensor", r.get("sensor")).set("unit", r.get("unit"))
          .set("confidence", r.decimal("confidence"));
      Geo.locate(row, Geo.repaired(r.decimal("lat"), r.decimal("lon")), resolutions, zoneResolution);
      return List.of(row.build());
    }));
  }

  @Override
  public List<Row> mentions(Raw r) {
    return List.of();
  }
}
