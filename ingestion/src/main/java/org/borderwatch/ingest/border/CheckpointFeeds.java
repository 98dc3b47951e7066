package org.borderwatch.ingest.border;

import static org.apache.spark.sql.types.DataTypes.DateType;
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
import org.borderwatch.ingest.conform.Countries;
import org.borderwatch.ingest.conform.Names;
import org.borderwatch.ingest.core.Feed;
import org.borderwatch.ingest.core.FeedContract;
import org.borderwatch.ingest.core.FeedContract.Format;
import org.borderwatch.ingest.core.FieldType;
import org.borderwatch.ingest.core.Mentions;
import org.borderwatch.ingest.core.Provenance;
import org.borderwatch.ingest.core.Raw;
import org.borderwatch.ingest.core.SilverRow;

/**
 * Checkpoint crossing records from the three exporting immigration agencies, conformed into one table
 * (silver.border_crossings). Each agency keeps its own format, calendar and time zone.
 */
public final class CheckpointFeeds {
  private CheckpointFeeds() {}

  public static final TableSpec CROSSINGS = Provenance.add(TableSpec.of(Tables.SILVER_BORDER_CROSSINGS)
      .col("record_id", StringType, false, "Record number given by the exporting agency")
      .col("exporter", StringType, "Exporting agency: th (Thai Immigration), vn (Vietnam Immigration), my (Malaysia)")
      .col("checkpoint", StringType, "Checkpoint as the agency names it")
      .col("crossing_id", StringType, "borderwatch id of the official crossing (conf/crossings.csv), null if unknown")
      .col("direction", StringType, "IN (entering the exporting country) or OUT")
      .col("crossed_at", TimestampType, "Time of crossing, UTC")
      .col("week", StringType, "ISO week of crossed_at")
      .col("name_original", StringType, "Name as delivered (NFKC)")
      .col("name_key", StringType, "Match key of the name")
      .col("given_key", StringType, "Given names")
      .col("family_key", StringType, "Family name")
      .col("nationality", StringType, "ISO 3166 alpha-3 (null when stateless)")
      .col("sex", StringType, "M or F")
      .col("dob", DateType, "Date of birth (Gregorian)")
      .col("document_type", StringType, "P passport, CI certificate of identity, BP border pass")
      .col("document_number", StringType, "Travel document number")
      .col("vehicle_plate", StringType, "Plate of the vehicle the traveller drove, if any"))
      .key("record_id")
      .build();

  /** Thai Immigration Bureau: ';', Buddhist Era dates, Asia/Bangkok. */
  public static final FeedContract TH = FeedContract.of("checkpoint_th", "border", "border/checkpoints/th", ".csv",
      Format.CSV, ';', "Asia/Bangkok", true,
      "Local time at the checkpoint (Asia/Bangkok, UTC+7), years in the Buddhist Era (Gregorian + 543)",
      List.of(
          required("record_no", FieldType.STRING, "Record number, unique per export", "TH-2025W10-000002"),
          required("checkpoint_code", FieldType.STRING, "Checkpoint code", "MAE_SOT"),
          required("direction", FieldType.ENUM, "IN = entering Thailand, OUT = leaving", "IN", "IN", "OUT"),
          required("crossing_time", FieldType.TIMESTAMP, "Date and time of crossing", "03/03/2568 07:23",
              "dd/MM/yyyy HH:mm"),
          optional("surname", FieldType.STRING, "Surname as in the document's machine-readable zone", "SUKSAVAT"),
          required("given_names", FieldType.STRING, "Given names as in the document", "SOMCHAY"),
          required("nationality", FieldType.STRING, "ISO 3166 alpha-3, XXA for stateless", "THA"),
          optional("sex", FieldType.ENUM, "Sex", "M", "M", "F", "X"),
          optional("birth_date", FieldType.DATE, "Date of birth", "13/05/2537", "dd/MM/yyyy"),
          optional("document_type", FieldType.STRING, "P passport, CI certificate of identity, BP border pass", "P"),
          required("doc_no", FieldType.STRING, "Travel document number", "WB0725071").alias("document_no"),
          optional("vehicle_plate", FieldType.STRING, "Plate of the vehicle driven across", "3กข 7864")),
      List.of(), List.of("record_no"), Tables.BRONZE_CHECKPOINT_TH,
      "Every crossing at Thailand's official checkpoints, exported weekly by the Thai Immigration Bureau");

