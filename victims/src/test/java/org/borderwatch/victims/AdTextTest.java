package org.borderwatch.victims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tokenisation of mixed-script and romanised posts, pay parsing, keyword baseline. */
class AdTextTest {
  @Test
  void vietnameseWithAndWithoutMarksIsOneText() {
    assertEquals(AdText.words("tuyen gap, khong can kinh nghiem"), AdText.words("Tuyển gấp, không cần kinh nghiệm"));
    assertEquals(List.of("tuyen", "gap", "khong", "can", "kinh", "nghiem"),
        AdText.words("TUYỂN GẤP, KHÔNG CẦN KINH NGHIỆM"));
  }

  @Test
  void nativeScriptsBecomeLatinWords() {
    for (String text : List.of("รับสมัครงาน ไม่ต้องมีประสบการณ์", "အလုပ်ရှိတယ်", "Работа")) {
      List<String> w = AdText.words(text);
      assertFalse(w.isEmpty(), text);
      for (String t : w) {
        assertTrue(t.matches("[a-z]+"), text + " -> " + w);
      }
    }
    // Khmer script has no ICU romanisation: its words stay words in Khmer script
    List<String> khmer = AdText.words("ត្រូវការកម្មករ URGENT");
    assertEquals(2, khmer.size(), khmer.toString());
    assertEquals("urgent", khmer.get(1));
    // a Thai phrase in Thai script and mixed into English keeps its words
    List<String> mixed = AdText.words("Workers wanted รับสมัครงาน salary $1,500");
    assertEquals(List.of("workers", "wanted"), mixed.subList(0, 2));
    assertEquals(List.of("salary", "<usd>"), mixed.subList(mixed.size() - 2, mixed.size()));
  }

  @Test
  void contactsAndNumbersBecomeShapes() {
    assertEquals(List.of("urgent", "<bang>", "call", "<phone>", "or", "<handle>", "la", "ga", "<num>", "thein"),
        AdText.words("URGENT!! call +66 81 234 5678 or @lan_job88 - la ga 15 thein 🙏"));
    assertEquals(List.of("pm", "sahaja", "<phone>"), AdText.words("PM sahaja 012-345 6789"));
  }

  @Test
  void termsAreWordsThenAdjacentPairs() {
    assertEquals(List.of("no", "experience", "needed", "no experience", "experience needed"),
        AdText.terms("No experience needed"));
    assertEquals(List.of("duan", "duan duan"), AdText.terms("duan duan"));
  }

  @Test
  void payIsReadInUsdPerMonth() {
    assertEquals(1000.0, AdText.payUsdMonthly("ngern duean 35,000 baht"), 1e-9);
    assertEquals(800.0, AdText.payUsdMonthly("lương 20 triệu/tháng"), 1e-9);
    assertEquals(4000 / 4.5, AdText.payUsdMonthly("gaji RM4000 sebulan"), 1e-9);
    assertEquals(1500 / 35.0 * 26, AdText.payUsdMonthly("rai dai dee 1500 baht/wan"), 1e-9);
    assertEquals(1200.0, AdText.payUsdMonthly("salary $1,200/month, minimum wage 350 baht/day"), 1e-9);
    assertEquals(0.0, AdText.payUsdMonthly("Happy Songkran everyone!"));
    double[] p = AdText.patterns("EARN $2500 A MONTH!! CALL +66812345678");
    assertEquals(List.of(1.0, 1.0, 0.0, 1.0, 1.0), List.of(p[0], p[2], p[3], p[4], p[5]));
    assertEquals(Math.log1p(2500), p[1], 1e-9);
  }

  @Test
  void keywordBaselineCountsDistinctPhrases() {
    assertEquals(4, AdText.keywordHits("URGENT: no experience, passport arranged, no experience"));
    assertEquals(0, AdText.keywordHits("khong can kinh nghiem, tuyen gap"), "the baseline list is English");
  }
}
