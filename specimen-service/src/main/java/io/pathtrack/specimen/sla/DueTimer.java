package io.pathtrack.specimen.sla;

import java.time.Instant;

/**
 * One timer in the due-time index. Its key sorts by due time first, so the timers due now are one range
 * scan from the start of the index: finding them costs what is due, not what is open.
 */
public record DueTimer(Instant at, Kind kind, String accession) {
  /** What fires when the timer falls due. */
  public enum Kind { WARNING, BREACH }

  /** {@code 0001795600000000|W|S26-00001}: zero-padded epoch millis, kind, accession. */
  public String key() {
    return key(at) + "|" + kind.name().charAt(0) + "|" + accession;
  }

  /** The first key after every timer due at or before {@code instant}. */
  public static String upperBound(Instant instant) {
    return key(instant) + "|~";
  }

  public static DueTimer parse(String key) {
    String[] parts = key.split("\\|", 3);
    Kind kind = parts[1].equals("W") ? Kind.WARNING : Kind.BREACH;
    return new DueTimer(Instant.ofEpochMilli(Long.parseLong(parts[0])), kind, parts[2]);
  }

  private static String key(Instant instant) {
    return String.format("%016d", Math.max(0, instant.toEpochMilli()));
  }
}
