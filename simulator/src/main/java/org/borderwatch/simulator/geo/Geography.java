package org.borderwatch.simulator.geo;

import static org.borderwatch.simulator.geo.Country.BGD;
import static org.borderwatch.simulator.geo.Country.IDN;
import static org.borderwatch.simulator.geo.Country.KHM;
import static org.borderwatch.simulator.geo.Country.LAO;
import static org.borderwatch.simulator.geo.Country.MMR;
import static org.borderwatch.simulator.geo.Country.MYS;
import static org.borderwatch.simulator.geo.Country.THA;
import static org.borderwatch.simulator.geo.Country.VNM;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.borderwatch.simulator.geo.CrossingPoint.Type;
import org.borderwatch.simulator.geo.Place.Kind;

/**
 * The real geography of the simulated region (coordinates ±5 km): source regions, destinations, scam
 * compounds, official crossings, informal border segments, sea landings, and the corridors between them.
 */
public final class Geography {
  private final Map<String, Place> places = new LinkedHashMap<>();
  private final Map<String, CrossingPoint> crossings = new LinkedHashMap<>();
  private final List<Corridor> corridors = new ArrayList<>();
  private final List<String> families = new ArrayList<>();

  private static final Geography INSTANCE = new Geography();

  public static Geography get() {
    return INSTANCE;
  }

