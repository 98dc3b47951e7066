package org.borderwatch.ingest.core;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import org.borderwatch.core.catalog.TableSpec;
import org.borderwatch.core.catalog.Tables;

/** Bronze tables (raw values as text plus ingest metadata), the quarantine, and the ingest accounting. */
public final class BronzeSpecs {
  private BronzeSpecs() {}

  /** A feed's bronze table: every contract field as delivered, then the ingest metadata. */
  public static TableSpec of(FeedContract c) {
    TableSpec.Builder b = TableSpec.of(c.bronzeTable());
    for (FieldSpec f : c.fields()) {
      b.col(f.name(), StringType, f.meaning() + " (raw, as delivered)");
    }
    return b.col("_rescued", StringType, "Fields the contract does not know, as a JSON object (schema drift)")
        .col("_source_file", StringType, false, "Landing file, relative to the landing zone")
        .col("_line", IntegerType, false, "Physical line number in the file (1 = first line)")
        .col("_batch_id", StringType, false, "Ingest run")
        .col("_ingested_at", TimestampType, false, "When the run landed the row")
        .col("_record_hash", StringType, false, "SHA-256 of the line's bytes (exact duplicates share it)")
        .build();
  }

  public static final TableSpec QUARANTINE = TableSpec.of(Tables.QUARANTINE)
      .col("feed", StringType, false, "Feed the file belongs to")
      .col("source_file", StringType, false, "Landing file, relative to the landing zone")
      .col("line", IntegerType, false, "Physical line number (0 for a file that could not be read at all)")
      .col("reason", StringType, false, "Reason code: INVALID_UTF8, MALFORMED_JSON, MALFORMED_CSV, WRONG_FIELD_COUNT, "
          + "MISSING_REQUIRED, BAD_VALUE, BAD_COORDINATES, BLANK_LINE, UNREADABLE_FILE")
      .col("detail", StringType, "What exactly was wrong")
      .col("raw_text", StringType, "The line as delivered (invalid bytes shown as U+FFFD)")
      .col("batch_id", StringType, false, "Ingest run")
      .col("ingested_at", TimestampType, false, "When the run quarantined the line")
      .build();

  public static final TableSpec INGEST_LOG = TableSpec.of(Tables.INGEST_LOG)
      .col("batch_id", StringType, false, "Ingest run")
      .col("feed", StringType, false, "Feed")
      .col("source", StringType, false, "border, police, social or finance")
      .col("file", StringType, false, "Landing file, relative to the landing zone")
      .col("size_bytes", LongType, "File size")
      .col("checksum", StringType, "SHA-256 of the file's bytes")
      .col("status", StringType, false, "INGESTED; CHANGED_REJECTED for a file that changed after it was ingested; SKIPPED_LINK for a symbolic link not followed")
      .col("lines_total", IntegerType, "Physical lines in the file, header included")
      .col("header_lines", IntegerType, "Header lines (1 for CSV, 0 for JSON Lines and empty files)")
      .col("lines_read", IntegerType, "Data lines read = rows_landed + rows_quarantined")
      .col("rows_landed", IntegerType, "Rows landed in bronze")
      .col("rows_quarantined", IntegerType, "Lines sent to bronze.quarantine")
      .col("duplicates", IntegerType, "Landed rows that exactly repeat an earlier line of the file (removed in silver)")
      .col("drift_fields", createArrayType(StringType), "Fields the contract does not know (kept in _rescued)")
      .col("ingested_at", TimestampType, false, "When")
      .col("repaired_lines", IntegerType, "Landed lines in which control characters (NUL and the like) were removed "
          + "from a field; the rest of each value is kept")
      .build();

  public static final TableSpec INGESTED_FILES = TableSpec.of(Tables.INGESTED_FILES)
      .col("file", StringType, false, "Landing file, relative to the landing zone")
      .col("feed", StringType, false, "Feed")
      .col("size_bytes", LongType, false, "Size when ingested")
      .col("modified_at", LongType, false, "Modification time when ingested (epoch ms)")
      .col("checksum", StringType, false, "SHA-256 when ingested")
      .col("batch_id", StringType, false, "Run that ingested it")
      .col("ingested_at", TimestampType, false, "When")
      .key("file")
      .build();
}
