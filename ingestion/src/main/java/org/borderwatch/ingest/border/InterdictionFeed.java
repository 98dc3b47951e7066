package org.borderwatch.ingest.border;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.borderwatch.ingest.core.FieldSpec.optional;
import static org.borderwatch.ingest.core.FieldSpec.required;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.borderwatch.core.catalog.TableSpec;
import org.borderwatch.core.catalog.Tables;
import org.borderwatch.core.time.IsoWeek;
import org.borderwatch.ingest.conform.Countries;
import org.borderwatch.ingest.conform.Names;
import org.borderwatch.ingest.core.Feed;
import org.borderwatch.ingest.core.FeedContract;
import org.borderwatch.ingest.core.FeedContract.Format;
import org.borderwatch.ingest.core.FieldType;
import org.borderwatch.ingest.core.Geo;
import org.borderwatch.ingest.core.Json;
import org.borderwatch.ingest.core.Mentions;
import org.borderwatch.ingest.core.Provenance;
import org.borderwatch.ingest.core.Raw;
import org.borderwatch.ingest.core.SilverRow;

/** Interdiction reports: who was apprehended where, with the role the unit took each to have. */
public final class InterdictionFeed implements Feed {
  public static final FeedContract CONTRACT = FeedContract.of("interdictions", "border", "border/interdictions",
      ".jsonl", Format.JSON_LINES, ',', null, false, "Epoch milliseconds, UTC",
      List.of(
          required("interdiction_id", FieldType.STRING, "Interdiction id", "INT-1B8Z0Q4KX2MA"),
          optional("detection_id", FieldType.STRING, "Detection that led to it", "DET-0K3J9X2M4PQA"),
          required("intercepted_at", FieldType.EPOCH_MILLIS, "When the group was stopped", "1741457675000"),
          required("location", FieldType.JSON_OBJECT, "Where: {\"lat\":…, \"lon\":…}",
              "{\"lat\":17.29665,\"lon\":104.73917}"),
          optional("unit", FieldType.STRING, "Patrol unit", "UNIT-THLAMID-2"),
          optional("vehicle_plate", FieldType.STRING, "Plate of the vehicle stopped", "3กข 7864"),
          required("persons", FieldType.JSON_ARRAY,
              "People apprehended: [{name, nationality, sex, age, role}] with role migrant, driver, guide or boat_crew",
              "[{\"name\":\"Noy Luangrath\",\"nationality\":\"Laos\",\"sex\":\"F\",\"age\":24,\"role\":\"migrant\"}]")),
      List.of("location"), List.of("interdiction_id"), Tables.BRONZE_INTERDICTIONS,
      "Groups stopped at or near the border, with the people apprehended");

  public static final TableSpec SPEC = Provenance.add(Geo.columns(TableSpec.of(Tables.SILVER_INTERDICTIONS)
      .col("interdiction_id", StringType, false, "Interdiction id")
      .col("detection_id", StringType, "Detection that led to it")
      .col("intercepted_at", TimestampType, "When, UTC")
      .col("week", StringType, "ISO week of intercepted_at"))
      .col("unit", StringType, "Patrol unit")
      .col("vehicle_plate", StringType, "Plate of the vehicle stopped")
      .col("persons", IntegerType, "Number of people apprehended"))
      .key("interdiction_id")
      .build();

  public static final TableSpec PERSONS = Provenance.add(TableSpec.of(Tables.SILVER_INTERDICTION_PERSONS)
      .col("interdiction_id", StringType, false, "Interdiction id")
      .col("seq", IntegerType, false, "Position in the report (1-based)")
      .col("name_original", StringType, "Name as recorded (NFKC)")
      .col("name_key", StringType, "Match key")
      .col("nationality", StringType, "ISO 3166 alpha-3")
      .col("sex", StringType, "M or F")
      .col("age", IntegerType, "Age as recorded")
      .col("role", StringType, "migrant, driver, guide or boat_crew (the unit's judgement)"))
      .key("interdiction_id", "seq")
      .build();

  private final List<Integer> resolutions;
  private final int zoneResolution;

  public InterdictionFeed(List<Integer> resolutions, int zoneResolution) {
    this.resolutions = List.copyOf(resolutions);
    this.zoneResolution = zoneResolution;
  }

  @Override
  public FeedContract contract() {
    return CONTRACT;
  }

  private static double[] location(Raw r) {
    JsonNode loc = Json.tree(r.get("location"));
    return Geo.repaired(Json.number(loc, "lat"), Json.number(loc, "lon"));
  }

  @Override
  public List<Output> outputs() {
    return List.of(new Output(SPEC, r -> {
      Instant at = r.instant("intercepted_at");
      SilverRow row = SilverRow.of(SPEC).from(r).set("interdiction_id", r.get("interdiction_id"))
          .set("detection_id", r.get("detection_id")).set("intercepted_at", at)
          .set("week", IsoWeek.of(at.atZone(ZoneOffset.UTC).toLocalDate()).toString()).set("unit", r.get("unit"))
          .set("vehicle_plate", r.get("vehicle_plate")).set("persons", Json.elements(r.get("persons")).size());
      Geo.locate(row, location(r), resolutions, zoneResolution);
      return List.of(row.build());
    }), new Output(PERSONS, r -> {
      List<Row> out = new ArrayList<>();
      int seq = 0;
      for (JsonNode p : Json.elements(r.get("persons"))) {
        seq++;
        String nat = Countries.alpha3(Json.text(p, "nationality"));
        Names.Conformed n = Names.conform(Json.text(p, "name"), nat);
        out.add(SilverRow.of(PERSONS).from(r).set("interdiction_id", r.get("interdiction_id")).set("seq", seq)
            .set("name_original", n.original()).set("name_key", n.key()).set("nationality", nat)
            .set("sex", Json.text(p, "sex")).set("age", Json.integer(p, "age")).set("role", Json.text(p, "role"))
            .build());
      }
      return out;
    }));
  }

  @Override
  public List<Row> mentions(Raw r) {
    List<Row> out = new ArrayList<>();
    Instant at = r.instant("intercepted_at");
    double[] ll = location(r);
    int seq = 0;
    for (JsonNode p : Json.elements(r.get("persons"))) {
      seq++;
      Mentions.Builder m = new Mentions.Builder("interdiction", r.get("interdiction_id"), seq, r).at(at)
          .nationality(Json.text(p, "nationality")).name(Json.text(p, "name")).sex(Json.text(p, "sex"))
          .age(Json.integer(p, "age")).set("role_hint", Json.text(p, "role"));
      if (ll != null) {
        m.set("lat", ll[0]).set("lon", ll[1]);
      }
      out.add(m.build());
    }
    return out;
  }
}
