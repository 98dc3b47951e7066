package org.borderwatch.ingest.social;

import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.borderwatch.ingest.core.FieldSpec.optional;
import static org.borderwatch.ingest.core.FieldSpec.required;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.borderwatch.core.catalog.TableSpec;
import org.borderwatch.core.catalog.Tables;
import org.borderwatch.core.time.IsoWeek;
import org.borderwatch.ingest.conform.Names;
import org.borderwatch.ingest.conform.Phones;
import org.borderwatch.ingest.core.Feed;
import org.borderwatch.ingest.core.FeedContract;
import org.borderwatch.ingest.core.FeedContract.Format;
import org.borderwatch.ingest.core.FieldType;
import org.borderwatch.ingest.core.Geo;
import org.borderwatch.ingest.core.Json;
import org.borderwatch.ingest.core.Provenance;
import org.borderwatch.ingest.core.Raw;
import org.borderwatch.ingest.core.SilverRow;

/** Social-media posts: job offers honest and deceptive, smuggling offers, everyday chatter. */
public final class PostFeed implements Feed {
  public static final FeedContract CONTRACT = FeedContract.of("posts", "social", "social/posts", ".jsonl.gz",
      Format.JSON_LINES, ',', null, false, "Epoch seconds, UTC",
      List.of(
          required("post_id", FieldType.STRING, "Post id", "004417902281365517"),
          required("platform", FieldType.STRING, "facebook, line, telegram, whatsapp, tiktok, zalo", "tiktok"),
          required("author", FieldType.STRING, "Author's handle", "khamsy50"),
          required("created_at", FieldType.EPOCH_SECONDS, "When it was posted", "1740962056"),
          required("text", FieldType.STRING, "Text, any language and script", "rap samak ngan KL ..."),
          optional("geo", FieldType.JSON_OBJECT, "Geotag {\"lat\":…, \"lon\":…} or null",
              "{\"lat\":17.904,\"lon\":102.5553}")),
      List.of("geo"), List.of("post_id"), Tables.BRONZE_POSTS, "Public posts collected from social platforms");

  public static final TableSpec SPEC = Provenance.add(Geo.columns(TableSpec.of(Tables.SILVER_POSTS)
      .col("post_id", StringType, false, "Post id")
      .col("platform", StringType, "Platform")
      .col("author_handle", StringType, "Author's handle, lower case")
      .col("created_at", TimestampType, "When it was posted, UTC")
      .col("week", StringType, "ISO week of created_at")
      .col("text", StringType, "Text, NFKC-normalised")
      .col("phones_in_text", createArrayType(StringType), "Valid phone numbers in the text, E.164")
      .col("handles_in_text", createArrayType(StringType), "@handles in the text, lower case")))
      .key("post_id")
      .build();

  private final List<Integer> resolutions;
  private final int zoneResolution;

  public PostFeed(List<Integer> resolutions, int zoneResolution) {
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
      Instant at = r.instant("created_at");
      String text = Names.nfkc(r.get("text").replace("\r", ""));
      SilverRow row = SilverRow.of(SPEC).from(r).set("post_id", r.get("post_id")).set("platform", r.get("platform"))
          .set("author_handle", r.get("author").toLowerCase(Locale.ROOT)).set("created_at", at)
          .set("week", IsoWeek.of(at.atZone(ZoneOffset.UTC).toLocalDate()).toString())
          .set("text", r.get("text").replace("\r", "")).set("phones_in_text", Phones.inText(text, "TH"))
          .set("handles_in_text", Phones.handlesInText(text));
      JsonNode geo = Json.tree(r.get("geo"));
      if (geo != null && geo.isObject()) {
        Geo.locate(row, Geo.repaired(Json.number(geo, "lat"), Json.number(geo, "lon")), resolutions, zoneResolution);
      }
      return List.of(row.build());
    }));
  }

  @Override
  public List<Row> mentions(Raw r) {
    return List.of();
  }
}
