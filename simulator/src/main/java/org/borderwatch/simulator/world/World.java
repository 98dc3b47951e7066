package org.borderwatch.simulator.world;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.borderwatch.core.time.IsoWeek;
import org.borderwatch.simulator.Rng;
import org.borderwatch.simulator.Scale;
import org.borderwatch.simulator.geo.Corridor;
import org.borderwatch.simulator.geo.Country;
import org.borderwatch.simulator.geo.CrossingPoint;
import org.borderwatch.simulator.geo.Geography;
import org.borderwatch.simulator.geo.Place;
import org.borderwatch.simulator.names.Ethnicity;
import org.borderwatch.simulator.names.NameGenerator;

/**
 * The population and organisations of the simulated world. Built once from the seed; {@link Dynamics}
 * then moves it week by week (new migrants, arrests, recruitment, splits).
 */
public final class World {
  public final long seed;
  public final Scale scale;
  public final IsoWeek startWeek;
  public final Geography geo = Geography.get();
  public final List<Person> persons = new ArrayList<>();
  public final List<Network> networks = new ArrayList<>();
  public final List<Account> accounts = new ArrayList<>();
  /** Legit travellers who use each official crossing, with cumulative travel weights for sampling. */
  public final Map<String, int[]> travellersByCrossing = new LinkedHashMap<>();
  public final Map<String, double[]> travelWeights = new HashMap<>();
  /** Legit people with accounts (remittances, trade), per country. */
  public final Map<Country, List<Integer>> legitAccountHolders = new HashMap<>();
  /** Legit employers and recruitment agencies that post honest job offers. */
  public final List<Integer> honestEmployers = new ArrayList<>();
  /** Remittance agents (hundi/hawala): legitimate pass-through accounts that look like mules. */
  public final List<Integer> remittanceAgents = new ArrayList<>();
  /** Busy traders whose accounts have many counterparties (fan-in/fan-out without crime). */
  public final List<Integer> traders = new ArrayList<>();

  private int nextAccountSeq = 1;
  private final java.util.Set<String> accountNumbers = new java.util.HashSet<>();
  /** The week the dynamics are in (people created now are exported from this week on). */
  public int currentWeek;
  private final Map<Integer, List<Integer>> createdByWeek = new HashMap<>();
  /** Legit remittance pairs: {worker account, family account}. */
  public final List<int[]> remittancePairs = new ArrayList<>();

  /** People created in a week (their social profiles are exported that week). */
  public List<Integer> personsCreatedIn(int week) {
    return createdByWeek.getOrDefault(week, List.of());
  }

  /** Accounts by the week they were opened (their KYC records are exported that week). */
  private final Map<Integer, List<Integer>> openedByWeek = new HashMap<>();

  public List<Integer> accountsOpenedIn(int week) {
    return openedByWeek.getOrDefault(week, List.of());
  }

  public World(long seed, Scale scale, IsoWeek startWeek) {
    this.seed = seed;
    this.scale = scale;
    this.startWeek = startWeek;
    Rng rng = Rng.stream(seed, "world");
    buildTravellers(rng);
    buildLegitEconomy(rng);
    List<String> families = geo.families();
    for (int i = 0; i < scale.networks(); i++) {
      // every route family gets networks; their kinds mix smuggling and trafficking
      String family = families.get(i % families.size());
      Network.Kind kind = family.startsWith("scam") ? Network.Kind.SCAM
          : (i / families.size() + i) % 3 == 2 ? Network.Kind.TRAFFICKING : Network.Kind.SMUGGLING;
      buildNetwork(kind, family, 0, -1, rng);
    }
  }

  public LocalDate dateOf(int week) {
    return startWeek.plus(week).start();
  }

  // ---- people ----

  public Person newPerson(Ethnicity e, Place home, Role role, Rng rng, int ageMin, int ageMax) {
    return newPerson(e, home, role, rng, ageMin, ageMax, false);
  }

  /** A new person; travellers through official checkpoints always hold a document. */
  public Person newPerson(Ethnicity e, Place home, Role role, Rng rng, int ageMin, int ageMax, boolean documented) {
    Person created = newPersonUnindexed(e, home, role, rng, ageMin, ageMax, documented);
    created.createdWeek = currentWeek;
    createdByWeek.computeIfAbsent(currentWeek, k -> new ArrayList<>()).add(created.id);
    return created;
  }

