package org.borderwatch.ingest.core;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Row;
import org.borderwatch.core.catalog.TableSpec;

/**
 * A feed: its contract (what lands in bronze) and how its records conform into silver tables and
 * person mentions. Implementations live in the feed's domain package (ingest.border, ingest.police, ...).
 */
public interface Feed extends Serializable {
  FeedContract contract();

  /** Silver tables this feed writes, each with the rows one record gives. */
  List<Output> outputs();

  /** Person mentions one record gives (may be empty). */
  List<Row> mentions(Raw r);

  /** A silver table and how a record becomes its rows. */
  record Output(TableSpec spec, Conformer rows) implements Serializable {}

  /** Record → rows, serializable so that it runs on executors. */
  @FunctionalInterface
  interface Conformer extends Serializable {
    List<Row> apply(Raw r);
  }
}
