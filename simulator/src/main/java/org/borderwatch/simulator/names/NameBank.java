package org.borderwatch.simulator.names;

import java.util.List;

/**
 * Name parts per convention, with their native script where the convention has one. Frequencies follow
 * the field: about 40% of Vietnamese are Nguyễn; Burmese names are 2-4 syllables without a family name.
 */
final class NameBank {
  private NameBank() {}

  /** A name part with its native-script spelling (null when written in Latin script). */
  record Part(String latin, String script, double weight) {
    Part(String latin, String script) {
      this(latin, script, 1.0);
    }
  }

  static final List<Part> BURMESE_SYLLABLES_M = List.of(
      new Part("Aung", "အောင်"), new Part("Kyaw", "ကျော်"), new Part("Moe", "မိုး"), new Part("Win", "ဝင်း"),
      new Part("Htun", "ထွန်း"), new Part("Myint", "မြင့်"), new Part("Zaw", "ဇော်"), new Part("Hla", "လှ"),
      new Part("Thant", "သန့်"), new Part("Soe", "စိုး"), new Part("Naing", "နိုင်"), new Part("Thein", "သိန်း"),
      new Part("Tin", "တင်"), new Part("Lwin", "လွင်"), new Part("Oo", "ဦး"), new Part("Min", "မင်း"),
      new Part("Thu", "သူ"), new Part("Ye", "ရဲ"), new Part("Htet", "ထက်"), new Part("Kyi", "ကြည်"),
      new Part("Myo", "မျိုး"), new Part("Paing", "ပိုင်"), new Part("Hein", "ဟိန်း"), new Part("Thet", "သက်"),
      new Part("Zin", "ဇင်"), new Part("Khant", "ခန့်"), new Part("Nay", "နေ"), new Part("Wai", "ဝေ"));

  static final List<Part> BURMESE_SYLLABLES_F = List.of(
      new Part("Thida", "သီတာ"), new Part("Su", "စု"), new Part("Mya", "မြ"), new Part("Khin", "ခင်"),
      new Part("Nyein", "ငြိမ်း"), new Part("Ei", "အိ"), new Part("Phyu", "ဖြူ"), new Part("Hnin", "နှင်း"),
      new Part("Wai", "ဝေ"), new Part("San", "စန်း"), new Part("Nwe", "နွယ်"), new Part("Yu", "ယု"),
      new Part("Khaing", "ခိုင်"), new Part("Thiri", "သီရိ"), new Part("Wint", "ဝင့်"), new Part("Zin", "ဇင်"),
      new Part("Moe", "မိုး"), new Part("Win", "ဝင်း"), new Part("Hla", "လှ"), new Part("Kyi", "ကြည်"),
      new Part("Myat", "မြတ်"), new Part("Noe", "နိုး"), new Part("Thu", "သူ"), new Part("May", "မေ"));

  static final List<String> ROHINGYA_M = List.of("Mohammed", "Abdul", "Nur", "Rahim", "Karim", "Hamid", "Rashid",
      "Salim", "Anwar", "Jamal", "Rahman", "Hussain", "Yusuf", "Sadek", "Ayub", "Kamal", "Shafi", "Ismail");
  static final List<String> ROHINGYA_F = List.of("Hasina", "Fatima", "Ayesha", "Yasmin", "Rokeya", "Minara", "Rashida",
      "Sajeda", "Nur", "Hamida", "Jannat", "Shamima", "Senuara", "Tasmin");
  static final List<String> ROHINGYA_SECOND_M = List.of("Ullah", "Rahman", "Alam", "Hossain", "Islam", "Amin", "Karim",
      "Haque", "Uddin");
  static final List<String> ROHINGYA_SECOND_F = List.of("Begum", "Khatun", "Akter", "Bibi", "Nessa");

