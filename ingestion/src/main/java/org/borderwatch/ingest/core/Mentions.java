package org.borderwatch.ingest.core;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.spark.sql.Row;
import org.borderwatch.core.catalog.TableSpec;
import org.borderwatch.core.catalog.Tables;
import org.borderwatch.core.time.IsoWeek;
import org.borderwatch.ingest.conform.Countries;
import org.borderwatch.ingest.conform.Names;
import org.borderwatch.ingest.conform.Phones;

/** silver.person_mentions: every appearance of a person in any source, conformed for entity resolution. */
public final class Mentions {
  private Mentions() {}

  public static final TableSpec SPEC = Provenance.add(TableSpec.of(Tables.SILVER_PERSON_MENTIONS)
      .col("mention_id", StringType, false, "source:record_id:seq, unique across sources")
      .col("source", StringType, false, "checkpoint, interdiction, case, arrest, screening, kyc or profile")
      .col("record_id", StringType, false, "Id of the source record (natural key of its silver table)")
      .col("seq", IntegerType, false, "Position of the person in a record with several persons, else 0")
      .col("event_at", TimestampType, "When the record's event happened (UTC)")
      .col("week", StringType, "ISO week of event_at")
      .col("name_original", StringType, "Name as delivered, NFKC-normalised, in its original script")
      .col("name_script", StringType, "Script of the delivered name: Latin, Thai, Myanmar, ...")
      .col("name_latin", StringType, "Name transliterated to Latin (lexicon first, then ICU Any-Latin)")
      .col("name_key", StringType, "Lower-case ASCII match key without honorifics and patronymic particles")
      .col("name_sorted_key", StringType, "Match key with tokens sorted (order-insensitive)")
      .col("given_key", StringType, "Given name(s) by the nationality's convention")
      .col("family_key", StringType, "Family name by the nationality's convention (null for Burmese)")
      .col("nickname", StringType, "Nickname given in parentheses")
      .col("honorific", StringType, "Honorific or title removed from the key (U, Daw, Ko, Mr., ...)")
      .col("nationality", StringType, "ISO 3166 alpha-3, null when unknown or stateless")
      .col("stateless", BooleanType, "The record says stateless (or Rohingya)")
      .col("sex", StringType, "M or F")
      .col("dob", DateType, "Date of birth when the full date is known")
      .col("dob_year", IntegerType, "Year of birth (also when only the year is known)")
      .col("age", IntegerType, "Age as recorded (when no date of birth)")
      .col("document_number", StringType, "Passport or ID number, upper case without spaces")
      .col("phone_e164", StringType, "Phone in E.164 (null when absent or invalid)")
      .col("phone_invalid", BooleanType, "A phone was given but is not a valid number")
      .col("handle", StringType, "Social handle, lower case")
      .col("platform", StringType, "Social platform of the handle")
      .col("account_no", StringType, "Account the person holds (KYC)")
      .col("city", StringType, "City on the record (KYC address)")
      .col("role_hint", StringType, "Role the source gives: traveller, suspect, victim, witness, migrant, driver, ...")
      .col("lat", DoubleType, "Latitude of the event, when located")
      .col("lon", DoubleType, "Longitude of the event, when located"))
      .key("mention_id")
      .build();

  /** A mention builder with the common conformance (name, nationality, phone, dates). */
  public static final class Builder {
    private final SilverRow row = SilverRow.of(SPEC);
    private String nationality;

    public Builder(String source, String recordId, int seq, Raw r) {
      row.set("mention_id", source + ":" + recordId + ":" + seq).set("source", source).set("record_id", recordId)
          .set("seq", seq).from(r);
    }

    public Builder at(Instant t) {
      if (t != null) {
        row.set("event_at", t).set("week", IsoWeek.of(t.atZone(ZoneOffset.UTC).toLocalDate()).toString());
      }
      return this;
    }

    public Builder nationality(String text) {
      nationality = Countries.alpha3(text);
      row.set("nationality", nationality).set("stateless", Countries.stateless(text));
      return this;
    }

    /** Sets the nationality from an alpha-3 code already known. */
    public Builder nationalityCode(String alpha3) {
      nationality = alpha3;
      row.set("nationality", alpha3).set("stateless", "XXA".equals(alpha3));
      if ("XXA".equals(alpha3)) {
        nationality = null;
        row.set("nationality", null);
      }
      return this;
    }

    /** Name, conformed by the nationality set before. */
    public Builder name(String raw) {
      Names.Conformed n = Names.conform(raw, nationality);
      row.set("name_original", n.original()).set("name_script", n.script()).set("name_latin", n.latin())
          .set("name_key", n.key()).set("name_sorted_key", n.sortedKey()).set("given_key", n.given())
          .set("family_key", n.family()).set("nickname", n.nickname()).set("honorific", n.honorific());
      return this;
    }

    /** Structured given/family names (passport or KYC fields) override the parts derived from the full name. */
    public Builder parts(String given, String family) {
      if (given != null) {
        row.set("given_key", String.join(" ", Names.tokens(Names.latin(Names.nfkc(given)))));
      }
      if (family != null) {
        row.set("family_key", String.join(" ", Names.tokens(Names.latin(Names.nfkc(family)))));
      }
      return this;
    }

    public Builder sex(String s) {
      row.set("sex", s == null ? null : s.strip().toUpperCase().startsWith("F") ? "F"
          : s.strip().toUpperCase().startsWith("M") ? "M" : null);
      return this;
    }

    public Builder dob(LocalDate d) {
      if (d != null) {
        row.set("dob", d).set("dob_year", d.getYear());
      }
      return this;
    }

    public Builder dobYear(Integer y) {
      row.set("dob_year", y);
      return this;
    }

    public Builder age(Integer a) {
      row.set("age", a);
      return this;
    }

    public Builder document(String d) {
      row.set("document_number", d == null ? null : d.replaceAll("[\\s-]", "").toUpperCase());
      return this;
    }

    /** Raw phone, read in the nationality's country when it has no country code. */
    public Builder phone(String raw) {
      return phone(raw, Countries.alpha2(nationality));
    }

    /** Raw phone, read in the given region (alpha-2) when it has no country code. */
    public Builder phone(String raw, String region) {
      if (raw != null && !raw.isBlank()) {
        String e = Phones.e164(raw, region);
        row.set("phone_e164", e).set("phone_invalid", e == null);
      } else {
        row.set("phone_invalid", false);
      }
      return this;
    }

    public Builder set(String column, Object value) {
      row.set(column, value);
      return this;
    }

    public Row build() {
      return row.build();
    }
  }
}
