package org.borderwatch.ingest.police;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.borderwatch.ingest.core.FieldSpec.optional;
import static org.borderwatch.ingest.core.FieldSpec.required;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.spark.sql.Row;
import org.borderwatch.core.catalog.TableSpec;
import org.borderwatch.core.catalog.Tables;
import org.borderwatch.core.time.IsoWeek;
import org.borderwatch.ingest.conform.Names;
import org.borderwatch.ingest.core.Feed;
import org.borderwatch.ingest.core.FeedContract;
import org.borderwatch.ingest.core.FeedContract.Format;
import org.borderwatch.ingest.core.FieldType;
import org.borderwatch.ingest.core.Mentions;
import org.borderwatch.ingest.core.Provenance;
import org.borderwatch.ingest.core.Raw;
import org.borderwatch.ingest.core.SilverRow;

/** Arrests of case suspects. */
public final class ArrestFeed implements Feed {
  public static final FeedContract CONTRACT = FeedContract.of("arrests", "police", "police/arrests", ".csv",
      Format.CSV, ',', null, false, "Dates only (no time)",
      List.of(
          required("arrest_id", FieldType.STRING, "Arrest id", "AR-7D2KQ90XM1BF"),
          required("case_id", FieldType.STRING, "Case the arrest belongs to", "CASE-5TQ0W7N2L9HC"),
          required("name", FieldType.STRING, "Name of the person arrested, any script", "พิชิต ทองดี"),
          required("arrested_on", FieldType.DATE, "Date of arrest", "2025-03-21", "yyyy-MM-dd"),
          optional("place", FieldType.STRING, "Where", "Satun hills"),
          optional("charge", FieldType.STRING, "Charge", "human_trafficking")),
      List.of(), List.of("arrest_id"), Tables.BRONZE_ARRESTS, "Arrests made in cases");

  public static final TableSpec SPEC = Provenance.add(TableSpec.of(Tables.SILVER_ARRESTS)
      .col("arrest_id", StringType, false, "Arrest id")
      .col("case_id", StringType, "Case id")
      .col("name_original", StringType, "Name as recorded (NFKC)")
      .col("name_latin", StringType, "Name in Latin script")
      .col("name_key", StringType, "Match key")
      .col("arrested_on", DateType, "Date of arrest")
      .col("week", StringType, "ISO week of the arrest")
      .col("place", StringType, "Where")
      .col("charge", StringType, "Charge"))
      .key("arrest_id")
      .build();

  @Override
  public FeedContract contract() {
    return CONTRACT;
  }

  @Override
  public List<Output> outputs() {
    return List.of(new Output(SPEC, r -> {
      Names.Conformed n = Names.conform(r.get("name"), null);
      LocalDate on = r.date("arrested_on");
      return List.of(SilverRow.of(SPEC).from(r).set("arrest_id", r.get("arrest_id")).set("case_id", r.get("case_id"))
          .set("name_original", n.original()).set("name_latin", n.latin()).set("name_key", n.key())
          .set("arrested_on", on).set("week", IsoWeek.of(on).toString()).set("place", r.get("place"))
          .set("charge", r.get("charge")).build());
    }));
  }

  @Override
  public List<Row> mentions(Raw r) {
    LocalDate on = r.date("arrested_on");
    return List.of(new Mentions.Builder("arrest", r.get("arrest_id"), 0, r)
        .at(on.atStartOfDay().toInstant(ZoneOffset.UTC)).name(r.get("name")).set("role_hint", "arrested").build());
  }
}
