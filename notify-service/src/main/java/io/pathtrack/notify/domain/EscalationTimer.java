package io.pathtrack.notify.domain;

import io.pathtrack.contract.streams.DueIndex;
import java.time.Instant;

/** An acknowledgement deadline of one notification, as an entry of the due-time index. */
public record EscalationTimer(Instant at, String accession, String notificationId) {

  public DueIndex.Entry entry() {
    return new DueIndex.Entry(at, accession + "|" + notificationId);
  }

  public static EscalationTimer of(DueIndex.Entry entry) {
    int bar = entry.name().lastIndexOf('|');
    return new EscalationTimer(entry.at(), entry.name().substring(0, bar), entry.name().substring(bar + 1));
  }
}
