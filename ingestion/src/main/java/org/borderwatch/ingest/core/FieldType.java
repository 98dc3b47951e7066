package org.borderwatch.ingest.core;

/** Types a raw field is validated against before it may land in bronze. */
public enum FieldType {
  /** Any text. */
  STRING,
  /** One of the listed values (case-sensitive). */
  ENUM,
  INTEGER,
  DECIMAL,
  /** A local date-time in a pattern, in the feed's time zone (Buddhist Era when the feed says so). */
  TIMESTAMP,
  /** An ISO-8601 date-time with an offset. */
  TIMESTAMP_OFFSET,
  /** An ISO-8601 instant (UTC, ending in Z). */
  INSTANT,
  /** Milliseconds since the epoch, UTC. */
  EPOCH_MILLIS,
  /** Seconds since the epoch, UTC. */
  EPOCH_SECONDS,
  /** A date in one of the listed patterns. */
  DATE,
  /** A JSON array (kept as JSON text in bronze). */
  JSON_ARRAY,
  /** A JSON object (kept as JSON text in bronze). */
  JSON_OBJECT,
  /** Y or N. */
  FLAG
}
