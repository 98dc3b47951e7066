package org.borderwatch.simulator.dump;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.borderwatch.simulator.Rng;
import org.borderwatch.simulator.SimulationParams;
import org.borderwatch.simulator.geo.Country;
import org.borderwatch.simulator.geo.CrossingPoint;
import org.borderwatch.simulator.names.Ethnicity;
import org.borderwatch.simulator.names.NameVariants;
import org.borderwatch.simulator.names.NameVariants.Style;
import org.borderwatch.simulator.world.Account;
import org.borderwatch.simulator.world.Events;
import org.borderwatch.simulator.world.Identifiers;
import org.borderwatch.simulator.world.Indicators;
import org.borderwatch.simulator.world.Network;
import org.borderwatch.simulator.world.Person;
import org.borderwatch.simulator.world.RecordIds;
import org.borderwatch.simulator.world.Role;
import org.borderwatch.simulator.world.WeekEvents;
import org.borderwatch.simulator.world.World;

/**
 * Renders one week of the landing zone: every feed's file for the week, as each agency exports it, with
 * the records whose report is due that week (late records included) and the legit bulk of the week.
 * Each feed draws from its own random stream, so weeks and feeds can render in parallel.
 */
public final class WeekRenderer {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter TH_TIME = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm", Locale.ROOT);
  private static final DateTimeFormatter TH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ROOT);
  private static final DateTimeFormatter MY_TIME = DateTimeFormatter.ofPattern("dd-MMM-uuuu HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter ISO_LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter CASE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);
  private static final DateTimeFormatter TX_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss", Locale.ROOT);
  private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/uuuu", Locale.ROOT);

  private final World w;
  private final SimulationParams params;
  private final int week;
  /** Events of weeks week-3..week, for records reported late. */
  private final Map<Integer, WeekEvents> window;
  private final String tag;
  private final TruthRows truth = new TruthRows();
  private final List<FeedFile> files = new ArrayList<>();

  public WeekRenderer(World w, SimulationParams params, int week, Map<Integer, WeekEvents> window) {
    this.w = w;
    this.params = params;
    this.week = week;
    this.window = window;
    this.tag = w.startWeek.plus(week).toString();
  }

  public List<FeedFile> files() {
    return files;
  }

  public TruthRows truth() {
    return truth;
  }

  /** Renders every feed of the week. */
  public WeekRenderer render() {
    checkpoints();
    detections();
    patrols();
    interdictions();
    cases();
    arrests();
    screenings();
    posts();
    profiles();
    transactions();
    kyc();
    for (FeedFile f : files) {
      for (String[] d : f.defects()) {
        truth.defects.add(new Object[] {d[0], Integer.parseInt(d[1]), d[2], week});
      }
    }
    return this;
  }

  private Rng rng(String feed) {
    return Rng.stream(w.seed, "render", week, feed);
  }

  private Person person(int id) {
    return w.persons.get(id);
  }

  private <T> List<T> due(java.util.function.Function<WeekEvents, List<T>> f,
      java.util.function.ToIntFunction<T> fileWeek, java.util.function.ToIntFunction<T> eventWeek, String source,
      java.util.function.Function<T, String> id) {
    List<T> out = new ArrayList<>();
    for (int k = week - 3; k <= week; k++) {
      WeekEvents ev = window.get(k);
      if (ev == null) {
        continue;
      }
      for (T t : f.apply(ev)) {
        if (fileWeek.applyAsInt(t) == week) {
          out.add(t);
          if (eventWeek.applyAsInt(t) != week) {
            truth.late.add(new Object[] {source, id.apply(t), eventWeek.applyAsInt(t), week});
          }
        }
      }
    }
    return out;
  }

  private static String csv(char delim, Object... fields) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        sb.append(delim);
      }
      String v = fields[i] == null ? "" : String.valueOf(fields[i]);
      if (v.indexOf(delim) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0) {
        v = '"' + v.replace("\"", "\"\"") + '"';
      }
      sb.append(v);
    }
    return sb.toString();
  }

  private static String json(ObjectNode n) {
    try {
      return JSON.writeValueAsString(n);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static LocalDateTime local(Instant t, ZoneId z) {
    return LocalDateTime.ofInstant(t, z);
  }

  private static String buddhist(LocalDateTime t) {
    return t.plusYears(543).format(TH_TIME);
  }

  private static String buddhist(LocalDate d) {
    return d.plusYears(543).format(TH_DATE);
  }

  private static String sex(Person p) {
    return p.female ? "F" : "M";
  }

  private int age(Person p) {
    return w.dateOf(week).getYear() - p.dob.getYear();
  }

  private void mention(String source, String recordId, int seq, int personId) {
    truth.mentions.add(new Object[] {source, recordId, seq, "P" + String.format("%07d", personId), week});
  }

  // ---------------- border ----------------

  /** Which agency exports a checkpoint's records. */
  static String exporter(CrossingPoint cp) {
    if (cp.from() == Country.THA || cp.to() == Country.THA) {
      return "th";
    }
    if (cp.from() == Country.VNM || cp.to() == Country.VNM) {
      return "vn";
    }
    return "my";
  }

  private record Crossing(int person, CrossingPoint cp, Instant at, String direction, String plate, String doc) {}

  private void checkpoints() {
    Rng rng = rng("checkpoint");
    double f = w.scale.factor();
    double busy = 0;
    List<CrossingPoint> officials = w.geo.crossings().stream().filter(CrossingPoint::official).toList();
    for (CrossingPoint cp : officials) {
      busy += World.busyness(cp);
    }
    int woy = w.startWeek.plus(week).week();
    double season = woy >= 14 && woy <= 16 ? 1.5 : woy >= 4 && woy <= 7 ? 1.3 : 1.0;
    List<Crossing> crossings = new ArrayList<>();
    for (CrossingPoint cp : officials) {
      int n = rng.poisson(1000 * f * World.busyness(cp) / busy * season);
      int[] ids = w.travellersByCrossing.get(cp.id());
      double[] cum = w.travelWeights.get(cp.id());
      for (int i = 0; i < n; i++) {
        int idx = Arrays.binarySearch(cum, rng.uniform() * cum[cum.length - 1]);
        idx = idx < 0 ? -idx - 1 : idx;
        Person p = person(ids[Math.min(idx, ids.length - 1)]);
        Instant when = at(rng);
        String direction = rng.chance(0.5) ? "IN" : "OUT";
        // Legitimate travellers drive across too, alone or with family, friends or a tour group in one vehicle.
        boolean group = rng.chance(params.realism().groupCrossing());
        String plate = group || rng.chance(params.realism().legitPlate()) ? ownPlate(p, cp) : null;
        crossings.add(new Crossing(p.id, cp, when, direction, plate, p.document));
        for (int k = group ? rng.between(1, 5) : 0; k > 0; k--) {
          Person companion = person(ids[rng.nextInt(ids.length)]);
          crossings.add(new Crossing(companion.id, cp, when.plusSeconds(rng.between(0, 240)), direction, plate,
              companion.document));
        }
      }
    }
    // Network crews cross officially too (and so appear beside their victims in other sources).
    for (Network n : w.networks) {
      if (!n.active(week)) {
        continue;
      }
      CrossingPoint cp = nearestOfficial(n.corridors.get(0).crossing(), officials);
      for (Role r : new Role[] {Role.TRANSPORTER, Role.COORDINATOR, Role.RECRUITER}) {
        for (int id : n.members(r)) {
          Person p = person(id);
          if (p.active(week) && p.createdWeek <= week && p.document != null && rng.chance(r == Role.TRANSPORTER ? 0.3
              : 0.08)) {
            crossings.add(new Crossing(p.id, cp, at(rng), rng.chance(0.5) ? "IN" : "OUT",
                r == Role.TRANSPORTER && !n.vehicles.isEmpty() && rng.chance(0.5) ? rng.pick(n.vehicles) : null,
                p.document));
          }
        }
      }
    }
    WeekEvents now = window.get(week);
    if (now != null) {
      for (Events.Trip t : now.trips) {
        if (!t.crossing().official()) {
          continue;
        }
        for (int id : t.travellers()) {
          Person p = person(id);
          String doc = p.document != null ? p.document : Identifiers.passport(
              p.nationality != null ? p.nationality : Country.MMR, rng); // a forged or borrowed document
          crossings.add(new Crossing(id, t.crossing(), t.at(), "IN", null, doc));
        }
        for (int id : t.crew()) {
          Person p = person(id);
          crossings.add(new Crossing(id, t.crossing(), t.at(), "IN", t.vehicle(),
              p.document != null ? p.document : Identifiers.passport(Country.THA, rng)));
        }
      }
    }
    crossings.sort((a, b) -> a.at().compareTo(b.at()) != 0 ? a.at().compareTo(b.at()) : Integer.compare(a.person(),
        b.person()));
    FeedFile th = new FeedFile("border/checkpoints/th/checkpoint_th_" + tag + ".csv", false, false, false);
    FeedFile vn = new FeedFile("border/checkpoints/vn/checkpoint_vn_" + tag + ".csv.gz", true, false, false);
    FeedFile my = new FeedFile("border/checkpoints/my/checkpoint_my_" + tag + ".tsv", false, true, false);
    boolean renamed = week >= params.driftWeek();
    th.add(csv(';', "record_no", "checkpoint_code", "direction", "crossing_time", "surname", "given_names",
        "nationality", "sex", "birth_date", "document_type", renamed ? "document_no" : "doc_no", "vehicle_plate"));
    vn.add(csv(',', "id", "post", "direction", "time_local", "full_name", "date_of_birth", "nationality", "gender",
        "passport_no"));
    my.add(String.join("\t", "REF", "POST", "DIR", "DATETIME", "NAME", "DOB", "CITIZENSHIP", "SEX", "PASSPORT"));
    Defects d = new Defects(params, rng);
    int seq = 0;
    for (Crossing c : crossings) {
      Person p = person(c.person());
      String ex = exporter(c.cp());
      String id = ex.toUpperCase() + "-" + tag.replace("-", "") + "-" + String.format("%06d", ++seq);
      mention("checkpoint", id, 0, p.id);
      NameVariants.Rendered name = NameVariants.render(p.name, Style.PASSPORT, params.nameNoise(), rng);
      String nat = p.nationality == null ? "XXA" : p.nationality.alpha3();
      switch (ex) {
        case "th" -> d.delimited(th, csv(';', id, c.cp().id().toUpperCase().replace("-", "_"), c.direction(),
            buddhist(local(c.at(), Country.THA.zone())), name.family(), name.given(), nat, sex(p), buddhist(p.dob),
            p.document != null && c.doc().equals(p.document) ? (borderPass(p, c.cp()) ? "CI" : "P")
                : rng.pick("P", "CI"), c.doc(), c.plate()), ';');
        case "vn" -> {
          NameVariants.Rendered vnName = NameVariants.render(p.name, Style.KYC, params.nameNoise(), rng);
          d.delimited(vn, csv(',', id, c.cp().name(), c.direction().equals("IN") ? "NHAP" : "XUAT",
              local(c.at(), Country.VNM.zone()).format(ISO_LOCAL), vnName.full(), p.dob.toString(),
              p.nationality == null ? "" : p.nationality.alpha2(), sex(p), c.doc()), ',');
        }
        default -> d.delimited(my, String.join("\t", id, c.cp().name().toUpperCase(Locale.ROOT), c.direction(),
            local(c.at(), Country.MYS.zone()).format(MY_TIME).toUpperCase(Locale.ROOT), name.full(),
            p.dob.format(DateTimeFormatter.ofPattern("dd/MM/uuuu")),
            p.nationality == null ? "STATELESS" : p.nationality.label().toUpperCase(Locale.ROOT), sex(p), c.doc()),
            '\t');
      }
    }
    files.add(th);
    files.add(vn);
    files.add(my);
    fileTruth("checkpoint", th, vn, my);
  }

  /** The vehicle a legitimate traveller drives: one plate per person, registered where the crossing leads. */
  private String ownPlate(Person p, CrossingPoint cp) {
    Country c = p.nationality != null ? p.nationality : cp.to();
    return Identifiers.plate(c, Rng.stream(w.seed, "own-plate", p.id));
  }

  /** Border residents of Myanmar, Laos and Cambodia often enter Thailand on a border pass (certificate of identity). */
  private boolean borderPass(Person p, CrossingPoint cp) {
    return p.nationality != null && (p.nationality == Country.MMR || p.nationality == Country.LAO
        || p.nationality == Country.KHM) && (cp.from() == Country.THA || cp.to() == Country.THA)
        && Rng.stream(w.seed, "border-pass", p.id).chance(params.realism().borderPass());
  }

  private static CrossingPoint nearestOfficial(CrossingPoint cp, List<CrossingPoint> officials) {
    CrossingPoint best = officials.get(0);
    double bestKm = Double.MAX_VALUE;
    for (CrossingPoint o : officials) {
      double km = org.borderwatch.simulator.geo.Geography.km(cp.lat(), cp.lon(), o.lat(), o.lon());
      if (km < bestKm) {
        bestKm = km;
        best = o;
      }
    }
    return best;
  }

  private Instant at(Rng rng) {
    return w.dateOf(week).atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(rng.nextInt(7 * 86400));
  }

  private void detections() {
    Rng rng = rng("detections");
    Defects d = new Defects(params, rng);
    FeedFile f = new FeedFile("border/detections/detections_" + tag + ".jsonl.gz", true, false, false);
    for (Events.Detection det : due(e -> e.detections, Events.Detection::fileWeek, Events.Detection::week,
        "detection", Events.Detection::id)) {
      CrossingPoint cp = w.geo.crossing(det.crossing());
      ZoneId zone = (cp.to() == Country.MMR || cp.to() == Country.KHM || cp.to() == Country.LAO ? cp.from() : cp.to())
          .zone();
      Object[] c = d.coordinates(det.lat(), det.lon());
      ObjectNode n = JSON.createObjectNode();
      n.put("detection_id", det.id());
      n.put("observed_at", det.at().atZone(zone).toOffsetDateTime().toString());
      n.put("lat", round((double) c[0], 5));
      n.put("lon", round((double) c[1], 5));
      n.put("group_size", det.groupSizeEstimate());
      n.put("sensor", det.sensor());
      n.put("unit", det.unit());
      n.put("confidence", round(rng.uniform(0.5, 0.99), 2));
      if (week >= params.driftWeek()) {
        n.put("sensor_model", det.sensor().equals("patrol") ? null : rng.pick("THERM-200", "RDR-9", "CAM-4K"));
      }
      Defects.noteCoordinates(f, d.json(f, json(n)), c[2]);
    }
    files.add(f);
    fileTruth("detections", f);
  }

  /** The patrol roster for this week (units per crossing), issued the Friday before; a clean export. */
  private void patrols() {
    FeedFile f = new FeedFile("border/patrols/roster_" + tag + ".csv", false, false, false);
    f.add(csv(',', "week_start", "crossing_id", "units", "issued_on"));
    WeekEvents ev = window.get(week);
    if (ev != null) {
      java.time.LocalDate monday = w.dateOf(week);
      for (java.util.Map.Entry<String, Double> e : ev.roster.entrySet()) {
        if (e.getValue() > 0) {
          f.add(csv(',', monday.toString(), e.getKey(), String.valueOf(round(e.getValue(), 2)),
              monday.minusDays(3).toString()));
        }
      }
    }
    files.add(f);
    fileTruth("patrols", f);
  }

  private void interdictions() {
    Rng rng = rng("interdictions");
    Defects d = new Defects(params, rng);
    FeedFile f = new FeedFile("border/interdictions/interdictions_" + tag + ".jsonl", false, false, false);
    for (Events.Interdiction it : due(e -> e.interdictions, Events.Interdiction::fileWeek, Events.Interdiction::week,
        "interdiction", Events.Interdiction::id)) {
      Object[] c = d.coordinates(it.lat(), it.lon());
      ObjectNode n = JSON.createObjectNode();
      n.put("interdiction_id", it.id());
      n.put("detection_id", it.detection());
      n.put("intercepted_at", it.at().toEpochMilli());
      ObjectNode loc = n.putObject("location");
      loc.put("lat", round((double) c[0], 5));
      loc.put("lon", round((double) c[1], 5));
      n.put("unit", it.unit());
      n.put("vehicle_plate", it.vehicle());
      ArrayNode people = n.putArray("persons");
      for (int i = 0; i < it.persons().size(); i++) {
        Person p = person(it.persons().get(i));
        ObjectNode pn = people.addObject();
        pn.put("name", NameVariants.render(p.name, Style.SCREENING, params.nameNoise(), rng).full());
        pn.put("nationality", nationalityText(p, rng));
        pn.put("sex", sex(p));
        pn.put("age", rng.chance(0.8) ? age(p) + rng.between(-2, 2) : null);
        pn.put("role", it.roleGuesses().get(i));
        mention("interdiction", it.id(), i + 1, p.id);
      }
      Defects.noteCoordinates(f, d.json(f, json(n)), c[2]);
    }
    files.add(f);
    fileTruth("interdictions", f);
  }

  private static String nationalityText(Person p, Rng rng) {
    if (p.ethnicity == Ethnicity.ROHINGYA) {
      return rng.pick("Rohingya", "stateless", "Myanmar", null);
    }
    if (p.nationality == null) {
      return null;
    }
    return switch (rng.nextInt(3)) {
      case 0 -> p.nationality.label();
      case 1 -> p.nationality.alpha2();
      default -> switch (p.nationality) {
        case MMR -> rng.pick("Burmese", "Myanmar");
        case THA -> "Thai";
        case LAO -> "Lao";
        case KHM -> rng.pick("Khmer", "Cambodian");
        case VNM -> "Vietnamese";
        case MYS -> "Malaysian";
        case IDN -> "Indonesian";
        case BGD -> "Bangladeshi";
      };
    };
  }

  // ---------------- police ----------------

  private void cases() {
    Rng rng = rng("cases");
    Defects d = new Defects(params, rng);
    FeedFile f = new FeedFile("police/cases/cases_" + tag + ".jsonl", false, false, false);
    for (Events.Case c : due(e -> e.cases, Events.Case::fileWeek, Events.Case::week, "case", Events.Case::id)) {
      ObjectNode n = JSON.createObjectNode();
      n.put("case_id", c.id());
      n.put("opened_at", local(c.opened(), Country.THA.zone()).format(CASE_TIME));
      n.put("agency", rng.pick("RTP-ATPD", "DSI", "Immigration Bureau", "Provincial Police"));
      n.put("offence", c.offence());
      n.put("location", c.place());
      ArrayNode people = n.putArray("persons");
      int seq = 0;
      for (Events.CasePerson cp : c.persons()) {
        Person p = person(cp.person());
        ObjectNode pn = people.addObject();
        pn.put("seq", ++seq);
        pn.put("name", NameVariants.render(p.name, Style.POLICE, params.nameNoise(), rng).full());
        pn.put("role", cp.role());
        pn.put("nationality", nationalityText(p, rng));
        pn.put("dob", rng.chance(0.6) ? dob(p, rng) : null);
        pn.put("phone", !p.phones.isEmpty() && rng.chance(0.5) ? Identifiers.written(p.phones.get(0),
            phoneCountry(p.phones.get(0)), rng) : null);
        pn.put("id_no", p.document != null && rng.chance(0.5) ? p.document : null);
        mention("case", c.id(), seq, p.id);
      }
      ArrayNode phones = n.putArray("phones");
      for (String ph : c.phones()) {
        phones.add(Identifiers.written(ph, phoneCountry(ph), rng));
      }
      ArrayNode vehicles = n.putArray("vehicles");
      c.vehicles().forEach(vehicles::add);
      ArrayNode accounts = n.putArray("accounts");
      for (int a : c.accounts()) {
        accounts.add(w.accounts.get(a).number);
      }
      n.put("narrative", Narratives.caseNarrative(c, w, params, rng));
      d.json(f, json(n));
    }
    files.add(f);
    fileTruth("cases", f);
  }

  /** Date of birth as a clerk writes it; sometimes day and month are swapped or only the year is known. */
  private String dob(Person p, Rng rng) {
    LocalDate dob = p.dob;
    double r = rng.uniform();
    if (r < 0.05 * params.nameNoise() && dob.getDayOfMonth() <= 12) {
      return dob.format(US_DATE); // month first
    }
    if (r < 0.10 * params.nameNoise()) {
      return String.valueOf(dob.getYear());
    }
    return dob.format(TH_DATE);
  }

  static Country phoneCountry(String e164) {
    for (Country c : Country.values()) {
      if (e164.startsWith("+" + c.callingCode())) {
        return c;
      }
    }
    return Country.THA;
  }

  private void arrests() {
    Rng rng = rng("arrests");
    Defects d = new Defects(params, rng);
    FeedFile f = new FeedFile("police/arrests/arrests_" + tag + ".csv", false, false, false);
    f.add(csv(',', "arrest_id", "case_id", "name", "arrested_on", "place", "charge"));
    WeekEvents ev = window.get(week);
    if (ev != null) {
      for (Events.Arrest a : ev.arrests) {
        Person p = person(a.person());
        d.delimited(f, csv(',', a.id(), a.caseId(), NameVariants.render(p.name, Style.POLICE, params.nameNoise(),
            rng).full(), a.date().toString(), a.place(), a.charge()), ',');
        mention("arrest", a.id(), 0, p.id);
      }
    }
    files.add(f);
    fileTruth("arrests", f);
  }

  private void screenings() {
    Rng rng = rng("screenings");
    Defects d = new Defects(params, rng);
    // Exported from a desktop spreadsheet: UTF-8 with BOM and CRLF line endings.
    FeedFile f = new FeedFile("police/screenings/screenings_" + tag + ".csv", false, true, true);
    List<Object> header = new ArrayList<>(List.of("screening_id", "case_id", "interview_date", "location", "name",
        "sex", "age", "nationality", "language"));
    header.addAll(Indicators.NAMES);
    header.addAll(List.of("referral", "notes"));
    f.add(csv(',', header.toArray()));
    for (Events.Screening s : due(e -> e.screenings, Events.Screening::fileWeek, Events.Screening::week, "screening",
        Events.Screening::id)) {
      Person p = person(s.person());
      List<Object> row = new ArrayList<>(Arrays.asList(s.id(), s.caseId(), s.date().format(TH_DATE), s.location(),
          NameVariants.render(p.name, Style.SCREENING, params.nameNoise(), rng).full(), sex(p),
          String.valueOf(age(p)), nationalityText(p, rng), s.language()));
      for (int i = 0; i < Indicators.NAMES.size(); i++) {
        row.add(!Indicators.has(s.asked(), i) ? "" : Indicators.has(s.observed(), i) ? "Y" : "N");
      }
      row.add(s.referral());
      row.add(Narratives.screeningNote(p, s, rng));
      d.delimited(f, csv(',', row.toArray()), ',');
      mention("screening", s.id(), 0, p.id);
    }
    files.add(f);
    fileTruth("screenings", f);
  }

  // ---------------- social ----------------

  private void posts() {
    Rng rng = rng("posts");
    Defects d = new Defects(params, rng);
    FeedFile f = new FeedFile("social/posts/posts_" + tag + ".jsonl.gz", true, false, false);
    List<Object[]> rows = new ArrayList<>(); // at, json-builder
    WeekEvents ev = window.get(week);
    List<Events.Post> all = new ArrayList<>(ev == null ? List.of() : ev.posts);
    // honest job offers from legit employers, and everyday chatter
    for (int emp : w.honestEmployers) {
      if (rng.chance(0.6)) {
        Person p = person(emp);
        all.add(new Events.Post(RecordIds.numeric(w.seed, String.format("S%03d-H%d", week, emp)), week,
            at(rng), emp, p.handle,
            rng.pick("facebook", "line", "facebook"), Events.PostKind.HONEST_JOB, null, -1, p.home.id(),
            p.phones.isEmpty() ? null : p.phones.get(0), null, null));
      }
    }
    List<Person> chatty = new ArrayList<>();
    for (int[] pair : w.remittancePairs) {
      Person p = person(w.accounts.get(pair[0]).holder);
      if (p.handle != null) {
        chatty.add(p);
      }
    }
    int chatter = chatty.isEmpty() ? 0 : rng.poisson(120 * w.scale.factor());
    for (int i = 0; i < chatter; i++) {
      Person p = rng.pick(chatty);
      boolean geo = rng.chance(0.3);
      all.add(new Events.Post(RecordIds.numeric(w.seed, String.format("S%03d-O%05d", week, i)), week, at(rng), p.id,
          p.handle,
          rng.pick("facebook", "tiktok", "line"), Events.PostKind.OTHER, null, -1, null, null,
          geo ? p.home.lat() + rng.uniform(-0.1, 0.1) : null, geo ? p.home.lon() + rng.uniform(-0.1, 0.1) : null));
    }
    all.sort((a, b) -> a.at().compareTo(b.at()) != 0 ? a.at().compareTo(b.at()) : a.id().compareTo(b.id()));
    for (Events.Post p : all) {
      Person author = person(p.author());
      String handle = p.handle() != null ? p.handle() : Identifiers.handle(author.name.given(), Rng.stream(w.seed,
          "anon-handle", author.id));
      PostText.Lang lang = lang(author, rng);
      String[] destVia = p.destination() == null ? new String[] {null, null} : p.destination().split("\\|");
      String dest = destVia[0] == null ? null : PostText.placeText(destVia[0], rng);
      String via = destVia.length > 1 && destVia[1] != null && rng.chance(0.35) ? viaText(destVia[1]) : null;
      String contact = p.contactPhone() != null ? Identifiers.written(p.contactPhone(), phoneCountry(p.contactPhone()),
          rng) : rng.chance(0.7) ? "@" + handle : null;
      String text = switch (p.kind()) {
        case DECEPTIVE_JOB -> rng.chance(params.realism().adMimicry())
            ? PostText.disguised(lang, companyName(author), dest, contact,
                w.networks.get(p.network()).kind == Network.Kind.SCAM, rng)
            : PostText.deceptive(lang, dest, via, contact, w.networks.get(p.network()).kind == Network.Kind.SCAM, rng);
        case SMUGGLING_OFFER -> PostText.smugglingOffer(lang, dest, via, contact, rng);
        case HONEST_JOB -> PostText.honest(lang, companyName(author), dest == null ? author.home.name() : dest,
            contact, rng.chance(params.realism().adLure()), rng);
        case OTHER -> PostText.other(lang, rng);
      };
      ObjectNode n = JSON.createObjectNode();
      n.put("post_id", p.id());
      n.put("platform", p.platform());
      n.put("author", handle);
      n.put("created_at", p.at().getEpochSecond());
      n.put("text", text);
      Object[] c = null;
      if (p.lat() != null) {
        c = d.coordinates(p.lat(), p.lon());
        ObjectNode g = n.putObject("geo");
        g.put("lat", round((double) c[0], 4));
        g.put("lon", round((double) c[1], 4));
      } else {
        n.putNull("geo");
      }
      int line = d.json(f, json(n));
      if (c != null) {
        Defects.noteCoordinates(f, line, c[2]);
      }
      boolean deceptive = p.kind() == Events.PostKind.DECEPTIVE_JOB || p.kind() == Events.PostKind.SMUGGLING_OFFER;
      truth.posts.add(new Object[] {p.id(), p.kind().name().toLowerCase(Locale.ROOT), deceptive,
          p.network() < 0 ? null : String.format("N%03d", p.network()), p.trip(),
          "P" + String.format("%07d", author.id), week});
    }
    files.add(f);
    fileTruth("posts", f);
  }

  private String viaText(String crossingId) {
    String name = w.geo.crossing(crossingId).name();
    int dash = name.indexOf(" – ");
    return dash > 0 ? name.substring(0, dash) : name.replaceFirst("^(Mekong at|Moei river (north|south) of) ", "");
  }

  private static String companyName(Person p) {
    String base = p.name.family().isEmpty() ? p.name.given() : p.name.family();
    return NameVariants.stripMarks(base) + " " + (Math.abs(p.id) % 3 == 0 ? "Seafood Co., Ltd." : Math.abs(p.id) % 3 == 1
        ? "Garment Factory" : "Recruitment Agency");
  }

  private static PostText.Lang lang(Person p, Rng rng) {
    if (rng.chance(0.35)) {
      return PostText.Lang.EN;
    }
    return switch (p.ethnicity) {
      case THAI -> PostText.Lang.TH;
      case BURMESE, KAREN, SHAN, ROHINGYA -> PostText.Lang.MY;
      case KHMER -> PostText.Lang.KM;
      case VIETNAMESE -> PostText.Lang.VI;
      case MALAY, INDONESIAN -> PostText.Lang.MS;
      case LAO -> rng.chance(0.5) ? PostText.Lang.TH : PostText.Lang.EN;
    };
  }

  private void profiles() {
    Rng rng = rng("profiles");
    Defects d = new Defects(params, rng);
    FeedFile f = new FeedFile("social/profiles/profiles_" + tag + ".jsonl", false, false, false);
    for (int id : w.personsCreatedIn(week)) {
      Person p = person(id);
      if (p.handle == null) {
        continue;
      }
      ObjectNode n = JSON.createObjectNode();
      String platform = rng.pick("facebook", "line", "telegram", "tiktok");
      n.put("platform", platform);
      n.put("handle", p.handle);
      n.put("display_name", NameVariants.render(p.name, Style.SOCIAL, params.nameNoise(), rng).full());
      String bio = rng.pick("", "Life is good", "Work hard", p.home.name(), "Business enquiries inbox",
          "Job agent " + p.home.country().label());
      if (!p.phones.isEmpty() && rng.chance(p.role == Role.RECRUITER ? 0.5 : 0.1)) {
        bio = bio + " " + Identifiers.written(p.phones.get(0), phoneCountry(p.phones.get(0)), rng);
      }
      n.put("bio", bio.trim());
      n.put("created_at", at(rng).toString());
      d.json(f, json(n));
      mention("profile", platform + ":" + p.handle, 0, p.id);
    }
    files.add(f);
    fileTruth("profiles", f);
  }

  // ---------------- finance ----------------

  private void transactions() {
    Rng rng = rng("transactions");
    Defects d = new Defects(params, rng);
    FeedFile f = new FeedFile("finance/transactions/transactions_" + tag + ".csv.gz", true, false, false);
    f.add(String.join("|", "tx_id", "ts", "from_account", "to_account", "amount", "currency", "channel",
        "reference"));
    List<Events.Payment> all = new ArrayList<>(due(e -> e.payments, Events.Payment::fileWeek, Events.Payment::week,
        "transaction", Events.Payment::id));
    int seq = 0;
    double f0 = w.scale.factor();
    // remittances home, directly or through an agent
    int n = rng.poisson(150 * f0);
    for (int i = 0; i < n && !w.remittancePairs.isEmpty(); i++) {
      int[] pair = rng.pick(w.remittancePairs);
      Account from = w.accounts.get(pair[0]);
      double amount = rng.lognormal(200, 0.5) * from.country.perUsd();
      if (!w.remittanceAgents.isEmpty() && rng.chance(0.35)) {
        Account agent = w.accounts.get(person(rng.pick(w.remittanceAgents)).accounts.get(0));
        all.add(payment(++seq, rng, from, agent, amount, "agent_remittance"));
        all.add(payment(++seq, rng, agent, w.accounts.get(pair[1]), amount / from.country.perUsd()
            * agent.country.perUsd() * 0.98, "agent_payout"));
      } else {
        all.add(payment(++seq, rng, from, w.accounts.get(pair[1]), amount, "remittance"));
      }
    }
    // traders: many counterparties both ways
    for (int t : w.traders) {
      Person trader = person(t);
      if (trader.accounts.isEmpty()) {
        continue;
      }
      Account ta = w.accounts.get(trader.accounts.get(0));
      int k = rng.poisson(3);
      for (int i = 0; i < k && !w.remittancePairs.isEmpty(); i++) {
        Account other = w.accounts.get(rng.pick(w.remittancePairs)[rng.nextInt(2)]);
        double amt = rng.lognormal(600, 0.8) * ta.country.perUsd();
        all.add(rng.chance(0.5) ? payment(++seq, rng, other, ta, amt / ta.country.perUsd() * other.country.perUsd(),
            "trade") : payment(++seq, rng, ta, other, amt, "trade"));
      }
    }
    // salaries at the start of the month
    if (w.dateOf(week).getDayOfMonth() <= 7) {
      for (int emp : w.honestEmployers) {
        Account ea = w.accounts.get(person(emp).accounts.get(0));
        int k = rng.between(1, 4);
        for (int i = 0; i < k && !w.remittancePairs.isEmpty(); i++) {
          Account worker = w.accounts.get(rng.pick(w.remittancePairs)[0]);
          all.add(payment(++seq, rng, ea, worker, rng.uniform(300, 500) * ea.country.perUsd(), "salary"));
        }
      }
    }
    all.sort((a, b) -> a.at().compareTo(b.at()) != 0 ? a.at().compareTo(b.at()) : a.id().compareTo(b.id()));
    for (Events.Payment p : all) {
      Account from = w.accounts.get(p.from());
      Account to = w.accounts.get(p.to());
      String channel = from.channel == Account.Channel.REMITTANCE_AGENT || to.channel == Account.Channel.REMITTANCE_AGENT
          ? "remittance_agent" : from.channel == Account.Channel.MOBILE_MONEY ? "mobile_money" : "bank";
      String ref = switch (p.purpose()) {
        case "smuggling_fee" -> rng.pick("fee", "ticket", "deposit", "for son", "for daughter", "");
        case "layering", "profit" -> rng.pick("", "goods", "loan", "repay", "invest");
        case "safe_house" -> rng.pick("rent", "food", "room", "");
        case "salary" -> "salary " + w.dateOf(week).getMonth().name().substring(0, 3).toLowerCase(Locale.ROOT);
        default -> rng.pick("", "family", "home", "for mother", "school fee", "goods");
      };
      String amount = from.country == Country.VNM || from.country == Country.IDN || from.country == Country.LAO
          || from.country == Country.MMR || from.country == Country.KHM ? String.valueOf(Math.round(p.amount()))
          : String.format(Locale.ROOT, "%.2f", p.amount());
      d.delimited(f, String.join("|", p.id(), local(p.at(), from.country.zone()).format(TX_TIME),
          from.number, to.number, amount, from.country.currency(), channel, ref), '|');
      truth.payments.add(new Object[] {p.id(), p.purpose(), p.network() < 0 ? null : String.format("N%03d", p.network()),
          p.trip(), from.number, to.number, week});
    }
    files.add(f);
    fileTruth("transactions", f);
  }

  private Events.Payment payment(int seq, Rng rng, Account from, Account to, double amount, String purpose) {
    return new Events.Payment(RecordIds.opaque(w.seed, "TX", String.format("X%03d-L%06d", week, seq)), week, at(rng),
        from.id, to.id,
        Math.round(amount * 100) / 100.0, purpose, -1, null, week);
  }

  private void kyc() {
    Rng rng = rng("kyc");
    Defects d = new Defects(params, rng);
    FeedFile f = new FeedFile("finance/accounts/kyc_" + tag + ".csv", false, false, false);
    f.add(csv(',', "account_no", "provider", "channel", "holder_name", "given_name", "family_name", "date_of_birth",
        "id_number", "phone", "address_city", "country", "opened_on"));
    for (int id : w.accountsOpenedIn(week)) {
      Account a = w.accounts.get(id);
      Person p = person(a.holder);
      NameVariants.Rendered name = NameVariants.render(p.name, Style.KYC, params.nameNoise(), rng);
      boolean usDates = a.provider.startsWith("Touch") || a.provider.equals("MoMo");
      d.delimited(f, csv(',', a.number, a.provider, a.channel.name().toLowerCase(Locale.ROOT), name.full(),
          rng.chance(0.7) ? name.given() : null, rng.chance(0.7) ? name.family() : null,
          rng.chance(0.9) ? (usDates ? p.dob.format(US_DATE) : p.dob.toString()) : null,
          p.document != null && rng.chance(0.7) ? p.document : null,
          !p.phones.isEmpty() && rng.chance(0.8) ? Identifiers.written(p.phones.get(0), phoneCountry(p.phones.get(0)),
              rng) : null, a.city, a.country.alpha2(), w.dateOf(week).plusDays(rng.nextInt(7)).toString()), ',');
      mention("kyc", a.number, 0, p.id);
    }
    files.add(f);
    fileTruth("kyc", f);
  }

  private void fileTruth(String feed, FeedFile... fs) {
    for (FeedFile f : fs) {
      truth.files.add(new Object[] {feed, f.path(), f.lineCount(), week});
    }
  }

  private static double round(double v, int digits) {
    double m = Math.pow(10, digits);
    return Math.round(v * m) / m;
  }
}