  /** Vietnam Immigration: ',', gzip, local ISO time, names with diacritics. */
  public static final FeedContract VN = FeedContract.of("checkpoint_vn", "border", "border/checkpoints/vn",
      ".csv.gz", Format.CSV, ',', "Asia/Ho_Chi_Minh", false, "Local time at the post (Asia/Ho_Chi_Minh, UTC+7)",
      List.of(
          required("id", FieldType.STRING, "Record id", "VN-2025W10-000001"),
          required("post", FieldType.STRING, "Border post name", "Bavet – Moc Bai"),
          required("direction", FieldType.ENUM, "NHAP = entry (nhập cảnh), XUAT = exit (xuất cảnh)", "NHAP",
              "NHAP", "XUAT"),
          required("time_local", FieldType.TIMESTAMP, "Date and time of crossing", "2025-03-03T07:01:00",
              "yyyy-MM-dd'T'HH:mm:ss"),
          required("full_name", FieldType.STRING, "Full name, family name first for Vietnamese", "Nguyễn Thị Lan"),
          optional("date_of_birth", FieldType.DATE, "Date of birth", "1959-04-25", "yyyy-MM-dd"),
          optional("nationality", FieldType.STRING, "ISO 3166 alpha-2", "KH"),
          optional("gender", FieldType.ENUM, "Sex", "M", "M", "F"),
          required("passport_no", FieldType.STRING, "Passport number", "N03459626")),
      List.of(), List.of("id"), Tables.BRONZE_CHECKPOINT_VN,
      "Crossings at Vietnam's posts on the Cambodian and Lao borders, exported weekly by Vietnam Immigration");

  /** Malaysian Immigration: tab-separated, CRLF, English month names. */
  public static final FeedContract MY = FeedContract.of("checkpoint_my", "border", "border/checkpoints/my", ".tsv",
      Format.CSV, '\t', "Asia/Kuala_Lumpur", false, "Local time at the post (Asia/Kuala_Lumpur, UTC+8)",
      List.of(
          required("REF", FieldType.STRING, "Record reference", "MY-2025W10-000065"),
          required("POST", FieldType.STRING, "Post name", "TEBEDU – ENTIKONG"),
          required("DIR", FieldType.ENUM, "IN = entering Malaysia, OUT = leaving", "IN", "IN", "OUT"),
          required("DATETIME", FieldType.TIMESTAMP, "Date and time of crossing", "03-MAR-2025 20:52",
              "dd-MMM-yyyy HH:mm"),
          required("NAME", FieldType.STRING, "Full name as in the passport", "NUR BINTI RAHMAN"),
          optional("DOB", FieldType.DATE, "Date of birth", "20/05/1954", "dd/MM/yyyy"),
          optional("CITIZENSHIP", FieldType.STRING, "Country name in capitals, or STATELESS", "INDONESIA"),
          optional("SEX", FieldType.ENUM, "Sex", "F", "M", "F"),
          required("PASSPORT", FieldType.STRING, "Passport number", "B2639105")),
      List.of(), List.of("REF"), Tables.BRONZE_CHECKPOINT_MY,
      "Crossings at Malaysia's Tebedu post on the Borneo border, exported weekly by Malaysian Immigration");

  /** All three as feeds. */
  public static List<Feed> feeds() {
    return List.of(new Checkpoint(TH), new Checkpoint(VN), new Checkpoint(MY));
  }

  /** Field names differ per agency; the meaning is shared. */
  private record Fields(String id, String post, String dir, String time, String name, String given, String surname,
      String dob, String nat, String sex, String doc, String docType, String plate) {}