  static final List<Part> THAI_GIVEN_M = List.of(
      new Part("Somchai", "สมชาย"), new Part("Somsak", "สมศักดิ์"), new Part("Sompong", "สมพงษ์"),
      new Part("Nattapong", "ณัฐพงษ์"), new Part("Kittisak", "กิตติศักดิ์"), new Part("Chaiwat", "ชัยวัฒน์"),
      new Part("Prasert", "ประเสริฐ"), new Part("Thawatchai", "ธวัชชัย"), new Part("Boonsong", "บุญส่ง"),
      new Part("Suchart", "สุชาติ"), new Part("Niran", "นิรันดร์"), new Part("Phichit", "พิชิต"),
      new Part("Anan", "อนันต์"), new Part("Wichai", "วิชัย"), new Part("Thanakorn", "ธนากร"));
  static final List<Part> THAI_GIVEN_F = List.of(
      new Part("Malee", "มาลี"), new Part("Siriporn", "ศิริพร"), new Part("Wanida", "วนิดา"),
      new Part("Pornthip", "พรทิพย์"), new Part("Supaporn", "สุภาพร"), new Part("Anong", "อนงค์"),
      new Part("Kanokwan", "กนกวรรณ"), new Part("Ratana", "รัตนา"), new Part("Apinya", "อภิญญา"),
      new Part("Chanthira", "จันทิรา"), new Part("Duangjai", "ดวงใจ"), new Part("Phonphan", "พรพรรณ"));
  static final List<Part> THAI_FAMILY = List.of(
      new Part("Srisuwan", "ศรีสุวรรณ"), new Part("Wongsawat", "วงศ์สวัสดิ์"), new Part("Saetang", "แซ่ตั้ง"),
      new Part("Thongdee", "ทองดี"), new Part("Suksawat", "สุขสวัสดิ์"), new Part("Jaidee", "ใจดี"),
      new Part("Boonmee", "บุญมี"), new Part("Kongkaew", "คงแก้ว"), new Part("Charoenpol", "เจริญผล"),
      new Part("Rattanakorn", "รัตนากร"), new Part("Phromphan", "พรหมพันธุ์"), new Part("Kaewkanya", "แก้วกัญญา"),
      new Part("Chaiyaphum", "ชัยภูมิ"), new Part("Sukjai", "สุขใจ"), new Part("Intharasuk", "อินทรสุข"),
      new Part("Phanthong", "พันธ์ทอง"), new Part("Thongchai", "ธงชัย"), new Part("Saengthong", "แสงทอง"));
  static final List<String> THAI_NICKNAMES = List.of("Lek", "Noi", "Nok", "Toy", "Ple", "Nan", "Ton", "Aor", "Bee",
      "Jeab", "Golf", "Mint", "Beer", "Nong");

  static final List<String> LAO_GIVEN_M = List.of("Khamphone", "Souksavanh", "Bounmy", "Somphone", "Phonesavanh",
      "Thongchanh", "Saysamone", "Khamla", "Vilaysak", "Bounthavy", "Sengphet", "Outhay");
  static final List<String> LAO_GIVEN_F = List.of("Vilayphone", "Noy", "Keo", "Vanh", "Manivanh", "Souphaphone",
      "Khamsy", "Phoutsady", "Chanthaly", "Davone", "Malaythong", "Sisavanh");
  static final List<String> LAO_FAMILY = List.of("Phommachanh", "Vongsa", "Sisouphanh", "Keomany", "Inthavong",
      "Sayavong", "Phommasone", "Xaysana", "Chanthavong", "Luangrath", "Souvannavong", "Vongphachanh");

  static final List<Part> KHMER_FAMILY = List.of(new Part("Sok", null, 3), new Part("Chea", null, 2),
      new Part("Chhay", null), new Part("Kim", null), new Part("Meas", null), new Part("Heng", null),
      new Part("Keo", null), new Part("Chan", null), new Part("Nhem", null), new Part("Ly", null),
      new Part("Prak", null), new Part("Sam", null), new Part("Som", null), new Part("Touch", null),
      new Part("Mao", null), new Part("Chhim", null));
  static final List<String> KHMER_GIVEN_M = List.of("Dara", "Sophal", "Vanna", "Rithy", "Sokha", "Visal", "Kosal",
      "Pisey", "Samnang", "Vibol", "Sovann", "Chanthy", "Bunthoeun", "Piseth");
  static final List<String> KHMER_GIVEN_F = List.of("Sopheap", "Bopha", "Chenda", "Sreymom", "Rachana", "Sophea",
      "Chanthou", "Sreyneang", "Kunthea", "Leakhena", "Srey Pov", "Sokunthea", "Malis", "Davy");

