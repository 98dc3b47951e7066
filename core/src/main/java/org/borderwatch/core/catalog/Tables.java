package org.borderwatch.core.catalog;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.borderwatch.core.catalog.TableId.Layer;

/** Every table of the lakehouse, named once. Jobs refer to these constants, never to string literals. */
public final class Tables {
  private Tables() {}

  // ---- ops ----
  public static final TableId JOB_RUNS = new TableId(Layer.OPS, "job_runs",
      "One row per job run: arguments, start, end, status, rows read and written, error");

  /** All tables, in declaration order (layer by layer). */
  public static List<TableId> all() {
    return Holder.ALL;
  }

  private static final class Holder {
    static final List<TableId> ALL = collect();
  }

  private static List<TableId> collect() {
    List<TableId> out = new ArrayList<>();
    for (Field f : Tables.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == TableId.class) {
        try {
          out.add((TableId) f.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    out.sort((a, b) -> a.layer() != b.layer() ? a.layer().compareTo(b.layer()) : 0);
    return Collections.unmodifiableList(out);
  }
}
