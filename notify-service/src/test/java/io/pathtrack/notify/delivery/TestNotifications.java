package io.pathtrack.notify.delivery;

import io.pathtrack.contract.Outcome;
import io.pathtrack.contract.Priority;
import io.pathtrack.notify.domain.DeliveryChannel;
import io.pathtrack.notify.domain.Notification;
import io.pathtrack.notify.domain.NotificationState;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;

/** Notifications for channel and inbox tests; the one place their constructor is called. */
public final class TestNotifications {
  public static final String ACCESSION = "S26-90001";
  public static final String REPORT = "DiagnosticReport/rep-S26-90001";
  public static final String RECIPIENT = "Practitioner/dr-lee";
  public static final String RECIPIENT_NAME = "Dr Ana Lee";
  public static final Instant CREATED = Instant.parse("2026-11-27T10:00:00Z");

  private TestNotifications() {}

  /** An urgent malignant result for Dr Lee, with a fresh id. */
  public static Notification urgentMalignant() {
    return notification(RECIPIENT, Priority.URGENT, NotificationState.CREATED);
  }

  public static Notification notification(String recipient, Priority priority, NotificationState state) {
    return new Notification(UUID.randomUUID().toString(), ACCESSION, REPORT, "1", Outcome.MALIGNANT, false, priority,
        recipient, RECIPIENT_NAME, false, EnumSet.of(DeliveryChannel.INBOX, DeliveryChannel.EMAIL), state, CREATED,
        Optional.empty(), Optional.empty());
  }

  /** Words that must never leave the system in an outbound message. */
  public static String[] phi() {
    return new String[] {ACCESSION, REPORT, "rep-S26", "malignant", "carcinoma", RECIPIENT_NAME};
  }
}