  private Person newPersonUnindexed(Ethnicity e, Place home, Role role, Rng rng, int ageMin, int ageMax,
      boolean documented) {
    boolean female = switch (role) {
      case VICTIM -> rng.chance(0.6);
      case LEADER, TRANSPORTER, BOAT_OPERATOR, FORGER -> rng.chance(0.1);
      case RECRUITER -> rng.chance(0.45);
      default -> rng.chance(0.45);
    };
    LocalDate dob = dateOf(0).minusYears(rng.between(ageMin, ageMax)).minusDays(rng.nextInt(365));
    Country nat = e.nationality();
    Person p = new Person(persons.size(), e, nat, female, dob, NameGenerator.generate(e, female, rng),
        e == Ethnicity.ROHINGYA || !documented && rng.chance(role == Role.VICTIM || role == Role.MIGRANT ? 0.35 : 0.05)
            ? null
            : Identifiers.passport(nat, rng),
        home, role);
    Country phoneCountry = nat != null ? nat : home.country();
    if (role != Role.VICTIM && role != Role.MIGRANT || rng.chance(0.7)) {
      p.phones.add(Identifiers.mobile(phoneCountry, rng));
    }
    persons.add(p);
    return p;
  }

  /** Ethnicity drawn for people from a place (minorities and Rohingya where they live). */
  public static Ethnicity ethnicityAt(Place home, Rng rng) {
    return switch (home.country()) {
      case MMR -> switch (home.id()) {
        case "hpa-an" -> rng.chance(0.6) ? Ethnicity.KAREN : Ethnicity.BURMESE;
        case "taunggyi" -> rng.chance(0.6) ? Ethnicity.SHAN : Ethnicity.BURMESE;
        case "sittwe" -> rng.chance(0.8) ? Ethnicity.ROHINGYA : Ethnicity.BURMESE;
        default -> Ethnicity.BURMESE;
      };
      case BGD -> Ethnicity.ROHINGYA;
      // Thai hubs: migrants who already work in Thailand move on to Malaysia
      case THA -> switch (rng.weighted(new double[] {0.4, 0.25, 0.15, 0.2})) {
        case 0 -> Ethnicity.BURMESE;
        case 1 -> Ethnicity.KHMER;
        case 2 -> Ethnicity.LAO;
        default -> Ethnicity.THAI;
      };
      default -> Ethnicity.forCountry(home.country());
    };
  }

  public Account newAccount(Person holder, Account.Channel channel, int week, Place where, Rng rng) {
    Country c = where.country();
    String provider = provider(c, channel, rng);
    String number = switch (channel) {
      case BANK -> rng.digits(3) + "-" + rng.digits(1) + "-" + rng.digits(5) + "-" + rng.digits(1);
      case MOBILE_MONEY -> "W" + rng.digits(10);
      case REMITTANCE_AGENT -> "AG-" + rng.chars("ABCDEFGHJKLMNPQRSTUVWXYZ", 2) + rng.digits(4);
    };
    double lat = where.lat() + rng.uniform(-0.05, 0.05);
    double lon = where.lon() + rng.uniform(-0.05, 0.05);
    String code = provider.replaceAll("[^A-Za-z]", "").toUpperCase(java.util.Locale.ROOT);
    code = code.length() > 6 ? code.substring(0, 6) : code;
    String full = code + "-" + number;
    while (!accountNumbers.add(full)) {
      full = code + "-" + number + "-" + nextAccountSeq++;
    }
    Account a = new Account(accounts.size(), full, holder.id, channel, provider, c, week, where.name(), lat, lon);
    accounts.add(a);
    holder.accounts.add(a.id);
    openedByWeek.computeIfAbsent(week, k -> new ArrayList<>()).add(a.id);
    return a;
  }

  /** An account near a crossing point (safe-house keepers live by the border). */
  public Account newAccountNear(Person holder, CrossingPoint cp, int week, Rng rng) {
    Country c = cp.to() == Country.MMR || cp.to() == Country.KHM || cp.to() == Country.LAO ? cp.from() : cp.to();
    Place near = new Place(cp.id() + "-town", townNear(cp), c, cp.lat() + rng.uniform(-0.08, 0.08),
        cp.lon() + rng.uniform(-0.08, 0.08), Place.Kind.DESTINATION);
    return newAccount(holder, rng.chance(0.6) ? Account.Channel.MOBILE_MONEY : Account.Channel.BANK, week, near, rng);
  }

  private static String townNear(CrossingPoint cp) {
    String n = cp.name();
    int dash = n.indexOf(" – ");
    if (dash > 0) {
      return n.substring(0, dash);
    }
    return n.replaceFirst("^(Mekong at|Moei river (north|south) of|Sa Kaeo jungle) ", "").replace(" landing", "")
        .replace(" coast", "");
  }

