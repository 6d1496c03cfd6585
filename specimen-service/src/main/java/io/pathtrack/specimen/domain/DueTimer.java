package io.pathtrack.specimen.domain;

import io.pathtrack.contract.streams.DueIndex;
import java.time.Instant;

/** One SLA timer of a specimen: the warning or the breach, at its due time. */
public record DueTimer(Instant at, Kind kind, String accession) {
  /** What fires when the timer falls due. */
  public enum Kind { WARNING, BREACH }

  /** The timer as an entry of the due-time index: {@code W|S26-00001} at its due time. */
  public DueIndex.Entry entry() {
    return new DueIndex.Entry(at, kind.name().charAt(0) + "|" + accession);
  }

  public static DueTimer of(DueIndex.Entry entry) {
    String name = entry.name();
    return new DueTimer(entry.at(), name.charAt(0) == 'W' ? Kind.WARNING : Kind.BREACH, name.substring(2));
  }
}
