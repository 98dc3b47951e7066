package org.borderwatch.core.catalog;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.borderwatch.core.catalog.TableId.Layer;

/** Every table of the lakehouse, named once. Jobs refer to these constants, never to string literals. */
public final class Tables {
  private Tables() {}

  // ---- bronze: raw records as landed, one table per feed ----
  public static final TableId BRONZE_CHECKPOINT_TH = new TableId(Layer.BRONZE, "checkpoint_th",
      "Thai Immigration checkpoint crossing records, raw");
  public static final TableId BRONZE_CHECKPOINT_VN = new TableId(Layer.BRONZE, "checkpoint_vn",
      "Vietnam Immigration checkpoint crossing records, raw");
  public static final TableId BRONZE_CHECKPOINT_MY = new TableId(Layer.BRONZE, "checkpoint_my",
      "Malaysian Immigration checkpoint crossing records, raw");
  public static final TableId BRONZE_DETECTIONS = new TableId(Layer.BRONZE, "detections",
      "Sensor and patrol detections, raw");
  public static final TableId BRONZE_INTERDICTIONS = new TableId(Layer.BRONZE, "interdictions",
      "Interdiction reports with the persons apprehended, raw");
  public static final TableId BRONZE_PATROLS = new TableId(Layer.BRONZE, "patrols",
      "Weekly patrol deployment roster, raw");
  public static final TableId BRONZE_CASES = new TableId(Layer.BRONZE, "cases", "Law-enforcement case files, raw");
  public static final TableId BRONZE_ARRESTS = new TableId(Layer.BRONZE, "arrests", "Arrest records, raw");
  public static final TableId BRONZE_SCREENINGS = new TableId(Layer.BRONZE, "screenings",
      "Victim-screening interviews with ILO indicators, raw");
  public static final TableId BRONZE_POSTS = new TableId(Layer.BRONZE, "posts", "Social-media posts, raw");
  public static final TableId BRONZE_PROFILES = new TableId(Layer.BRONZE, "profiles", "Social-media profiles, raw");
  public static final TableId BRONZE_TRANSACTIONS = new TableId(Layer.BRONZE, "transactions",
      "Money transfers from banks, wallets and remittance agents, raw");
  public static final TableId BRONZE_KYC = new TableId(Layer.BRONZE, "kyc", "Account KYC records, raw");
  public static final TableId QUARANTINE = new TableId(Layer.BRONZE, "quarantine",
      "Lines that could not be parsed or failed validation, with file, line number and reason code");

  // ---- silver: conformed ----
  public static final TableId SILVER_BORDER_CROSSINGS = new TableId(Layer.SILVER, "border_crossings",
      "Checkpoint crossings from every exporting agency, conformed (UTC, ISO countries, normalised names)");
  public static final TableId SILVER_DETECTIONS = new TableId(Layer.SILVER, "detections",
      "Detections with UTC time, checked coordinates and H3 cells");
  public static final TableId SILVER_INTERDICTIONS = new TableId(Layer.SILVER, "interdictions",
      "Interdictions with UTC time, checked coordinates and H3 cells");
  public static final TableId SILVER_INTERDICTION_PERSONS = new TableId(Layer.SILVER, "interdiction_persons",
      "Persons apprehended in interdictions, with the role the unit took them to have");
  public static final TableId SILVER_PATROLS = new TableId(Layer.SILVER, "patrol_deployments",
      "Patrol units per crossing or border segment and week, from the roster issued before the week");
  public static final TableId SILVER_CASES = new TableId(Layer.SILVER, "cases",
      "Case files with E.164 phones, vehicles and accounts named in them");
  public static final TableId SILVER_CASE_PERSONS = new TableId(Layer.SILVER, "case_persons",
      "Persons in case files with their role (suspect, victim, witness)");
  public static final TableId SILVER_ARRESTS = new TableId(Layer.SILVER, "arrests", "Arrests, conformed");
  public static final TableId SILVER_SCREENINGS = new TableId(Layer.SILVER, "victim_screenings",
      "Victim-screening interviews with the 11 ILO indicators as booleans");
  public static final TableId SILVER_POSTS = new TableId(Layer.SILVER, "social_posts",
      "Social posts with UTC time, NFKC text, phones and handles found in the text, H3 cells of geotags");
  public static final TableId SILVER_PROFILES = new TableId(Layer.SILVER, "social_profiles",
      "Social profiles with normalised display names and phones found in bios");
  public static final TableId SILVER_TRANSACTIONS = new TableId(Layer.SILVER, "transactions",
      "Money transfers with UTC time, ISO 4217 currency and USD value");
  public static final TableId SILVER_ACCOUNTS = new TableId(Layer.SILVER, "accounts",
      "Accounts from KYC records with normalised holder names, E.164 phones and ISO countries");
  public static final TableId SILVER_PERSON_MENTIONS = new TableId(Layer.SILVER, "person_mentions",
      "Every appearance of a person in any source, with a reference to its source row, ready for entity resolution");

  public static final TableId SILVER_MENTION_ENTITIES = new TableId(Layer.SILVER, "mention_entities",
      "Which resolved identity (entity) each person mention belongs to");
  public static final TableId SILVER_ENTITY_LINKS = new TableId(Layer.SILVER, "entity_links",
      "Accepted links between records with their match weight and the contribution of each field (why two "
          + "mentions were joined)");

  public static final TableId SILVER_ZONE_FEATURES = new TableId(Layer.SILVER, "zone_features",
      "Zone-week features on the H3 forecast grid, from data available before the week starts, with the week's "
          + "outcomes as labels (docs/features.md)");
  public static final TableId SILVER_CORRIDOR_FEATURES = new TableId(Layer.SILVER, "corridor_features",
      "Corridor-week features (origin > crossing > destination), from data available before the week starts, with "
          + "the week's observed volume as label (docs/features.md)");

