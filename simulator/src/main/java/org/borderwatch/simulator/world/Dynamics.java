package org.borderwatch.simulator.world;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.borderwatch.simulator.PatrolPlan;
import org.borderwatch.simulator.Realism;
import org.borderwatch.simulator.Rng;
import org.borderwatch.simulator.SimulationParams;
import org.borderwatch.simulator.geo.Corridor;
import org.borderwatch.simulator.geo.Country;
import org.borderwatch.simulator.geo.CrossingPoint;
import org.borderwatch.simulator.geo.Place;
import org.borderwatch.simulator.names.Ethnicity;
import org.borderwatch.simulator.world.Events.CasePerson;
import org.borderwatch.simulator.world.Events.PostKind;

/**
 * The week-by-week mechanics. Networks plan trips one to three weeks ahead (recruitment posts and fee
 * payments run ahead of movements); at departure they choose a crossing by cost, season and the risk
 * they perceive (which follows patrols with a lag: displacement); detections depend on sensors and
 * patrol units; interdictions open cases, cases lead to arrests; networks recruit replacements and
 * split when they lose their leader; money moves collection → mules → financier → leader.
 */
public final class Dynamics {
  private final World w;
  private final SimulationParams params;
  private final PatrolPlan patrols;
  private final Realism realism;
  private final Map<Integer, WeekEvents> buffer = new TreeMap<>();
  private final Map<Integer, List<Planned>> planned = new TreeMap<>();
  /** Victims currently held at destinations per network (rescued by raids). */
  private final Map<Integer, List<Integer>> exploited = new HashMap<>();
  /** Interdictions per network so far: evidence that drives investigations. */
  private final Map<Integer, Integer> evidence = new HashMap<>();
  private final Map<Integer, List<int[]>> replacements = new TreeMap<>();

  private record Planned(String id, int network, int departWeek, Place destination, List<Integer> travellers) {}

  public Dynamics(World world, SimulationParams params) {
    this.w = world;
    this.params = params;
    this.patrols = params.patrols();
    this.realism = params.realism();
  }

  /** Advances the world by one week and returns that week's events. Call with 0, 1, 2, ... */
  public WeekEvents step(int week) {
    w.currentWeek = week;
    WeekEvents ev = bucket(week);
    for (CrossingPoint cp : w.geo.crossings()) {
      double rostered = patrols.units(week, cp);
      double out = deployed(week, cp, rostered);
      ev.roster.put(cp.id(), rostered);
      ev.patrols.put(cp.id(), out);
    }
    for (Network n : new ArrayList<>(w.networks)) {
      if (!n.active(week)) {
        continue;
      }
      Rng rng = Rng.stream(w.seed, "net", week, n.id);
      plan(n, week, rng);
      for (Planned p : planned.getOrDefault(week, List.of())) {
        if (p.network() == n.id) {
          depart(n, p, week, ev, rng);
        }
      }
      launder(n, week, rng);
      investigate(n, week, ev, rng);
      raid(n, week, ev, rng);
    }
    falseAlarms(week, ev);
    replace(week);
    updateRisk(week, ev);
    planned.remove(week);
    return buffer.remove(week);
  }

  /**
   * Patrols deviate from the roster: a rostered mobile unit is absent some weeks (called away, broken down), and a
   * listed informal point without rostered units is sometimes patrolled anyway. Checkpoint staff stay put.
   */
  private double deployed(int week, CrossingPoint cp, double rostered) {
    if (cp.official() || !cp.known()) {
      return rostered;
    }
    Rng rng = Rng.stream(w.seed, "deviation", week, cp.id());
    double out = rostered;
    for (int u = 0; u < (int) Math.floor(rostered); u++) {
      if (rng.chance(realism.patrolAbsent())) {
        out -= 1;
      }
    }
    if (rostered == 0 && rng.chance(realism.patrolUnrostered())) {
      out = 1;
    }
    return out;
  }

  /** Units actually out at a point in the week of {@code ev} (the roster, less absent units, plus unrostered ones). */
  private static double units(WeekEvents ev, CrossingPoint cp) {
    return ev.patrols.getOrDefault(cp.id(), 0.0);
  }

  private String id(String prefix, String internal) {
    return RecordIds.opaque(w.seed, prefix, internal);
  }

  private WeekEvents bucket(int week) {
    return buffer.computeIfAbsent(week, WeekEvents::new);
  }

  private Instant at(int week, Rng rng) {
    return w.dateOf(week).atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(rng.nextInt(7 * 86400));
  }

  private int fileWeek(int week, Rng rng) {
    return rng.chance(params.lateRate()) ? week + rng.between(1, 3) : week;
  }

  // ---- seasons ----

