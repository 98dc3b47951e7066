package org.borderwatch.ingest.core;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.CollectionAccumulator;

/**
 * One pass per landing file on an executor: landed lines come out as bronze rows of their feed's table;
 * quarantined lines and the file's accounting (lines, landed, quarantined, duplicates, drift, checksum)
 * go to accumulators, which Spark applies once per successful task of the write that runs this.
 */
public final class BronzeParser implements FlatMapFunction<String, Row> {
  private final FeedContract contract;
  private final Map<String, String> absoluteByFile;
  private final FileReader reader;
  private final String batch;
  private final Timestamp ingestedAt;
  private final CollectionAccumulator<Row> quarantined;
  private final CollectionAccumulator<Row> files;

  public BronzeParser(FeedContract contract, Map<String, String> absoluteByFile, FileReader reader, String batch,
      Timestamp ingestedAt, CollectionAccumulator<Row> quarantined, CollectionAccumulator<Row> files) {
    this.contract = contract;
    this.absoluteByFile = absoluteByFile;
    this.reader = reader;
    this.batch = batch;
    this.ingestedAt = ingestedAt;
    this.quarantined = quarantined;
    this.files = files;
  }

  /** Accounting row of a file: feed, file, lines_total, header_lines, lines_read, landed, quarantined,
   * duplicates, drift (String[]), checksum, size, repaired lines. */
  @Override
  public Iterator<Row> call(String rel) {
    List<Row> parsed = LandingParser.parse(contract, rel, reader.read(absoluteByFile.get(rel)));
    List<Row> out = new ArrayList<>();
    Set<String> hashes = new HashSet<>();
    int read = 0;
    int landed = 0;
    int bad = 0;
    int duplicates = 0;
    int n = contract.fields().size();
    for (Row r : parsed) {
      if (r.getString(0).equals("FILE")) {
        files.add(RowFactory.create(contract.name(), rel, r.getInt(11), r.getInt(12), read, landed, bad, duplicates,
            r.get(13), r.getString(14), r.getLong(15), r.getInt(16)));
        continue;
      }
      read++;
      if (!r.getBoolean(4)) {
        bad++;
        quarantined.add(RowFactory.create(contract.name(), rel, r.getInt(3), r.getString(7), r.getString(8),
            r.getString(9), batch, ingestedAt));
        continue;
      }
      landed++;
      String hash = r.getString(10);
      if (!hashes.add(hash)) {
        duplicates++;
      }
      String[] values = (String[]) r.get(5);
      Object[] row = new Object[n + 6];
      System.arraycopy(values, 0, row, 0, n);
      row[n] = r.getString(6);
      row[n + 1] = rel;
      row[n + 2] = r.getInt(3);
      row[n + 3] = batch;
      row[n + 4] = ingestedAt;
      row[n + 5] = hash;
      out.add(RowFactory.create(row));
    }
    return out.iterator();
  }
}