  private static String provider(Country c, Account.Channel ch, Rng rng) {
    return switch (ch) {
      case BANK -> switch (c) {
        case THA -> rng.pick("Kasikornbank", "Bangkok Bank", "Krungthai Bank", "SCB");
        case MMR -> rng.pick("KBZ Bank", "AYA Bank", "CB Bank");
        case LAO -> rng.pick("BCEL", "LDB");
        case KHM -> rng.pick("ABA Bank", "ACLEDA");
        case VNM -> rng.pick("Vietcombank", "Agribank", "BIDV");
        case MYS -> rng.pick("Maybank", "CIMB", "Public Bank");
        case IDN -> rng.pick("BCA", "BRI", "Mandiri");
        case BGD -> rng.pick("Sonali Bank", "BRAC Bank");
      };
      case MOBILE_MONEY -> switch (c) {
        case THA -> "TrueMoney";
        case MMR -> rng.pick("Wave Money", "KBZPay");
        case LAO -> "M-Money";
        case KHM -> rng.pick("Wing", "TrueMoney KH");
        case VNM -> "MoMo";
        case MYS -> "Touch 'n Go";
        case IDN -> rng.pick("GoPay", "OVO");
        case BGD -> "bKash";
      };
      case REMITTANCE_AGENT -> "Agent " + c.alpha2();
    };
  }

  // ---- construction ----

  private void buildTravellers(Rng rng) {
    double f = scale.factor();
    List<CrossingPoint> officials = geo.crossings().stream().filter(CrossingPoint::official).toList();
    for (CrossingPoint cp : officials) {
      int n = Math.max(40, (int) Math.round(15000 * f * busyness(cp) / officials.size()));
      int[] ids = new int[n];
      double[] w = new double[n];
      double cum = 0;
      for (int i = 0; i < n; i++) {
        Country c = rng.chance(0.55) ? cp.from() : cp.to();
        Place home = homeIn(c, cp, rng);
        Ethnicity e = c == Country.MMR && rng.chance(0.2) ? Ethnicity.KAREN : Ethnicity.forCountry(c);
        Person p = newPerson(e, home, Role.LEGIT, rng, 18, 70, true);
        p.travelRate = rng.chance(0.06) ? rng.uniform(0.5, 1.5) : rng.chance(0.3) ? rng.uniform(0.05, 0.3) : 0.02;
        if (rng.chance(0.15)) {
          p.handle = uniqueHandle(p.name.given() + " " + p.name.family(), rng);
        }
        if (rng.chance(0.25)) {
          newAccount(p, rng.chance(0.5) ? Account.Channel.BANK : Account.Channel.MOBILE_MONEY, 0, p.home, rng);
          legitAccountHolders.computeIfAbsent(c, k -> new ArrayList<>()).add(p.id);
          if (p.travelRate > 0.5 && rng.chance(0.3)) {
            traders.add(p.id);
          }
        }
        ids[i] = p.id;
        cum += p.travelRate;
        w[i] = cum;
      }
      travellersByCrossing.put(cp.id(), ids);
      travelWeights.put(cp.id(), w);
    }
  }

  /** Relative traffic of an official crossing. */
  public static double busyness(CrossingPoint cp) {
    return switch (cp.id()) {
      case "mae-sot", "aranyaprathet", "sadao", "nong-khai", "bavet" -> 3.0;
      case "mae-sai", "mukdahan", "padang-besar", "sungai-kolok", "hat-lek" -> 1.5;
      default -> 0.8;
    };
  }

  private Place homeIn(Country c, CrossingPoint cp, Rng rng) {
    List<Place> candidates = new ArrayList<>();
    for (Place p : geo.places()) {
      if (p.country() == c && p.kind() != Place.Kind.SCAM_COMPOUND) {
        candidates.add(p);
      }
    }
    candidates.sort((a, b) -> Double.compare(Geography.km(a.lat(), a.lon(), cp.lat(), cp.lon()),
        Geography.km(b.lat(), b.lon(), cp.lat(), cp.lon())));
    return candidates.get(Math.min(candidates.size() - 1, rng.chance(0.7) ? 0 : rng.nextInt(candidates.size())));
  }

