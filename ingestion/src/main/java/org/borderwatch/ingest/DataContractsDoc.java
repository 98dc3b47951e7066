package org.borderwatch.ingest;

import java.util.List;
import java.util.stream.Collectors;
import org.borderwatch.ingest.core.Feed;
import org.borderwatch.ingest.core.FeedContract;
import org.borderwatch.ingest.core.FieldSpec;
import org.borderwatch.ingest.core.Reason;

/** Writes docs/data-contracts.md from the contracts in code, so the document cannot drift from them. */
public final class DataContractsDoc {
  private DataContractsDoc() {}

  public static String render(List<Feed> feeds) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Data contracts\n\n")
        .append("What each agency delivers, field by field. Ingestion reads exactly these fields (no schema\n")
        .append("inference); this page is generated from the contracts in `ingestion/src/main/java` by\n")
        .append("`DataContractsDocTest` (run with `BORDERWATCH_GENERATE_DOCS=1` to rewrite it).\n\n")
        .append("## Rules for every feed\n\n")
        .append("- Files are UTF-8 (a BOM is accepted), LF or CRLF, optionally gzip (`.gz`). One record per line.\n")
        .append("- CSV files start with a header line; columns are matched by name (and by the names listed as\n")
        .append("  *also accepted*), so column order may change. Quoting follows RFC 4180.\n")
        .append("- A field the contract does not know is not an error: it is kept in the bronze table's `_rescued`\n")
        .append("  JSON column and reported once per file in `ops.ingest_log.drift_fields`.\n")
        .append("- A line that cannot be used goes to `bronze.quarantine` with its file, line number, raw text and a\n")
        .append("  reason code; nothing is dropped silently. For every file, `lines_read = rows_landed +\n")
        .append("  rows_quarantined` in `ops.ingest_log`.\n")
        .append("- A file is ingested once (path, size, time and SHA-256 are recorded in `ops.ingested_files`). A file\n")
        .append("  that changes after it was ingested is reported (`CHANGED_REJECTED`) and left out: deliver\n")
        .append("  corrections as a new file. A record whose natural key was delivered before (a late or corrected\n")
        .append("  record) updates its silver row.\n")
        .append("- A file's name is data: it may hold quotes, backslashes, SQL or line breaks; it is never pasted into\n")
        .append("  SQL. A symbolic link in the landing zone is not followed (nothing outside the zone is read): it is\n")
        .append("  logged in `ops.ingest_log` with status `SKIPPED_LINK` (`ingest.follow-links = true` follows links).\n")
        .append("- Control characters inside a field (NUL and the other C0 controls but tab, and DEL) are removed and\n")
        .append("  the rest of the value kept; the lines so repaired are counted per file in\n")
        .append("  `ops.ingest_log.repaired_lines` and named in the run's output.\n")
        .append("- Exact duplicate lines land in bronze and are removed (and counted) in silver.\n")
        .append("- Coordinates must lie in the region (latitude −11…29, longitude 88…142); a pair that is inside once\n")
        .append("  swapped is repaired in silver and flagged `coord_repaired`; anything else is quarantined.\n\n")
        .append("Reason codes: ");
    sb.append(List.of(Reason.values()).stream().map(r -> "`" + r.name() + "`").collect(Collectors.joining(", ")))
        .append(".\n\n")
        .append("Silver conformance: times in UTC (each feed's rule below), ISO weeks, names in NFKC beside a\n")
        .append("Latin transliteration (lexicon `conf/name-lexicon.tsv`, then ICU Any-Latin) and a diacritic-free\n")
        .append("match key without honorifics, name parts by the nationality's convention, phones in E.164\n")
        .append("(libphonenumber; an invalid number becomes null with a flag, the row is kept), countries as ISO\n")
        .append("3166 alpha-3, amounts with their ISO 4217 currency and a USD value from `conf/fx-rates.csv`, H3\n")
        .append("cells at `grid.h3-resolutions`.\n\n");
    for (Feed f : feeds) {
      FeedContract c = f.contract();
      sb.append("## ").append(c.name()).append("\n\n").append(c.description()).append(".\n\n");
      sb.append("| | |\n| --- | --- |\n");
      sb.append("| source | ").append(c.source()).append(" |\n");
      sb.append("| files | `landing/").append(c.directory()).append("/*").append(c.fileSuffix()).append("` |\n");
      sb.append("| format | ").append(c.format() == FeedContract.Format.CSV ? "CSV, delimiter `"
          + (c.delimiter() == '\t' ? "TAB" : String.valueOf(c.delimiter())) + "`, header line" : "JSON Lines")
          .append(" |\n");
      sb.append("| times | ").append(c.timeRule()).append(" |\n");
      sb.append("| natural key | ").append(String.join(", ", c.naturalKey())).append(" |\n");
      if (!c.coordinates().isEmpty()) {
        sb.append("| coordinates | ").append(String.join(", ", c.coordinates())).append(" |\n");
      }
      sb.append("| bronze table | `").append(c.bronzeTable().fullName()).append("` |\n");
      sb.append("| silver tables | ").append(f.outputs().stream().map(o -> "`" + o.spec().fullName() + "`")
          .collect(Collectors.joining(", "))).append(" |\n\n");
      sb.append("| field | type and validation | meaning | example |\n| --- | --- | --- | --- |\n");
      for (FieldSpec fs : c.fields()) {
        sb.append("| `").append(fs.name()).append("` | ").append(fs.rule()).append(" | ")
            .append(fs.meaning().replace("|", "\\|")).append(" | `").append(fs.example().replace("|", "\\|"))
            .append("` |\n");
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