  static final List<Part> VN_FAMILY = List.of(new Part("Nguyễn", null, 40), new Part("Trần", null, 11),
      new Part("Lê", null, 9.5), new Part("Phạm", null, 7), new Part("Hoàng", null, 5), new Part("Huỳnh", null, 4),
      new Part("Phan", null, 4.5), new Part("Vũ", null, 3.9), new Part("Võ", null, 3), new Part("Đặng", null, 2.1),
      new Part("Bùi", null, 2), new Part("Đỗ", null, 1.4), new Part("Hồ", null, 1.3), new Part("Ngô", null, 1.3),
      new Part("Dương", null, 1), new Part("Lý", null, 0.5));
  static final List<String> VN_MIDDLE_M = List.of("Văn", "Văn", "Văn", "Đức", "Minh", "Hữu", "Quang", "Thanh");
  static final List<String> VN_MIDDLE_F = List.of("Thị", "Thị", "Thị", "Thị", "Ngọc", "Thanh", "Minh", "Thu");
  static final List<String> VN_GIVEN_M = List.of("Hùng", "Dũng", "Tuấn", "Hải", "Nam", "Long", "Quang", "Sơn", "Minh",
      "Cường", "Thắng", "Hiếu", "Phúc", "Khoa", "Tâm", "Bình");
  static final List<String> VN_GIVEN_F = List.of("Lan", "Hương", "Mai", "Linh", "Anh", "Hà", "Thảo", "Trang", "Phương",
      "Thủy", "Yến", "Hoa", "Nhung", "Ngân", "Hằng", "Loan");

  static final List<String> MALAY_M = List.of("Ahmad", "Mohd", "Muhammad", "Azman", "Faizal", "Hafiz", "Rizal",
      "Zulkifli", "Ismail", "Kamarul", "Syafiq", "Razak");
  static final List<String> MALAY_F = List.of("Siti", "Nur", "Aisyah", "Farah", "Noraini", "Zarina", "Rohani",
      "Aminah", "Hidayah", "Salmah", "Suraya", "Norliza");
  static final List<String> MALAY_FATHERS = List.of("Ismail", "Abdullah", "Hassan", "Ibrahim", "Yusof", "Osman",
      "Rahman", "Ali", "Hamid", "Sulaiman", "Omar", "Aziz");

  static final List<String> INDONESIAN_M = List.of("Sutrisno", "Bambang", "Agus", "Joko", "Slamet", "Budi", "Hendra",
      "Suparman", "Wahyudi", "Rudi", "Eko", "Darmawan");
  static final List<String> INDONESIAN_F = List.of("Wati", "Suharti", "Sri", "Dewi", "Yanti", "Rini", "Sumiati",
      "Lestari", "Ratna", "Siti", "Murni", "Kartini");

  static final List<String> KAREN_M = List.of("Saw", "Saw");
  static final List<String> KAREN_F = List.of("Naw", "Naw");
  static final List<String> KAREN_SYLLABLES = List.of("Htoo", "Eh", "Paw", "Say", "Blu", "Moo", "Ku", "Lah", "Wah",
      "Gay", "Poe", "Htee", "Khu", "Mu", "Tha", "Ler");
  static final List<String> SHAN_SYLLABLES = List.of("Kham", "Seng", "Hseng", "Nawng", "Leng", "Mong", "Kyaw", "Harn",
      "Hom", "Noom", "Lao", "Tip", "Ying", "Orn");
}
