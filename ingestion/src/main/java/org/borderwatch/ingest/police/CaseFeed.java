package org.borderwatch.ingest.police;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.borderwatch.ingest.core.FieldSpec.optional;
import static org.borderwatch.ingest.core.FieldSpec.required;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.borderwatch.core.catalog.TableSpec;
import org.borderwatch.core.catalog.Tables;
import org.borderwatch.core.time.IsoWeek;
import org.borderwatch.ingest.border.Crossings;
import org.borderwatch.ingest.conform.Countries;
import org.borderwatch.ingest.conform.Names;
import org.borderwatch.ingest.conform.Phones;
import org.borderwatch.ingest.core.Feed;
import org.borderwatch.ingest.core.FeedContract;
import org.borderwatch.ingest.core.FeedContract.Format;
import org.borderwatch.ingest.core.FieldType;
import org.borderwatch.ingest.core.Json;
import org.borderwatch.ingest.core.Mentions;
import org.borderwatch.ingest.core.Provenance;
import org.borderwatch.ingest.core.Raw;
import org.borderwatch.ingest.core.SilverRow;

/** Law-enforcement case files: persons in roles, phones, vehicles and accounts named, and a narrative. */
public final class CaseFeed implements Feed {
  public static final FeedContract CONTRACT = FeedContract.of("cases", "police", "police/cases", ".jsonl",
      Format.JSON_LINES, ',', "Asia/Bangkok", false, "Local time of the opening unit (Asia/Bangkok, UTC+7), no offset",
      List.of(
          required("case_id", FieldType.STRING, "Case id", "CASE-5TQ0W7N2L9HC"),
          required("opened_at", FieldType.TIMESTAMP, "When the case was opened", "2025-03-20 23:23",
              "yyyy-MM-dd HH:mm"),
          optional("agency", FieldType.STRING, "Agency that opened it", "RTP-ATPD"),
          required("offence", FieldType.STRING, "migrant_smuggling, human_trafficking or forced_labour",
              "human_trafficking"),
          optional("location", FieldType.STRING, "Where (place or crossing name)", "Satun hills"),
          required("persons", FieldType.JSON_ARRAY,
              "[{seq, name, role (suspect|victim|witness), nationality, dob (dd/MM/yyyy or yyyy), phone, id_no}]",
              "[{\"seq\":1,\"name\":\"Phichit Thongdee\",\"role\":\"suspect\",\"nationality\":\"Thai\"}]"),
          optional("phones", FieldType.JSON_ARRAY, "Phone numbers found (seized phones, statements)",
              "[\"+66 812 874 692\"]"),
          optional("vehicles", FieldType.JSON_ARRAY, "Vehicle plates", "[\"3กข 7864\"]"),
          optional("accounts", FieldType.JSON_ARRAY, "Account numbers under review", "[\"TRUEMO-W7508082923\"]"),
          optional("narrative", FieldType.STRING, "Free-text summary", "Group of 7 intercepted near Satun hills.")),
      List.of(), List.of("case_id"), Tables.BRONZE_CASES, "Case files opened by police, DSI and immigration");

  public static final TableSpec CASES = Provenance.add(TableSpec.of(Tables.SILVER_CASES)
      .col("case_id", StringType, false, "Case id")
      .col("opened_at", TimestampType, "When the case was opened, UTC")
      .col("week", StringType, "ISO week of opened_at")
      .col("agency", StringType, "Agency")
      .col("offence", StringType, "migrant_smuggling, human_trafficking or forced_labour")
      .col("location", StringType, "Place as written")
      .col("crossing_id", StringType, "Crossing the location names (conf/crossings.csv), if any")
      .col("phones", createArrayType(StringType), "Valid phone numbers named, E.164")
      .col("phones_invalid", IntegerType, "How many phone numbers named were not valid")
      .col("vehicles", createArrayType(StringType), "Vehicle plates named")
      .col("accounts", createArrayType(StringType), "Account numbers named")
      .col("narrative", StringType, "Free-text summary"))
      .key("case_id")
      .build();

