package io.pathtrack.specimen.domain;

/** The event that starts a specimen's turnaround clock. */
public enum ClockStart {
  COLLECTED,
  RECEIVED
}
