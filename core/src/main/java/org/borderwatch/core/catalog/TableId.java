package org.borderwatch.core.catalog;

/** A table's place in the lakehouse: its database (layer), name and what it holds. */
public record TableId(Layer layer, String name, String description) implements java.io.Serializable {

  /** The four databases of the lakehouse, in the order data flows through them. */
  public enum Layer {
    BRONZE("bronze", "Raw records as landed, with ingest metadata, plus quarantined lines"),
    SILVER("silver", "Conformed, validated, de-duplicated records and resolved identities"),
    GOLD("gold", "Scored, pseudonymised tables for analysts and planners"),
    OPS("ops", "Operations: job runs, ingest accounting, model registry, entity changes, analyst reviews");

    private final String database;
    private final String description;

    Layer(String database, String description) {
      this.database = database;
      this.description = description;
    }

    public String database() {
      return database;
    }

    public String description() {
      return description;
    }
  }

  /** database.table */
  public String fullName() {
    return layer.database() + "." + name;
  }

  @Override
  public String toString() {
    return fullName();
  }
}