  private Geography() {
    // Sources
    place("hpa-an", "Hpa-an, Kayin", MMR, 16.89, 97.63, Kind.SOURCE);
    place("yangon", "Yangon", MMR, 16.84, 96.17, Kind.SOURCE);
    place("mandalay", "Mandalay", MMR, 21.97, 96.08, Kind.SOURCE);
    place("taunggyi", "Taunggyi, Shan", MMR, 20.78, 97.04, Kind.SOURCE);
    place("sittwe", "Sittwe, Rakhine", MMR, 20.15, 92.90, Kind.SOURCE);
    place("coxs-bazar", "Cox's Bazar", BGD, 21.43, 92.00, Kind.SOURCE);
    place("vientiane", "Vientiane", LAO, 17.97, 102.60, Kind.SOURCE);
    place("savannakhet", "Savannakhet", LAO, 16.55, 104.75, Kind.SOURCE);
    place("pakse", "Pakse", LAO, 15.12, 105.80, Kind.SOURCE);
    place("battambang", "Battambang", KHM, 13.10, 103.20, Kind.SOURCE);
    place("serei-saophoan", "Serei Saophoan", KHM, 13.59, 102.97, Kind.SOURCE);
    place("phnom-penh", "Phnom Penh", KHM, 11.56, 104.92, Kind.SOURCE);
    place("prey-veng", "Prey Veng", KHM, 11.48, 105.32, Kind.SOURCE);
    place("vinh", "Vinh, Nghe An", VNM, 18.68, 105.68, Kind.SOURCE);
    place("thanh-hoa", "Thanh Hoa", VNM, 19.81, 105.78, Kind.SOURCE);
    place("ha-giang", "Ha Giang", VNM, 22.83, 104.98, Kind.SOURCE);
    place("hanoi", "Hanoi", VNM, 21.03, 105.85, Kind.SOURCE);
    place("tanjung-balai", "Tanjung Balai, Sumatra", IDN, 2.97, 99.80, Kind.SOURCE);
    place("dumai", "Dumai, Riau", IDN, 1.68, 101.45, Kind.SOURCE);
    place("pontianak", "Pontianak, West Kalimantan", IDN, -0.03, 109.34, Kind.SOURCE);
    // Destinations
    place("bangkok", "Bangkok", THA, 13.75, 100.50, Kind.DESTINATION);
    place("samut-sakhon", "Samut Sakhon (Mahachai)", THA, 13.55, 100.27, Kind.DESTINATION);
    place("chiang-mai", "Chiang Mai", THA, 18.79, 98.98, Kind.DESTINATION);
    place("pattaya", "Pattaya", THA, 12.93, 100.88, Kind.DESTINATION);
    place("phuket", "Phuket", THA, 7.88, 98.39, Kind.DESTINATION);
    place("songkhla", "Songkhla", THA, 7.19, 100.59, Kind.DESTINATION);
    place("kuala-lumpur", "Kuala Lumpur", MYS, 3.14, 101.69, Kind.DESTINATION);
    place("johor-bahru", "Johor Bahru", MYS, 1.49, 103.74, Kind.DESTINATION);
    place("penang", "Penang", MYS, 5.41, 100.33, Kind.DESTINATION);
    place("kota-kinabalu", "Kota Kinabalu", MYS, 5.98, 116.07, Kind.DESTINATION);
    place("kuching", "Kuching, Sarawak", MYS, 1.55, 110.35, Kind.DESTINATION);
    // Scam compounds (forced online fraud)
    place("shwe-kokko", "Shwe Kokko", MMR, 16.85, 98.52, Kind.SCAM_COMPOUND);
    place("kk-park", "KK Park", MMR, 16.60, 98.60, Kind.SCAM_COMPOUND);
    place("sihanoukville", "Sihanoukville", KHM, 10.63, 103.52, Kind.SCAM_COMPOUND);
    place("golden-triangle", "Golden Triangle SEZ", LAO, 20.35, 100.10, Kind.SCAM_COMPOUND);

    // Official crossings (sensor coverage: the checkpoint records everyone who passes it)
    official("mae-sot", "Mae Sot – Myawaddy", MMR, THA, 16.70, 98.53, "th-mm-moei");
    official("mae-sai", "Mae Sai – Tachileik", MMR, THA, 20.44, 99.88, "th-mm-north");
    official("three-pagodas", "Three Pagodas Pass", MMR, THA, 15.30, 98.40, "th-mm-west");
    official("ranong", "Ranong – Kawthaung", MMR, THA, 9.97, 98.58, "th-mm-south");
    official("aranyaprathet", "Aranyaprathet – Poipet", KHM, THA, 13.67, 102.53, "th-kh-sakaeo");
    official("hat-lek", "Hat Lek – Cham Yeam", KHM, THA, 11.66, 102.91, "th-kh-coast");
    official("chong-chom", "Chong Chom – O'Smach", KHM, THA, 14.43, 103.70, "th-kh-north");
    official("nong-khai", "Nong Khai – Vientiane", LAO, THA, 17.88, 102.72, "th-la-vientiane");
    official("nakhon-phanom", "Nakhon Phanom – Thakhek", LAO, THA, 17.47, 104.76, "th-la-mid");
    official("mukdahan", "Mukdahan – Savannakhet", LAO, THA, 16.60, 104.74, "th-la-mid");
    official("chong-mek", "Chong Mek – Vang Tao", LAO, THA, 15.09, 105.57, "th-la-south");
    official("chiang-khong", "Chiang Khong – Houayxay", LAO, THA, 20.22, 100.43, "th-la-north");
    official("sadao", "Sadao – Bukit Kayu Hitam", THA, MYS, 6.64, 100.42, "th-my-west");
    official("padang-besar", "Padang Besar", THA, MYS, 6.66, 100.32, "th-my-west");
    official("sungai-kolok", "Sungai Kolok – Rantau Panjang", THA, MYS, 6.03, 101.97, "th-my-east");
    official("bavet", "Bavet – Moc Bai", VNM, KHM, 11.07, 106.19, "kh-vn");
    official("lao-bao", "Dansavanh – Lao Bao", VNM, LAO, 16.62, 106.60, "la-vn");
    official("cau-treo", "Nam Phao – Cau Treo", VNM, LAO, 18.38, 105.15, "la-vn");
    official("entikong", "Tebedu – Entikong", IDN, MYS, 1.02, 110.36, "my-id-borneo");

    // Informal segments of land border and river
    informal("moei-north", "Moei river north of Mae Sot", MMR, THA, 16.82, 98.49, "th-mm-moei", 12, 0.15);
    informal("moei-south", "Moei river south of Mae Sot", MMR, THA, 16.52, 98.66, "th-mm-moei", 15, 0.10);
    informal("umphang", "Umphang forest trails", MMR, THA, 16.02, 98.86, "th-mm-moei", 20, 0.05);
    informal("sangkhla", "Sangkhla Buri jungle", MMR, THA, 15.20, 98.47, "th-mm-west", 18, 0.05);
    informal("kanchanaburi", "Kanchanaburi hills", MMR, THA, 14.62, 98.64, "th-mm-west", 20, 0.05);
    informal("mae-sai-hills", "Mae Sai hills", MMR, THA, 20.38, 99.96, "th-mm-north", 12, 0.10);
    informal("mekong-chiang-khong", "Mekong at Chiang Khong", LAO, THA, 20.27, 100.37, "th-la-north", 10, 0.10);
    informal("mekong-nong-khai", "Mekong at Nong Khai", LAO, THA, 17.92, 102.52, "th-la-vientiane", 15, 0.15);
    informal("mekong-bueng-kan", "Mekong at Bueng Kan", LAO, THA, 18.36, 103.65, "th-la-vientiane", 15, 0.05);
    informal("mekong-nakhon-phanom", "Mekong at Nakhon Phanom", LAO, THA, 17.36, 104.79, "th-la-mid", 12, 0.10);
    informal("mekong-mukdahan", "Mekong south of Mukdahan", LAO, THA, 16.45, 104.76, "th-la-mid", 12, 0.05);
    informal("sakaeo-north", "Sa Kaeo jungle north", KHM, THA, 13.86, 102.62, "th-kh-sakaeo", 15, 0.10);
    informal("sakaeo-south", "Sa Kaeo jungle south", KHM, THA, 13.42, 102.38, "th-kh-sakaeo", 15, 0.05);
    informal("trat-coast", "Trat coast", KHM, THA, 12.08, 102.74, "th-kh-coast", 15, 0.05);
    informal("surin-forest", "Surin – O'Smach forest", KHM, THA, 14.36, 103.55, "th-kh-north", 15, 0.05);
    informal("songkhla-hills", "Songkhla hills", THA, MYS, 6.55, 100.55, "th-my-west", 15, 0.10);
    informal("satun-hills", "Satun hills", THA, MYS, 6.68, 100.12, "th-my-west", 12, 0.05);
    informal("golok-river", "Golok river", THA, MYS, 5.95, 101.86, "th-my-east", 12, 0.10);
    informal("tay-ninh", "Tay Ninh fields", VNM, KHM, 11.30, 106.05, "kh-vn", 15, 0.05);
    informal("chau-doc", "Chau Doc waterways", VNM, KHM, 10.75, 105.10, "kh-vn", 15, 0.05);
    informal("nghe-an-mountains", "Nghe An mountain trails", VNM, LAO, 19.20, 104.40, "la-vn", 20, 0.03);
    informal("sarawak-border", "Sarawak – Kalimantan border", IDN, MYS, 1.20, 110.85, "my-id-borneo", 25, 0.03);

    // Sea landings
    sea("andaman-ranong", "Ranong coast landing", MMR, THA, 9.80, 98.40, "andaman", 20, 0.05);
    sea("andaman-satun", "Satun coast landing", MMR, THA, 6.62, 99.95, "andaman", 20, 0.05);
    sea("andaman-langkawi", "Langkawi landing", MMR, MYS, 6.35, 99.80, "andaman", 15, 0.10);
    sea("andaman-penang", "Penang coast landing", MMR, MYS, 5.35, 100.25, "andaman", 15, 0.10);
    sea("malacca-port-klang", "Port Klang coast", IDN, MYS, 2.95, 101.30, "malacca", 20, 0.10);
    sea("malacca-coast", "Malacca coast", IDN, MYS, 2.20, 102.20, "malacca", 20, 0.05);
    sea("johor-coast", "Johor coast from Batam", IDN, MYS, 1.40, 103.85, "malacca", 15, 0.15);

    // Points no agency lists (not in conf/crossings.csv, not in the patrol rotation): trails used from the start
    // that were never recorded, and new ones that open as networks look for quieter ways. Some lie within the
    // forecast zones around a listed point, others far from any.
    unlisted("tha-song-yang", "Tha Song Yang river trails", MMR, THA, 17.55, 97.93, "th-mm-moei", 15, 0.02, 0);
    unlisted("mae-ramat", "Moei river at Mae Ramat", MMR, THA, 16.99, 98.47, "th-mm-moei", 10, 0.03, 26);
    unlisted("mekong-pak-chom", "Mekong at Pak Chom", LAO, THA, 18.03, 101.88, "th-la-vientiane", 15, 0.03, 12);
    unlisted("mekong-khong-chiam", "Mekong at Khong Chiam", LAO, THA, 15.32, 105.50, "th-la-south", 12, 0.03, 0);
    unlisted("pong-nam-ron", "Pong Nam Ron forest", KHM, THA, 12.90, 102.28, "th-kh-coast", 15, 0.02, 40);
    unlisted("betong-hills", "Betong hills", THA, MYS, 5.78, 101.07, "th-my-east", 12, 0.03, 60);
    unlisted("ha-tinh-trails", "Ha Tinh mountain trails", VNM, LAO, 18.05, 105.45, "la-vn", 18, 0.02, 8);
    unlisted("lubok-antu", "Lubok Antu trails", IDN, MYS, 1.05, 111.83, "my-id-borneo", 20, 0.02, 20);

    // Corridors by origin group: crossing options × destinations
    routes("mm-moei", List.of("hpa-an", "yangon", "mandalay"),
        List.of("mae-sot", "moei-north", "moei-south", "umphang", "three-pagodas", "sangkhla", "kanchanaburi",
            "tha-song-yang", "mae-ramat"),
        List.of("bangkok", "samut-sakhon", "chiang-mai"));
    routes("mm-north", List.of("taunggyi", "mandalay"), List.of("mae-sai", "mae-sai-hills", "mekong-chiang-khong"),
        List.of("chiang-mai", "bangkok"));
    routes("mm-ranong", List.of("yangon", "hpa-an"), List.of("ranong", "andaman-ranong"), List.of("phuket", "samut-sakhon"));
    routes("rohingya-andaman", List.of("sittwe", "coxs-bazar"), List.of("andaman-ranong", "andaman-satun", "andaman-langkawi",
        "andaman-penang"), List.of("kuala-lumpur", "penang"));
    routes("la-mekong", List.of("vientiane", "savannakhet", "pakse"), List.of("nong-khai", "mekong-nong-khai", "mekong-bueng-kan",
        "nakhon-phanom", "mekong-nakhon-phanom", "mukdahan", "mekong-mukdahan", "chong-mek", "mekong-pak-chom",
        "mekong-khong-chiam"),
        List.of("bangkok", "pattaya", "samut-sakhon"));
    routes("kh-sakaeo", List.of("battambang", "serei-saophoan", "phnom-penh", "prey-veng"), List.of("aranyaprathet",
        "sakaeo-north", "sakaeo-south", "hat-lek", "trat-coast", "chong-chom", "surin-forest", "pong-nam-ron"),
        List.of("bangkok", "pattaya", "samut-sakhon", "songkhla"));
    routes("vn-laos", List.of("vinh", "thanh-hoa", "ha-giang", "hanoi"),
        List.of("cau-treo", "lao-bao", "nghe-an-mountains", "ha-tinh-trails"),
        List.of("vientiane", "golden-triangle"));
    routes("vn-cambodia", List.of("vinh", "hanoi", "prey-veng", "phnom-penh"), List.of("bavet", "tay-ninh", "chau-doc"),
        List.of("sihanoukville", "phnom-penh"));
    // Onward from Thailand to Malaysia (people already in Thailand, origin = the Thai hub they leave from)
    routes("th-malaysia", List.of("songkhla", "bangkok"), List.of("sadao", "padang-besar", "songkhla-hills", "satun-hills",
        "sungai-kolok", "golok-river", "betong-hills"), List.of("kuala-lumpur", "penang", "johor-bahru"));
    // Into scam compounds near Myawaddy, recruited across the region, entering from Thailand
    routes("scam-myawaddy", List.of("bangkok", "chiang-mai"), List.of("mae-sot", "moei-north", "moei-south"),
        List.of("shwe-kokko", "kk-park"));
    routes("id-malacca", List.of("tanjung-balai", "dumai"), List.of("malacca-port-klang", "malacca-coast", "johor-coast"),
        List.of("kuala-lumpur", "johor-bahru"));
    routes("id-borneo", List.of("pontianak"), List.of("entikong", "sarawak-border", "lubok-antu"),
        List.of("kuching", "kota-kinabalu"));
  }

