package org.borderwatch.core.config;

import java.nio.file.Path;

/** Where things live under the lakehouse root. Local roots become absolute; URIs stay as given. */
public final class LakehousePaths {
  private final String root;
  private final boolean local;

  public LakehousePaths(BorderwatchConfig config) {
    String configured = config.get(ConfigKeys.LAKEHOUSE_ROOT);
    boolean uri = configured.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
    if (!uri || configured.startsWith("file:")) {
      String p = configured.startsWith("file:") ? configured.replaceFirst("^file:(//)?", "") : configured;
      this.root = Path.of(p).toAbsolutePath().normalize().toString();
      this.local = true;
    } else {
      this.root = configured.replaceAll("/+$", "");
      this.local = false;
    }
  }

  public String root() {
    return root;
  }

  public boolean isLocal() {
    return local;
  }

  /** Spark SQL warehouse: the databases' default locations. */
  public String warehouse() {
    return root + "/warehouse";
  }

  /** Simulated world: its landing zone and the simulator's saved state (its truth is the evaluation module's). */
  public String world() {
    return root + "/world";
  }

  public String landing() {
    return world() + "/landing";
  }

  /** Weekly reports (HTML, PDF). */
  public String reports() {
    return root + "/reports";
  }

  /** Saved models. */
  public String models() {
    return root + "/models";
  }

  /** Embedded Derby metastore directory (local roots only). */
  public String metastoreDb() {
    return root + "/metastore_db";
  }

  /** Resolves a path under the root. */
  public String resolve(String relative) {
    return root + "/" + relative;
  }
}
