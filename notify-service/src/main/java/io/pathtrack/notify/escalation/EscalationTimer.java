package io.pathtrack.notify.escalation;

import java.time.Instant;

/** An acknowledgement deadline in the due-time index; keys sort by due time, so a sweep costs what is due. */
public record EscalationTimer(Instant at, String accession, String notificationId) {

  public String key() {
    return pad(at) + "|" + accession + "|" + notificationId;
  }

  public static String upperBound(Instant now) {
    return pad(now) + "|~";
  }

  public static EscalationTimer parse(String key) {
    String[] p = key.split("\\|", 3);
    return new EscalationTimer(Instant.ofEpochMilli(Long.parseLong(p[0])), p[1], p[2]);
  }

  private static String pad(Instant at) {
    return String.format("%016d", Math.max(0, at.toEpochMilli()));
  }
}
