package org.borderwatch.cli.command;

import io.delta.tables.DeltaTable;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.cli.sql.ResultFormat;
import org.borderwatch.core.catalog.Lakehouse;
import org.borderwatch.core.catalog.TableId;
import org.borderwatch.core.catalog.Tables;
import picocli.CommandLine.Command;

/** Lists every table of the lakehouse: layer, rows, last update, description. */
@Command(name = "tables", description = "List every lakehouse table: layer, rows, last update, description.")
public final class TablesCommand extends BaseCommand {

  @Override
  public Integer call() throws Exception {
    SparkSession spark = spark();
    Lakehouse.bootstrap(spark);
    Map<String, TableId> known = new LinkedHashMap<>();
    for (TableId t : Tables.all()) {
      known.put(t.fullName(), t);
    }
    List<List<String>> rows = new ArrayList<>();
    for (TableId.Layer layer : TableId.Layer.values()) {
      List<String> present = new ArrayList<>();
      for (org.apache.spark.sql.catalog.Table t : spark.catalog().listTables(layer.database()).collectAsList()) {
        present.add(layer.database() + "." + t.name());
      }
      for (TableId t : Tables.all()) {
        if (t.layer() == layer && !present.contains(t.fullName())) {
          rows.add(List.of(layer.database(), t.name(), "-", "not created yet", t.description()));
        }
      }
      for (String full : present) {
        String name = full.substring(full.indexOf('.') + 1);
        String description = known.containsKey(full) ? known.get(full).description()
            : spark.catalog().getTable(full).description();
        String count = String.valueOf(spark.table(full).count());
        String updated = lastUpdate(spark, full);
        rows.add(List.of(layer.database(), name, count, updated, description == null ? "" : description));
      }
    }
    rows.sort((a, b) -> {
      int la = TableId.Layer.valueOf(a.get(0).toUpperCase()).ordinal();
      int lb = TableId.Layer.valueOf(b.get(0).toUpperCase()).ordinal();
      return la != lb ? Integer.compare(la, lb) : a.get(1).compareTo(b.get(1));
    });
    out().print(ResultFormat.table(List.of("layer", "table", "rows", "last_update", "description"), rows,
        new boolean[] {false, false, true, false, false}));
    out().flush();
    return 0;
  }

  /** Time of the table's last Delta commit, or "-" for a table that is not a Delta table. */
  private static String lastUpdate(SparkSession spark, String table) {
    if (!DeltaTable.isDeltaTable(spark, spark.sql("DESCRIBE DETAIL " + table).first().<String>getAs("location"))) {
      return "-";
    }
    Row detail = DeltaTable.forName(spark, table).detail().first();
    Timestamp ts = detail.getAs("lastModified");
    return ts == null ? "-" : ts.toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }
}
