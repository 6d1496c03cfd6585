package io.pathtrack.notify.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.contract.Outcome;
import io.pathtrack.contract.Priority;
import io.pathtrack.notify.delivery.TestNotifications;
import io.pathtrack.notify.domain.AccessionNotifications;
import io.pathtrack.notify.domain.DeliveryChannel;
import io.pathtrack.notify.domain.Notification;
import io.pathtrack.notify.domain.NotificationState;
import io.pathtrack.notify.domain.Trigger;
import io.pathtrack.notify.routing.NotificationCommunications;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class StoredNotificationsTest {
  private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");

  /** Every kind of notification the engine keeps: sent, failed, acknowledged, escalated with its successor, retracted. */
  private static AccessionNotifications state() {
    Notification first = TestNotifications.urgentMalignant().sent(AT.plusSeconds(2));
    Notification escalated = first.withState(NotificationState.ESCALATED);
    Notification cover = new Notification("n-cover", TestNotifications.ACCESSION, TestNotifications.REPORT, "1",
        Outcome.MALIGNANT, true, Priority.URGENT, "Practitioner/dr-patel", "Dr Ravi Patel", false,
        EnumSet.of(DeliveryChannel.WEBHOOK, DeliveryChannel.INBOX, DeliveryChannel.EMAIL), NotificationState.ACKNOWLEDGED,
        AT.plusSeconds(14_400), Optional.of(AT.plusSeconds(14_401)), Optional.empty(), Trigger.ESCALATION, 1,
        Optional.of(AT.plusSeconds(28_800)), Optional.of("Practitioner/dr-patel"), Optional.of(first.id()));
    Notification failed = TestNotifications.notification("Practitioner/dr-chen", Priority.HIGH, NotificationState.CREATED)
        .failed("email: 550 mailbox unavailable");
    Notification inboxOnly = new Notification("n-inbox", TestNotifications.ACCESSION, TestNotifications.REPORT, "2",
        Outcome.BENIGN, false, Priority.ROUTINE, "Practitioner/dr-lee", "Dr Ana Lee", true,
        EnumSet.of(DeliveryChannel.INBOX), NotificationState.RETRACTED, AT, Optional.empty(), Optional.empty());
    return new AccessionNotifications(TestNotifications.ACCESSION, "Practitioner/dr-lee",
        List.of(escalated, cover, failed, inboxOnly), List.of(TestNotifications.REPORT + "|1"));
  }

  @Test
  void theStoredFormReadsBackToTheSameStateWithoutFhir() {
    AccessionNotifications state = state();

    byte[] stored = StoredNotifications.SERDE.serializer().serialize("t", StoredNotifications.of(state));
    AccessionNotifications read = StoredNotifications.SERDE.deserializer().deserialize("t", stored).state();

    assertThat(read).isEqualTo(state);
    assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain("resourceType");
  }

  @Test
  void stateStoredByEarlierVersionsAsCommunicationsIsStillRead() {
    AccessionNotifications state = state();
    String legacy = JsonMapper.builder().build().writeValueAsString(new Legacy(state.accession(), state.orderer(),
        state.notifications().stream().map(NotificationCommunications::json).toList(), state.reportVersions()));

    AccessionNotifications read = StoredNotifications.SERDE.deserializer()
        .deserialize("t", legacy.getBytes(StandardCharsets.UTF_8)).state();

    assertThat(read).isEqualTo(state);
  }

  /** The form written before: the notifications as FHIR Communication JSON. */
  record Legacy(String accession, String orderer, List<String> notifications, List<String> reportVersions) {}
}
