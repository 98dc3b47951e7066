package org.borderwatch.ingest.police;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.borderwatch.ingest.core.FieldSpec.optional;
import static org.borderwatch.ingest.core.FieldSpec.required;

import java.time.LocalDate;
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
import org.borderwatch.ingest.core.FieldSpec;
import org.borderwatch.ingest.core.FieldType;
import org.borderwatch.ingest.core.Mentions;
import org.borderwatch.ingest.core.Provenance;
import org.borderwatch.ingest.core.Raw;
import org.borderwatch.ingest.core.SilverRow;

/** Victim-screening interviews with the 11 ILO indicators of forced labour. */
public final class ScreeningFeed implements Feed {
  /** The ILO indicators, in the order of the screening form. */
  public static final List<String> INDICATORS = List.of("abuse_of_vulnerability", "deception",
      "restriction_of_movement", "isolation", "physical_sexual_violence", "intimidation_threats",
      "retention_of_documents", "withholding_of_wages", "debt_bondage", "abusive_conditions", "excessive_overtime");

  public static final FeedContract CONTRACT = buildContract();

  private static FeedContract buildContract() {
    List<FieldSpec> f = new ArrayList<>(List.of(
        required("screening_id", FieldType.STRING, "Interview id", "SCR-9P4ZC1R6TW0E"),
        optional("case_id", FieldType.STRING, "Case the person came from", "CASE-5TQ0W7N2L9HC"),
        required("interview_date", FieldType.DATE, "Date of the interview", "09/03/2025", "dd/MM/yyyy"),
        optional("location", FieldType.STRING, "Where", "Sihanoukville"),
        required("name", FieldType.STRING, "Name of the person interviewed", "Rini"),
        optional("sex", FieldType.ENUM, "Sex", "F", "M", "F"),
        optional("age", FieldType.INTEGER, "Age", "39"),
        optional("nationality", FieldType.STRING, "Nationality as stated", "Indonesia"),
        optional("language", FieldType.STRING, "Language of the interview", "Indonesian")));
    for (String i : INDICATORS) {
      f.add(optional(i, FieldType.FLAG, "ILO indicator '" + i.replace('_', ' ')
          + "' observed; blank when the question was not asked", "Y"));
    }
    f.add(optional("referral", FieldType.STRING, "Referred to: shelter, NGO, embassy or none", "NGO"));
    f.add(optional("notes", FieldType.STRING, "Interviewer's notes", "documents were kept by the agent"));
    return FeedContract.of("screenings", "police", "police/screenings", ".csv", Format.CSV, ',', null, false,
        "Dates only; files come from a spreadsheet: UTF-8 with BOM, CRLF line endings", f, List.of(),
        List.of("screening_id"), Tables.BRONZE_SCREENINGS,
        "Victim-screening interviews of people rescued or intercepted, with the 11 ILO indicators");
  }

  public static final TableSpec SPEC = spec();

  private static TableSpec spec() {
    TableSpec.Builder b = TableSpec.of(Tables.SILVER_SCREENINGS)
        .col("screening_id", StringType, false, "Interview id")
        .col("case_id", StringType, "Case the person came from")
        .col("interviewed_on", DateType, "Date of the interview")
        .col("week", StringType, "ISO week of the interview")
        .col("location", StringType, "Where")
        .col("name_original", StringType, "Name as recorded (NFKC)")
        .col("name_key", StringType, "Match key")
        .col("sex", StringType, "M or F")
        .col("age", IntegerType, "Age")
        .col("nationality", StringType, "ISO 3166 alpha-3")
        .col("language", StringType, "Language of the interview");
    for (String i : INDICATORS) {
      b.col(i, BooleanType, "ILO indicator observed: " + i.replace('_', ' ') + " (null: not asked)");
    }
    b.col("indicators", createArrayType(StringType), "Names of the indicators observed")
        .col("indicator_count", IntegerType, "How many of the 11 indicators were observed")
        .col("indicators_asked", IntegerType, "How many of the 11 questions were asked (answered Y or N)")
        .col("referral", StringType, "Referral")
        .col("notes", StringType, "Interviewer's notes");
    return Provenance.add(b).key("screening_id").build();
  }

  @Override
  public FeedContract contract() {
    return CONTRACT;
  }

  @Override
  public List<Output> outputs() {
    return List.of(new Output(SPEC, r -> {
      String nat = Countries.alpha3(r.get("nationality"));
      Names.Conformed n = Names.conform(r.get("name"), nat);
      LocalDate on = r.date("interview_date");
      SilverRow row = SilverRow.of(SPEC).from(r).set("screening_id", r.get("screening_id"))
          .set("case_id", r.get("case_id")).set("interviewed_on", on).set("week", IsoWeek.of(on).toString())
          .set("location", r.get("location")).set("name_original", n.original()).set("name_key", n.key())
          .set("sex", r.get("sex")).set("age", r.integer("age")).set("nationality", nat)
          .set("language", r.get("language")).set("referral", r.get("referral")).set("notes", r.get("notes"));
      List<String> present = new ArrayList<>();
      int asked = 0;
      for (String i : INDICATORS) {
        String v = r.get(i);
        if (v == null) {
          row.set(i, null);
          continue;
        }
        asked++;
        row.set(i, v.equals("Y"));
        if (v.equals("Y")) {
          present.add(i);
        }
      }
      return List.of(row.set("indicators", present).set("indicator_count", present.size())
          .set("indicators_asked", asked).build());
    }));
  }

  @Override
  public List<Row> mentions(Raw r) {
    LocalDate on = r.date("interview_date");
    return List.of(new Mentions.Builder("screening", r.get("screening_id"), 0, r)
        .at(on.atStartOfDay().toInstant(ZoneOffset.UTC)).nationality(r.get("nationality")).name(r.get("name"))
        .sex(r.get("sex")).age(r.integer("age")).set("role_hint", "screened").build());
  }
}