  static Fields fields(FeedContract c) {
    return switch (c.name()) {
      case "checkpoint_th" -> new Fields("record_no", "checkpoint_code", "direction", "crossing_time", null,
          "given_names", "surname", "birth_date", "nationality", "sex", "doc_no", "document_type", "vehicle_plate");
      case "checkpoint_vn" -> new Fields("id", "post", "direction", "time_local", "full_name", null, null,
          "date_of_birth", "nationality", "gender", "passport_no", null, null);
      default -> new Fields("REF", "POST", "DIR", "DATETIME", "NAME", null, null, "DOB", "CITIZENSHIP", "SEX",
          "PASSPORT", null, null);
    };
  }

  static final class Checkpoint implements Feed {
    private final FeedContract contract;

    Checkpoint(FeedContract contract) {
      this.contract = contract;
    }

    @Override
    public FeedContract contract() {
      return contract;
    }

    @Override
    public List<Output> outputs() {
      return List.of(new Output(CROSSINGS, r -> List.of(row(r))));
    }

    private String exporter() {
      return contract.name().substring("checkpoint_".length());
    }

    private String name(Raw r, Fields f) {
      if (f.name() != null) {
        return r.get(f.name());
      }
      String s = r.get(f.surname());
      return s == null ? r.get(f.given()) : s + " " + r.get(f.given());
    }

    private String direction(Raw r, Fields f) {
      String d = r.get(f.dir());
      return "NHAP".equals(d) ? "IN" : "XUAT".equals(d) ? "OUT" : d;
    }

    Row row(Raw r) {
      Fields f = fields(contract);
      String nat = Countries.alpha3(r.get(f.nat()));
      Names.Conformed n = Names.conform(name(r, f), nat);
      Instant at = r.instant(f.time());
      SilverRow row = SilverRow.of(CROSSINGS).from(r)
          .set("record_id", r.get(f.id())).set("exporter", exporter()).set("checkpoint", r.get(f.post()))
          .set("crossing_id", Crossings.officialId(r.get(f.post())))
          .set("direction", direction(r, f)).set("crossed_at", at)
          .set("week", IsoWeek.of(at.atZone(ZoneOffset.UTC).toLocalDate()).toString())
          .set("name_original", n.original()).set("name_key", n.key()).set("given_key", n.given())
          .set("family_key", n.family()).set("nationality", nat).set("sex", r.get(f.sex()))
          .set("dob", r.date(f.dob())).set("document_type", f.docType() == null ? "P" : r.get(f.docType()))
          .set("document_number", r.get(f.doc()).replaceAll("\\s", "").toUpperCase())
          .set("vehicle_plate", f.plate() == null ? null : r.get(f.plate()));
      if (f.surname() != null) {
        row.set("given_key", String.join(" ", Names.tokens(r.get(f.given()))))
            .set("family_key", r.get(f.surname()) == null ? null : String.join(" ", Names.tokens(r.get(f.surname()))));
      }
      return row.build();
    }

    @Override
    public List<Row> mentions(Raw r) {
      Fields f = fields(contract);
      Instant at = r.instant(f.time());
      String natText = r.get(f.nat());
      Mentions.Builder m = new Mentions.Builder("checkpoint", r.get(f.id()), 0, r).at(at);
      if (natText != null && natText.length() == 3 && natText.equals(natText.toUpperCase())) {
        m.nationalityCode(natText);
      } else {
        m.nationality(natText);
      }
      m.name(name(r, f)).sex(r.get(f.sex())).dob(r.date(f.dob())).document(r.get(f.doc()))
          .set("role_hint", "traveller");
      if (f.surname() != null) {
        m.parts(r.get(f.given()), r.get(f.surname()));
      }
      String cp = Crossings.officialId(r.get(f.post()));
      if (cp != null) {
        double[] ll = Crossings.location(cp);
        m.set("lat", ll[0]).set("lon", ll[1]);
      }
      return List.of(m.build());
    }
  }
}
