package org.borderwatch.ingest.social;

import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.borderwatch.ingest.core.FieldSpec.optional;
import static org.borderwatch.ingest.core.FieldSpec.required;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.borderwatch.core.catalog.TableSpec;
import org.borderwatch.core.catalog.Tables;
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

/** Social profiles: display names and bios (recruiters often put a phone number there). */
public final class ProfileFeed implements Feed {
  public static final FeedContract CONTRACT = FeedContract.of("profiles", "social", "social/profiles", ".jsonl",
      Format.JSON_LINES, ',', null, false, "ISO-8601 instants, UTC",
      List.of(
          required("platform", FieldType.STRING, "Platform", "facebook"),
          required("handle", FieldType.STRING, "Handle", "khamsy50"),
          optional("display_name", FieldType.STRING, "Display name, any script", "Khamsy Vongsa"),
          optional("bio", FieldType.STRING, "Profile text", "Job agent Laos +8562028259431"),
          optional("created_at", FieldType.INSTANT, "When the profile was created", "2025-03-04T10:11:12Z")),
      List.of(), List.of("platform", "handle"), Tables.BRONZE_PROFILES, "Profiles of post authors and contacts");

  public static final TableSpec SPEC = Provenance.add(TableSpec.of(Tables.SILVER_PROFILES)
      .col("platform", StringType, false, "Platform")
      .col("handle", StringType, false, "Handle, lower case")
      .col("display_name", StringType, "Display name (NFKC)")
      .col("name_latin", StringType, "Display name in Latin script")
      .col("name_key", StringType, "Match key of the display name")
      .col("bio", StringType, "Profile text")
      .col("phones_in_bio", createArrayType(StringType), "Valid phone numbers in the bio, E.164")
      .col("created_at", TimestampType, "When the profile was created"))
      .key("platform", "handle")
      .build();

  @Override
  public FeedContract contract() {
    return CONTRACT;
  }

  @Override
  public List<Output> outputs() {
    return List.of(new Output(SPEC, r -> {
      Names.Conformed n = Names.conform(r.get("display_name"), null);
      return List.of(SilverRow.of(SPEC).from(r).set("platform", r.get("platform"))
          .set("handle", r.get("handle").toLowerCase(Locale.ROOT)).set("display_name", n.original())
          .set("name_latin", n.latin()).set("name_key", n.key()).set("bio", r.get("bio"))
          .set("phones_in_bio", Phones.inText(r.get("bio"), "TH")).set("created_at", r.instant("created_at")).build());
    }));
  }

  @Override
  public List<Row> mentions(Raw r) {
    List<String> phones = Phones.inText(r.get("bio"), "TH");
    Instant at = r.instant("created_at");
    Mentions.Builder m = new Mentions.Builder("profile", r.get("platform") + ":" + r.get("handle"), 0, r).at(at)
        .name(r.get("display_name")).set("handle", r.get("handle").toLowerCase(Locale.ROOT))
        .set("platform", r.get("platform")).set("role_hint", "profile");
    if (!phones.isEmpty()) {
      m.set("phone_e164", phones.get(0));
    }
    return List.of(m.build());
  }
}
