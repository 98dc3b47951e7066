package org.borderwatch.ingest.core;

import org.apache.spark.sql.types.DataTypes;
import org.borderwatch.core.catalog.TableSpec;

/** The provenance columns every silver table ends with: which file and line a row came from. */
public final class Provenance {
  private Provenance() {}

  public static TableSpec.Builder add(TableSpec.Builder b) {
    return b.col("source_file", DataTypes.StringType, "Landing file the row came from (relative to the landing zone)")
        .col("source_line", DataTypes.IntegerType, "Physical line number in that file (1 = first line)")
        .col("batch_id", DataTypes.StringType, "Ingest run that landed the row");
  }
}
