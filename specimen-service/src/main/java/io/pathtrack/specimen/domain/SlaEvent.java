package io.pathtrack.specimen.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A turnaround event for one specimen: warning, breach, met or late.
 *
 * @param turnaround measured from clock start to the final report (met and late only)
 */
public record SlaEvent(Kind kind, String accession, Instant at, SlaPlan plan, Optional<Duration> turnaround) {
  public enum Kind { WARNING, BREACH, MET, LATE }
}
