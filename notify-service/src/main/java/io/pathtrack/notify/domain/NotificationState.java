package io.pathtrack.notify.domain;

import java.util.Locale;

/**
 * Where a notification is. Carried exactly in the notification-state extension of its Communication,
 * and as near as FHIR allows in {@code Communication.status}.
 */
public enum NotificationState {
  CREATED("preparation"),
  SENT("completed"),
  FAILED("not-done"),
  /** The recipient, or someone on their behalf, has acknowledged it: escalation stops. */
  ACKNOWLEDGED("completed"),
  /** Unacknowledged past its deadline: the next in the escalation chain has been notified. */
  ESCALATED("stopped"),
  /** Its recipient said it is not their patient: rerouted to the results desk, escalation stops. */
  DECLINED("stopped"),
  /** Its report was entered in error: the notification is withdrawn and the recipient told. */
  RETRACTED("entered-in-error");

  private final String communicationStatus;

  NotificationState(String communicationStatus) {
    this.communicationStatus = communicationStatus;
  }

  public String communicationStatus() {
    return communicationStatus;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Dealt with: acknowledged, declined or retracted. Its recipient need not be told any more; an escalated notification
   * is not settled (nobody acknowledged it, and its recipient must still learn of the result).
   */
  public boolean settled() {
    return this == ACKNOWLEDGED || this == DECLINED || this == RETRACTED;
  }

  /** Still waiting for an acknowledgement (or for delivery). */
  public boolean isOpen() {
    return this == CREATED || this == SENT || this == FAILED;
  }

  public static NotificationState fromCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }

  public static NotificationState fromCommunicationStatus(String status) {
    for (NotificationState s : values()) {
      if (s.communicationStatus.equals(status)) {
        return s;
      }
    }
    throw new IllegalArgumentException("not a notification state: " + status);
  }
}
