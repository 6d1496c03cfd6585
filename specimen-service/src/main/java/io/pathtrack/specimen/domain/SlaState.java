package io.pathtrack.specimen.domain;

import java.util.Locale;

/** Where a specimen stands against its turnaround target. */
public enum SlaState {
  /** No clock yet: the clock-start event (receipt or collection) has not happened. */
  NOT_STARTED,
  ON_TRACK,
  WARNING,
  BREACHED,
  MET,
  LATE,
  /** Cancelled or rejected: the clock stopped without a report. */
  STOPPED;

  public boolean isOpen() {
    return this == ON_TRACK || this == WARNING || this == BREACHED;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
