package org.borderwatch.evaluation.lists;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Lists of people with benchmark-style corruption, independent of the simulated world: a population of persons
 * (English and Southeast Asian names, households sharing a family name, address and sometimes an email, twins sharing
 * a date of birth), each written once or several times with typos, swapped and missing fields, dates with a wrong
 * or swapped digit, document numbers that differ in one or two characters, nicknames and romanisation variants,
 * titles, and a column of true cluster ids. Pure and deterministic for a seed; a {@link Noise} level sets every rate.
 */
public final class NoisyPeople {
  private NoisyPeople() {}

  /** The columns written, the truth last. */
  public static final List<String> HEADER = List.of("id", "given_name", "family_name", "dob", "sex",
      "document_number", "email", "city", "address", "postcode", "cluster");

  /** Rates of one noise level (each per duplicate record and field unless said otherwise). */
  public record Noise(String name, double meanDuplicates, double typo, double secondTypo, double missing,
      double swapNames, double variant, double title, double dobTypo, double dobSwap, double docEdits,
      double otherEmail, double dateLayout) {
    public static final Noise LOW = new Noise("low", 0.8, 0.10, 0.05, 0.05, 0.03, 0.05, 0.03, 0.05, 0.03, 0.05, 0.10,
        0.10);
    public static final Noise MEDIUM = new Noise("medium", 1.5, 0.25, 0.15, 0.15, 0.10, 0.15, 0.10, 0.15, 0.08,
        0.20, 0.25, 0.25);
    public static final Noise HIGH = new Noise("high", 2.0, 0.40, 0.30, 0.30, 0.20, 0.25, 0.20, 0.25, 0.12, 0.35,
        0.40, 0.40);

    public static List<Noise> all() {
      return List.of(LOW, MEDIUM, HIGH);
    }

    public static Noise of(String name) {
      for (Noise n : all()) {
        if (n.name().equals(name)) {
          return n;
        }
      }
      throw new IllegalArgumentException("noise level '" + name + "': low, medium or high");
    }
  }

  static final String[] EN_MALE = {"james", "john", "robert", "michael", "william", "david", "richard", "joseph",
      "thomas", "charles", "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew",
      "joshua", "kenneth", "kevin", "brian", "george", "edward", "ronald", "timothy", "jason", "jeffrey", "ryan",
      "jacob", "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott", "brandon", "benjamin",
      "samuel", "gregory", "frank", "alexander", "raymond", "patrick", "jack", "dennis", "jerry", "henry", "peter"};
  static final String[] EN_FEMALE = {"mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan",
      "jessica", "sarah", "karen", "nancy", "lisa", "margaret", "betty", "sandra", "ashley", "dorothy", "kimberly",
      "emily", "donna", "michelle", "carol", "amanda", "melissa", "deborah", "stephanie", "rebecca", "laura", "sharon",
      "cynthia", "kathleen", "amy", "shirley", "angela", "helen", "anna", "brenda", "pamela", "nicole", "emma",
      "samantha", "katherine", "christine", "debra", "rachel", "catherine", "carolyn", "janet", "ruth", "maria",
      "heather", "diane", "olivia", "julie", "joyce", "victoria"};
  static final String[] EN_FAMILY = {"smith", "johnson", "williams", "brown", "jones", "garcia", "miller", "davis",
      "rodriguez", "martinez", "hernandez", "lopez", "wilson", "anderson", "thomas", "taylor", "moore", "jackson",
      "martin", "lee", "thompson", "white", "harris", "sanchez", "clark", "ramirez", "lewis", "robinson", "walker",
      "young", "allen", "king", "wright", "scott", "torres", "hill", "flores", "green", "adams", "nelson", "baker",
      "hall", "rivera", "campbell", "mitchell", "carter", "roberts", "phillips", "evans", "turner", "parker",
      "collins", "edwards", "stewart", "morris", "murphy", "cook", "rogers", "morgan", "cooper", "peterson", "reed",
      "bailey", "bell", "kelly", "howard", "ward", "cox", "richardson", "wood", "watson", "brooks", "bennett", "gray",
      "hughes", "price", "sanders", "myers", "long", "ross", "foster", "hales", "kemp", "fitzgerald", "oconnor"};
  static final String[] SEA_GIVEN = {"lan", "minh", "anh", "hung", "thanh", "tuan", "huong", "linh", "dung", "mai",
      "somchai", "malee", "somsak", "siriporn", "niran", "kanya", "aung", "kyaw", "thida", "zaw", "hnin", "myint",
      "sokha", "dara", "sophea", "vanna", "bopha", "souksavanh", "khamla", "noy", "siti", "nur", "ahmad", "ali",
      "budi", "dewi", "putri", "agus", "rizal", "farah"};
  static final String[] SEA_FAMILY = {"nguyen", "tran", "le", "pham", "hoang", "phan", "vu", "dang", "bui", "do",
      "srisuwan", "chaiyaporn", "wongsakul", "thongdee", "sukhum", "htun", "win", "oo", "naing", "chea", "sok", "kim",
      "meas", "phommachanh", "sisouk", "vongsa", "abdullah", "rahman", "ibrahim", "santoso", "wijaya", "hidayat"};

