package org.borderwatch.ingest.finance;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
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
import org.borderwatch.ingest.conform.Countries;
import org.borderwatch.ingest.conform.Names;
import org.borderwatch.ingest.conform.Phones;
import org.borderwatch.ingest.core.Feed;
import org.borderwatch.ingest.core.FeedContract;
import org.borderwatch.ingest.core.FeedContract.Format;
import org.borderwatch.ingest.core.FieldType;
import org.borderwatch.ingest.core.Mentions;
import org.borderwatch.ingest.core.Provenance;
import org.borderwatch.ingest.core.Raw;
import org.borderwatch.ingest.core.SilverRow;

/** KYC records of accounts opened: who holds each account. */
public final class KycFeed implements Feed {
  /** Providers whose registries write dates month first (documented exception). */
  static final List<String> MONTH_FIRST = List.of("MoMo", "Touch 'n Go");

  public static final FeedContract CONTRACT = FeedContract.of("kyc", "finance", "finance/accounts", ".csv",
      Format.CSV, ',', null, false, "Dates only",
      List.of(
          required("account_no", FieldType.STRING, "Account number, unique per provider", "MMONEY-W5155577472"),
          required("provider", FieldType.STRING, "Bank, wallet or agent", "M-Money"),
          optional("channel", FieldType.ENUM, "bank, mobile_money or remittance_agent", "mobile_money", "bank",
              "mobile_money", "remittance_agent"),
          required("holder_name", FieldType.STRING, "Holder's full legal name", "Saysamone Sayavong"),
          optional("given_name", FieldType.STRING, "Given name(s)", "Saysamone"),
          optional("family_name", FieldType.STRING, "Family name", "Sayavong"),
          optional("date_of_birth", FieldType.DATE,
              "Date of birth (yyyy-MM-dd; MoMo and Touch 'n Go write MM/dd/yyyy)", "1979-04-28", "yyyy-MM-dd",
              "MM/dd/yyyy"),
          optional("id_number", FieldType.STRING, "Passport or ID number", "P5099968"),
          optional("phone", FieldType.STRING, "Phone as given", "(+856) 2027280827"),
          optional("address_city", FieldType.STRING, "City of the address", "Vientiane"),
          required("country", FieldType.STRING, "Country of the account, ISO 3166 alpha-2", "LA"),
          required("opened_on", FieldType.DATE, "Date opened", "2025-03-03", "yyyy-MM-dd")),
      List.of(), List.of("account_no"), Tables.BRONZE_KYC, "Know-your-customer records of accounts opened");

  public static final TableSpec SPEC = Provenance.add(TableSpec.of(Tables.SILVER_ACCOUNTS)
      .col("account_no", StringType, false, "Account number")
      .col("provider", StringType, "Bank, wallet or agent")
      .col("channel", StringType, "bank, mobile_money or remittance_agent")
      .col("holder_name", StringType, "Holder's name (NFKC)")
      .col("name_key", StringType, "Match key of the holder's name")
      .col("given_key", StringType, "Given names")
      .col("family_key", StringType, "Family name")
      .col("dob", DateType, "Holder's date of birth")
      .col("id_number", StringType, "Document number")
      .col("phone_e164", StringType, "Phone, E.164")
      .col("phone_invalid", BooleanType, "A phone was given but is not valid")
      .col("city", StringType, "City of the address")
      .col("country", StringType, "ISO 3166 alpha-3 of the account")
      .col("opened_on", DateType, "Date opened")
      .col("week", StringType, "ISO week opened"))
      .key("account_no")
      .build();

  @Override
  public FeedContract contract() {
    return CONTRACT;
  }

  static LocalDate dob(Raw r) {
    String v = r.get("date_of_birth");
    if (v == null) {
      return null;
    }
    return MONTH_FIRST.contains(r.get("provider")) ? org.borderwatch.ingest.core.Values.date(v, "MM/dd/yyyy")
        : r.date("date_of_birth");
  }

  @Override
  public List<Output> outputs() {
    return List.of(new Output(SPEC, r -> {
      String country = Countries.alpha3(r.get("country"));
      Names.Conformed n = Names.conform(r.get("holder_name"), country);
      String phone = r.get("phone");
      String e164 = Phones.e164(phone, r.get("country"));
      LocalDate opened = r.date("opened_on");
      SilverRow row = SilverRow.of(SPEC).from(r).set("account_no", r.get("account_no"))
          .set("provider", r.get("provider")).set("channel", r.get("channel")).set("holder_name", n.original())
          .set("name_key", n.key()).set("given_key", n.given()).set("family_key", n.family()).set("dob", dob(r))
          .set("id_number", r.get("id_number")).set("phone_e164", e164).set("phone_invalid", phone != null && e164 == null)
          .set("city", r.get("address_city")).set("country", country).set("opened_on", opened)
          .set("week", IsoWeek.of(opened).toString());
      if (r.get("given_name") != null) {
        row.set("given_key", String.join(" ", Names.tokens(Names.latin(r.get("given_name")))));
      }
      if (r.get("family_name") != null) {
        row.set("family_key", String.join(" ", Names.tokens(Names.latin(r.get("family_name")))));
      }
      return List.of(row.build());
    }));
  }

  @Override
  public List<Row> mentions(Raw r) {
    LocalDate opened = r.date("opened_on");
    return List.of(new Mentions.Builder("kyc", r.get("account_no"), 0, r)
        .at(opened.atStartOfDay().toInstant(ZoneOffset.UTC)).name(r.get("holder_name"))
        .parts(r.get("given_name"), r.get("family_name")).dob(dob(r)).document(r.get("id_number"))
        .phone(r.get("phone"), r.get("country")).set("account_no", r.get("account_no")).set("city", r.get("address_city"))
        .set("role_hint", "account_holder").build());
  }
}
