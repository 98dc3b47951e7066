package org.borderwatch.ingest.core;

/** Reason codes of quarantined lines. */
public enum Reason {
  /** The line is not valid UTF-8. */
  INVALID_UTF8,
  /** The line is not a complete JSON object (e.g. truncated). */
  MALFORMED_JSON,
  /** A CSV line whose quotes do not balance. */
  MALFORMED_CSV,
  /** A CSV line with more or fewer fields than its header (e.g. a stray delimiter). */
  WRONG_FIELD_COUNT,
  /** A required field is missing or empty. */
  MISSING_REQUIRED,
  /** A field's value does not match its declared type or format. */
  BAD_VALUE,
  /** Coordinates outside the region that are not a swapped pair either. */
  BAD_COORDINATES,
  /** An empty line in the middle of a file. */
  BLANK_LINE,
  /** A compressed file that cannot be decompressed (the whole file is one quarantined unit). */
  UNREADABLE_FILE
}
