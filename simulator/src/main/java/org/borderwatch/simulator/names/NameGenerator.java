package org.borderwatch.simulator.names;

import java.util.List;
import org.borderwatch.simulator.Rng;
import org.borderwatch.simulator.names.NameBank.Part;

/** Draws true names by convention. */
public final class NameGenerator {
  private NameGenerator() {}

  public static TrueName generate(Ethnicity e, boolean female, Rng rng) {
    return switch (e) {
      case BURMESE -> burmese(female, rng);
      case KAREN -> karen(female, rng);
      case SHAN -> shan(female, rng);
      case ROHINGYA -> rohingya(female, rng);
      case THAI -> thai(female, rng);
      case LAO -> lao(female, rng);
      case KHMER -> khmer(female, rng);
      case VIETNAMESE -> vietnamese(female, rng);
      case MALAY -> malay(female, rng);
      case INDONESIAN -> indonesian(female, rng);
    };
  }

  private static TrueName burmese(boolean female, Rng rng) {
    List<Part> syl = female ? NameBank.BURMESE_SYLLABLES_F : NameBank.BURMESE_SYLLABLES_M;
    int n = rng.weighted(new double[] {0, 0, 0.45, 0.45, 0.10});
    StringBuilder latin = new StringBuilder();
    StringBuilder script = new StringBuilder();
    String prev = "";
    for (int i = 0; i < n; i++) {
      Part p = rng.pick(syl);
      if (p.latin().equals(prev)) {
        p = rng.pick(syl);
      }
      prev = p.latin();
      if (i > 0) {
        latin.append(' ');
      }
      latin.append(p.latin());
      script.append(p.script());
    }
    return new TrueName(Ethnicity.BURMESE, female, latin.toString(), "", "", null, script.toString());
  }

  private static TrueName karen(boolean female, Rng rng) {
    String prefix = female ? "Naw" : "Saw";
    int n = rng.between(1, 2);
    StringBuilder sb = new StringBuilder(prefix);
    for (int i = 0; i < n; i++) {
      sb.append(' ').append(rng.pick(NameBank.KAREN_SYLLABLES));
    }
    return new TrueName(Ethnicity.KAREN, female, sb.toString(), "", "", null, null);
  }

  private static TrueName shan(boolean female, Rng rng) {
    String prefix = female ? "Nang" : "Sai";
    int n = rng.between(1, 2);
    StringBuilder sb = new StringBuilder(prefix);
    for (int i = 0; i < n; i++) {
      sb.append(' ').append(rng.pick(NameBank.SHAN_SYLLABLES));
    }
    return new TrueName(Ethnicity.SHAN, female, sb.toString(), "", "", null, null);
  }

  private static TrueName rohingya(boolean female, Rng rng) {
    String first = rng.pick(female ? NameBank.ROHINGYA_F : NameBank.ROHINGYA_M);
    String second = rng.pick(female ? NameBank.ROHINGYA_SECOND_F : NameBank.ROHINGYA_SECOND_M);
    if (!female && first.equals("Mohammed")) {
      second = rng.pick(NameBank.ROHINGYA_M.subList(3, NameBank.ROHINGYA_M.size())) + " " + second;
    }
    return new TrueName(Ethnicity.ROHINGYA, female, first + " " + second, "", "", null, null);
  }

  private static TrueName thai(boolean female, Rng rng) {
    Part g = rng.pick(female ? NameBank.THAI_GIVEN_F : NameBank.THAI_GIVEN_M);
    Part f = rng.pick(NameBank.THAI_FAMILY);
    return new TrueName(Ethnicity.THAI, female, g.latin(), "", f.latin(), rng.pick(NameBank.THAI_NICKNAMES),
        g.script() + " " + f.script());
  }

  private static TrueName lao(boolean female, Rng rng) {
    return new TrueName(Ethnicity.LAO, female, rng.pick(female ? NameBank.LAO_GIVEN_F : NameBank.LAO_GIVEN_M), "",
        rng.pick(NameBank.LAO_FAMILY), null, null);
  }

  private static TrueName khmer(boolean female, Rng rng) {
    Part fam = weighted(NameBank.KHMER_FAMILY, rng);
    return new TrueName(Ethnicity.KHMER, female, rng.pick(female ? NameBank.KHMER_GIVEN_F : NameBank.KHMER_GIVEN_M),
        "", fam.latin(), null, null);
  }

  private static TrueName vietnamese(boolean female, Rng rng) {
    Part fam = weighted(NameBank.VN_FAMILY, rng);
    return new TrueName(Ethnicity.VIETNAMESE, female, rng.pick(female ? NameBank.VN_GIVEN_F : NameBank.VN_GIVEN_M),
        rng.pick(female ? NameBank.VN_MIDDLE_F : NameBank.VN_MIDDLE_M), fam.latin(), null, null);
  }

  private static TrueName malay(boolean female, Rng rng) {
    return new TrueName(Ethnicity.MALAY, female, rng.pick(female ? NameBank.MALAY_F : NameBank.MALAY_M), "",
        rng.pick(NameBank.MALAY_FATHERS), null, null);
  }

  private static TrueName indonesian(boolean female, Rng rng) {
    String g = rng.pick(female ? NameBank.INDONESIAN_F : NameBank.INDONESIAN_M);
    String f = rng.chance(0.35) ? rng.pick(female ? NameBank.INDONESIAN_F : NameBank.INDONESIAN_M) : "";
    if (f.equals(g)) {
      f = "";
    }
    return new TrueName(Ethnicity.INDONESIAN, female, g, "", f, null, null);
  }

  private static Part weighted(List<Part> parts, Rng rng) {
    double[] w = new double[parts.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = parts.get(i).weight();
    }
    return parts.get(rng.weighted(w));
  }
}
