package io.pathtrack.notify.routing;

/** Where a notification is; each state is carried as a FHIR Communication.status. */
public enum NotificationState {
  CREATED("preparation"),
  SENT("completed"),
  FAILED("not-done");

  private final String communicationStatus;

  NotificationState(String communicationStatus) {
    this.communicationStatus = communicationStatus;
  }

  public String communicationStatus() {
    return communicationStatus;
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
