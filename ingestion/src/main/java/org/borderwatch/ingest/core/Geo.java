package org.borderwatch.ingest.core;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.borderwatch.ingest.conform.Cells;

/** Located records: swapped pairs repaired (and flagged), H3 cells at the configured resolutions. */
public final class Geo {
  private Geo() {}

  /** {lat, lon, repaired(1/0)} of a pair that passed validation, or null. */
  public static double[] repaired(Double lat, Double lon) {
    if (lat == null || lon == null) {
      return null;
    }
    if (Region.inside(lat, lon)) {
      return new double[] {lat, lon, 0};
    }
    if (Region.swapped(lat, lon)) {
      return new double[] {lon, lat, 1};
    }
    return null;
  }

  /** Sets lat, lon, coord_repaired, h3 (resolution → cell) and zone_cell on a row. */
  public static void locate(SilverRow row, double[] ll, List<Integer> resolutions, int zoneResolution) {
    if (ll == null) {
      return;
    }
    Map<Integer, String> cells = new TreeMap<>();
    for (int r : resolutions) {
      cells.put(r, Cells.cell(ll[0], ll[1], r));
    }
    row.set("lat", ll[0]).set("lon", ll[1]).set("coord_repaired", ll[2] > 0)
        .set("h3", scala.jdk.javaapi.CollectionConverters.asScala(cells))
        .set("zone_cell", cells.get(zoneResolution));
  }

  /** Adds lat, lon, coord_repaired, h3 and zone_cell columns to a spec. */
  public static org.borderwatch.core.catalog.TableSpec.Builder columns(
      org.borderwatch.core.catalog.TableSpec.Builder b) {
    return b.col("lat", org.apache.spark.sql.types.DataTypes.DoubleType, "Latitude (WGS84), repaired if delivered swapped")
        .col("lon", org.apache.spark.sql.types.DataTypes.DoubleType, "Longitude (WGS84)")
        .col("coord_repaired", org.apache.spark.sql.types.DataTypes.BooleanType,
            "Latitude and longitude were delivered swapped and have been put back")
        .col("h3", org.apache.spark.sql.types.DataTypes.createMapType(org.apache.spark.sql.types.DataTypes.IntegerType,
            org.apache.spark.sql.types.DataTypes.StringType), "H3 cell per configured resolution (grid.h3-resolutions)")
        .col("zone_cell", org.apache.spark.sql.types.DataTypes.StringType,
            "H3 cell at the forecast-zone resolution (grid.zone-resolution)");
  }
}
