package org.borderwatch.resolve;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import org.borderwatch.common.linkage.Blocking;
import org.borderwatch.core.catalog.TableSpec;
import org.borderwatch.core.catalog.Tables;

/** Tables entity resolution writes. */
public final class ResolveTables {
  private ResolveTables() {}

  public static final TableSpec MENTION_ENTITIES = TableSpec.of(Tables.SILVER_MENTION_ENTITIES)
      .col("mention_id", StringType, false, "Mention (silver.person_mentions)")
      .col("entity_id", StringType, false, "Resolved identity; stable across runs while its membership continues")
      .col("record_id", StringType, false, "Distinct record the mention belongs to (mentions with identical fields)")
      .col("source", StringType, "Source of the mention")
      .col("source_record_id", StringType, "Id of the source record")
      .col("seq", IntegerType, "Position of the person in the source record")
      .key("mention_id")
      .build();

  public static final TableSpec ENTITY_LINKS = TableSpec.of(Tables.SILVER_ENTITY_LINKS)
      .col("record_l", StringType, false, "One record of the pair")
      .col("record_r", StringType, false, "The other record")
      .col("mention_l", StringType, "A mention of record_l (to find it in silver.person_mentions)")
      .col("mention_r", StringType, "A mention of record_r")
      .col("entity_id", StringType, "Entity the link joined into")
      .col("match_weight", DoubleType, "Total match weight (log2 odds), prior included")
      .col("match_probability", DoubleType, "Match probability")
      .col("blocking_rules", createArrayType(StringType), "Blocking rules that proposed the pair")
      .col("name_level", StringType, "Name comparison level")
      .col("dob_level", StringType, "Date-of-birth comparison level")
      .col("document_level", StringType, "Document comparison level")
      .col("phone_level", StringType, "Phone comparison level")
      .col("nationality_level", StringType, "Nationality comparison level")
      .col("sex_level", StringType, "Sex comparison level")
      .col("w_prior", DoubleType, "Prior weight log2(lambda/(1-lambda))")
      .col("w_name", DoubleType, "Name weight (term-frequency adjusted for exact matches)")
      .col("w_dob", DoubleType, "Date-of-birth weight")
      .col("w_document", DoubleType, "Document weight")
      .col("w_phone", DoubleType, "Phone weight")
      .col("w_nationality", DoubleType, "Nationality weight")
      .col("w_sex", DoubleType, "Sex weight")
      .col("name_tf", DoubleType, "Share of mentions with this exact name (for exact name matches)")
      .col("email_level", StringType, "Email comparison level (null: not compared by the settings)")
      .col("city_level", StringType, "City comparison level (null: not compared by the settings)")
      .col("address_level", StringType, "Address comparison level (null: not compared by the settings)")
      .col("postcode_level", StringType, "Postcode comparison level (null: not compared by the settings)")
      .col("w_email", DoubleType, "Email weight")
      .col("w_city", DoubleType, "City weight")
      .col("w_address", DoubleType, "Address weight")
      .col("w_postcode", DoubleType, "Postcode weight")
      .key("record_l", "record_r")
      .build();

  public static final TableSpec PERSONS = TableSpec.of(Tables.GOLD_PERSONS)
      .col("person_key", StringType, false, "Pseudonymised person key (keyed hash of the entity id)")
      .col("name_initials", StringType, "Initials of the most frequent name form (no full names in gold)")
      .col("nationality", StringType, "Most frequent nationality, ISO 3166 alpha-3")
      .col("stateless", org.apache.spark.sql.types.DataTypes.BooleanType, "Any source says stateless")
      .col("sex", StringType, "Most frequent sex")
      .col("birth_year", IntegerType, "Most frequent year of birth")
      .col("sources", createArrayType(StringType), "Sources the person appears in")
      .col("mentions", LongType, "Number of mentions")
      .col("first_seen", TimestampType, "Earliest event")
      .col("last_seen", TimestampType, "Latest event")
      .col("document_keys", createArrayType(StringType), "Pseudonymised document numbers")
      .col("phone_keys", createArrayType(StringType), "Pseudonymised phone numbers")
      .col("role_hints", createArrayType(StringType), "Roles the sources gave (traveller, suspect, victim, ...)")
      .key("person_key")
      .build();

  public static final TableSpec ENTITY_CHANGES = TableSpec.of(Tables.ENTITY_CHANGES)
      .col("run_id", StringType, false, "Resolution run")
      .col("changed_at", TimestampType, false, "When")
      .col("change", StringType, false, "new, merged (other_entity_id absorbed into entity_id), split "
          + "(entity_id gave mentions to other_entity_id) or retired")
      .col("entity_id", StringType, false, "Entity")
      .col("other_entity_id", StringType, "The other entity of a merge or split")
      .col("mentions", LongType, "Mentions involved")
      .build();

  public static final TableSpec RUNS = TableSpec.of(Tables.RESOLVE_RUNS)
      .col("run_id", StringType, false, "Resolution run")
      .col("ran_at", TimestampType, false, "When")
      .col("mentions", LongType, "Person mentions resolved")
      .col("records", LongType, "Distinct records (mentions with identical fields)")
      .col("candidate_pairs", LongType, "Record pairs proposed by blocking")
      .col("pair_reduction", DoubleType, "1 - candidate pairs / all record pairs")
      .col("pairs_by_rule", StringType, "JSON: candidate pairs each blocking rule proposed")
      .col("skipped_blocks", StringType, "JSON: blocks skipped per rule for exceeding resolve.max-block-records")
      .col("lambda", DoubleType, "Estimated share of matches among candidate pairs")
      .col("em_iterations", IntegerType, "EM iterations")
      .col("parameters", StringType, "JSON: m and u probability per field and level")
      .col("threshold", DoubleType, "Match probability above which links are accepted")
      .col("estimated_precision", DoubleType, "Mean probability of accepted links")
      .col("accepted_links", LongType, "Links accepted")
      .col("entities", LongType, "Entities after clustering")
      .col("clusters_split", IntegerType, "Clusters split by the chaining guard")
      .build();
}
