package org.borderwatch.ingest.border;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.borderwatch.ingest.core.FieldSpec.optional;
import static org.borderwatch.ingest.core.FieldSpec.required;

import java.time.LocalDate;
import java.util.List;
import org.borderwatch.core.catalog.TableSpec;
import org.borderwatch.core.catalog.Tables;
import org.borderwatch.core.time.IsoWeek;
import org.borderwatch.ingest.core.Feed;
import org.borderwatch.ingest.core.FeedContract;
import org.borderwatch.ingest.core.FeedContract.Format;
import org.borderwatch.ingest.core.FieldType;
import org.borderwatch.ingest.core.Provenance;
import org.borderwatch.ingest.core.SilverRow;

/**
 * The border police's deployment roster: how many patrol units each crossing or border segment gets in a
 * week. Issued before the week starts, so it is known when that week's forecast is made; the zone model
 * uses it to separate where smuggling happens from where it is seen (detections follow patrols).
 */
public final class PatrolFeed implements Feed {
  public static final FeedContract CONTRACT = FeedContract.of("patrols", "border", "border/patrols", ".csv",
      Format.CSV, ',', null, false, "Dates only: the Monday the roster week starts",
      List.of(
          required("week_start", FieldType.DATE, "Monday of the ISO week the roster is for", "2025-03-03",
              "yyyy-MM-dd"),
          required("crossing_id", FieldType.STRING, "Crossing or border segment (conf/crossings.csv id)", "moei-north"),
          required("units", FieldType.DECIMAL, "Patrol units deployed there for the week", "2"),
          optional("issued_on", FieldType.DATE, "Date the roster was issued", "2025-02-28", "yyyy-MM-dd")),
      List.of(), List.of("week_start", "crossing_id"), Tables.BRONZE_PATROLS,
      "Weekly patrol deployment roster of the border police");

  public static final TableSpec SPEC = Provenance.add(TableSpec.of(Tables.SILVER_PATROLS)
      .col("week", StringType, false, "ISO week of the roster")
      .col("week_start", DateType, "Monday of that week")
      .col("crossing_id", StringType, false, "Crossing or border segment")
      .col("units", DoubleType, "Patrol units deployed")
      .col("issued_on", DateType, "Date the roster was issued"))
      .key("week", "crossing_id")
      .build();

  @Override
  public FeedContract contract() {
    return CONTRACT;
  }

  @Override
  public List<Output> outputs() {
    return List.of(new Output(SPEC, r -> {
      LocalDate start = r.date("week_start");
      return List.of(SilverRow.of(SPEC).from(r).set("week", IsoWeek.of(start).toString()).set("week_start", start)
          .set("crossing_id", r.get("crossing_id")).set("units", r.decimal("units"))
          .set("issued_on", r.date("issued_on")).build());
    }));
  }

  @Override
  public List<org.apache.spark.sql.Row> mentions(org.borderwatch.ingest.core.Raw r) {
    return List.of();
  }
}