  public static final TableSpec PERSONS = Provenance.add(TableSpec.of(Tables.SILVER_CASE_PERSONS)
      .col("case_id", StringType, false, "Case id")
      .col("seq", IntegerType, false, "Position in the case file")
      .col("role", StringType, "suspect, victim or witness")
      .col("name_original", StringType, "Name as recorded (NFKC), any script")
      .col("name_latin", StringType, "Name in Latin script")
      .col("name_key", StringType, "Match key")
      .col("nationality", StringType, "ISO 3166 alpha-3")
      .col("dob", DateType, "Date of birth")
      .col("dob_year", IntegerType, "Year of birth")
      .col("phone_e164", StringType, "Phone, E.164")
      .col("phone_invalid", BooleanType, "A phone was given but is not valid")
      .col("document_number", StringType, "Document number"))
      .key("case_id", "seq")
      .build();

  @Override
  public FeedContract contract() {
    return CONTRACT;
  }

  @Override
  public List<Output> outputs() {
    return List.of(new Output(CASES, r -> {
      Instant at = r.instant("opened_at");
      List<String> phones = new ArrayList<>();
      int invalid = 0;
      for (String p : Json.strings(r.get("phones"))) {
        String e = Phones.e164(p, "TH");
        if (e == null) {
          invalid++;
        } else if (!phones.contains(e)) {
          phones.add(e);
        }
      }
      return List.of(SilverRow.of(CASES).from(r).set("case_id", r.get("case_id")).set("opened_at", at)
          .set("week", IsoWeek.of(at.atZone(ZoneOffset.UTC).toLocalDate()).toString()).set("agency", r.get("agency"))
          .set("offence", r.get("offence")).set("location", r.get("location"))
          .set("crossing_id", Crossings.idOf(r.get("location"))).set("phones", phones).set("phones_invalid", invalid)
          .set("vehicles", Json.strings(r.get("vehicles"))).set("accounts", Json.strings(r.get("accounts")))
          .set("narrative", r.get("narrative")).build());
    }), new Output(PERSONS, r -> {
      List<Row> out = new ArrayList<>();
      int i = 0;
      for (JsonNode p : Json.elements(r.get("persons"))) {
        i++;
        int seq = Json.integer(p, "seq") == null ? i : Json.integer(p, "seq");
        String nat = Countries.alpha3(Json.text(p, "nationality"));
        Names.Conformed n = Names.conform(Json.text(p, "name"), nat);
        Object[] dob = Dates.dob(Json.text(p, "dob"));
        String phone = Json.text(p, "phone");
        String e164 = Phones.e164(phone, Countries.alpha2(nat));
        out.add(SilverRow.of(PERSONS).from(r).set("case_id", r.get("case_id")).set("seq", seq)
            .set("role", Json.text(p, "role")).set("name_original", n.original()).set("name_latin", n.latin())
            .set("name_key", n.key()).set("nationality", nat).set("dob", dob[0]).set("dob_year", dob[1])
            .set("phone_e164", e164).set("phone_invalid", phone != null && e164 == null)
            .set("document_number", Json.text(p, "id_no")).build());
      }
      return out;
    }));
  }

  @Override
  public List<Row> mentions(Raw r) {
    List<Row> out = new ArrayList<>();
    Instant at = r.instant("opened_at");
    String crossing = Crossings.idOf(r.get("location"));
    int i = 0;
    for (JsonNode p : Json.elements(r.get("persons"))) {
      i++;
      int seq = Json.integer(p, "seq") == null ? i : Json.integer(p, "seq");
      Object[] dob = Dates.dob(Json.text(p, "dob"));
      Mentions.Builder m = new Mentions.Builder("case", r.get("case_id"), seq, r).at(at)
          .nationality(Json.text(p, "nationality")).name(Json.text(p, "name")).dob((LocalDate) dob[0])
          .document(Json.text(p, "id_no")).phone(Json.text(p, "phone")).set("role_hint", Json.text(p, "role"));
      if (dob[0] == null) {
        m.dobYear((Integer) dob[1]);
      }
      if (crossing != null) {
        double[] ll = Crossings.location(crossing);
        m.set("lat", ll[0]).set("lon", ll[1]);
      }
      out.add(m.build());
    }
    return out;
  }
}