  /** Demand multiplier by week of year: Tết (late Jan–Feb) and Songkran (mid-April) peaks. */
  private double demand(int week, Network n) {
    int woy = w.startWeek.plus(week).week();
    double m = 1.0;
    if (woy >= 4 && woy <= 8 && (n.home == Country.VNM || n.home == Country.KHM || n.home == Country.LAO)) {
      m *= 1.5;
    }
    if (woy >= 14 && woy <= 16) {
      m *= 1.4;
    }
    if (woy >= 41 && woy <= 50) {
      m *= 0.8; // the rice harvest keeps farm labour at home
    }
    return m;
  }

  /** Sea crossings nearly stop in the south-west monsoon (May–September). */
  public static double seaSeason(int weekOfYear) {
    return weekOfYear >= 19 && weekOfYear <= 39 ? 0.06 : 1.0;
  }

  // ---- planning: recruitment and fees run ahead ----

  private void plan(Network n, int week, Rng rng) {
    List<Person> transporters = w.activeMembers(n, Role.TRANSPORTER, week);
    List<Person> recruiters = w.activeMembers(n, Role.RECRUITER, week);
    if (transporters.isEmpty() || recruiters.isEmpty()) {
      return;
    }
    double strength = Math.min(1.0, transporters.size() / 2.0) * Math.min(1.0, recruiters.size() / 2.0);
    int lead = 0;
    double seaShare = n.corridors.stream().filter(Corridor::sea).count() / (double) n.corridors.size();
    int departWoy = w.startWeek.plus(week + 2).week();
    double season = 1 - seaShare + seaShare * seaSeason(departWoy);
    int count = rng.poisson(n.rate * strength * demand(week + 2, n) * season);
    for (int k = 0; k < count; k++) {
      lead = rng.between(1, 3);
      int depart = week + lead;
      Corridor c = rng.pick(n.corridors);
      Place dest = c.destination();
      boolean sea = n.corridors.stream().allMatch(Corridor::sea);
      int size = sea ? rng.between(8, 30) : rng.between(2, 9);
      List<Integer> travellers = new ArrayList<>();
      Place origin = c.origin();
      String id = String.format("T%03d-%03d-%03d%02d", week + lead, n.id, week, k);
      for (int i = 0; i < size; i++) {
        double victimShare = switch (n.kind) {
          case SMUGGLING -> 0.15;
          case TRAFFICKING -> 0.8;
          case SCAM -> 0.9;
        };
        boolean victim = rng.chance(victimShare);
        Place home = origin;
        if (n.kind == Network.Kind.SCAM) {
          // scam compounds recruit across the region
          home = rng.pick(w.geo.places().stream().filter(p -> p.kind() == Place.Kind.SOURCE).toList());
        }
        Ethnicity e = World.ethnicityAt(home, rng);
        Person t = w.newPerson(e, home, victim ? Role.VICTIM : Role.MIGRANT, rng, 16, 45);
        t.network = n.id;
        if (victim) {
          t.exploitation = Exploitation.draw(n.kind, dest.id(), t.female, rng);
        }
        t.indicators = drawIndicators(t.exploitation, rng);
        travellers.add(t.id);
        familyPays(n, t, id, week, depart, victim, rng);
      }
      Planned p = new Planned(id, n.id, depart, dest, travellers);
      planned.computeIfAbsent(depart, x -> new ArrayList<>()).add(p);
      recruitmentPosts(n, p, week, recruiters, c, rng);
    }
  }

  private int drawIndicators(Exploitation kind, Rng rng) {
    int bits = 0;
    for (int i = 0; i < Indicators.NAMES.size(); i++) {
      if (rng.chance(kind == null ? Indicators.MIGRANT_RATE[i] : kind.rate(i))) {
        bits |= 1 << i;
      }
    }
    return bits;
  }

  private void familyPays(Network n, Person t, String trip, int week, int depart, boolean victim, Rng rng) {
    if (victim && rng.chance(0.5)) {
      return; // recruited on a promise of wages: the fee becomes a debt instead of a payment
    }
    List<Account> collection = current(n, "collection", week);
    if (collection.isEmpty()) {
      return;
    }
    Person family = w.newPerson(t.ethnicity == Ethnicity.ROHINGYA ? Ethnicity.ROHINGYA : t.ethnicity, t.home,
        Role.FAMILY, rng, 35, 70);
    Account fam = w.newAccount(family, rng.chance(0.6) ? Account.Channel.MOBILE_MONEY : Account.Channel.BANK,
        week, t.home, rng);
    int payWeek = week + rng.nextInt(Math.max(1, depart - week));
    Account to = rng.pick(collection);
    double usd = victim ? rng.uniform(100, 400) : n.corridors.get(0).sea() ? rng.uniform(1200, 2500)
        : rng.uniform(300, 1200);
    pay(fam, to, usd * fam.country.perUsd(), "smuggling_fee", n, trip, payWeek, rng);
  }