  static final Map<String, String> VARIANTS = Map.ofEntries(Map.entry("william", "bill"), Map.entry("robert", "bob"),
      Map.entry("elizabeth", "liz"), Map.entry("katherine", "kate"), Map.entry("michael", "mike"),
      Map.entry("james", "jim"), Map.entry("thomas", "tom"), Map.entry("richard", "rick"),
      Map.entry("margaret", "maggie"), Map.entry("jonathan", "jon"), Map.entry("christopher", "chris"),
      Map.entry("daniel", "dan"), Map.entry("matthew", "matt"), Map.entry("anthony", "tony"),
      Map.entry("joseph", "joe"), Map.entry("samuel", "sam"), Map.entry("benjamin", "ben"),
      Map.entry("alexander", "alex"), Map.entry("patricia", "pat"), Map.entry("jennifer", "jenny"),
      Map.entry("rebecca", "becky"), Map.entry("victoria", "vicky"), Map.entry("stephanie", "steph"),
      Map.entry("kyaw", "kyau"), Map.entry("htun", "tun"), Map.entry("somchai", "somchay"), Map.entry("chea", "chia"),
      Map.entry("souksavanh", "suksavan"), Map.entry("thongdee", "tongdi"), Map.entry("nguyen", "nguyễn"),
      Map.entry("tran", "trần"), Map.entry("pham", "phạm"), Map.entry("phommachanh", "phommachan"),
      Map.entry("myint", "myin"), Map.entry("siti", "sitti"), Map.entry("ahmad", "ahmed"));

  static final String[] TITLES = {"mr", "mrs", "dr", "sir", "ms"};
  static final String[] SUFFIXES = {"jr", "sr", "ii", "3rd baronet", "1st baronet"};

  static final String[] CITIES = {"canberra", "sydney", "melbourne", "brisbane", "perth", "adelaide", "hobart",
      "darwin", "bangkok", "chiang mai", "mae sot", "hanoi", "ho chi minh city", "da nang", "yangon", "mandalay",
      "phnom penh", "siem reap", "vientiane", "kuala lumpur", "johor bahru", "penang", "jakarta", "surabaya",
      "london", "manchester", "birmingham", "leeds", "glasgow", "bristol"};
  static final String[] STREETS = {"miller", "kent", "victoria", "george", "king", "queen", "church", "park",
      "station", "high", "mill", "chapel", "school", "north", "south", "west", "river", "hill", "forest", "lake",
      "sukhumvit", "rama", "nguyen hue", "le loi", "bogyoke", "monivong", "sisavang", "jalan merdeka"};
  static final String[] STREET_KINDS = {"street", "road", "avenue", "lane", "place", "crescent"};
  static final Map<String, String> ABBREVIATIONS = Map.of("street", "st", "road", "rd", "avenue", "ave", "lane", "ln",
      "place", "pl", "crescent", "cres");
  static final String[] DOMAINS = {"mail.com", "example.org", "post.net", "inbox.co", "web.io"};

  /** One person of the population. */
  record Person(String cluster, String given, String family, LocalDate dob, String sex, String document,
      String email, String city, String address, String postcode) {}