  public static final TableId SILVER_EVIDENCE_SOURCES = new TableId(Layer.SILVER, "evidence_sources",
      "The source row behind every evidence key of gold.evidence: silver table and record id (for investigators)");

  // ---- gold ----
  public static final TableId GOLD_PERSONS = new TableId(Layer.GOLD, "persons",
      "One row per resolved person: pseudonymised key and identifiers, best-known attributes, sources seen in");

  public static final TableId GOLD_ZONE_RISK = new TableId(Layer.GOLD, "zone_risk_weekly",
      "Next-week smuggling risk per H3 zone: probability at standard patrol effort, expected detections, rank, "
          + "risk band and the three features that drove the score");
  public static final TableId GOLD_ROUTE_RISK = new TableId(Layer.GOLD, "route_risk_weekly",
      "Next-week activity per corridor: predicted volume, change against the last four weeks, reasons");

  public static final TableId GOLD_NETWORKS = new TableId(Layer.GOLD, "networks",
      "Offender networks of the week: size, members by role, corridors, money, change since last week");
  public static final TableId GOLD_KEY_INDIVIDUALS = new TableId(Layer.GOLD, "key_individuals",
      "Persons to prioritise (pseudonymised), ranked, with the links and case files behind each rank");
  public static final TableId GOLD_PERSON_ROLES = new TableId(Layer.GOLD, "person_roles",
      "Inferred role of every network member (pseudonymised), with confidence; travellers and victims marked protect");
  public static final TableId GOLD_MONEY_FLOWS = new TableId(Layer.GOLD, "money_flows",
      "Money between networks, countries and roles over the analysis window");
  public static final TableId GOLD_MULE_ACCOUNTS = new TableId(Layer.GOLD, "mule_accounts",
      "Accounts scored as money mules (pseudonymised), with the indicators that fired");
  public static final TableId GOLD_RECRUITMENT_ADS = new TableId(Layer.GOLD, "recruitment_ads",
      "Social posts scored for deceptive recruitment, with the phrases and patterns that fired and the persons "
          + "their contacts belong to (pseudonymised)");
  public static final TableId GOLD_VICTIM_ALERTS = new TableId(Layer.GOLD, "victim_alerts",
      "FOR PROTECTION AND REFERRAL ONLY, never for targeting: persons (pseudonymised) who may be trafficking victims, "
          + "with likelihood, the forced-labour indicators present and their evidence, and where to refer them");
  public static final TableId GOLD_EVIDENCE = new TableId(Layer.GOLD, "evidence",
      "The records behind the reasons of gold scores (key individuals, mule accounts, victim alerts), described "
          + "without names or numbers: kind, week, place, what the record says, the persons it names (pseudonymised)");
  public static final TableId GOLD_DEPLOYMENT = new TableId(Layer.GOLD, "deployment_recommendations",
      "Recommended patrol deployment for a week: units per base and zone maximising expected interdictions");

  // ---- ops ----
  public static final TableId INGEST_LOG = new TableId(Layer.OPS, "ingest_log",
      "One row per landing file and ingest run: lines read, rows landed, rows quarantined, duplicates, drift");
  public static final TableId ENTITY_CHANGES = new TableId(Layer.OPS, "entity_changes",
      "Identity changes between resolution runs: new, merged, split and retired entities");
  public static final TableId RESOLVE_RUNS = new TableId(Layer.OPS, "resolve_runs",
      "One row per resolution run: blocking statistics, estimated parameters, threshold, estimated precision");
  public static final TableId INGESTED_FILES = new TableId(Layer.OPS, "ingested_files",
      "Landing files already ingested, with size, modification time and SHA-256 checksum");
  public static final TableId MODEL_REGISTRY = new TableId(Layer.OPS, "model_registry",
      "Every trained model: version, training window, parameters, validation metrics, feature importances, path");
  public static final TableId BACKTEST_RESULTS = new TableId(Layer.OPS, "backtest_results",
      "Rolling-origin backtest: one row per run, model or baseline, target (detected or true events) and metric");
  public static final TableId VICTIM_FEEDBACK = new TableId(Layer.OPS, "victim_feedback",
      "Analysts' review of ads and victim alerts (confirmed or dismissed); the next victims run trains on it");
  public static final TableId ERASURES = new TableId(Layer.OPS, "erasures",
      "One row per erasure of a person: when, by whom, a digest of the reference given (not the person's data), "
          + "rows changed per table, landing files rewritten, reports removed, history removed");
  public static final TableId ANALYST_AUDIT = new TableId(Layer.OPS, "analyst_audit",
      "Every statement of an analyst or investigator session (sql, serve): who, when, from where, tables read, rows "
          + "returned, allowed or refused and why; for those who run the lakehouse, not readable by analysts");
  public static final TableId JOB_RUNS = new TableId(Layer.OPS, "job_runs",
      "One row per job run: arguments, start, end, status, rows read and written, error");

  /** All tables, in declaration order (layer by layer). */
  public static List<TableId> all() {
    return Holder.ALL;
  }

  private static final class Holder {
    static final List<TableId> ALL = collect();
  }

  private static List<TableId> collect() {
    List<TableId> out = new ArrayList<>();
    for (Field f : Tables.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == TableId.class) {
        try {
          out.add((TableId) f.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    out.sort((a, b) -> a.layer() != b.layer() ? a.layer().compareTo(b.layer()) : 0);
    return Collections.unmodifiableList(out);
  }
}