  private void pay(Account from, Account to, double amount, String purpose, Network n, String trip, int week, Rng rng) {
    WeekEvents b = bucket(week);
    String id = id("TX", String.format("X%03d-%06d", week, b.payments.size()));
    b.payments.add(new Events.Payment(id, week, at(week, rng), from.id, to.id, Math.round(amount * 100) / 100.0,
        purpose, n == null ? -1 : n.id, trip, fileWeek(week, rng)));
  }

  private void recruitmentPosts(Network n, Planned p, int week, List<Person> recruiters, Corridor c, Rng rng) {
    int posts = Math.max(1, (int) Math.round(p.travellers().size() * rng.uniform(0.3, 0.7)));
    for (int i = 0; i < posts; i++) {
      int postWeek = week + rng.nextInt(Math.max(1, p.departWeek() - week));
      Person r = rng.pick(recruiters);
      PostKind kind = switch (n.kind) {
        case SMUGGLING -> rng.chance(0.7) ? PostKind.SMUGGLING_OFFER : PostKind.DECEPTIVE_JOB;
        default -> PostKind.DECEPTIVE_JOB;
      };
      boolean geo = rng.chance(0.4);
      WeekEvents b = bucket(postWeek);
      String id = RecordIds.numeric(w.seed, String.format("S%03d-%03d-%03d", postWeek, n.id, b.posts.size()));
      String phone = rng.chance(0.6) ? rng.pick(r.phones) : null;
      b.posts.add(new Events.Post(id, postWeek, at(postWeek, rng), r.id, r.handle == null ? null : r.handle,
          platform(r, rng), kind, p.id(), n.id, c.destination().id() + "|" + c.crossing().id(), phone,
          geo ? r.home.lat() + rng.uniform(-0.1, 0.1) : null, geo ? r.home.lon() + rng.uniform(-0.1, 0.1) : null));
    }
  }

  static String platform(Person p, Rng rng) {
    if (p.ethnicity == Ethnicity.VIETNAMESE && rng.chance(0.5)) {
      return "zalo";
    }
    if (p.ethnicity == Ethnicity.THAI && rng.chance(0.6)) {
      return "line";
    }
    return rng.pick("facebook", "facebook", "telegram", "whatsapp", "tiktok");
  }

  // ---- departure: route choice, detection, interdiction ----

