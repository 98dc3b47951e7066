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

  @Option(names = "--input", paramLabel = "CSV", description = "Resolve this list of people instead of the lakehouse "
      + "(columns: id, given_name, family_name, full_name, dob, sex, nationality, document_number, phone, email, "
      + "address, city; any subset)")
  Path input;

  @Option(names = "--out", paramLabel = "DIR", description = "With --input: where entities.csv and pairs.csv go")
  Path outDir;

  @Override
  public Integer call() throws Exception {
    if (input != null) {
      if (outDir == null) {
        throw org.borderwatch.core.error.Errors.badArgument("--out", "(missing)", "a folder for entities.csv and "
            + "pairs.csv when --input is given");
      }
      PeopleCsv.Summary s = PeopleCsv.resolve(spark(), config(), input, outDir, progress());
      out().printf(Locale.ROOT, "%,d people → %,d entities; %,d pairs written to %s%n", s.people(), s.entities(),
          s.pairs(), outDir);
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
      Map<String, Double> m = ResolveEvaluation.evaluate(assigned, ResolveEvaluation.truth(spark(), dir),
          job.result().scored);
      out().println("Accuracy against the simulator's truth:");
      m.forEach((k, v) -> out().printf(Locale.ROOT, "  %-28s %s%n", k,
          v == Math.rint(v) && Math.abs(v) > 1 ? String.format(Locale.ROOT, "%,.0f", v)
              : String.format(Locale.ROOT, "%.4f", v)));
    }
    out().flush();
    return 0;
  }
}
