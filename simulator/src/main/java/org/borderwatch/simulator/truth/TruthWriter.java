package org.borderwatch.simulator.truth;

import com.uber.h3core.H3Core;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.borderwatch.simulator.Simulator;
import org.borderwatch.simulator.dump.TruthRows;
import org.borderwatch.simulator.geo.CrossingPoint;
import org.borderwatch.simulator.world.Account;
import org.borderwatch.simulator.world.Events;
import org.borderwatch.simulator.world.Indicators;
import org.borderwatch.simulator.world.Network;
import org.borderwatch.simulator.world.Person;
import org.borderwatch.simulator.world.Role;
import org.borderwatch.simulator.world.WeekEvents;
import org.borderwatch.simulator.world.World;

/**
 * Writes the ground truth as Parquet under truth/, apart from the landing zone. The pipeline never reads
 * it; evaluations (--evaluate, backtests, tests) do. World-level tables are rewritten whole; the tables
 * that come from rendering are partitioned by file_week and only the rendered weeks are replaced.
 */
public final class TruthWriter {
  private final SparkSession spark;
  private final String root;

  public TruthWriter(SparkSession spark, String truthRoot) {
    this.spark = spark;
    this.root = truthRoot;
  }

  private static StructType schema(Object... nameTypePairs) {
    List<StructField> f = new ArrayList<>();
    for (int i = 0; i < nameTypePairs.length; i += 2) {
      f.add(DataTypes.createStructField((String) nameTypePairs[i], (DataType) nameTypePairs[i + 1], true));
    }
    return DataTypes.createStructType(f);
  }

  private static final DataType S = DataTypes.StringType;
  private static final DataType I = DataTypes.IntegerType;
  private static final DataType L = DataTypes.LongType;
  private static final DataType D = DataTypes.DoubleType;
  private static final DataType B = DataTypes.BooleanType;
  private static final DataType SA = DataTypes.createArrayType(DataTypes.StringType);

  private void write(String table, StructType schema, List<Row> rows, boolean byWeek) {
    var df = spark.createDataFrame(rows, schema);
    var w = df.coalesce(1).write().mode(SaveMode.Overwrite);
    if (byWeek) {
      w = w.option("partitionOverwriteMode", "dynamic").partitionBy("file_week");
    }
    w.parquet(root + "/" + table);
  }

  /** Truth rows of the rendered weeks (mentions, defects, labels), replacing those weeks only. */
  public void writeRendered(Map<Integer, TruthRows> truth, World world) {
    List<Row> mentions = new ArrayList<>();
    List<Row> defects = new ArrayList<>();
    List<Row> posts = new ArrayList<>();
    List<Row> payments = new ArrayList<>();
    List<Row> late = new ArrayList<>();
    List<Row> files = new ArrayList<>();
    for (TruthRows t : truth.values()) {
      t.mentions.forEach(r -> mentions.add(RowFactory.create(r[0], r[1], r[2], r[3], iso(world, (int) r[4]))));
      t.defects.forEach(r -> defects.add(RowFactory.create(r[0], r[1], r[2], iso(world, (int) r[3]))));
      t.posts.forEach(r -> posts.add(RowFactory.create(r[0], r[1], r[2], r[3], r[4], r[5], iso(world, (int) r[6]))));
      t.payments.forEach(r -> payments.add(RowFactory.create(r[0], r[1], r[2], r[3], r[4], r[5],
          iso(world, (int) r[6]))));
      t.late.forEach(r -> late.add(RowFactory.create(r[0], r[1], iso(world, (int) r[2]), iso(world, (int) r[3]))));
      t.files.forEach(r -> files.add(RowFactory.create(r[0], r[1], r[2], iso(world, (int) r[3]))));
    }
    write("mentions", schema("source", S, "record_id", S, "seq", I, "person_id", S, "file_week", S), mentions, true);
    write("defects", schema("file", S, "line", I, "kind", S, "file_week", S), defects, true);
    write("posts", schema("post_id", S, "kind", S, "deceptive", B, "network_id", S, "trip_id", S, "author_person_id", S,
        "file_week", S), posts, true);
    write("payments", schema("tx_id", S, "purpose", S, "network_id", S, "trip_id", S, "from_account", S,
        "to_account", S, "file_week", S), payments, true);
    write("late_records", schema("source", S, "record_id", S, "event_week", S, "file_week", S), late, true);
    write("files", schema("feed", S, "file", S, "lines", I, "file_week", S), files, true);
  }