  private void depart(Network n, Planned p, int week, WeekEvents ev, Rng rng) {
    List<Person> transporters = w.activeMembers(n, Role.TRANSPORTER, week);
    if (transporters.isEmpty()) {
      return; // the trip falls through; recruits wait (they stay in truth as never crossing)
    }
    Corridor c = chooseRoute(n, p.destination(), week, rng);
    CrossingPoint cp = c.crossing();
    double effort = units(ev, cp);
    List<Integer> crew = new ArrayList<>();
    crew.add(rng.pick(transporters).id);
    if (c.sea()) {
      List<Person> boats = w.activeMembers(n, Role.BOAT_OPERATOR, week);
      if (!boats.isEmpty()) {
        crew.add(rng.pick(boats).id);
      }
    }
    double along = rng.gaussian() * cp.spreadKm() / 2.5;
    double across = rng.gaussian() * 0.8;
    double lat = cp.lat() + (along * 0.6 + across * 0.4) / 111.0;
    double lon = cp.lon() + (along * 0.4 - across * 0.6) / (111.0 * Math.cos(Math.toRadians(cp.lat())));
    Instant when = at(week, rng);
    double hazard = cp.official() ? 0.03 + 0.04 * effort : 1.5 * cp.sensorCoverage() + 0.3 * effort;
    boolean detected = rng.chance(cp.official() ? hazard : 1 - Math.exp(-hazard));
    boolean interdicted = detected && rng.chance(Math.min(0.85, 0.3 + 0.1 * effort));
    String vehicle = c.sea() || n.vehicles.isEmpty() ? null : rng.pick(n.vehicles);
    Events.Trip trip = new Events.Trip(p.id(), week, when, n.id, c, lat, lon, p.travellers(), crew, vehicle, detected,
        interdicted);
    ev.trips.add(trip);
    // Safe-house keepers near the crossing are paid the week before; transporters after.
    List<Account> safe = current(n, "safe_house", week);
    Account fin = latest(n, "financier", week);
    if (!safe.isEmpty() && fin != null) {
      pay(fin, rng.pick(safe), rng.uniform(80, 250) * p.travellers().size() * fin.country.perUsd(), "safe_house", n,
          p.id(), Math.max(0, week - 1), rng);
    }
    if (!detected) {
      if (n.kind != Network.Kind.SMUGGLING) {
        exploited.computeIfAbsent(n.id, k -> new ArrayList<>()).addAll(victimsOf(p.travellers()));
      }
      return;
    }
    String detId = id("DET-", String.format("D%03d-%03d-%04d", week, n.id, ev.detections.size()));
    String unit = effort > 0 && rng.chance(0.7) ? unitId(cp, rng) : sensorId(cp, rng);
    int size = p.travellers().size() + crew.size();
    int est = Math.max(1, (int) Math.round(size * rng.uniform(0.6, 1.4)));
    ev.detections.add(new Events.Detection(detId, week, when.plusSeconds(rng.between(-900, 900)),
        lat + rng.gaussian() * 0.003, lon + rng.gaussian() * 0.003, est,
        unit.startsWith("SENSOR") ? rng.pick("radar", "camera", "ground_sensor") : "patrol", unit, p.id(), cp.id(),
        fileWeek(week, rng)));
    if (!interdicted) {
      if (n.kind != Network.Kind.SMUGGLING) {
        exploited.computeIfAbsent(n.id, k -> new ArrayList<>()).addAll(victimsOf(p.travellers()));
      }
      return;
    }
    evidence.merge(n.id, 1, Integer::sum);
    List<Integer> persons = new ArrayList<>(p.travellers());
    List<String> guesses = new ArrayList<>();
    // Roles are the patrol's guesses on the spot: some travellers are taken for drivers or guides, some crew
    // pass themselves off as migrants.
    for (int i = 0; i < p.travellers().size(); i++) {
      guesses.add(rng.chance(realism.roleGuessWrong() / 3) ? rng.pick("driver", "guide") : "migrant");
    }
    for (int id : crew) {
      persons.add(id);
      guesses.add(rng.chance(realism.roleGuessWrong()) ? "migrant"
          : w.persons.get(id).role == Role.BOAT_OPERATOR ? "boat_crew" : rng.pick("driver", "guide"));
    }
    String intId = id("INT-", String.format("I%03d-%03d-%04d", week, n.id, ev.interdictions.size()));
    ev.interdictions.add(new Events.Interdiction(intId, detId, week, when.plusSeconds(rng.between(600, 7200)),
        lat, lon, unit.startsWith("SENSOR") ? unitId(cp, rng) : unit, persons, guesses, vehicle, cp.id(), p.id(),
        fileWeek(week, rng)));
    openInterdictionCase(n, trip, intId, crew, week, rng);
  }

  private List<Integer> victimsOf(List<Integer> travellers) {
    List<Integer> out = new ArrayList<>();
    for (int t : travellers) {
      if (w.persons.get(t).role == Role.VICTIM) {
        out.add(t);
      }
    }
    return out;
  }

  private static String unitId(CrossingPoint cp, Rng rng) {
    return "UNIT-" + cp.stretch().toUpperCase().replace("-", "") + "-" + rng.between(1, 3);
  }

  /** Sensors are named by the stretch of border they watch, not by a crossing point. */
  private static String sensorId(CrossingPoint cp, Rng rng) {
    return "SENSOR-" + cp.stretch().toUpperCase().replace("-", "") + "-" + rng.between(1, 9);
  }