  private void buildLegitEconomy(Rng rng) {
    double f = scale.factor();
    List<Place> dests = geo.places().stream().filter(p -> p.kind() == Place.Kind.DESTINATION).toList();
    int employers = Math.max(6, (int) Math.round(40 * f));
    for (int i = 0; i < employers; i++) {
      Place at = rng.pick(dests);
      Person p = newPerson(Ethnicity.forCountry(at.country()), at, Role.LEGIT, rng, 28, 60);
      p.handle = "jobs." + uniqueHandle(p.name.family().isEmpty() ? p.name.given() : p.name.family(), rng);
      newAccount(p, Account.Channel.BANK, 0, at, rng);
      honestEmployers.add(p.id);
    }
    int agents = Math.max(3, (int) Math.round(12 * f));
    for (int i = 0; i < agents; i++) {
      Place at = rng.pick(dests);
      Person p = newPerson(Ethnicity.forCountry(at.country()), at, Role.LEGIT, rng, 30, 60);
      newAccount(p, Account.Channel.REMITTANCE_AGENT, 0, at, rng);
      remittanceAgents.add(p.id);
    }
    // Migrant workers with legal status who remit home, and their families
    List<Place> sources = geo.places().stream().filter(p -> p.kind() == Place.Kind.SOURCE).toList();
    int workers = Math.max(30, (int) Math.round(1500 * f));
    for (int i = 0; i < workers; i++) {
      Place home = rng.pick(sources);
      Place work = rng.pick(dests);
      Ethnicity e = ethnicityAt(home, rng);
      if (e == Ethnicity.ROHINGYA) {
        e = Ethnicity.BURMESE;
      }
      Person worker = newPerson(e, work, Role.LEGIT, rng, 18, 50);
      Account wa = newAccount(worker, rng.chance(0.6) ? Account.Channel.MOBILE_MONEY : Account.Channel.BANK, 0, work,
          rng);
      legitAccountHolders.computeIfAbsent(work.country(), k -> new ArrayList<>()).add(worker.id);
      if (rng.chance(0.3)) {
        worker.handle = uniqueHandle(worker.name.given() + " " + worker.name.family(), rng);
      }
      Person family = newPerson(e, home, Role.FAMILY, rng, 35, 70);
      Account fa = newAccount(family, rng.chance(0.5) ? Account.Channel.MOBILE_MONEY : Account.Channel.BANK, 0, home,
          rng);
      legitAccountHolders.computeIfAbsent(home.country(), k -> new ArrayList<>()).add(family.id);
      remittancePairs.add(new int[] {wa.id, fa.id});
    }
  }

