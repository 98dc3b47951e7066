package org.borderwatch.zones;

import com.uber.h3core.H3Core;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.borderwatch.common.geo.GreatCircle;
import org.borderwatch.ingest.border.Crossings.Crossing;
import org.borderwatch.ingest.border.Crossings;
import org.borderwatch.ingest.conform.Cells;

/**
 * The forecast zones: H3 cells (grid.zone-resolution) within {@code ring} rings of a known crossing
 * (conf/crossings.csv), each with its nearest crossing, the distance to it, and its nearest official
 * checkpoint. Public geography only: no event data decides which cells are zones.
 */
public final class StudyGrid {
  /** One zone. */
  public record Zone(String cell, double lat, double lon, String crossingId, double crossingKm, String crossingType,
      String officialId, double officialKm) {}

  private final int resolution;
  private final int ring;
  private final Map<String, Zone> zones = new TreeMap<>();

  public StudyGrid(int resolution, int ring) {
    this.resolution = resolution;
    this.ring = ring;
    H3Core h3 = Cells.core();
    for (Crossing c : Crossings.all()) {
      long centre = h3.latLngToCell(c.lat(), c.lon(), resolution);
      for (long cell : h3.gridDisk(centre, ring)) {
        String addr = h3.h3ToString(cell);
        if (!zones.containsKey(addr)) {
          double[] ll = Cells.centre(addr);
          Crossing near = nearest(ll[0], ll[1], false);
          Crossing off = nearest(ll[0], ll[1], true);
          zones.put(addr, new Zone(addr, ll[0], ll[1], near.id(), GreatCircle.km(ll[0], ll[1], near.lat(), near.lon()), near.type(),
              off.id(), GreatCircle.km(ll[0], ll[1], off.lat(), off.lon())));
        }
      }
    }
  }

  public int resolution() {
    return resolution;
  }

  public int ring() {
    return ring;
  }

  public Map<String, Zone> zones() {
    return zones;
  }

  public boolean contains(String cell) {
    return zones.containsKey(cell);
  }

  static Crossing nearest(double lat, double lon, boolean officialOnly) {
    Crossing best = null;
    double bestKm = Double.MAX_VALUE;
    for (Crossing c : Crossings.all()) {
      if (officialOnly && !c.official()) {
        continue;
      }
      double d = GreatCircle.km(lat, lon, c.lat(), c.lon());
      if (d < bestKm) {
        bestKm = d;
        best = c;
      }
    }
    return best;
  }

  public static final StructType ZONE_SCHEMA = new StructType().add("cell", DataTypes.StringType, false)
      .add("cell_lat", DataTypes.DoubleType).add("cell_lon", DataTypes.DoubleType)
      .add("crossing_id", DataTypes.StringType).add("crossing_km", DataTypes.DoubleType)
      .add("crossing_type", DataTypes.StringType).add("official_id", DataTypes.StringType)
      .add("official_km", DataTypes.DoubleType);

  public Dataset<Row> toDataFrame(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (Zone z : zones.values()) {
      rows.add(RowFactory.create(z.cell(), z.lat(), z.lon(), z.crossingId(), z.crossingKm(), z.crossingType(),
          z.officialId(), z.officialKm()));
    }
    return spark.createDataFrame(rows, ZONE_SCHEMA);
  }

  /** (cell, neighbour, ring distance) for neighbours within k rings, both in the grid, self excluded. */
  public Dataset<Row> neighbours(SparkSession spark, int k) {
    H3Core h3 = Cells.core();
    List<Row> rows = new ArrayList<>();
    for (String cell : zones.keySet()) {
      long c = h3.stringToH3(cell);
      List<List<Long>> rings = h3.gridDiskDistances(c, k);
      for (int d = 1; d < rings.size(); d++) {
        for (long n : rings.get(d)) {
          String nb = h3.h3ToString(n);
          if (zones.containsKey(nb)) {
            rows.add(RowFactory.create(cell, nb, d));
          }
        }
      }
    }
    return spark.createDataFrame(rows, new StructType().add("cell", DataTypes.StringType)
        .add("nb", DataTypes.StringType).add("ring", DataTypes.IntegerType));
  }
}
