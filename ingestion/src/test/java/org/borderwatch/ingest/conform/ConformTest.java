package org.borderwatch.ingest.conform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConformTest {
  static Names.Conformed n(String raw, String nat) {
    return Names.conform(raw, nat);
  }

  @Test
  void vietnameseKeysAreDiacriticFreeAndOrderAware() {
    Names.Conformed a = n("Nguyễn Thị Lan", "VNM");
    assertEquals("nguyen thi lan", a.key());
    assertEquals("lan", a.given());
    assertEquals("nguyen", a.family());
    Names.Conformed swapped = n("Lan Nguyen Thi", "VNM");
    assertEquals("lan", swapped.given());
    assertEquals("nguyen", swapped.family());
    assertEquals(a.sortedKey(), swapped.sortedKey());
    assertEquals("nguyen", n("NGUYEN THI LAN", null).family(), "the convention is guessed without a nationality");
  }

  @Test
  void burmeseHonorificsAreDroppedAndScriptTransliterated() {
    Names.Conformed a = n("U Aung Kyaw Moe", "MMR");
    assertEquals("aung kyaw moe", a.key());
    assertEquals("u", a.honorific());
    assertNull(a.family());
    Names.Conformed script = n("အောင်ကျော်မိုး", "MMR");
    assertEquals("Myanmar", script.script());
    assertEquals("aung kyaw moe", script.key());
  }

  @Test
  void thaiScriptNicknamesAndFamilyLast() {
    Names.Conformed t = n("สมชาย ศรีสุวรรณ", "THA");
    assertEquals("Thai", t.script());
    assertEquals("somchai srisuwan", t.key());
    assertEquals("srisuwan", t.family());
    Names.Conformed nick = n("Kittisak (Toy)", "THA");
    assertEquals("kittisak", nick.key());
    assertEquals("toy", nick.nickname());
    // outside the lexicon, ICU's transliteration (Any-Latin; Latin-ASCII) still gives a Latin key
    Names.Conformed icu = n("ประยุทธ์ จันทร์โอชา", "THA");
    assertEquals("Thai", icu.script());
    assertEquals("prayuthth canthr xocha", icu.key());
    assertEquals("xocha", icu.family());
  }

  @Test
  void malayPatronymicsKhmerFamilyFirst() {
    Names.Conformed m = n("Siti bt. Abdullah", "MYS");
    assertEquals("siti", m.given());
    assertEquals("abdullah", m.family());
    assertEquals("siti abdullah", m.key());
    assertEquals(n("Siti binti Abdullah", "MYS").key(), m.key());
    Names.Conformed k = n("Sok Dara", "KHM");
    assertEquals("sok", k.family());
    assertEquals("dara", k.given());
  }

  @Test
  void phonesToE164OrNull() {
    assertEquals("+66812874692", Phones.e164("(+66) 812874692", null));
    assertEquals("+66812874692", Phones.e164("0812874692", "TH"));
    assertEquals("+66812874692", Phones.e164("0066812874692", "VN"));
    var util = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
    String mm = util.format(util.getExampleNumberForType("MM",
        com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType.MOBILE),
        com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat.E164);
    assertEquals(mm, Phones.e164("0" + mm.substring(3), "MM"));
    assertNull(Phones.e164("12345", "TH"));
    assertNull(Phones.e164("", "TH"));
    assertEquals(List.of("+8562028259431"), Phones.inText("Job agent Laos +8562028259431, inbox", "TH"));
    assertEquals(List.of("khamsy50"), Phones.handlesInText("tel @khamsy50 or email a@b.com"));
  }

  @Test
  void countriesFromCodesNamesAndDemonyms() {
    assertEquals("MMR", Countries.alpha3("Burmese"));
    assertEquals("MMR", Countries.alpha3("MM"));
    assertEquals("KHM", Countries.alpha3("Khmer"));
    assertEquals("LAO", Countries.alpha3("LAOS"));
    assertNull(Countries.alpha3("Rohingya"));
    assertTrue(Countries.stateless("Rohingya"));
    assertFalse(Countries.stateless("Thai"));
  }

  @Test
  void usdFromTheDatedRateTable() {
    Double usd = Money.usd(34_000, "THB", LocalDate.of(2025, 3, 10));
    // conf/fx-rates.csv: 2025-03,THB,0.02949477648; 34,000 × 0.02949477648 = 1002.8224, rounded to cents
    assertEquals(1002.82, usd, 1e-9);
    // after the table's last month (2027-12, 0.02930921954) the latest rate holds; before its first, none
    assertEquals(996.51, Money.usd(34_000, "THB", LocalDate.of(2028, 5, 1)), 1e-9);
    assertNull(Money.usd(34_000, "THB", LocalDate.of(2023, 12, 31)));
    assertNull(Money.usd(1, "XYZ", LocalDate.of(2025, 3, 10)));
    assertEquals("Asia/Yangon", Money.zone("MMK").getId());
  }
}
