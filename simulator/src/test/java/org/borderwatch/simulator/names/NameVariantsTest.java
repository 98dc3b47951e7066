package org.borderwatch.simulator.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.borderwatch.simulator.Rng;
import org.borderwatch.simulator.names.NameVariants.Rendered;
import org.borderwatch.simulator.names.NameVariants.Style;
import org.junit.jupiter.api.Test;

/** Names true to each convention, and the variants records show. */
class NameVariantsTest {
  static List<Rendered> renders(TrueName n, Style style, int k) {
    Rng rng = new Rng(99);
    List<Rendered> out = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      out.add(NameVariants.render(n, style, 1.0, rng));
    }
    return out;
  }

  static TrueName name(Ethnicity e, boolean female, long seed) {
    return NameGenerator.generate(e, female, new Rng(seed));
  }

  @Test
  void vietnameseFamilyFirstWithStrippedDiacriticsAndSwappedOrder() {
    TrueName n = new TrueName(Ethnicity.VIETNAMESE, true, "Lan", "Thị", "Nguyễn", null, null);
    assertEquals("Nguyễn Thị Lan", n.full());
    List<String> police = renders(n, Style.POLICE, 300).stream().map(Rendered::full).toList();
    assertTrue(police.contains("Nguyen Thi Lan"), "diacritics stripped");
    assertTrue(police.contains("Nguyễn Thị Lan"), "kept");
    assertTrue(police.stream().anyMatch(s -> s.startsWith("Lan ")), "given name first in foreign systems");
    Rendered passport = NameVariants.render(n, Style.PASSPORT, 0.0, new Rng(1));
    assertEquals("NGUYEN", passport.family());
    assertEquals("THI LAN", passport.given());
  }

  @Test
  void nguyenIsTheMostCommonVietnameseFamilyName() {
    Rng rng = new Rng(1);
    int nguyen = 0;
    for (int i = 0; i < 2000; i++) {
      if (NameGenerator.generate(Ethnicity.VIETNAMESE, rng.chance(0.5), rng).family().equals("Nguyễn")) {
        nguyen++;
      }
    }
    assertTrue(nguyen > 700 && nguyen < 900, "Nguyễn share " + nguyen / 2000.0);
  }

  @Test
  void burmeseHaveNoFamilyNameAndCarryHonorifics() {
    for (long s = 0; s < 50; s++) {
      TrueName n = name(Ethnicity.BURMESE, s % 2 == 0, s);
      assertEquals("", n.family());
      int syllables = n.given().split(" ").length;
      assertTrue(syllables >= 2 && syllables <= 4, n.given());
      assertTrue(n.nativeScript() != null && n.nativeScript().codePoints().anyMatch(c -> c >= 0x1000 && c <= 0x109F));
    }
    TrueName man = new TrueName(Ethnicity.BURMESE, false, "Aung Kyaw Moe", "", "", null, "အောင်ကျော်မိုး");
    List<String> police = renders(man, Style.POLICE, 200).stream().map(Rendered::full).toList();
    assertTrue(police.stream().anyMatch(s -> s.matches("^(U|Ko|Maung|Mg) Aung.*")), "honorifics");
    assertTrue(police.stream().anyMatch(s -> s.contains("Kyau")), "romanisation variant Kyaw/Kyau");
    List<String> social = renders(man, Style.SOCIAL, 100).stream().map(Rendered::full).toList();
    assertTrue(social.contains("အောင်ကျော်မိုး"), "Myanmar script on social media");
  }

  @Test
  void thaiInThaiScriptOnPoliceFilesWithNicknames() {
    TrueName n = new TrueName(Ethnicity.THAI, false, "Somchai", "", "Srisuwan", "Lek", "สมชาย ศรีสุวรรณ");
    List<String> police = renders(n, Style.POLICE, 100).stream().map(Rendered::full).toList();
    assertTrue(police.contains("สมชาย ศรีสุวรรณ"));
    // respelled variants only ("Srisuwan" is the unmodified spelling): ch/j, ai/ay, w/v
    assertTrue(police.stream().anyMatch(s -> s.contains("Somjai")), "romanisation variant Somchai/Somjai");
    assertTrue(police.stream().anyMatch(s -> s.contains("Somchay")), "romanisation variant Somchai/Somchay");
    assertTrue(police.stream().anyMatch(s -> s.contains("Srisuvan")), "romanisation variant Srisuwan/Srisuvan");
    List<String> screening = renders(n, Style.SCREENING, 200).stream().map(Rendered::full).toList();
    assertTrue(screening.stream().anyMatch(s -> s.contains("(Lek)")), "nickname");
  }

  @Test
  void malayPatronymicsKhmerFamilyFirstIndonesianSingleNamesRohingyaStateless() {
    TrueName malay = new TrueName(Ethnicity.MALAY, true, "Siti", "", "Abdullah", null, null);
    assertEquals("Siti binti Abdullah", malay.full());
    assertTrue(renders(malay, Style.KYC, 100).stream().anyMatch(r -> r.full().contains(" bt. ")));
    TrueName khmer = new TrueName(Ethnicity.KHMER, false, "Dara", "", "Sok", null, null);
    assertEquals("Sok Dara", khmer.full());
    Rng rng = new Rng(3);
    int single = 0;
    for (int i = 0; i < 400; i++) {
      if (NameGenerator.generate(Ethnicity.INDONESIAN, false, rng).family().isEmpty()) {
        single++;
      }
    }
    assertTrue(single > 200, "most Indonesians go by one name: " + single);
    assertNull(Ethnicity.ROHINGYA.nationality());
  }
}
