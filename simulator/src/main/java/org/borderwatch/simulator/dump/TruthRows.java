package org.borderwatch.simulator.dump;

import java.util.ArrayList;
import java.util.List;

/** Truth rows produced while rendering one week's files (who each mention is, planted defects, labels). */
public final class TruthRows {
  /** source, record_id, seq, person_id, file_week */
  public final List<Object[]> mentions = new ArrayList<>();
  /** file, line, kind, file_week */
  public final List<Object[]> defects = new ArrayList<>();
  /** post_id, kind, deceptive, network_id, trip_id, author_person_id, file_week */
  public final List<Object[]> posts = new ArrayList<>();
  /** tx_id, purpose, network_id, trip_id, from_account, to_account, file_week */
  public final List<Object[]> payments = new ArrayList<>();
  /** source, record_id, event_week, file_week */
  public final List<Object[]> late = new ArrayList<>();
  /** feed, file, records, lines, file_week */
  public final List<Object[]> files = new ArrayList<>();
}
