package org.borderwatch.common.linkage;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * What entity resolution compares about one distinct record (mentions with identical fields are one
 * record): name tokens and their phonetic keys (Southeast Asian, and English Double Metaphone), date or year of
 * birth, document, phone, nationality, sex, email, city, address and its words, and postcode (each conformed; null
 * when unknown). The keys are computed once per record, not per compared pair.
 */
public record ResolveRecord(String id, String nameKey, List<String> tokens, List<String> phonetic,
    String familyKey, LocalDate dob, Integer birthYear, String document, String phone, String nationality,
    String sex, String phoneticSortedKey, String metaphoneKey, String email, String city, String address,
    List<String> addressTokens, String postcode) implements Serializable {

  /** Builds a record from conformed values; tokens come from the name key. */
  public static ResolveRecord of(String id, String nameKey, String familyKey, LocalDate dob, Integer birthYear,
      String document, String phone, String nationality, String sex) {
    return of(id, nameKey, familyKey, dob, birthYear, document, phone, nationality, sex, null, null, null, null);
  }

  /** Builds a record from conformed values, contact and place fields included. */
  public static ResolveRecord of(String id, String nameKey, String familyKey, LocalDate dob, Integer birthYear,
      String document, String phone, String nationality, String sex, String email, String city, String address,
      String postcode) {
    List<String> toks = nameKey == null || nameKey.isBlank() ? List.of() : List.of(nameKey.split(" "));
    return new ResolveRecord(id, nameKey, toks, Phonetic.tokens(toks), familyKey, dob,
        birthYear != null ? birthYear : dob == null ? null : dob.getYear(), document, phone, nationality, sex,
        toks.isEmpty() ? null : Phonetic.sortedKey(toks), toks.isEmpty() ? null : Similarity.metaphoneKey(toks), email,
        city, address, address == null ? null : List.of(address.split(" ")), postcode);
  }
}