  private void place(String id, String name, Country c, double lat, double lon, Kind kind) {
    places.put(id, new Place(id, name, c, lat, lon, kind));
  }

  private void official(String id, String name, Country from, Country to, double lat, double lon, String stretch) {
    crossings.put(id, new CrossingPoint(id, name, Type.OFFICIAL, from, to, lat, lon, stretch, 1.0, 1.0));
  }

  private void informal(String id, String name, Country from, Country to, double lat, double lon, String stretch,
      double spreadKm, double sensor) {
    crossings.put(id, new CrossingPoint(id, name, Type.INFORMAL, from, to, lat, lon, stretch, spreadKm, sensor));
  }

  private void unlisted(String id, String name, Country from, Country to, double lat, double lon, String stretch,
      double spreadKm, double sensor, int opensWeek) {
    crossings.put(id, new CrossingPoint(id, name, Type.INFORMAL, from, to, lat, lon, stretch, spreadKm, sensor, false,
        opensWeek));
  }

  private void sea(String id, String name, Country from, Country to, double lat, double lon, String stretch,
      double spreadKm, double sensor) {
    crossings.put(id, new CrossingPoint(id, name, Type.SEA, from, to, lat, lon, stretch, spreadKm, sensor));
  }

  private void routes(String family, List<String> origins, List<String> crossingIds, List<String> destinations) {
    families.add(family);
    for (String o : origins) {
      for (String c : crossingIds) {
        for (String d : destinations) {
          Place origin = places.get(o);
          CrossingPoint cp = crossings.get(c);
          Place dest = places.get(d);
          double km = km(origin.lat(), origin.lon(), cp.lat(), cp.lon()) + km(cp.lat(), cp.lon(), dest.lat(), dest.lon());
          double typeCost = switch (cp.type()) {
            case OFFICIAL -> 1.6; // forged or borrowed documents, bribes
            case INFORMAL -> 1.0;
            case SEA -> 1.8;
          };
          corridors.add(new Corridor(o + ">" + c + ">" + d, family, origin, cp, dest, typeCost * (1 + km / 400.0)));
        }
      }
    }
  }

