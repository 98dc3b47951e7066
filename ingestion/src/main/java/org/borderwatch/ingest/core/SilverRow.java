package org.borderwatch.ingest.core;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.borderwatch.core.catalog.TableSpec;

/** Builds a row of a silver table by column name, so feed code cannot misplace a value. */
public final class SilverRow {
  private final StructType schema;
  private final Object[] values;

  private SilverRow(StructType schema) {
    this.schema = schema;
    this.values = new Object[schema.size()];
  }

  public static SilverRow of(TableSpec spec) {
    return new SilverRow(spec.schema());
  }

  /** Sets a column; Instants become timestamps, LocalDates dates, Lists arrays. */
  public SilverRow set(String column, Object value) {
    Object v = value;
    if (v instanceof Instant i) {
      v = Timestamp.from(i);
    } else if (v instanceof LocalDate d) {
      v = Date.valueOf(d);
    } else if (v instanceof List<?> l) {
      v = scala.jdk.javaapi.CollectionConverters.asScala(l).toSeq();
    }
    values[schema.fieldIndex(column)] = v;
    return this;
  }

  /** Sets the provenance columns every silver table carries. */
  public SilverRow from(Raw r) {
    set("source_file", r.file);
    set("source_line", r.line);
    set("batch_id", r.batch);
    return this;
  }

  public Row build() {
    return RowFactory.create(values);
  }
}
