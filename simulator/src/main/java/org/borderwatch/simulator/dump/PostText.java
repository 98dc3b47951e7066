package org.borderwatch.simulator.dump;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.borderwatch.simulator.Rng;
import org.borderwatch.simulator.names.NameVariants;

/**
 * Text of social-media posts in English and romanised Thai, Burmese, Khmer, Vietnamese and Malay/Indonesian,
 * often mixed. Deceptive job ads and smuggling offers carry some of the known indicators (unrealistic pay,
 * no experience, travel and documents arranged, fees or debt, private contact, urgency); honest ads carry
 * some too (entry-level jobs do need no experience), so no single phrase decides.
 */
public final class PostText {
  private PostText() {}

  /** Languages posts are written in. */
  public enum Lang { EN, TH, MY, KM, VI, MS }

  private static final String[][] NO_EXPERIENCE = {
      {"no experience needed", "no experience required", "no skills needed"},
      {"mai tong mee prasopkan", "mai chai prasopkan"},
      {"experience ma lo bu", "a-tweh-a-kyone ma lo"},
      {"min trov ka bot pisaot", "ot trov ka bot pisaot"},
      {"khong can kinh nghiem", "không cần kinh nghiệm"},
      {"tidak perlu pengalaman", "tak perlu pengalaman"}};
  private static final String[][] TRAVEL = {
      {"free ticket and passport arranged", "we arrange passport and visa", "transport and documents all arranged",
          "free transport to the border"},
      {"tham passport hai", "mee rot rap song", "jad kan ekkasan hai"},
      {"passport lote pay mal", "kar nae po pay mal", "lan kyaung a sin pyay"},
      {"chenh dom nae ot kit thlai", "yeung rov chat cheng passport"},
      {"bao ve may bay, lo giay to", "bao vé máy bay, lo giấy tờ", "co xe dua don tan noi"},
      {"tiket dan paspor diurus", "pengangkutan percuma"}};
  private static final String[][] DEBT = {
      {"pay later from your salary", "fee deducted from first salary", "no money? we lend you the fee",
          "small deposit only"},
      {"jai tee lang", "hak jak ngern duean"},
      {"la ga htae ka pyan nout mal", "a-kyway pay nine tal"},
      {"sang pel tov", "kat pi prak khe"},
      {"tra sau bang luong", "trả sau bằng lương", "khong can dat coc"},
      {"bayar selepas kerja", "potong gaji"}};
  private static final String[][] URGENT = {
      {"URGENT!!", "only 5 seats left", "leaving this week", "hurry, limited places"},
      {"duan!!", "duan mak", "reep nae"},
      {"a-lyin lo", "myan myan"},
      {"bon bon", "chenh sapda nih"},
      {"tuyen gap", "tuyển gấp", "gap gap!!"},
      {"segera!!", "cepat"}};
  private static final String[][] PRIVATE = {
      {"inbox only", "DM for details", "contact only by", "message me privately on"},
      {"tid tor inbox", "add LINE"},
      {"inbox pay par", "phone set par"},
      {"chat inbox", "tek tong"},
      {"ib zalo", "inbox rieng"},
      {"PM sahaja", "hubungi"}};
  private static final String[][] JOB = {
      {"factory work", "fishing boat crew", "construction work", "domestic helper", "restaurant staff",
          "fruit picking", "online customer service", "typing job", "marketing staff"},
      {"ngan rong ngan", "ngan ruea pramong", "ngan kosang", "maebaan", "ngan ran ahaan"},
      {"set ayone alote", "nga hpan hlay alote", "saut lote yay alote", "ein awl alote"},
      {"kar nguon rong chakr", "kar nguon touk nesat", "kar nguon sang sang"},
      {"lam cong nhan nha may", "lam tau ca", "lam xay dung", "giup viec nha", "cham soc khach hang online"},
      {"kerja kilang", "kerja ladang", "pembantu rumah", "kerja binaan"}};
  private static final String[][] WANTED = {
      {"Workers wanted", "Hiring now", "Job offer", "Jobs available", "We need workers"},
      {"rap samak ngan", "rap samak pak ngan"},
      {"alote a-lote thama lo ar tal", "alote shi tal"},
      {"trov ka kamakor", "reak kamakor"},
      {"tuyen lao dong", "tuyển lao động", "can nguoi lam"},
      {"kerja kosong", "jawatan kosong", "dicari pekerja"}};

  private static final String[] PLACES_TEXT = {"Bangkok", "Thailand", "Malaysia", "KL", "Mahachai", "Chiang Mai",
      "Pattaya", "Penang", "Johor", "Songkhla", "Phuket"};