  /** The population: {@code persons} persons, a third of them in households of two to four. */
  static List<Person> population(int persons, SplittableRandom rnd) {
    List<Person> out = new ArrayList<>();
    int c = 0;
    while (out.size() < persons) {
      boolean household = rnd.nextInt(3) == 0;
      int size = household ? 2 + rnd.nextInt(3) : 1;
      boolean sea = rnd.nextInt(3) == 0;
      String family = zipf(sea ? SEA_FAMILY : EN_FAMILY, rnd);
      String city = zipf(CITIES, rnd);
      String address = (1 + rnd.nextInt(300)) + " " + pick(STREETS, rnd) + " " + pick(STREET_KINDS, rnd);
      String postcode = String.format(Locale.ROOT, "%04d", 1000 + rnd.nextInt(8999));
      String sharedEmail = household && rnd.nextInt(3) == 0 ? family + (rnd.nextInt(90) + 10) + "@" + pick(DOMAINS, rnd)
          : null;
      LocalDate twins = household && rnd.nextInt(6) == 0 ? date(1990, 2010, rnd) : null;
      for (int k = 0; k < size && out.size() < persons; k++) {
        String sex = rnd.nextBoolean() ? "M" : "F";
        String given = zipf(sea ? SEA_GIVEN : sex.equals("M") ? EN_MALE : EN_FEMALE, rnd);
        LocalDate dob = twins != null && k < 2 ? twins : date(1940, 2010, rnd);
        String doc = rnd.nextInt(10) < 8 ? String.valueOf(10_000_000 + rnd.nextInt(89_999_999)) : null;
        String email = sharedEmail != null ? sharedEmail : rnd.nextInt(10) < 7
            ? given + (rnd.nextBoolean() ? "." : "") + family + (rnd.nextInt(3) == 0 ? rnd.nextInt(100) : "") + "@"
            + pick(DOMAINS, rnd) : null;
        out.add(new Person("c" + (c++), given, family, dob, sex, doc, email, city, address, postcode));
      }
    }
    return out;
  }

  /**
   * A list: every person once, and duplicates (Poisson-like, with the level's mean) corrupted at the level's rates;
   * rows shuffled, ids opaque. Returns the header's columns.
   */
  public static List<String[]> generate(int persons, Noise noise, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<String[]> rows = new ArrayList<>();
    for (Person p : population(persons, rnd)) {
      rows.add(write(p, p.given(), p.family(), p.dob(), p.document(), p.email(), p.address(), p.city(), rnd, noise,
          false));
      int dups = poisson(noise.meanDuplicates(), rnd);
      for (int d = 0; d < dups; d++) {
        rows.add(corrupt(p, noise, rnd));
      }
    }
    for (int i = rows.size() - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      String[] t = rows.get(i);
      rows.set(i, rows.get(j));
      rows.set(j, t);
    }
    for (int i = 0; i < rows.size(); i++) {
      rows.get(i)[0] = String.format(Locale.ROOT, "r%06d", i);
    }
    return rows;
  }

  static String[] corrupt(Person p, Noise n, SplittableRandom rnd) {
    String given = p.given();
    String family = p.family();
    if (rnd.nextDouble() < n.variant()) {
      given = VARIANTS.getOrDefault(given, given);
      family = VARIANTS.getOrDefault(family, family);
    }
    given = typos(given, n, rnd);
    family = typos(family, n, rnd);
    if (rnd.nextDouble() < n.title()) {
      if (rnd.nextBoolean()) {
        given = pick(TITLES, rnd) + " " + given;
      } else {
        family = family + " " + pick(SUFFIXES, rnd);
      }
    }
    if (rnd.nextDouble() < n.swapNames()) {
      String t = given;
      given = family;
      family = t;
    }
    LocalDate dob = p.dob();
    String dobText = null;
    if (rnd.nextDouble() < n.dobSwap() && dob.getDayOfMonth() <= 12) {
      dob = LocalDate.of(dob.getYear(), dob.getDayOfMonth(), dob.getMonthValue());
    } else if (rnd.nextDouble() < n.dobTypo()) {
      dobText = digitTypo(String.format(Locale.ROOT, "%04d%02d%02d", dob.getYear(), dob.getMonthValue(),
          dob.getDayOfMonth()), rnd);
    }
    String doc = p.document();
    if (doc != null && rnd.nextDouble() < n.docEdits()) {
      doc = digitTypo(doc, rnd);
      if (rnd.nextBoolean()) {
        doc = digitTypo(doc, rnd);
      }
    }
    String email = p.email();
    if (email != null && rnd.nextDouble() < n.otherEmail()) {
      String local = email.substring(0, email.indexOf('@'));
      email = rnd.nextBoolean() ? local + "@" + pick(DOMAINS, rnd) : null; // a new provider, or none given
    }
    String address = p.address();
    if (rnd.nextDouble() < n.typo()) {
      for (Map.Entry<String, String> e : ABBREVIATIONS.entrySet()) {
        address = address.replace(e.getKey(), e.getValue());
      }
    }
    address = typos(address, n, rnd);
    String city = typos(p.city(), n, rnd);
    String[] row = write(p, given, family, dob, doc, email, address, city, rnd, n, true);
    if (dobText != null && !row[3].isEmpty()) {
      row[3] = dobText(dobText, rnd, n); // written from the digits: a typo may be no date at all (month 13)
    }
    return row;
  }

