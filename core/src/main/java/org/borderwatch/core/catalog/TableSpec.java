package org.borderwatch.core.catalog;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** A table's declared schema, with a comment on every column, its partitioning and its natural key. */
public final class TableSpec {
  private final TableId id;
  private final StructType schema;
  private final List<String> partitionBy;
  private final List<String> naturalKey;

  private TableSpec(TableId id, StructType schema, List<String> partitionBy, List<String> naturalKey) {
    this.id = id;
    this.schema = schema;
    this.partitionBy = List.copyOf(partitionBy);
    this.naturalKey = List.copyOf(naturalKey);
  }

  public static Builder of(TableId id) {
    return new Builder(id);
  }

  public TableId id() {
    return id;
  }

  public String fullName() {
    return id.fullName();
  }

  public StructType schema() {
    return schema;
  }

  public List<String> partitionBy() {
    return partitionBy;
  }

  public List<String> naturalKey() {
    return naturalKey;
  }

  public String[] columnNames() {
    return schema.fieldNames();
  }

  /** Fluent builder; every column needs a comment. */
  public static final class Builder {
    private final TableId id;
    private final List<StructField> fields = new ArrayList<>();
    private final List<String> partitionBy = new ArrayList<>();
    private final List<String> naturalKey = new ArrayList<>();

    private Builder(TableId id) {
      this.id = id;
    }

    public Builder col(String name, DataType type, String comment) {
      return col(name, type, true, comment);
    }

    public Builder col(String name, DataType type, boolean nullable, String comment) {
      if (comment == null || comment.isBlank()) {
        throw new IllegalArgumentException("column " + name + " of " + id + " needs a comment");
      }
      Metadata md = new MetadataBuilder().putString("comment", comment).build();
      fields.add(new StructField(name, type, nullable, md));
      return this;
    }

    /** Adds every field of a struct (keeps their comments when present, else uses the given prefix). */
    public Builder cols(StructType struct) {
      for (StructField f : struct.fields()) {
        String comment = f.getComment().isDefined() ? f.getComment().get() : null;
        col(f.name(), f.dataType(), f.nullable(), comment);
      }
      return this;
    }

    public Builder partitionBy(String... cols) {
      partitionBy.addAll(List.of(cols));
      return this;
    }

    public Builder key(String... cols) {
      naturalKey.addAll(List.of(cols));
      return this;
    }

    public TableSpec build() {
      StructType schema = new StructType(fields.toArray(new StructField[0]));
      for (String c : partitionBy) {
        schema.fieldIndex(c);
      }
      for (String c : naturalKey) {
        schema.fieldIndex(c);
      }
      return new TableSpec(id, schema, partitionBy, naturalKey);
    }
  }
}
