package org.borderwatch.cli.command;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.borderwatch.evaluation.ResolveEvaluation;
import org.borderwatch.resolve.PeopleCsv;
import org.borderwatch.resolve.ResolveJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "resolve", description = "Link person mentions across all sources into stable, explained identities.")
public final class ResolveCommand extends BaseCommand {
  @Option(names = "--evaluate", description = "Also print accuracy against the simulator's truth")
  boolean evaluate;

  @Option(names = "--truth", paramLabel = "DIR", description = "Truth folder (default: <lakehouse>/world/truth)")
  String truth;

  @Option(names = "--doc", paramLabel = "FILE", description = "With --evaluate: write the figures section of this "
      + "page (e.g. docs/entity-resolution.md), with the exact-match baselines")
  java.nio.file.Path doc;

  @Option(names = "--input", paramLabel = "CSV", description = "Resolve this list of people instead of the lakehouse "
      + "(columns: id, given_name, family_name, full_name, dob, sex, nationality, document_number, phone, email, "
      + "address, city, postcode; any subset)")
  Path input;

  @Option(names = "--out", paramLabel = "DIR", description = "With --input: where entities.csv and pairs.csv go")
  Path outDir;

  @Option(names = "--delimiter", paramLabel = "CHAR", description = "With --input: the field delimiter (one "
      + "character, or \\t for a tab; default: detected from the header among , ; tab |)")
  String delimiter;

  @Option(names = "--encoding", paramLabel = "NAME", description = "With --input: the file's encoding (default: "
      + "the byte-order mark's, else UTF-8; e.g. ISO-8859-1, windows-1252, UTF-16)")
  String encoding;

  @Option(names = "--map", paramLabel = "THEIRS=OURS", description = "With --input: use the file's column THEIRS as "
      + "the standard column OURS (repeatable), e.g. --map surname=family_name")
  Map<String, String> map = new java.util.LinkedHashMap<>();

  @Option(names = "--truth-column", paramLabel = "COLUMN", description = "With --input: a column of true cluster "
      + "ids (never matched on); prints pairwise and exact-cluster precision, recall and F1 against it")
  String truthColumn;

  @Option(names = "--settings", paramLabel = "FILE", description = "With --input: the resolution's settings (fields, "
      + "levels, blocking rules, guards; default: the bundled conf/resolution/people.conf)")
  java.nio.file.Path settings;

  @Option(names = "--against", paramLabel = "DIR", description = "With --input: link these new people to the "
      + "resolution in DIR (the --out folder of an earlier resolve --input) without re-resolving it: its entities and "
      + "their ids stay as they are, and --out gets both lists")
  java.nio.file.Path against;

  PeopleCsv.Options readOptions() {
    char d = 0;
    if (delimiter != null) {
      String t = delimiter.equals("\\t") || delimiter.equals("tab") ? "\t" : delimiter;
      if (t.length() != 1 || t.equals("\"") || t.equals("\n") || t.equals("\r")) {
        throw org.borderwatch.core.error.Errors.badArgument("--delimiter", delimiter, "one character other than a "
            + "quote or a line break, or \\t");
      }
      d = t.charAt(0);
    }
    java.nio.charset.Charset cs = null; // detected
    if (encoding != null) {
      try {
        cs = java.nio.charset.Charset.forName(encoding);
      } catch (IllegalArgumentException e) {
        throw org.borderwatch.core.error.Errors.badArgument("--encoding", encoding, "an encoding Java knows, e.g. "
            + "UTF-8, ISO-8859-1, windows-1252, UTF-16");
      }
    }
    return new PeopleCsv.Options(d, cs, Map.copyOf(map), truthColumn, settings == null ? null
        : org.borderwatch.resolve.SettingsFile.read(settings), against);
  }

  /** The accuracy lines printed with --truth-column. */
  static String accuracy(String column, org.borderwatch.evaluation.LinkageScores.Scores a) {
    return String.format(Locale.ROOT, "against %s: pairwise precision %.4f, recall %.4f, F1 %.4f (%,d of %,d "
        + "predicted pairs true; %,d true pairs)%nclusters (exact): precision %.4f, recall %.4f, F1 %.4f (%,d of "
        + "%,d entities exactly a true cluster; %,d true clusters)", column, a.pairPrecision(), a.pairRecall(),
        a.pairF1(), a.correctPairs(), a.predictedPairs(), a.truePairs(), a.clusterPrecision(), a.clusterRecall(),
        a.clusterF1(), a.exactClusters(), a.predictedClusters(), a.trueClusters());
  }

  @Override
  public Integer call() throws Exception {
    if (doc != null && !evaluate) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--doc needs --evaluate");
    }
    if (input == null && (delimiter != null || encoding != null || !map.isEmpty() || truthColumn != null
        || settings != null || against != null)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--delimiter, --encoding, --map, "
          + "--settings, --against and --truth-column go with --input (the lakehouse's settings are "
          + "resolve.settings)");
    }
    if (input != null) {
      if (outDir == null) {
        throw org.borderwatch.core.error.Errors.badArgument("--out", "(missing)", "a folder for entities.csv and "
            + "pairs.csv when --input is given");
      }
      PeopleCsv.Options options = readOptions(); // usage errors before a session starts
      PeopleCsv.Summary s = PeopleCsv.resolve(spark(), config(), input, outDir, options, progress());
      if (s.incremental() != null) {
        out().printf(Locale.ROOT, "%,d new people linked against %s: %,d joined an existing entity, %,d new "
            + "entities%n", s.incremental().newPeople(), against, s.incremental().joinedExisting(),
            s.incremental().newEntities());
      }
      out().printf(Locale.ROOT, "%,d people → %,d entities; %,d pairs written to %s%n", s.people(), s.entities(),
          s.pairs(), outDir);
      if (truthColumn != null) {
        out().println(accuracy(truthColumn, org.borderwatch.evaluation.LinkageScores.of(s.entityOf(), s.labels())));
      }
      out().flush();
      return 0;
    }
    ResolveJob job = new ResolveJob();
    out().println(runJob(job, null).summary());
    if (evaluate) {
      String dir = truth != null ? truth : org.borderwatch.evaluation.SimulatedTruth.defaultDir(config());
      var assigned = job.result().assignments.join(spark().table("silver.mention_entities")
          .select("mention_id", "entity_id"), "mention_id").select(col("mention_id"),
          col("entity_id").as("entity"), col("record_id"));
      var truthRows = ResolveEvaluation.truth(spark(), dir);
      Map<String, Double> m = new java.util.LinkedHashMap<>(ResolveEvaluation.evaluate(assigned, truthRows,
          job.result().scored));
      m.putAll(ResolveEvaluation.baselines(spark(), truthRows));
      printEvaluation(m, 44, java.util.List.of(), doc, doc == null ? null
          : org.borderwatch.evaluation.EvaluationDoc.resolution(m, org.borderwatch.evaluation.EvaluationDoc
              .describeWorld(dir)));
    }
    out().flush();
    return 0;
  }
}
