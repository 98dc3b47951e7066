package org.borderwatch.core.job;

/**
 * A unit of scheduled work. Implementations read at the edge, transform, and write at the edge, and
 * must be idempotent: running the same job with the same arguments twice leaves the same tables.
 * Run them through {@link JobRunner}, which records every run in ops.job_runs.
 */
public interface Job {
  /** Short name recorded in ops.job_runs (e.g. "ingest"). */
  String name();

  JobOutcome run(JobContext ctx) throws Exception;
}
