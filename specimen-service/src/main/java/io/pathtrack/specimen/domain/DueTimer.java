package io.pathtrack.specimen.domain;

import io.pathtrack.contract.streams.DueIndex;
import java.time.Instant;

/**
 * One timer of a specimen: the SLA warning or breach, or a recommended follow-up's due date, at its due time.
 *
 * @param followUp the follow-up's kind, for a {@link Kind#FOLLOW_UP} timer; null otherwise
 */
public record DueTimer(Instant at, Kind kind, String accession, String followUp) {
  /** What fires when the timer falls due. */
  public enum Kind { WARNING, BREACH, FOLLOW_UP }

  public DueTimer(Instant at, Kind kind, String accession) {
    this(at, kind, accession, null);
  }

  /**
   * The timer as an entry of the due-time index: {@code W|S26-00001} at its due time, {@code F|repeat-biopsy|S26-00001}
   * for a follow-up (a kind is a lower-case code without {@code |}).
   */
  public DueIndex.Entry entry() {
    return new DueIndex.Entry(at, kind == Kind.FOLLOW_UP ? "F|" + followUp + "|" + accession
        : kind.name().charAt(0) + "|" + accession);
  }

  public static DueTimer of(DueIndex.Entry entry) {
    String name = entry.name();
    if (name.charAt(0) == 'F') {
      // A malformed entry reads as a follow-up of no kind: it fires nothing and is dropped, never stopping the sweep.
      int bar = name.indexOf('|', 2);
      return bar < 0 ? new DueTimer(entry.at(), Kind.FOLLOW_UP, name.length() > 2 ? name.substring(2) : "", "")
          : new DueTimer(entry.at(), Kind.FOLLOW_UP, name.substring(bar + 1), name.substring(2, bar));
    }
    return new DueTimer(entry.at(), name.charAt(0) == 'W' ? Kind.WARNING : Kind.BREACH, name.substring(2));
  }
}