  /** Creates a network with members in every role, corridors from its home country, and its accounts. */
  public Network buildNetwork(Network.Kind kind, String family, int week, int parent, Rng rng) {
    List<Corridor> all = geo.corridors();
    Corridor seedCorridor = rng.pick(all.stream().filter(c -> c.family().equals(family)).toList());
    Network n = new Network(networks.size(), kind, seedCorridor.originCountry(), week);
    n.parent = parent;
    // corridors: same origin region group, crossings on the same stretch, a couple of destinations
    for (Corridor c : all) {
      boolean sameOrigin = c.origin().equals(seedCorridor.origin());
      boolean sameStretch = c.crossing().stretch().equals(seedCorridor.crossing().stretch());
      boolean sameDest = c.destination().equals(seedCorridor.destination());
      if (sameOrigin && sameStretch && (sameDest || rng.chance(0.3))) {
        n.corridors.add(c);
      }
    }
    n.rate = rng.uniform(1.0, 3.0);
    networks.add(n);
    Place origin = seedCorridor.origin();
    Place dest = seedCorridor.destination();
    CrossingPoint cp = seedCorridor.crossing();
    Ethnicity e = ethnicityAt(origin, rng) == Ethnicity.ROHINGYA ? Ethnicity.BURMESE : ethnicityAt(origin, rng);
    Ethnicity destE = Ethnicity.forCountry(dest.country());
    addMember(n, Role.LEADER, destE == Ethnicity.THAI && rng.chance(0.4) ? destE : e, rng.chance(0.5) ? dest : origin,
        week, rng);
    for (int i = 0, k = rng.between(1, 2); i < k; i++) {
      addMember(n, Role.COORDINATOR, e, origin, week, rng);
    }
    for (int i = 0, k = rng.between(2, 4); i < k; i++) {
      addMember(n, Role.RECRUITER, e, origin, week, rng);
    }
    boolean sea = n.corridors.stream().anyMatch(Corridor::sea);
    for (int i = 0, k = rng.between(2, 4); i < k; i++) {
      Person t = addMember(n, Role.TRANSPORTER, rng.chance(0.5) ? e : Ethnicity.forCountry(cp.to()), origin, week, rng);
      String plate = Identifiers.plate(t.nationality == null ? cp.to() : t.nationality, rng);
      n.vehicles.add(plate);
    }
    if (sea) {
      for (int i = 0, k = rng.between(1, 2); i < k; i++) {
        addMember(n, Role.BOAT_OPERATOR, e, origin, week, rng);
      }
    }
    if (rng.chance(0.6)) {
      addMember(n, Role.FORGER, e, origin, week, rng);
    }
    for (int i = 0, k = rng.between(1, 2); i < k; i++) {
      Person s = addMember(n, Role.SAFE_HOUSE, Ethnicity.forCountry(cp.to()), dest, week, rng);
      Account a = newAccountNear(s, cp, week, rng);
      assign(a, n, "safe_house");
    }
    Person fin = addMember(n, Role.FINANCIER, e, rng.chance(0.5) ? dest : origin, week, rng);
    Account finAcc = newAccount(fin, Account.Channel.BANK, week, fin.home, rng);
    assign(finAcc, n, "financier");
    Person leader = member(n, Role.LEADER);
    Account leadAcc = newAccount(leader, Account.Channel.BANK, week, leader.home, rng);
    assign(leadAcc, n, "leader");
    for (int recruiter : n.members(Role.RECRUITER)) {
      Account col = newAccount(persons.get(recruiter), Account.Channel.MOBILE_MONEY, week, origin, rng);
      assign(col, n, "collection");
    }
    for (int i = 0, k = rng.between(2, 5); i < k; i++) {
      Place where = rng.chance(0.5) ? dest : origin;
      Person m = addMember(n, Role.MULE, ethnicityAt(where, rng) == Ethnicity.ROHINGYA ? Ethnicity.BURMESE
          : ethnicityAt(where, rng), where, week, rng);
      Account a = newAccount(m, rng.chance(0.5) ? Account.Channel.MOBILE_MONEY : Account.Channel.BANK, week, where, rng);
      assign(a, n, "mule");
    }
    if (kind != Network.Kind.SMUGGLING || rng.chance(0.3)) {
      for (int i = 0, k = rng.between(1, 2); i < k; i++) {
        addMember(n, Role.EMPLOYER, destE, dest, week, rng);
      }
    }
    for (int t : n.members(Role.TRANSPORTER)) {
      persons.get(t).travelRate = 0.5;
    }
    return n;
  }

  public Person addMember(Network n, Role role, Ethnicity e, Place home, int week, Rng rng) {
    Person p = newPerson(e, home, role, rng, 22, 58);
    p.network = n.id;
    if (p.phones.isEmpty()) {
      p.phones.add(Identifiers.mobile(p.nationality != null ? p.nationality : home.country(), rng));
    }
    if (rng.chance(0.4)) {
      p.phones.add(Identifiers.mobile(p.nationality != null ? p.nationality : home.country(), rng));
    }
    if (role == Role.RECRUITER || role == Role.COORDINATOR || rng.chance(0.2)) {
      p.handle = uniqueHandle(p.name.given(), rng);
    }
    n.members(role).add(p.id);
    return p;
  }

  /** An active member in a role, or null. */
  public Person member(Network n, Role role) {
    for (int id : n.members(role)) {
      if (persons.get(id).arrestedWeek < 0) {
        return persons.get(id);
      }
    }
    return null;
  }

  public List<Person> activeMembers(Network n, Role role, int week) {
    List<Person> out = new ArrayList<>();
    for (int id : n.members(role)) {
      Person p = persons.get(id);
      if (p.active(week)) {
        out.add(p);
      }
    }
    return out;
  }

  public List<Account> accountsOf(Network n, String use) {
    List<Account> out = new ArrayList<>();
    for (int id : n.accounts.getOrDefault(use, List.of())) {
      out.add(accounts.get(id));
    }
    return out;
  }

  private final java.util.Set<String> handles = new java.util.HashSet<>();

  /** A handle no one else has (platforms enforce it). */
  public String uniqueHandle(String latinName, Rng rng) {
    String h = Identifiers.handle(latinName, rng);
    while (!handles.add(h)) {
      h = Identifiers.handle(latinName, rng) + rng.digits(2);
    }
    return h;
  }

  /** Puts an account to a network's use (collection, mule, financier, leader, safe_house). */
  public void assign(Account a, Network n, String use) {
    a.network = n.id;
    a.use = use;
    n.accounts.computeIfAbsent(use, k -> new ArrayList<>()).add(a.id);
  }
}
