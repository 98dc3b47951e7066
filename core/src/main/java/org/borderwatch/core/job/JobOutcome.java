package org.borderwatch.core.job;

/** What a job did: rows read, rows written, and one line for people. */
public record JobOutcome(long rowsRead, long rowsWritten, String summary) {}
