package org.borderwatch.ingest.core;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Runs on executors, one landing file at a time: splits it into lines, parses each line by its feed's
 * contract, and emits one row per data line (landed or quarantined) plus one row describing the file.
 */
public final class LandingParser implements FlatMapFunction<String, Row> {
  public static final StructType SCHEMA = DataTypes.createStructType(List.of(
      DataTypes.createStructField("kind", StringType, false),
      DataTypes.createStructField("feed", StringType, false),
      DataTypes.createStructField("file", StringType, false),
      DataTypes.createStructField("line", IntegerType, false),
      DataTypes.createStructField("ok", BooleanType, false),
      DataTypes.createStructField("values", createArrayType(StringType, true), true),
      DataTypes.createStructField("rescued", StringType, true),
      DataTypes.createStructField("reason", StringType, true),
      DataTypes.createStructField("detail", StringType, true),
      DataTypes.createStructField("raw", StringType, true),
      DataTypes.createStructField("record_hash", StringType, true),
      DataTypes.createStructField("lines_total", IntegerType, true),
      DataTypes.createStructField("header_lines", IntegerType, true),
      DataTypes.createStructField("drift", createArrayType(StringType, true), true),
      DataTypes.createStructField("checksum", StringType, true),
      DataTypes.createStructField("size", LongType, true),
      DataTypes.createStructField("repaired_lines", IntegerType, true)));

  private final Map<String, FeedContract> contractsByFile;
  private final Map<String, String> absoluteByFile;
  private final FileReader reader;

  /**
   * @param contractsByFile contract of each file to parse, by its path relative to the landing zone
   * @param absoluteByFile where each file is (URI or absolute path), by the same relative path
   */
  public LandingParser(Map<String, FeedContract> contractsByFile, Map<String, String> absoluteByFile,
      FileReader reader) {
    this.contractsByFile = contractsByFile;
    this.absoluteByFile = absoluteByFile;
    this.reader = reader;
  }

  /** Parses the file with this relative path. */
  @Override
  public Iterator<Row> call(String rel) {
    FeedContract c = contractsByFile.get(rel);
    return parse(c, rel, reader.read(absoluteByFile.get(rel))).iterator();
  }

  /** Parses one file's bytes (pure: used by tests without Spark). */
  public static List<Row> parse(FeedContract c, String rel, byte[] bytes) {
    List<Row> out = new ArrayList<>();
    String checksum = sha256(bytes);
    Lines.Result lines = Lines.split(rel, bytes);
    if (lines.unreadable() != null) {
      out.add(RowFactory.create("LINE", c.name(), rel, 0, false, null, null, Reason.UNREADABLE_FILE.name(),
          lines.unreadable(), null, null, null, null, null, null, null, null));
      out.add(RowFactory.create("FILE", c.name(), rel, 0, true, null, null, null, null, null, null, 1, 0,
          new String[0], checksum, (long) bytes.length, 0));
      return out;
    }
    List<Lines.Line> ls = lines.lines();
    int header = 0;
    RecordParser parser;
    if (c.format() == FeedContract.Format.CSV) {
      if (ls.isEmpty()) {
        out.add(RowFactory.create("FILE", c.name(), rel, 0, true, null, null, null, null, null, null, 0, 0,
            new String[0], checksum, (long) bytes.length, 0));
        return out;
      }
      parser = RecordParser.csv(c, ls.get(0).text());
      header = 1;
    } else {
      parser = RecordParser.json(c);
    }
    // A blank line at the very end is an export artefact of some tools, not a record: it is still counted.
    int repaired = 0;
    for (int i = header; i < ls.size(); i++) {
      Lines.Line l = ls.get(i);
      if (!l.validUtf8()) {
        out.add(bad(c, rel, l, Reason.INVALID_UTF8, "bytes that are not UTF-8"));
        continue;
      }
      RecordParser.Parsed p = parser.parse(l.text());
      if (p.ok()) {
        repaired += p.repaired() > 0 ? 1 : 0;
        out.add(RowFactory.create("LINE", c.name(), rel, l.number(), true, p.values(), p.rescued(), null, null, null,
            sha256(l.text().getBytes(StandardCharsets.UTF_8)), null, null, null, null, null, null));
      } else {
        out.add(bad(c, rel, l, p.reason(), p.detail()));
      }
    }
    out.add(RowFactory.create("FILE", c.name(), rel, 0, true, null, null, null, null, null, null, ls.size(), header,
        parser.drift().toArray(new String[0]), checksum, (long) bytes.length, repaired));
    return out;
  }

  private static Row bad(FeedContract c, String rel, Lines.Line l, Reason r, String detail) {
    return RowFactory.create("LINE", c.name(), rel, l.number(), false, null, null, r.name(), detail, l.text(), null,
        null, null, null, null, null, null);
  }

  public static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