  private Corridor chooseRoute(Network n, Place destination, int week, Rng rng) {
    List<Corridor> usable = new ArrayList<>();
    for (Corridor c : n.corridors) {
      if (open(c.crossing(), week)) {
        usable.add(c);
      }
    }
    if (usable.isEmpty()) {
      usable = n.corridors;
    }
    List<Corridor> options = new ArrayList<>();
    for (Corridor c : usable) {
      if (c.destination().equals(destination)) {
        options.add(c);
      }
    }
    if (options.isEmpty()) {
      options = usable;
    }
    int woy = w.startWeek.plus(week).week();
    double[] u = new double[options.size()];
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < u.length; i++) {
      Corridor c = options.get(i);
      double season = c.sea() ? seaSeason(woy) : 1.0;
      u[i] = -c.baseCost() - 2.5 * n.perceivedRisk.getOrDefault(c.crossing().id(), 0.0) + Math.log(season);
      max = Math.max(max, u[i]);
    }
    for (int i = 0; i < u.length; i++) {
      u[i] = Math.exp((u[i] - max) / 0.5);
    }
    return options.get(rng.weighted(u));
  }

  /** Whether networks can use a point this week: listed points always, unlisted ones once opened (if enabled). */
  private boolean open(CrossingPoint cp, int week) {
    return cp.known() || realism.unlistedCrossings() && cp.open(week);
  }

  /** Networks learn where patrols are from lookouts (a week late) and from their own losses. */
  private void updateRisk(int week, WeekEvents ev) {
    Map<String, Map<Integer, Integer>> losses = new HashMap<>();
    for (Events.Interdiction i : ev.interdictions) {
      Events.Trip t = ev.trips.stream().filter(x -> x.id().equals(i.trip())).findFirst().orElse(null);
      if (t != null) {
        losses.computeIfAbsent(i.crossing(), k -> new HashMap<>()).merge(t.network(), 1, Integer::sum);
      }
    }
    for (Network n : w.networks) {
      for (Corridor c : n.corridors) {
        String cp = c.crossing().id();
        double seen = units(ev, c.crossing()) - (c.crossing().official() ? 1.0 : 0.0);
        double lost = losses.getOrDefault(cp, Map.of()).getOrDefault(n.id, 0);
        double prev = n.perceivedRisk.getOrDefault(cp, 0.0);
        n.perceivedRisk.put(cp, 0.6 * prev + 0.4 * (0.35 * seen + 1.0 * lost));
      }
    }
  }

  private void falseAlarms(int week, WeekEvents ev) {
    Rng rng = Rng.stream(w.seed, "false-alarm", week);
    int seq = 0;
    for (CrossingPoint cp : w.geo.crossings()) {
      if (cp.official()) {
        continue;
      }
      double effort = units(ev, cp);
      int k = rng.poisson(w.scale.factor() * 0.3 * (cp.sensorCoverage() * 5 + 0.3 * effort));
      for (int i = 0; i < k; i++) {
        double along = rng.gaussian() * cp.spreadKm() / 2.5;
        double lat = cp.lat() + along * 0.6 / 111.0 + rng.gaussian() * 0.01;
        double lon = cp.lon() + along * 0.4 / 111.0 + rng.gaussian() * 0.01;
        boolean patrol = effort > 0 && rng.chance(0.6);
        ev.detections.add(new Events.Detection(id("DET-", String.format("D%03d-FA-%04d", week, seq++)), week,
            at(week, rng), lat, lon, rng.between(1, 4), patrol ? "patrol" : rng.pick("radar", "camera",
            "ground_sensor"), patrol ? unitId(cp, rng) : sensorId(cp, rng), null, cp.id(), fileWeek(week, rng)));
      }
    }
  }

  // ---- cases, arrests, screenings ----

  private void openInterdictionCase(Network n, Events.Trip trip, String interdiction, List<Integer> crew, int week,
      Rng rng) {
    int openWeek = week + (rng.chance(0.3) ? 1 : 0);
    WeekEvents b = bucket(openWeek);
    String caseId = id("CASE-", String.format("C%03d-%03d-%04d", openWeek, n.id, b.cases.size()));
    List<CasePerson> persons = new ArrayList<>();
    List<String> phones = new ArrayList<>();
    List<Integer> accounts = new ArrayList<>();
    // The file records what the officers concluded, with their errors: crew taken for witnesses, travellers
    // charged, victims not identified (recorded as witnesses), others recorded as victims, persons left out.
    for (int c : crew) {
      persons.add(new CasePerson(c, rng.chance(realism.roleSwapped()) ? "witness" : "suspect"));
      phones.addAll(w.persons.get(c).phones);
    }
    boolean victimRecorded = false;
    for (int t : trip.travellers()) {
      Person p = w.persons.get(t);
      if (rng.chance(realism.personOmitted())) {
        continue;
      }
      String role;
      if (rng.chance(realism.roleSwapped())) {
        role = "suspect";
      } else if (p.role == Role.VICTIM) {
        role = rng.chance(realism.victimUnrecorded()) ? "witness" : "victim";
      } else {
        role = rng.chance(realism.victimFalse()) ? "victim" : "witness";
      }
      victimRecorded |= role.equals("victim");
      persons.add(new CasePerson(t, role));
    }
    // The seized phone holds the coordinator's and leader's numbers; a recruiter is sometimes named.
    Person coord = w.member(n, Role.COORDINATOR);
    if (coord != null && rng.chance(0.6)) {
      phones.add(coord.phones.get(0));
    }
    Person leader = w.member(n, Role.LEADER);
    if (leader != null && rng.chance(0.35)) {
      phones.add(leader.phones.get(0));
    }
    List<Person> recruiters = w.activeMembers(n, Role.RECRUITER, week);
    if (!recruiters.isEmpty() && rng.chance(0.3)) {
      Person r = rng.pick(recruiters);
      persons.add(new CasePerson(r.id, "suspect"));
      phones.add(r.phones.get(0));
      if (rng.chance(0.5)) {
        arrest(caseId, r, openWeek, trip.crossing().name(), "trafficking", rng);
      }
    }
    List<Account> col = w.accountsOf(n, "collection");
    if (!col.isEmpty() && rng.chance(0.25)) {
      accounts.add(rng.pick(col).id);
    }
    // The charge follows what was recorded, not what happened: a victim on file makes it trafficking, and some
    // smuggling cases are charged as trafficking anyway.
    String offence = victimRecorded || rng.chance(0.1) ? "human_trafficking" : "migrant_smuggling";
    b.cases.add(new Events.Case(caseId, openWeek, at(openWeek, rng), offence, trip.crossing().id(),
        trip.crossing().name(), persons, phones, trip.vehicle() == null ? List.of() : List.of(trip.vehicle()),
        accounts, n.id, trip.id(), fileWeek(openWeek, rng)));
    for (int c : crew) {
      if (rng.chance(0.7)) {
        arrest(caseId, w.persons.get(c), openWeek, trip.crossing().name(), offence, rng);
      }
    }
    for (int t : trip.travellers()) {
      Person p = w.persons.get(t);
      // who is screened depends on the interpreters at hand, not on what happened to the person
      if (rng.chance(0.5 + 0.45 * interpreter(p.ethnicity))) {
        screen(caseId, p, openWeek + rng.nextInt(2), trip.crossing().name(), trip.crossing().to(), rng);
      }
    }
  }

  private void arrest(String caseId, Person p, int week, String place, String charge, Rng rng) {
    if (p.arrestedWeek >= 0) {
      return;
    }
    p.arrestedWeek = week;
    WeekEvents b = bucket(week);
    String arrestId = id("AR-", String.format("A%03d-%04d", week, b.arrests.size()));
    b.arrests.add(new Events.Arrest(arrestId, caseId, p.id, week,
        w.dateOf(week).plusDays(rng.nextInt(7)), place, charge));
    if (p.network >= 0 && p.role.member()) {
      replacements.computeIfAbsent(week + 1 + rng.poisson(3), k -> new ArrayList<>())
          .add(new int[] {p.network, p.role.ordinal(), p.id});
    }
  }

  private void screen(String caseId, Person p, int week, String location, Country where, Rng rng) {
    boolean interpreted = rng.chance(interpreter(p.ethnicity));
    int observed = 0;
    int asked = 0;
    for (int i = 0; i < Indicators.NAMES.size(); i++) {
      if (!interpreted && rng.chance(realism.screeningUnasked())) {
        continue; // without an interpreter some questions are never put
      }
      asked |= 1 << i;
      boolean has = Indicators.has(p.indicators, i);
      double disclosed = p.exploitation == null ? 0.85 : p.exploitation.disclosure(i);
      if (has ? rng.chance(interpreted ? disclosed : disclosed * 0.8) : rng.chance(0.04)) {
        observed |= 1 << i;
      }
    }
    WeekEvents b = bucket(week);
    // without an interpreter the form records the interviewer's language
    String language = !interpreted ? (where == Country.MYS ? "Malay" : "Thai") : switch (p.ethnicity) {
      case BURMESE, KAREN, SHAN -> p.ethnicity == Ethnicity.KAREN ? "Karen" : "Burmese";
      case ROHINGYA -> "Rohingya";
      case THAI -> "Thai";
      case LAO -> "Lao";
      case KHMER -> "Khmer";
      case VIETNAMESE -> "Vietnamese";
      case MALAY -> "Malay";
      case INDONESIAN -> "Indonesian";
    };
    String referral = Indicators.count(observed) >= 3 ? rng.pick("shelter", "NGO", "embassy") : "none";
    b.screenings.add(new Events.Screening(id("SCR-", String.format("V%03d-%04d", week, b.screenings.size())), caseId,
        p.id, week,
        w.dateOf(week).plusDays(rng.nextInt(7)), location, observed, asked, language, referral, fileWeek(week, rng)));
  }

  /** Chance that an interview in the person's language has an interpreter (border posts staff Thai, Lao, Malay). */
  public static double interpreter(Ethnicity e) {
    return switch (e) {
      case THAI -> 0.95;
      case MALAY -> 0.9;
      case LAO, INDONESIAN -> 0.85;
      case BURMESE -> 0.8;
      case KHMER -> 0.75;
      case SHAN -> 0.7;
      case VIETNAMESE -> 0.65;
      case KAREN -> 0.55;
      case ROHINGYA -> 0.45;
    };
  }

  /** Proactive investigations: with evidence, police open a case naming several members and their money. */
  private void investigate(Network n, int week, WeekEvents ev, Rng rng) {
    int e = evidence.getOrDefault(n.id, 0);
    if (e < 2 || !rng.chance(Math.min(0.12, 0.02 * e))) {
      return;
    }
    evidence.put(n.id, Math.max(0, e - 3));
    List<CasePerson> persons = new ArrayList<>();
    List<String> phones = new ArrayList<>();
    List<Integer> accounts = new ArrayList<>();
    String caseId = id("CASE-", String.format("C%03d-%03d-INV", week, n.id));
    for (Role r : new Role[] {Role.COORDINATOR, Role.RECRUITER, Role.FINANCIER, Role.MULE, Role.SAFE_HOUSE,
        Role.FORGER}) {
      for (Person p : w.activeMembers(n, r, week)) {
        if (rng.chance(r == Role.COORDINATOR ? 0.7 : 0.35)) {
          persons.add(new CasePerson(p.id, "suspect"));
          phones.add(p.phones.get(0));
          for (int a : p.accounts) {
            if (rng.chance(0.6)) {
              accounts.add(a);
            }
          }
          if (rng.chance(r == Role.MULE ? 0.3 : 0.45)) {
            arrest(caseId, p, week, n.corridors.get(0).crossing().name(), "human_trafficking", rng);
          }
        }
      }
    }
    Person leader = w.member(n, Role.LEADER);
    if (leader != null && rng.chance(0.5)) {
      phones.add(leader.phones.get(0));
      if (rng.chance(0.3)) {
        persons.add(new CasePerson(leader.id, "suspect"));
        arrest(caseId, leader, week, n.corridors.get(0).destination().name(), "human_trafficking", rng);
      }
    }
    if (persons.isEmpty()) {
      return;
    }
    ev.cases.add(new Events.Case(caseId, week, at(week, rng), "human_trafficking", null,
        n.corridors.get(0).destination().name(), persons, phones, List.of(), accounts, n.id, null,
        fileWeek(week, rng)));
  }

  /** Raids at destinations rescue exploited victims and charge the employers. */
  private void raid(Network n, int week, WeekEvents ev, Rng rng) {
    List<Integer> held = exploited.getOrDefault(n.id, List.of());
    if (held.size() < 3 || !rng.chance(0.06)) {
      return;
    }
    List<Integer> rescued = new ArrayList<>(held.subList(0, Math.min(held.size(), rng.between(3, 12))));
    held.removeAll(rescued);
    String caseId = id("CASE-", String.format("C%03d-%03d-RAID", week, n.id));
    List<CasePerson> persons = new ArrayList<>();
    for (Person emp : w.activeMembers(n, Role.EMPLOYER, week)) {
      persons.add(new CasePerson(emp.id, "suspect"));
      if (rng.chance(0.5)) {
        arrest(caseId, emp, week, n.corridors.get(0).destination().name(), "forced_labour", rng);
      }
    }
    for (int v : rescued) {
      // Rescued workers are mostly identified as victims; some are recorded as irregular workers (witnesses).
      persons.add(new CasePerson(v, rng.chance(realism.victimUnrecorded() / 3) ? "witness" : "victim"));
      Place at = n.corridors.get(0).destination();
      screen(caseId, w.persons.get(v), week + rng.nextInt(2), at.name(), at.country(), rng);
    }
    ev.cases.add(new Events.Case(caseId, week, at(week, rng), "forced_labour", null,
        n.corridors.get(0).destination().name(), persons, List.of(), List.of(), List.of(), n.id, null,
        fileWeek(week, rng)));
  }

  // ---- money: collection → mules → financier → leader ----

  /** The network's structuring rule, drawn once from its own stream (a share of realism's money-structuring). */
  private Network.Structuring structuring(Network n) {
    if (n.structuring == null) {
      Rng r = Rng.stream(w.seed, "structuring", n.id);
      Network.Structuring[] others = {Network.Structuring.ROUND_SUMS, Network.Structuring.HELD,
          Network.Structuring.CHAIN, Network.Structuring.CASH_OUT};
      n.structuring = r.chance(realism.moneyStructuring()) ? Network.Structuring.BELOW_THRESHOLD
          : others[r.nextInt(others.length)];
    }
    return n.structuring;
  }

  private void launder(Network n, int week, Rng rng) {
    Network.Structuring how = structuring(n);
    List<Account> mules = current(n, "mule", week);
    Account fin = latest(n, "financier", week);
    Account lead = latest(n, "leader", week);
    if (mules.isEmpty() || fin == null) {
      return;
    }
    WeekEvents b = bucket(week);
    Map<Integer, Double> collected = new TreeMap<>();
    for (Events.Payment p : b.payments) {
      Account to = w.accounts.get(p.to());
      if (to.network == n.id && "collection".equals(to.use)) {
        collected.merge(to.id, p.amount(), Double::sum);
      }
    }
    double toFinancier = 0;
    for (Map.Entry<Integer, Double> e : collected.entrySet()) {
      Account col = w.accounts.get(e.getKey());
      double left = e.getValue() * rng.uniform(0.9, 0.98);
      double threshold = col.country.reportingThreshold();
      while (left > 1) {
        Account m = rng.pick(mules);
        double chunk = Math.min(left, switch (how) {
          case BELOW_THRESHOLD, CASH_OUT -> threshold * rng.uniform(0.85, 0.99);
          case ROUND_SUMS -> Math.max(1000, Math.round(threshold * rng.pick(0.2, 0.25, 0.5, 1.0, 1.5) / 1000) * 1000.0);
          case HELD -> threshold * rng.uniform(0.3, 1.2);
          case CHAIN -> threshold * rng.uniform(0.5, 0.95);
        });
        pay(col, m, chunk, "layering", n, null, week, rng);
        double usd = chunk / col.country.perUsd();
        double kept = rng.uniform(0.9, 0.97);
        switch (how) {
          case HELD -> pay(m, fin, usd * kept * m.country.perUsd(), "layering", n, null, week + rng.between(1, 3), rng);
          case CHAIN -> {
            Account next = mules.size() > 1 ? mules.get((mules.indexOf(m) + 1 + rng.nextInt(mules.size() - 1))
                % mules.size()) : m;
            if (next != m) {
              pay(m, next, usd * kept * m.country.perUsd(), "layering", n, null, week, rng);
              kept *= rng.uniform(0.93, 0.98);
            }
            pay(next, fin, usd * kept * next.country.perUsd(), "layering", n, null, week, rng);
          }
          case CASH_OUT -> {
            kept = rng.uniform(0.3, 0.6); // the rest is withdrawn in cash and carried across
            pay(m, fin, usd * kept * m.country.perUsd(), "layering", n, null, week, rng);
          }
          default -> pay(m, fin, usd * kept * m.country.perUsd(), "layering", n, null, week, rng);
        }
        toFinancier += usd * kept;
        left -= chunk;
      }
    }
    if (toFinancier > 0 && lead != null) {
      pay(fin, lead, toFinancier * rng.uniform(0.3, 0.6) * fin.country.perUsd(), "profit", n, null, week, rng);
    }
  }

  /** The network's accounts for a use whose holders are free this week. */
  private List<Account> current(Network n, String use, int week) {
    List<Account> out = new ArrayList<>();
    for (Account a : w.accountsOf(n, use)) {
      if (w.persons.get(a.holder).active(week)) {
        out.add(a);
      }
    }
    return out;
  }

  /** The most recently opened account for a use whose holder is free, or null. */
  private Account latest(Network n, String use, int week) {
    List<Account> c = current(n, use, week);
    return c.isEmpty() ? null : c.get(c.size() - 1);
  }

  // ---- resilience: replacements and splits ----

  private void replace(int week) {
    for (int[] r : replacements.getOrDefault(week, List.of())) {
      Network n = w.networks.get(r[0]);
      Role role = Role.values()[r[1]];
      if (!n.active(week)) {
        continue;
      }
      Rng rng = Rng.stream(w.seed, "replace", week, r[2]);
      if (role == Role.LEADER) {
        split(n, week, rng);
        continue;
      }
      Person old = w.persons.get(r[2]);
      Person p = w.addMember(n, role, old.ethnicity == Ethnicity.ROHINGYA ? Ethnicity.BURMESE : old.ethnicity, old.home,
          week, rng);
      if (role == Role.MULE || role == Role.FINANCIER || role == Role.SAFE_HOUSE) {
        Account a = role == Role.SAFE_HOUSE ? w.newAccountNear(p, n.corridors.get(0).crossing(), week, rng)
            : w.newAccount(p, Account.Channel.BANK, week, p.home, rng);
        w.assign(a, n, role == Role.SAFE_HOUSE ? "safe_house" : role == Role.MULE ? "mule" : "financier");
      }
      if (role == Role.RECRUITER) {
        Account col = w.newAccount(p, Account.Channel.MOBILE_MONEY, week, p.home, rng);
        w.assign(col, n, "collection");
      }
    }
    replacements.remove(week);
  }

  /** Without its leader a network dissolves or splits in two under coordinators. */
  private void split(Network n, int week, Rng rng) {
    n.dissolvedWeek = week;
    if (rng.chance(0.3)) {
      return;
    }
    for (int half = 0; half < 2; half++) {
      Network child = w.buildNetwork(n.kind, n.corridors.get(0).family(), week, n.id, rng);
      child.corridors.clear();
      child.corridors.addAll(n.corridors);
      child.rate = n.rate * 0.6;
    }
  }
}
