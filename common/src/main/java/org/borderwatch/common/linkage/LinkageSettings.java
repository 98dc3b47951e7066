package org.borderwatch.common.linkage;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a resolution compares and how (Splink's settings, Zingg's field definitions): the compared fields in gamma
 * order, each with its comparison levels from "different" up and the m probabilities assumed before any data; the
 * blocking rules in order (a rule's position is its bit in a pair's mask); the guards. Pure and serialisable; read
 * from a settings file by the resolution module, or {@link #lakehouse()} and {@link #people()} as bundled.
 *
 * <p>A pair's level for a field is the highest of the field's listed levels whose test holds (the tests are in
 * {@link Comparisons}), "different" when none does, and missing (-1) when either record lacks the value.
 */
public final class LinkageSettings implements Serializable {
  /** Every field the engine can compare. */
  public enum Field {
    NAME, DOB, DOCUMENT, PHONE, NATIONALITY, SEX, EMAIL, CITY, ADDRESS, POSTCODE;

    public String column() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Field of(String name) {
      for (Field f : values()) {
        if (f.column().equals(name)) {
          return f;
        }
      }
      throw new IllegalArgumentException("unknown field '" + name + "' (fields: " + Arrays.stream(values())
          .map(Field::column).toList() + ")");
    }
  }

  /** One compared field: its levels from "different" up, and the m probability assumed for each. */
  public record Compared(Field field, List<String> levels, double[] m) implements Serializable {
    public Compared {
      levels = List.copyOf(levels);
      if (levels.size() < 2 || !levels.get(0).equals(Comparisons.DIFFERENT)) {
        throw new IllegalArgumentException(field.column() + ": levels start with 'different' and have at least one "
            + "more, got " + levels);
      }
      if (levels.size() > Comparisons.MAX_LEVELS) {
        throw new IllegalArgumentException(field.column() + ": at most " + Comparisons.MAX_LEVELS + " levels");
      }
      for (String l : levels.subList(1, levels.size())) {
        if (!Comparisons.levels(field).contains(l)) {
          throw new IllegalArgumentException(field.column() + ": unknown level '" + l + "' (levels of this field: "
              + Comparisons.levels(field) + ")");
        }
      }
      if (Set.copyOf(levels).size() != levels.size()) {
        throw new IllegalArgumentException(field.column() + ": a level is listed twice: " + levels);
      }
      List<String> order = new ArrayList<>(Comparisons.levels(field));
      java.util.Collections.reverse(order); // weakest first, as listed
      int at = -1;
      for (String l : levels.subList(1, levels.size())) {
        int i = order.indexOf(l);
        if (i < at) {
          throw new IllegalArgumentException(field.column() + ": levels go from the weakest up, in the order "
              + order + ", got " + levels);
        }
        at = i;
      }
      if (m.length != levels.size()) {
        throw new IllegalArgumentException(field.column() + ": " + levels.size() + " levels but " + m.length
            + " m probabilities");
      }
      for (double x : m) {
        if (!(x > 0 && x < 1)) {
          throw new IllegalArgumentException(field.column() + ": m probabilities lie strictly between 0 and 1, got "
              + Arrays.toString(m));
        }
      }
      if (Math.abs(Arrays.stream(m).sum() - 1) > 1e-6) {
        throw new IllegalArgumentException(field.column() + ": m probabilities sum to 1 (one per level), got "
            + Arrays.toString(m));
      }
      m = m.clone();
    }

    /** The position of a level, -1 when this field does not use it. */
    public int level(String name) {
      return levels.indexOf(name);
    }
  }

  /** Blocking rules the engine knows (the resolver builds their keys). */
  public static final List<String> KNOWN_RULES = List.of("document", "phone", "email", "name+birth_year",
      "name+nationality", "dob+family", "two_rarest_tokens", "dob", "postcode", "family", "given", "address");

  /** Rules that block on the name alone and so also require compatible birth years. */
  static final Set<String> NAME_ONLY = Set.of("name+nationality", "two_rarest_tokens", "family", "given");

  /** Rules whose pairs train m by EM, and the fields each is blind to (its pairs agree on them by construction). */
  static final Map<String, List<Field>> TRAINING = Map.of(
      "document", List.of(Field.DOCUMENT),
      "name+birth_year", List.of(Field.NAME, Field.DOB),
      "dob+family", List.of(Field.DOB, Field.NAME),
      "phone", List.of(Field.PHONE));

  private final List<Compared> fields;
  private final List<String> blocking;
  private final String sameDocument;
  private final int sameDocumentEdits;
  private final boolean datesConflict;
  private final boolean nameOrIdentifier;
  private final int[] position;
  private final Double targetPrecision;

  /**
   * @param sameDocument the document level at or above which two documents in one cluster are taken for one (the
   *     chaining guard splits clusters holding documents below it); null: exact only
   * @param sameDocumentEdits documents at most this many edits apart are also taken for one (0: not used): two
   *     records of one document, each with its own typos, are further apart than either is from the document
   * @param datesConflict whether the guard also splits clusters holding two dates of birth compared "different"
   * @param nameOrIdentifier whether a link needs some name agreement or an agreeing identifier (document, phone,
   *     email): pairs agreeing only on dates, places or sex are never linked
   */
  public LinkageSettings(List<Compared> fields, List<String> blocking, String sameDocument, int sameDocumentEdits,
      boolean datesConflict, boolean nameOrIdentifier) {
    this(fields, blocking, sameDocument, sameDocumentEdits, datesConflict, nameOrIdentifier, null);
  }

  private LinkageSettings(List<Compared> fields, List<String> blocking, String sameDocument, int sameDocumentEdits,
      boolean datesConflict, boolean nameOrIdentifier, Double targetPrecision) {
    this.targetPrecision = targetPrecision;
    this.fields = List.copyOf(fields);
    this.blocking = List.copyOf(blocking);
    this.sameDocument = sameDocument;
    this.sameDocumentEdits = sameDocumentEdits;
    if (sameDocumentEdits < 0 || sameDocumentEdits > 8) {
      throw new IllegalArgumentException("guard same-document-edits is 0 (not used) to 8, got " + sameDocumentEdits);
    }
    this.datesConflict = datesConflict;
    this.nameOrIdentifier = nameOrIdentifier;
    if (this.fields.isEmpty()) {
      throw new IllegalArgumentException("settings compare no field");
    }
    if (this.fields.size() > Comparisons.MAX_FIELDS) {
      throw new IllegalArgumentException("at most " + Comparisons.MAX_FIELDS + " compared fields");
    }
    position = new int[Field.values().length];
    Arrays.fill(position, -1);
    for (int i = 0; i < this.fields.size(); i++) {
      Field f = this.fields.get(i).field();
      if (position[f.ordinal()] >= 0) {
        throw new IllegalArgumentException("field '" + f.column() + "' is listed twice");
      }
      position[f.ordinal()] = i;
    }
    if (blocking.isEmpty()) {
      throw new IllegalArgumentException("settings have no blocking rule");
    }
    if (blocking.size() > 30) {
      throw new IllegalArgumentException("at most 30 blocking rules");
    }
    for (String r : blocking) {
      if (!KNOWN_RULES.contains(r)) {
        throw new IllegalArgumentException("unknown blocking rule '" + r + "' (rules: " + KNOWN_RULES + ")");
      }
    }
    if (Set.copyOf(blocking).size() != blocking.size()) {
      throw new IllegalArgumentException("a blocking rule is listed twice: " + blocking);
    }
    if (position[Field.NAME.ordinal()] < 0) {
      throw new IllegalArgumentException("settings must compare the name");
    }
    if (sameDocument != null && (position[Field.DOCUMENT.ordinal()] < 0 || compared(Field.DOCUMENT).level(sameDocument)
        < 1)) {
      throw new IllegalArgumentException("guard same-document '" + sameDocument + "' is not a compared document level");
    }
  }

  /**
   * The lakehouse's settings: the six fields its person mentions carry, with the levels and priors the demo world was
   * tuned with (docs/entity-resolution.md).
   */
  public static LinkageSettings lakehouse() {
    return new LinkageSettings(List.of(
        new Compared(Field.NAME, List.of("different", "similar", "within", "phonetic", "exact"),
            new double[] {0.05, 0.15, 0.05, 0.25, 0.50}),
        new Compared(Field.DOB, List.of("different", "year_within_1", "same_month", "transposed", "exact"),
            new double[] {0.02, 0.03, 0.02, 0.03, 0.90}),
        new Compared(Field.DOCUMENT, List.of("different", "one_substitution", "exact"), new double[] {0.30, 0.05, 0.65}),
        new Compared(Field.PHONE, List.of("different", "exact"), new double[] {0.60, 0.40}),
        new Compared(Field.NATIONALITY, List.of("different", "exact"), new double[] {0.02, 0.98}),
        new Compared(Field.SEX, List.of("different", "exact"), new double[] {0.05, 0.95})),
        List.of("document", "phone", "name+birth_year", "name+nationality", "dob+family", "two_rarest_tokens"),
        "one_substitution", 0, false, false);
  }

  /** Every field the engine compares, with a linkage expert's levels: the default of {@code resolve --input}. */
  public static LinkageSettings people() {
    return new LinkageSettings(List.of(
        new Compared(Field.NAME, List.of("different", "fuzzy_within", "similar", "within", "sounds_alike", "phonetic",
            "exact"), new double[] {0.04, 0.06, 0.12, 0.05, 0.08, 0.15, 0.50}),
        new Compared(Field.DOB, List.of("different", "year_within_1", "same_month", "one_typo", "transposed", "exact"),
            new double[] {0.02, 0.03, 0.02, 0.08, 0.03, 0.82}),
        new Compared(Field.DOCUMENT, List.of("different", "two_edits", "one_edit", "exact"),
            new double[] {0.20, 0.05, 0.10, 0.65}),
        new Compared(Field.PHONE, List.of("different", "exact"), new double[] {0.40, 0.60}),
        new Compared(Field.NATIONALITY, List.of("different", "exact"), new double[] {0.02, 0.98}),
        new Compared(Field.SEX, List.of("different", "exact"), new double[] {0.05, 0.95}),
        new Compared(Field.EMAIL, List.of("different", "same_local_part", "exact"), new double[] {0.25, 0.05, 0.70}),
        new Compared(Field.CITY, List.of("different", "similar", "exact"), new double[] {0.15, 0.10, 0.75}),
        new Compared(Field.ADDRESS, List.of("different", "similar", "exact"), new double[] {0.25, 0.15, 0.60}),
        new Compared(Field.POSTCODE, List.of("different", "one_edit", "exact"), new double[] {0.15, 0.10, 0.75})),
        List.of("document", "phone", "email", "name+birth_year", "name+nationality", "dob+family", "two_rarest_tokens",
            "dob", "postcode", "family", "given", "address"),
        null, 4, true, true);
  }

  public List<Compared> fields() {
    return fields;
  }

  /** The estimated precision the link threshold is set for, when the settings give one (else the configuration's). */
  public Double targetPrecision() {
    return targetPrecision;
  }

  /** These settings with their own target precision (strictly between 0.5 and 1). */
  public LinkageSettings withTargetPrecision(double p) {
    if (!(p >= 0.5 && p < 1)) {
      throw new IllegalArgumentException("target-precision lies in [0.5, 1), got " + p);
    }
    return new LinkageSettings(fields, blocking, sameDocument, sameDocumentEdits, datesConflict, nameOrIdentifier, p);
  }

  public int size() {
    return fields.size();
  }

  public Compared compared(Field f) {
    int p = position[f.ordinal()];
    return p < 0 ? null : fields.get(p);
  }

  /** The field's position in the gamma vector, -1 when not compared. */
  public int position(Field f) {
    return position[f.ordinal()];
  }

  public List<String> blocking() {
    return blocking;
  }

  public boolean nameOnly(int rule) {
    return NAME_ONLY.contains(blocking.get(rule));
  }

  /** Training sessions: the blocking rules among ours that train m, each with the compared fields it is blind to. */
  public Map<String, List<Field>> sessions() {
    Map<String, List<Field>> out = new LinkedHashMap<>();
    for (String r : blocking) {
      List<Field> blind = TRAINING.get(r);
      if (blind != null) {
        out.put(r, blind.stream().filter(f -> position(f) >= 0).toList());
      }
    }
    return out;
  }

  /** The comparison vector of a pair. */
  public int[] gamma(ResolveRecord a, ResolveRecord b) {
    int[] g = new int[fields.size()];
    for (int i = 0; i < g.length; i++) {
      g[i] = Comparisons.level(fields.get(i), a, b);
    }
    return g;
  }

  /** Level name of a field's level (missing for -1). */
  public String levelName(int field, int level) {
    return level < 0 ? "missing" : fields.get(field).levels().get(level);
  }

  /** A level's description, as the explanations print it. */
  public String levelLabel(int field, int level) {
    return level < 0 ? "missing" : Comparisons.label(fields.get(field).field(), fields.get(field).levels().get(level));
  }

  /** Whether the pair agrees exactly on the name (the level whose weight is term-frequency adjusted). */
  public boolean exactName(int[] g) {
    int p = position(Field.NAME);
    return g[p] == fields.get(p).levels().size() - 1 && "exact".equals(fields.get(p).levels().get(g[p]));
  }

  /** The level just below an exact name (an exact name never weighs less than it). */
  public int belowExactName() {
    return fields.get(position(Field.NAME)).levels().size() - 2;
  }

  /**
   * Pairs that surely match: the same document, or the same name (exactly, or the same phonetic tokens in any order)
   * and the same date of birth.
   */
  public boolean deterministic(int[] g) {
    if (is(g, Field.DOCUMENT, "exact")) {
      return true;
    }
    return (is(g, Field.NAME, "exact") || is(g, Field.NAME, "phonetic")) && is(g, Field.DOB, "exact");
  }

  /** Whether a link may rest on this pair (see the constructor's nameOrIdentifier). */
  public boolean linkable(int[] g) {
    if (!nameOrIdentifier) {
      return true;
    }
    int n = position(Field.NAME);
    if (g[n] > 0) {
      return true;
    }
    for (Field f : List.of(Field.DOCUMENT, Field.PHONE, Field.EMAIL)) {
      int p = position(f);
      if (p >= 0 && g[p] > 0) {
        return true;
      }
    }
    // without a name on either side: an exact date of birth with an agreeing address or postcode, not a date alone
    if (g[n] >= 0) {
      return false;
    }
    int agree = 0;
    for (Field f : List.of(Field.DOB, Field.ADDRESS, Field.POSTCODE)) {
      int p = position(f);
      agree += p >= 0 && g[p] == fields.get(p).levels().size() - 1 ? 1 : 0;
    }
    return agree >= 2 && is(g, Field.DOB, "exact");
  }

  private boolean is(int[] g, Field f, String level) {
    int p = position(f);
    return p >= 0 && g[p] >= 0 && fields.get(p).levels().get(g[p]).equals(level);
  }

  /** Two documents the guard takes for one: the same, within the edits, or at or above the same-document level. */
  public boolean sameDocument(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    if (sameDocumentEdits > 0 && Similarity.osa(a, b, sameDocumentEdits) <= sameDocumentEdits) {
      return true;
    }
    if (sameDocument == null) {
      return false;
    }
    Compared c = compared(Field.DOCUMENT);
    return Comparisons.level(c, document(a), document(b)) >= c.level(sameDocument);
  }

  /** A record holding only a document number or only a date of birth, for a guard's comparison of one field. */
  private static ResolveRecord document(String d) {
    return ResolveRecord.of(null, null, null, null, null, d, null, null, null);
  }

  private static ResolveRecord born(java.time.LocalDate d) {
    return ResolveRecord.of(null, null, null, d, null, null, null, null, null);
  }

  /** Whether the guard keeps dates of birth apart. */
  public boolean datesConflict() {
    return datesConflict;
  }

  /**
   * Two dates of birth the guard keeps apart: compared "different" on this settings' date levels, and more than two
   * digits apart, also with one's day and month swapped (two records of one person, each with its own typo, are two
   * digits apart and stay together).
   */
  public boolean differentDates(java.time.LocalDate a, java.time.LocalDate b) {
    Compared c = compared(Field.DOB);
    if (c == null || a == null || b == null) {
      return false;
    }
    if (Comparisons.level(c, born(a), born(b)) != 0 || Similarity.osa(Comparisons.digits(a), Comparisons.digits(b), 2) <= 2) {
      return false;
    }
    // one record with day and month swapped, the other with a typo
    return a.getDayOfMonth() > 12 || Similarity.osa(Comparisons.digits(a.getYear(), a.getDayOfMonth(),
        a.getMonthValue()), Comparisons.digits(b), 2) > 2;
  }

  /** A comparison vector as one int: level + 1 of each field, three bits each (missing = 0). */
  public int encode(int[] g) {
    int code = 0;
    for (int f = g.length - 1; f >= 0; f--) {
      code = (code << 3) | (g[f] + 1);
    }
    return code;
  }

  public int[] decode(int code) {
    int[] g = new int[fields.size()];
    for (int f = 0; f < g.length; f++) {
      g[f] = (code & 7) - 1;
      code >>>= 3;
    }
    return g;
  }

  /** Names of the rules in a mask. */
  public List<String> rules(int mask) {
    List<String> out = new ArrayList<>();
    for (int r = 0; r < blocking.size(); r++) {
      if ((mask & (1 << r)) != 0) {
        out.add(blocking.get(r));
      }
    }
    return out;
  }

  /** The m probabilities assumed before any data, per compared field and level. */
  public double[][] defaultM() {
    double[][] m = new double[fields.size()][];
    for (int i = 0; i < m.length; i++) {
      m[i] = fields.get(i).m().clone();
    }
    return m;
  }

  /** Everything the settings say, m priors and guards included (two settings that print alike are alike). */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Compared c : fields) {
      sb.append(c.field().column()).append(c.levels()).append(Arrays.toString(c.m())).append('\n');
    }
    return sb.append("blocking ").append(blocking).append("\nsame-document ").append(sameDocument)
        .append(" same-document-edits ").append(sameDocumentEdits)
        .append(targetPrecision == null ? "" : " target-precision " + targetPrecision)
        .append(" dates-conflict ").append(datesConflict).append(" name-or-identifier ").append(nameOrIdentifier)
        .toString();
  }
}