  /** World-level truth: people, networks, roles, accounts, trips, detections, patrols, events per cell. */
  public void writeWorld(Simulator.Result r, List<Integer> resolutions) {
    World w = r.world;
    List<Row> persons = new ArrayList<>();
    for (Person p : w.persons) {
      persons.add(RowFactory.create(p.pid(), p.ethnicity.name().toLowerCase(), p.nationality == null ? null
          : p.nationality.alpha3(), p.female ? "F" : "M", Date.valueOf(p.dob), p.name.given(), p.name.middle(),
          p.name.family(), p.name.full(), p.name.nativeScript(), p.document, p.phones.toArray(new String[0]), p.handle,
          p.role.name().toLowerCase(), p.network < 0 ? null : String.format("N%03d", p.network),
          p.role == Role.VICTIM, p.exploitation == null ? null : p.exploitation.name().toLowerCase(),
          Indicators.names(p.indicators).toArray(new String[0]), iso(w, p.createdWeek),
          p.arrestedWeek < 0 ? null : iso(w, p.arrestedWeek)));
    }
    write("persons", schema("person_id", S, "ethnicity", S, "nationality", S, "sex", S, "dob", DataTypes.DateType,
        "given", S, "middle", S, "family", S, "full_name", S, "native_script", S, "document", S, "phones", SA,
        "handle", S, "role", S, "network_id", S, "victim", B, "exploitation", S, "indicators", SA, "created_week", S, "arrested_week", S),
        persons, false);

    List<Row> networks = new ArrayList<>();
    List<Row> members = new ArrayList<>();
    for (Network n : w.networks) {
      networks.add(RowFactory.create(n.nid(), n.kind.name().toLowerCase(), n.home.alpha3(), iso(w, n.createdWeek),
          n.dissolvedWeek < 0 ? null : iso(w, n.dissolvedWeek), n.parent < 0 ? null : String.format("N%03d", n.parent),
          n.corridors.stream().map(c -> c.id()).toArray(String[]::new),
          n.structuring == null ? null : n.structuring.name().toLowerCase()));
      for (Map.Entry<Role, List<Integer>> e : n.members.entrySet()) {
        for (int id : e.getValue()) {
          members.add(RowFactory.create(n.nid(), w.persons.get(id).pid(), e.getKey().name().toLowerCase(),
              e.getKey().key()));
        }
      }
    }
    write("networks", schema("network_id", S, "kind", S, "home_country", S, "created_week", S, "dissolved_week", S,
        "parent_id", S, "corridors", SA, "money_structuring", S), networks, false);
    write("memberships", schema("network_id", S, "person_id", S, "role", S, "key_role", B), members, false);

    List<Row> accounts = new ArrayList<>();
    for (Account a : w.accounts) {
      accounts.add(RowFactory.create(a.number, w.persons.get(a.holder).pid(), a.channel.name().toLowerCase(),
          a.provider, a.country.alpha3(), iso(w, a.openedWeek), a.network < 0 ? null : String.format("N%03d", a.network),
          a.use, a.mule(), a.city));
    }
    write("accounts", schema("account_no", S, "holder_person_id", S, "channel", S, "provider", S, "country", S,
        "opened_week", S, "network_id", S, "use", S, "mule", B, "city", S), accounts, false);

    List<Row> trips = new ArrayList<>();
    List<Row> tripPersons = new ArrayList<>();
    List<Row> detections = new ArrayList<>();
    List<Row> patrols = new ArrayList<>();
    Map<String, int[]> cells = new TreeMap<>();
    H3Core h3;
    try {
      h3 = H3Core.newInstance();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (WeekEvents ev : r.events) {
      String week = iso(w, ev.week);
      for (Events.Trip t : ev.trips) {
        CrossingPoint cp = t.crossing();
        trips.add(RowFactory.create(t.id(), week, (long) w.startWeek.plus(ev.week).index(), Timestamp.from(t.at()),
            String.format("N%03d", t.network()), t.corridor().id(), t.corridor().origin().id(), cp.id(),
            cp.type().name().toLowerCase(), t.corridor().destination().id(), t.lat(), t.lon(), t.travellers().size(),
            t.crew().size(), t.detected(), t.interdicted()));
        for (int id : t.travellers()) {
          tripPersons.add(RowFactory.create(t.id(), w.persons.get(id).pid(), "traveller"));
        }
        for (int id : t.crew()) {
          tripPersons.add(RowFactory.create(t.id(), w.persons.get(id).pid(), "crew"));
        }
        for (int res : resolutions) {
          String cell = h3.latLngToCellAddress(t.lat(), t.lon(), res);
          int[] c = cells.computeIfAbsent(week + "|" + res + "|" + cell, k -> new int[2]);
          c[0]++;
          c[1] += t.travellers().size();
        }
      }
      for (Events.Detection d : ev.detections) {
        detections.add(RowFactory.create(d.id(), week, d.trip(), d.crossing(), d.trip() == null));
      }
      for (Map.Entry<String, Double> e : ev.patrols.entrySet()) {
        patrols.add(RowFactory.create(week, (long) w.startWeek.plus(ev.week).index(), e.getKey(), e.getValue()));
      }
    }
    write("trips", schema("trip_id", S, "week", S, "week_index", L, "crossed_at", DataTypes.TimestampType,
        "network_id", S, "corridor_id", S, "origin", S, "crossing_id", S, "crossing_type", S, "destination", S, "lat",
        D, "lon", D, "travellers", I, "crew", I, "detected", B, "interdicted", B), trips, false);
    write("trip_persons", schema("trip_id", S, "person_id", S, "kind", S), tripPersons, false);
    write("detections", schema("detection_id", S, "week", S, "trip_id", S, "crossing_id", S, "false_alarm", B),
        detections, false);
    write("patrols", schema("week", S, "week_index", L, "crossing_id", S, "units", D), patrols, false);
    List<Row> cellRows = new ArrayList<>();
    for (Map.Entry<String, int[]> e : cells.entrySet()) {
      String[] k = e.getKey().split("\\|");
      cellRows.add(RowFactory.create(k[0], Integer.parseInt(k[1]), k[2], e.getValue()[0], e.getValue()[1]));
    }
    write("events_by_cell", schema("week", S, "resolution", I, "cell", S, "trips", I, "travellers", I), cellRows,
        false);
    List<Row> crossings = new ArrayList<>();
    for (CrossingPoint cp : w.geo.crossings()) {
      crossings.add(RowFactory.create(cp.id(), cp.name(), cp.type().name().toLowerCase(), cp.from().alpha3(),
          cp.to().alpha3(), cp.lat(), cp.lon(), cp.stretch(), cp.spreadKm(), cp.sensorCoverage(), cp.known(),
          cp.opensWeek()));
    }
    write("crossings", schema("crossing_id", S, "name", S, "type", S, "from_country", S, "to_country", S, "lat", D,
        "lon", D, "stretch", S, "spread_km", D, "sensor_coverage", D, "listed", B, "opens_week", I), crossings,
        false);
  }

  static String iso(World w, int week) {
    return w.startWeek.plus(week).toString();
  }

  /** Counts per role, for the summary. */
  public static Map<String, Integer> roles(World w) {
    Map<String, Integer> out = new TreeMap<>();
    for (Person p : w.persons) {
      out.merge(p.role.name().toLowerCase(), 1, Integer::sum);
    }
    return out;
  }
}