  private static String[] write(Person p, String given, String family, LocalDate dob, String doc, String email,
      String address, String city, SplittableRandom rnd, Noise n, boolean duplicate) {
    String[] row = new String[HEADER.size()];
    row[1] = given;
    row[2] = family;
    row[3] = dob == null ? null : rnd.nextDouble() < n.dateLayout()
        ? String.format(Locale.ROOT, "%02d/%02d/%04d", dob.getDayOfMonth(), dob.getMonthValue(), dob.getYear())
        : dob.toString();
    row[4] = p.sex();
    row[5] = doc;
    row[6] = email;
    row[7] = city;
    row[8] = address;
    row[9] = p.postcode();
    row[10] = p.cluster();
    if (duplicate) {
      for (int c = 1; c <= 9; c++) {
        if (rnd.nextDouble() < n.missing()) {
          row[c] = null;
        }
      }
    }
    for (int c = 1; c < row.length; c++) {
      if (row[c] == null) {
        row[c] = "";
      }
    }
    return row;
  }

  /** A date written from digits with a typo; a typo that is no date at all is kept as written (an invalid date). */
  private static String dobText(String digits, SplittableRandom rnd, Noise n) {
    String iso = digits.substring(0, 4) + "-" + digits.substring(4, 6) + "-" + digits.substring(6, 8);
    return rnd.nextDouble() < n.dateLayout() ? digits.substring(6, 8) + "/" + digits.substring(4, 6) + "/"
        + digits.substring(0, 4) : iso;
  }

  static String typos(String s, Noise n, SplittableRandom rnd) {
    if (s == null) {
      return null;
    }
    String out = s;
    if (rnd.nextDouble() < n.typo()) {
      out = typo(out, rnd);
      if (rnd.nextDouble() < n.secondTypo()) {
        out = typo(out, rnd);
      }
    }
    return out;
  }

  /** One edit: a letter changed, added, dropped, or two neighbours swapped (never the first letter). */
  static String typo(String s, SplittableRandom rnd) {
    if (s.length() < 3) {
      return s;
    }
    int i = 1 + rnd.nextInt(s.length() - 1);
    char c = (char) ('a' + rnd.nextInt(26));
    return switch (rnd.nextInt(4)) {
      case 0 -> s.substring(0, i) + c + s.substring(i + 1);
      case 1 -> s.substring(0, i) + c + s.substring(i);
      case 2 -> s.substring(0, i) + s.substring(i + 1);
      default -> i < s.length() - 1 ? s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2) : s;
    };
  }

  /** One digit changed (or two neighbours swapped). */
  static String digitTypo(String s, SplittableRandom rnd) {
    int i = rnd.nextInt(s.length());
    if (rnd.nextInt(4) == 0 && i < s.length() - 1) {
      return s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2);
    }
    char c = (char) ('0' + rnd.nextInt(10));
    return s.substring(0, i) + c + s.substring(i + 1);
  }

  private static LocalDate date(int fromYear, int toYear, SplittableRandom rnd) {
    long from = LocalDate.of(fromYear, 1, 1).toEpochDay();
    long to = LocalDate.of(toYear, 12, 31).toEpochDay();
    return LocalDate.ofEpochDay(from + rnd.nextLong(to - from));
  }

  private static String pick(String[] a, SplittableRandom rnd) {
    return a[rnd.nextInt(a.length)];
  }

  /** Common names are common: rank r drawn with weight 1/(r+3). */
  private static String zipf(String[] a, SplittableRandom rnd) {
    double total = 0;
    for (int r = 0; r < a.length; r++) {
      total += 1.0 / (r + 3);
    }
    double x = rnd.nextDouble() * total;
    for (int r = 0; r < a.length; r++) {
      x -= 1.0 / (r + 3);
      if (x <= 0) {
        return a[r];
      }
    }
    return a[a.length - 1];
  }

  private static int poisson(double mean, SplittableRandom rnd) {
    double l = Math.exp(-mean);
    int k = 0;
    double p = 1;
    do {
      k++;
      p *= rnd.nextDouble();
    } while (p > l);
    return k - 1;
  }

  /** The list as CSV text (RFC 4180 quoting where needed). */
  public static String csv(List<String[]> rows) {
    StringBuilder sb = new StringBuilder(String.join(",", HEADER)).append('\n');
    for (String[] r : rows) {
      for (int c = 0; c < r.length; c++) {
        String v = r[c];
        sb.append(c == 0 ? "" : ",").append(v.contains(",") || v.contains("\"") ? '"' + v.replace("\"", "\"\"") + '"'
            : v);
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
