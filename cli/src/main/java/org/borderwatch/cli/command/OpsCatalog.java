package org.borderwatch.cli.command;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.borderwatch.core.catalog.Lakehouse;
import org.borderwatch.core.catalog.TableSpec;
import org.borderwatch.core.job.JobRunner;
import org.borderwatch.ingest.core.BronzeSpecs;
import org.borderwatch.models.ModelRegistry;
import org.borderwatch.models.TrainJob;
import org.borderwatch.resolve.ResolveTables;
import org.borderwatch.victims.VictimsJob;

/**
 * The ops tables and the analyst's feedback table exist from the first command on a new lakehouse (empty until
 * a job writes them), so that the README's queries of ops.job_runs, and an analyst's feedback, work at once.
 * Each stage still owns its table's spec; this is only the list of them.
 */
final class OpsCatalog {
  private OpsCatalog() {}

  static final List<TableSpec> SPECS = List.of(JobRunner.JOB_RUNS, BronzeSpecs.INGEST_LOG, BronzeSpecs.INGESTED_FILES,
      ResolveTables.RUNS, ResolveTables.ENTITY_CHANGES, ModelRegistry.SPEC, TrainJob.BACKTEST_SPEC, VictimsJob.FEEDBACK,
      org.borderwatch.core.session.AnalystAudit.SPEC, org.borderwatch.core.privacy.EraseJob.ERASURES);

  static void ensure(SparkSession spark) {
    for (TableSpec s : SPECS) {
      Lakehouse.ensure(spark, s);
    }
  }
}
