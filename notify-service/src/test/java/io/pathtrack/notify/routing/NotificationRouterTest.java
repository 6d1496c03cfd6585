package io.pathtrack.notify.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.contract.ClassifiedReportEvent;
import io.pathtrack.contract.Outcome;
import io.pathtrack.contract.Priority;
import io.pathtrack.notify.NotifyProperties;
import io.pathtrack.notify.NotifyProperties.Practitioner;
import io.pathtrack.notify.NotifyProperties.Rule;
import io.pathtrack.notify.directory.PractitionerDirectory;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotificationRouterTest {
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  private static final Practitioner LEE = new Practitioner("Practitioner/dr-lee", "Dr Lee", "lee@h.example");
  private static final Practitioner DESK = new Practitioner("Organization/desk", "Results desk", "desk@lab.example");

  private static NotificationRouter router(Map<Outcome, Rule> overrides) {
    NotifyProperties properties = new NotifyProperties(URI.create("urn:test"), URI.create("http://x"), "from@x",
        List.of(LEE), DESK, overrides);
    return new NotificationRouter(new NotificationPolicy(overrides), new PractitionerDirectory(properties));
  }

  private static ClassifiedReportEvent event(Outcome outcome, String orderer) {
    return new ClassifiedReportEvent("e1", "S26-1", "r1", "1", "final", outcome, false, NOW,
        Optional.empty(), Optional.ofNullable(orderer), Optional.empty(), Optional.empty(), Optional.empty());
  }

  @Test
  void malignantResultIsUrgentByEmailAndInboxToTheOrderingPhysician() {
    Notification n = router(Map.of()).route(event(Outcome.MALIGNANT, "Practitioner/dr-lee"), Optional.empty(), NOW);
    assertThat(n.priority()).isEqualTo(Priority.URGENT);
    assertThat(n.channels()).containsExactlyInAnyOrder(DeliveryChannel.EMAIL, DeliveryChannel.INBOX);
    assertThat(n.recipient()).isEqualTo("Practitioner/dr-lee");
    assertThat(n.fallbackRecipient()).isFalse();
  }

  @Test
  void benignResultIsRoutineAndStaysInTheInbox() {
    Notification n = router(Map.of()).route(event(Outcome.BENIGN, "Practitioner/dr-lee"), Optional.empty(), NOW);
    assertThat(n.priority()).isEqualTo(Priority.ROUTINE);
    assertThat(n.channels()).containsExactly(DeliveryChannel.INBOX);
  }

  @Test
  void atypicalAndNondiagnosticAreHigh() {
    assertThat(router(Map.of()).route(event(Outcome.ATYPICAL, null), Optional.empty(), NOW).priority()).isEqualTo(Priority.HIGH);
    assertThat(router(Map.of()).route(event(Outcome.NONDIAGNOSTIC, null), Optional.empty(), NOW).priority()).isEqualTo(Priority.HIGH);
  }

  @Test
  void ordererComesFromTheSpecimenOrderWhenTheReportNamesNone() {
    Notification n = router(Map.of()).route(event(Outcome.ATYPICAL, null), Optional.of("Practitioner/dr-lee"), NOW);
    assertThat(n.recipient()).isEqualTo("Practitioner/dr-lee");
  }

  @Test
  void resultWithNoResolvableRecipientGoesToTheFallbackDeskFlagged() {
    Notification unknown = router(Map.of()).route(event(Outcome.MALIGNANT, "Practitioner/unknown"), Optional.empty(), NOW);
    Notification none = router(Map.of()).route(event(Outcome.MALIGNANT, null), Optional.empty(), NOW);
    assertThat(unknown.recipient()).isEqualTo("Organization/desk");
    assertThat(unknown.fallbackRecipient()).isTrue();
    assertThat(none.recipient()).isEqualTo("Organization/desk");
    assertThat(none.fallbackRecipient()).isTrue();
  }

  @Test
  void sameReportVersionAndRecipientGiveTheSameNotificationId() {
    NotificationRouter router = router(Map.of());
    Notification first = router.route(event(Outcome.MALIGNANT, "Practitioner/dr-lee"), Optional.empty(), NOW);
    Notification again = router.route(event(Outcome.MALIGNANT, "Practitioner/dr-lee"), Optional.empty(), NOW.plusSeconds(5));
    assertThat(again.id()).isEqualTo(first.id());
  }

  @Test
  void aSiteCanOverrideARowOfThePolicyButTheInboxAlwaysStays() {
    Notification n = router(Map.of(Outcome.BENIGN, new Rule(Priority.HIGH, EnumSet.of(DeliveryChannel.EMAIL))))
        .route(event(Outcome.BENIGN, "Practitioner/dr-lee"), Optional.empty(), NOW);
    assertThat(n.priority()).isEqualTo(Priority.HIGH);
    assertThat(n.channels()).containsExactlyInAnyOrder(DeliveryChannel.EMAIL, DeliveryChannel.INBOX);
  }

  @Test
  void notificationSurvivesTheTripThroughACommunication() {
    Notification n = router(Map.of()).route(event(Outcome.MALIGNANT, "Practitioner/dr-lee"), Optional.empty(), NOW)
        .sent(NOW.plusSeconds(2));
    assertThat(NotificationCommunications.parse(NotificationCommunications.json(n))).isEqualTo(n);
  }
}
