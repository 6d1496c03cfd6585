package io.pathtrack.specimen.sla;

/** The event that starts a specimen's turnaround clock. */
public enum ClockStart {
  COLLECTED,
  RECEIVED
}
