package org.borderwatch.ingest.core;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** One landed record: its raw values by contract field, with where it came from. */
public final class Raw implements Serializable {
  private final FeedContract contract;
  private final String[] values;
  public final String file;
  public final int line;
  public final String batch;

  public Raw(FeedContract contract, String[] values, String file, int line, String batch) {
    this.contract = contract;
    this.values = values;
    this.file = file;
    this.line = line;
    this.batch = batch;
  }

  public String get(String field) {
    return values[contract.index(field)];
  }

  public Instant instant(String field) {
    return Values.instant(get(field), contract.field(field), contract, contract.zoneId());
  }

  public Instant instant(String field, ZoneId zone) {
    return Values.instant(get(field), contract.field(field), contract, zone);
  }

  public LocalDate date(String field) {
    return Values.date(get(field), contract.field(field), contract);
  }

  public Double decimal(String field) {
    return Values.decimal(get(field));
  }

  public Integer integer(String field) {
    return Values.integer(get(field));
  }

  public FeedContract contract() {
    return contract;
  }
}