  /**
   * @param destination where the job is said to be
   * @param via a crossing town the post mentions, or null
   * @param contact a phone number or handle to contact, or null
   */
  public static String deceptive(Lang lang, String destination, String via, String contact, boolean scam, Rng rng) {
    int l = lang.ordinal();
    List<String> parts = new ArrayList<>();
    parts.add(rng.pick(WANTED[l]) + (rng.chance(0.5) ? " " + destination : ""));
    String job = scam ? rng.pick("online customer service", "typing job", "marketing staff", "online sales",
        "data entry, Chinese company") : rng.pick(JOB[l]);
    parts.add(job + (rng.chance(0.6) ? " in " + destination : ""));
    // 2-4 of the six indicator kinds
    List<Integer> kinds = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5));
    Collections.shuffle(kinds, new java.util.Random(rng.nextLong()));
    int n = rng.between(2, 4);
    for (int i = 0; i < n; i++) {
      switch (kinds.get(i)) {
        case 0 -> parts.add(highPay(lang, rng));
        case 1 -> parts.add(rng.pick(NO_EXPERIENCE[l]));
        case 2 -> parts.add(rng.pick(TRAVEL[l]) + (via != null && rng.chance(0.6) ? " via " + via : ""));
        case 3 -> parts.add(rng.pick(DEBT[l]));
        case 4 -> parts.add(rng.pick(URGENT[l]));
        default -> parts.add(rng.pick(PRIVATE[l]));
      }
    }
    if (scam && rng.chance(0.6)) {
      parts.add(rng.pick("free food and room", "high commission", "basic computer skills", "age 18-35",
          "Chinese or English a plus"));
    }
    if (contact != null) {
      parts.add(rng.pick("contact", "call", "LINE", "WhatsApp", "Telegram", "Zalo", "tel") + " " + contact);
    }
    return finish(parts, rng);
  }

  public static String smugglingOffer(Lang lang, String destination, String via, String contact, Rng rng) {
    int l = lang.ordinal();
    List<String> parts = new ArrayList<>();
    parts.add(rng.pick("Can help go to " + destination, "Safe way to " + destination, "Going to " + destination
        + "?", lang == Lang.VI ? "di " + destination + " khong can ho chieu" : "no passport no problem",
        lang == Lang.TH ? "pai " + destination + " dai loei" : "cross border safe"));
    if (via != null && rng.chance(0.7)) {
      parts.add(rng.pick("via ", "route ", "pick up at ") + via);
    }
    parts.add(rng.pick("pay half before half after arrive", "price negotiable", "boat leaves soon",
        "car pick up at night", "many people already arrived safely"));
    if (rng.chance(0.5)) {
      parts.add(rng.pick(URGENT[l]));
    }
    if (rng.chance(0.4)) {
      parts.add(rng.pick(PRIVATE[l]));
    }
    if (contact != null) {
      parts.add(rng.pick("call", "inbox", "WhatsApp", "Telegram") + " " + contact);
    }
    return finish(parts, rng);
  }

  /**
   * An honest employer's ad. A lure ad is for well-paid work abroad (legal labour-migration schemes): it shares the
   * high pay, the arranged travel and the fee taken from the salary with deceptive ads.
   */
  public static String honest(Lang lang, String company, String destination, String contact, boolean lure,
      Rng rng) {
    int l = lang.ordinal();
    List<String> parts = new ArrayList<>();
    parts.add(rng.pick(WANTED[l]) + ": " + company);
    if (lure) {
      parts.add(rng.pick(JOB[l]) + " in " + rng.pick(ABROAD));
      parts.add(highPay(lang, rng));
      parts.add(rng.pick(TRAVEL[l]));
      if (rng.chance(0.6)) {
        parts.add(rng.pick(DEBT[l]));
      }
    } else {
      parts.add(rng.pick(JOB[l]) + " in " + destination);
      parts.add(normalPay(lang, rng));
    }
    parts.addAll(legalTerms(rng.between(2, 4), rng));
    // honest posts share some of the indicator words
    if (rng.chance(0.3)) {
      parts.add(rng.pick(NO_EXPERIENCE[l]));
    }
    if (rng.chance(0.2)) {
      parts.add(rng.pick(URGENT[l]));
    }
    if (contact != null) {
      parts.add(rng.pick("tel", "call", "office", "email jobs@" + company.toLowerCase().replaceAll("[^a-z]", "")
          + ".co.th") + " " + contact);
    }
    return finish(parts, rng);
  }

  /**
   * A deceptive ad written as an honest employer writes them: a company name, ordinary pay, legal-sounding
   * terms, and at most one of the warning signs.
   */
  public static String disguised(Lang lang, String company, String destination, String contact, boolean scam,
      Rng rng) {
    int l = lang.ordinal();
    List<String> parts = new ArrayList<>();
    parts.add(rng.pick(WANTED[l]) + ": " + company);
    String job = scam ? rng.pick("online customer service", "marketing staff", "data entry") : rng.pick(JOB[l]);
    parts.add(job + " in " + destination);
    parts.add(normalPay(lang, rng));
    parts.addAll(legalTerms(rng.between(1, 3), rng));
    if (rng.chance(0.5)) {
      parts.add(rng.pick(rng.pick(NO_EXPERIENCE[l], TRAVEL[l], PRIVATE[l])));
    }
    if (contact != null) {
      parts.add(rng.pick("tel", "call", "office", "contact") + " " + contact);
    }
    return finish(parts, rng);
  }

  private static final String[] ABROAD = {"Korea", "Japan", "Taiwan", "Malaysia", "Dubai", "Singapore"};

  private static List<String> legalTerms(int n, Rng rng) {
    List<String> extras = new ArrayList<>(List.of("legal MOU recruitment", "work permit provided by the company",
        "valid passport required", "apply at our office", "licence no. " + rng.between(10, 99) + "/" + rng.between(2560,
            2568), "social security and overtime pay", "interview at the company", "contract in your language",
        "accommodation provided", "training provided"));
    Collections.shuffle(extras, new java.util.Random(rng.nextLong()));
    return extras.subList(0, n);
  }

  public static String other(Lang lang, Rng rng) {
    String[] en = {"Anyone know the bus from Mae Sot to Bangkok?", "Selling motorbike good condition",
        "Happy Songkran everyone!", "Rain again today", "Looking for room to rent near the market",
        "Who is going home for Tet?", "Exchange rate today?", "Lost my wallet at the station, please help",
        "Anyone hiring? I have experience in construction", "Be careful of fake job offers!", "Passport office closed",
        "Good food at the night market", "My cousin got a job in Malaysia", "Visa run this weekend"};
    String[] local = {"sabai dee mai", "chuc mung nam moi", "mingalaba", "suasdei", "selamat pagi", "an com chua",
        "pai nai ma", "thanks everyone"};
    String t = rng.pick(en);
    if (lang != Lang.EN && rng.chance(0.5)) {
      t = rng.pick(local) + " " + t;
    }
    return t;
  }

  private static String highPay(Lang lang, Rng rng) {
    return switch (lang) {
      case TH -> rng.pick("ngern duean " + rng.between(25, 45) + ",000 baht", "salary " + rng.between(25, 45)
          + ",000 THB/month", "rai dai dee " + rng.between(1000, 2000) + " baht/wan");
      case VI -> rng.pick("luong " + rng.between(20, 40) + " trieu/thang", "lương " + rng.between(20, 40)
          + " triệu/tháng", "thu nhap $" + rng.between(1200, 2500));
      case MY -> "la ga " + rng.between(15, 30) + " thein, $" + rng.between(1000, 2000);
      case KM -> "prak khe $" + rng.between(1000, 2500);
      case MS -> "gaji RM" + rng.between(4, 9) + "000 sebulan";
      default -> rng.pick("salary $" + rng.between(1200, 3000) + "/month", "earn " + rng.between(30, 60)
          + ",000 baht a month", "high income $" + rng.between(1500, 3000));
    };
  }

  private static String normalPay(Lang lang, Rng rng) {
    return switch (lang) {
      case TH -> "ngern duean " + rng.between(9, 15) + ",000 baht + OT";
      case VI -> "luong " + rng.between(6, 12) + " trieu/thang";
      case MS -> "gaji RM" + rng.between(1500, 2200);
      default -> rng.pick("salary " + rng.between(9000, 15000) + " THB/month plus OT", "minimum wage "
          + rng.between(350, 400) + " baht/day", "salary RM" + rng.between(1500, 2200));
    };
  }

  private static String finish(List<String> parts, Rng rng) {
    String sep = rng.pick(", ", ". ", " - ", " | ", "\n");
    String text = String.join(sep, parts);
    if (rng.chance(0.2)) {
      text = text.toUpperCase(java.util.Locale.ROOT);
    }
    if (rng.chance(0.15)) {
      text = NameVariants.stripMarks(text);
    }
    if (rng.chance(0.3)) {
      text = text + " " + rng.pick("🙏", "💰💰", "✈️", "🔥", "👍", "‼️");
    }
    return text;
  }

  /** A place name for the post's destination. */
  public static String placeText(String placeId, Rng rng) {
    return switch (placeId) {
      case "samut-sakhon" -> rng.pick("Mahachai", "Samut Sakhon");
      case "kuala-lumpur" -> rng.pick("KL", "Kuala Lumpur", "Malaysia");
      case "shwe-kokko", "kk-park" -> rng.pick("Thailand", "Bangkok", "Mae Sot");
      case "sihanoukville" -> rng.pick("Cambodia", "Sihanoukville", "Phnom Penh");
      case "golden-triangle" -> rng.pick("Laos", "Golden Triangle", "Chiang Rai");
      default -> rng.chance(0.8) ? capital(placeId) : rng.pick(PLACES_TEXT);
    };
  }

  private static String capital(String id) {
    StringBuilder sb = new StringBuilder();
    for (String w : id.split("-")) {
      sb.append(sb.length() > 0 ? " " : "").append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
    }
    return sb.toString();
  }
}