  public List<Place> places() {
    return List.copyOf(places.values());
  }

  public Place place(String id) {
    Place p = places.get(id);
    if (p == null) {
      throw new IllegalArgumentException("unknown place " + id);
    }
    return p;
  }

  public List<CrossingPoint> crossings() {
    return List.copyOf(crossings.values());
  }

  /** The points agencies know (the crossing list the pipeline is given), in a fixed order. */
  public List<CrossingPoint> listed() {
    return crossings.values().stream().filter(CrossingPoint::known).toList();
  }

  public CrossingPoint crossing(String id) {
    CrossingPoint c = crossings.get(id);
    if (c == null) {
      throw new IllegalArgumentException("unknown crossing " + id);
    }
    return c;
  }

  /** Route families (origin groups with their stretch of border), in a fixed order. */
  public List<String> families() {
    return Collections.unmodifiableList(families);
  }

  public List<Corridor> corridors() {
    return Collections.unmodifiableList(corridors);
  }

  /** Other crossing points on the same stretch of border (where displaced traffic goes). */
  public List<CrossingPoint> neighbours(CrossingPoint cp) {
    List<CrossingPoint> out = new ArrayList<>();
    for (CrossingPoint c : crossings.values()) {
      if (c != cp && c.stretch().equals(cp.stretch())) {
        out.add(c);
      }
    }
    return out;
  }

  /** Great-circle distance in km. */
  public static double km(double lat1, double lon1, double lat2, double lon2) {
    double r = 6371.0;
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
        + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * r * Math.asin(Math.sqrt(a));
  }
}
