package org.borderwatch.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.borderwatch.common.linkage.LinkageSettings;
import org.borderwatch.core.error.BorderwatchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings files: the bundled ones say what the engine's defaults say; a bad one names its line and key. */
class SettingsFileTest {
  @Test
  void theBundledFilesAreTheDefaults() {
    assertEquals(LinkageSettings.people().toString(), SettingsFile.people().toString());
    assertEquals(LinkageSettings.lakehouse().toString(), SettingsFile.lakehouse().toString());
  }

  private static String error(Path dir, String text) throws Exception {
    Path f = dir.resolve("mine.conf");
    Files.writeString(f, text);
    BorderwatchException e = assertThrows(BorderwatchException.class, () -> SettingsFile.read(f));
    assertEquals(2, e.exitCode(), e.getMessage());
    return e.getMessage().replace(f.toString(), "mine.conf");
  }

  @Test
  void aBadFileNamesItsLineAndKey(@TempDir Path dir) throws Exception {
    String name = "{ field = name, levels = [different, exact], m = [0.1, 0.9] }";
    assertEquals("mine.conf: line 3: fields[1]: dob: unknown level 'typo' (levels of this field: [exact, transposed, "
        + "one_typo, same_month, year_within_1])", error(dir, "fields = [\n  " + name
        + "\n  { field = dob, levels = [different, typo], m = [0.1, 0.9] }\n]\nblocking = [dob]\n"));
    assertEquals("mine.conf: line 2: fields[0].weight: unknown key (keys: " + SettingsFile.FIELD_KEYS + ")",
        error(dir, "fields = [\n  { field = name, weight = 3, levels = [different, exact], m = [0.1, 0.9] }\n]\n"
            + "blocking = [dob]\n"));
    assertEquals("mine.conf: no 'blocking' (a settings file lists " + SettingsFile.TOP + ")",
        error(dir, "fields = [" + name + "]\n"));
    assertEquals("mine.conf: line 3: threshold: unknown key (keys: " + SettingsFile.TOP + ")",
        error(dir, "fields = [" + name + "]\nblocking = [dob]\nthreshold = 0.9\n"));
    assertEquals("mine.conf: target-precision lies in [0.5, 1), got 1.5",
        error(dir, "fields = [" + name + "]\nblocking = [dob]\ntarget-precision = 1.5\n"));
    assertEquals("mine.conf: line 3: target-precision: a number in [0.5, 1)",
        error(dir, "fields = [" + name + "]\nblocking = [dob]\ntarget-precision = high\n"));
    assertEquals("mine.conf: line 2: blocking[1]: unknown rule 'surname' (rules: " + LinkageSettings.KNOWN_RULES + ")",
        error(dir, "fields = [" + name + "]\nblocking = [dob, surname]\n"));
    assertEquals("mine.conf: line 3: guards.same-document: 'one_edit' is not a level the document field lists",
        error(dir, "fields = [" + name + "]\nblocking = [dob]\nguards { same-document = one_edit }\n"));
    assertEquals("mine.conf: line 3: guards: an object { same-document-edits, same-document, dates-conflict, "
        + "name-or-identifier }", error(dir, "fields = [" + name + "]\nblocking = [dob]\nguards = true\n"));
    assertEquals("mine.conf: line 1: fields[0]: name: levels go from the weakest up, in the order [fuzzy_within, "
        + "similar, within, sounds_alike, phonetic, exact], got [different, exact, phonetic]", error(dir,
        "fields = [{ field = name, levels = [different, exact, phonetic], m = [0.1, 0.5, 0.4] }]\nblocking = [dob]\n"));
    assertEquals("mine.conf: line 1: fields[0]: name: m probabilities sum to 1 (one per level), got [0.5, 0.9]",
        error(dir, "fields = [{ field = name, levels = [different, exact], m = [0.5, 0.9] }]\nblocking = [dob]\n"));
    Path none = dir.resolve("none.conf");
    assertEquals("settings file " + none + " is missing; give a readable HOCON file (conf/resolution/people.conf is "
        + "an example)", assertThrows(BorderwatchException.class, () -> SettingsFile.read(none)).getMessage());
  }

  @Test
  void aSmallerFileIsUsedAsWritten(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("names.conf");
    Files.writeString(f, "fields = [\n  { field = name, levels = [different, phonetic, exact], m = [0.1, 0.3, 0.6] }\n"
        + "  { field = email, levels = [different, exact], m = [0.3, 0.7] }\n]\nblocking = [email, two_rarest_tokens]\n"
        + "guards { name-or-identifier = true }\ntarget-precision = 0.95\n");
    LinkageSettings s = SettingsFile.read(f);
    assertEquals("name[different, phonetic, exact][0.1, 0.3, 0.6]\nemail[different, exact][0.3, 0.7]\n"
        + "blocking [email, two_rarest_tokens]\nsame-document null same-document-edits 0 target-precision 0.95 "
        + "dates-conflict false name-or-identifier true",
        s.toString());
  }

  @Test
  void contactAndPlaceColumnsAreNormalised() {
    Map<String, String> v = new HashMap<>();
    v.put("id", "7");
    v.put("full_name", "Sir Edward Hales, 3rd Baronet");
    v.put("email", " E.Hales@Example.ORG ");
    v.put("city", "Saint-Étienne");
    v.put("address", "12, Miller St.");
    v.put("postcode", "sw1a 1aa");
    Row r = PeopleCsv.conform(v);
    assertEquals("edward hales", r.getString(1), "titles and ordinals are not the name");
    assertEquals("e.hales@example.org|saint etienne|12 miller st|SW1A1AA", String.join("|", r.getString(9),
        r.getString(10), r.getString(11), r.getString(12)));
    v.put("email", "not an address");
    assertEquals(null, PeopleCsv.conform(v).get(9));
  }
}
