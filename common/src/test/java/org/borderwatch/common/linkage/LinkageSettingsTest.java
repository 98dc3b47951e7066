package org.borderwatch.common.linkage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The levels a list's settings compare, the guards, and what settings refuse. */
class LinkageSettingsTest {
  static final LinkageSettings PEOPLE = LinkageSettings.people();

  static ResolveRecord p(String name, String dob, String doc, String email, String city, String address,
      String postcode) {
    return ResolveRecord.of("x", name, null, dob == null ? null : LocalDate.parse(dob), null, doc, null, null, null,
        email, city, address, postcode);
  }

  @Test
  void everyFieldAtEveryLevel() {
    ResolveRecord a = p("john smith", "1985-03-12", "4412345", "jsmith@mail.com", "canberra", "12 miller street",
        "2600");
    // fields: name, dob, document, phone, nationality, sex, email, city, address, postcode
    assertArrayEquals(new int[] {6, 5, 3, -1, -1, -1, 2, 2, 2, 2}, PEOPLE.gamma(a, a));
    // john and jon share a phonetic key; a typo everywhere else: dob one digit, document two edits, email's domain, city, address and postcode a letter
    assertArrayEquals(new int[] {5, 3, 1, -1, -1, -1, 1, 1, 1, 1}, PEOPLE.gamma(a, p("jon smith", "1985-08-12",
        "4421354", "jsmith@post.org", "canbera", "12 miler street", "2601")));
    // date: transposed day and month, adjacent digits swapped, same month, within a year, different
    int dob = PEOPLE.position(LinkageSettings.Field.DOB);
    assertEquals(4, PEOPLE.gamma(p("a b", "1985-12-03", null, null, null, null, null),
        p("a b", "1985-03-12", null, null, null, null, null))[dob]);
    assertEquals(3, PEOPLE.gamma(a, p("a", "1958-03-12", null, null, null, null, null))[dob], "swapped digits");
    assertEquals(2, PEOPLE.gamma(a, p("a", "1985-03-29", null, null, null, null, null))[dob]);
    assertEquals(1, PEOPLE.gamma(a, p("a", "1986-01-30", null, null, null, null, null))[dob]);
    assertEquals(0, PEOPLE.gamma(a, p("a", "1990-07-01", null, null, null, null, null))[dob]);
    // documents: one edit (a character dropped), two, three
    int doc = PEOPLE.position(LinkageSettings.Field.DOCUMENT);
    assertEquals(2, PEOPLE.gamma(a, p("a", null, "441234", null, null, null, null))[doc]);
    assertEquals(1, PEOPLE.gamma(a, p("a", null, "4412399", null, null, null, null))[doc]);
    assertEquals(0, PEOPLE.gamma(a, p("a", null, "4419999", null, null, null, null))[doc]);
    // names: a part missing and a typo in the other is fuzzy_within; a household member's name is different
    assertEquals(1, PEOPLE.gamma(a, p("smithe", null, null, null, null, null, null))[0]);
    assertEquals(0, PEOPLE.gamma(a, p("mary smith", null, null, null, null, null, null))[0]);
    // English spellings that sound alike (Double Metaphone), which the Southeast Asian key does not fold
    assertEquals("sounds_alike", PEOPLE.levelName(0, PEOPLE.gamma(p("catherine smith", null, null, null, null, null,
        null), p("smith kathryn", null, null, null, null, null, null))[0]));
    // address tokens in another order are similar, not exact
    int addr = PEOPLE.position(LinkageSettings.Field.ADDRESS);
    assertEquals(1, PEOPLE.gamma(a, p("a", null, null, null, null, "miller street 12", null))[addr]);
    assertEquals(0, PEOPLE.gamma(a, p("a", null, null, null, null, "4 kent road", null))[addr]);
  }

  @Test
  void theLakehouseKeepsItsLevels() {
    LinkageSettings lake = LinkageSettings.lakehouse();
    ResolveRecord a = ResolveRecord.of("x", "aung kyaw", null, LocalDate.parse("1990-04-05"), null, "MA123456", null,
        "MMR", "M");
    ResolveRecord typo = ResolveRecord.of("y", "aung kyaw", null, LocalDate.parse("1990-04-06"), null, "MA12345",
        null, "MMR", "M");
    // one digit of a date is only "same month" there, a dropped character "different"
    assertArrayEquals(new int[] {4, 2, 0, -1, 1, 1}, lake.gamma(a, typo));
    assertEquals(List.of("different", "similar tokens (Monge-Elkan JW >= 0.88)", "one name within the other",
        "same phonetic tokens (any order)", "exact"), List.of(lake.levelLabel(0, 0), lake.levelLabel(0, 1),
        lake.levelLabel(0, 2), lake.levelLabel(0, 3), lake.levelLabel(0, 4)));
    assertEquals("same", lake.levelLabel(4, 1));
  }

  @Test
  void aLinkNeedsANameOrAnIdentifierWhereTheSettingsSaySo() {
    ResolveRecord noName = p(null, "1985-03-12", null, null, "canberra", null, null);
    int[] g = PEOPLE.gamma(noName, noName);
    assertFalse(PEOPLE.linkable(g), "date and city alone");
    assertTrue(LinkageSettings.lakehouse().linkable(new int[] {-1, 4, -1, -1, 1, 1}));
    assertTrue(PEOPLE.linkable(PEOPLE.gamma(p(null, null, null, "a@b.c", null, null, null),
        p(null, null, null, "a@b.c", null, null, null))), "a shared email");
    assertTrue(PEOPLE.linkable(PEOPLE.gamma(p("jon smith", null, null, null, null, null, null),
        p("john smith", null, null, null, null, null, null))));
    assertTrue(PEOPLE.deterministic(PEOPLE.gamma(p("smith john", "1985-03-12", null, null, null, null, null),
        p("john smith", "1985-03-12", null, null, null, null, null))));
  }

  @Test
  void settingsRefuseWhatTheEngineCannotDo() {
    LinkageSettings.Compared name = new LinkageSettings.Compared(LinkageSettings.Field.NAME,
        List.of("different", "exact"), new double[] {0.1, 0.9});
    assertEquals("dob: unknown level 'exactly' (levels of this field: [exact, transposed, one_typo, same_month, "
        + "year_within_1])", assertThrows(IllegalArgumentException.class, () -> new LinkageSettings.Compared(
        LinkageSettings.Field.DOB, List.of("different", "exactly"), new double[] {0.1, 0.9})).getMessage());
    assertEquals("name: 2 levels but 3 m probabilities", assertThrows(IllegalArgumentException.class,
        () -> new LinkageSettings.Compared(LinkageSettings.Field.NAME, List.of("different", "exact"),
            new double[] {0.1, 0.5, 0.4})).getMessage());
    assertEquals("unknown blocking rule 'surname' (rules: " + LinkageSettings.KNOWN_RULES + ")",
        assertThrows(IllegalArgumentException.class, () -> new LinkageSettings(List.of(name), List.of("surname"),
            null, 0, false, false)).getMessage());
    assertEquals("settings must compare the name", assertThrows(IllegalArgumentException.class,
        () -> new LinkageSettings(List.of(new LinkageSettings.Compared(LinkageSettings.Field.SEX,
            List.of("different", "exact"), new double[] {0.1, 0.9})), List.of("dob"), null, 0, false, false))
        .getMessage());
    assertEquals(4, Similarity.osa("abcdefgh", "badcfehg", 9));
    assertEquals(1, Similarity.osa("1985", "1958", 2));
    assertEquals(3, Similarity.osa("abc", "xyz", 2), "beyond max: max + 1");
  }
}
