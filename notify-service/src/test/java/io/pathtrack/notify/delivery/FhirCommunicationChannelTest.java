package io.pathtrack.notify.delivery;

import io.pathtrack.notify.ChannelProperties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pathtrack.contract.Fhir;
import io.pathtrack.notify.delivery.RecordingReceiver.Response;
import io.pathtrack.notify.domain.Notification;
import io.pathtrack.notify.routing.NotificationCommunications;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Communication.CommunicationPriority;
import org.hl7.fhir.r4.model.Communication.CommunicationStatus;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

class FhirCommunicationChannelTest {
  private static final Instant NOW = Instant.parse("2026-11-27T10:15:30Z");
  private final FhirCommunicationChannel channel = new FhirCommunicationChannel(
      new ChannelProperties.Fhir(Duration.ofSeconds(2), Duration.ofSeconds(5)), URI.create("https://pathtrack.example"),
      Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void communicationArrivesAsAConditionalCreateOnTheNotificationId() {
    Notification n = TestNotifications.urgentMalignant();
    try (RecordingReceiver ehr = new RecordingReceiver("/fhir", created())) {
      FhirCommunicationChannel.Delivery delivery = channel.send(n, new FhirEndpoint(ehr.url("/fhir")));

      assertThat(delivery.created()).isTrue();
      assertThat(delivery.location()).hasValueSatisfying(l -> assertThat(l).contains("Communication/c-1"));
      RecordingReceiver.Request request = ehr.received().get(0);
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.path()).isEqualTo("/fhir/Communication");
      String ifNoneExist = URLDecoder.decode(request.header("If-None-Exist"), StandardCharsets.UTF_8);
      assertThat(ifNoneExist).endsWith("identifier=" + NotificationCommunications.NOTIFICATION_ID_SYSTEM + "|" + n.id());

      Communication c = Fhir.json().parseResource(Communication.class, request.bodyText());
      assertThat(c.getIdentifierFirstRep().getSystem()).isEqualTo(NotificationCommunications.NOTIFICATION_ID_SYSTEM);
      assertThat(c.getIdentifierFirstRep().getValue()).isEqualTo(n.id());
      assertThat(c.getStatus()).isEqualTo(CommunicationStatus.INPROGRESS);
      assertThat(c.getPriority()).isEqualTo(CommunicationPriority.STAT);
      assertThat(c.getAboutFirstRep().getReference()).isEqualTo(TestNotifications.REPORT);
      assertThat(c.getRecipientFirstRep().getReference()).isEqualTo(TestNotifications.RECIPIENT);
      assertThat(c.getSent()).isEqualTo(java.util.Date.from(NOW));
      String text = c.getPayloadFirstRep().getContentStringType().getValue();
      assertThat(text).contains(n.id()).contains("https://pathtrack.example/ui/notifications/" + n.id());
      for (String word : TestNotifications.phi()) {
        assertThat(text).doesNotContainIgnoringCase(word);
      }
    }
  }

  @Test
  void resendThatTheEhrAlreadyHasIsReportedAsNotCreated() {
    try (RecordingReceiver ehr = new RecordingReceiver("/fhir", new Response(200,
        Map.of("Location", "http://ehr.example/fhir/Communication/c-1/_history/1"), ""))) {
      FhirCommunicationChannel.Delivery delivery = channel.send(TestNotifications.urgentMalignant(),
          new FhirEndpoint(ehr.url("/fhir")));

      assertThat(delivery.created()).isFalse();
    }
  }

  @Test
  void rejectionByTheEhrFailsWithItsStatusAndDiagnostics() {
    OperationOutcome outcome = new OperationOutcome();
    outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
        .setCode(OperationOutcome.IssueType.REQUIRED).setDiagnostics("Communication.subject is required here");
    try (RecordingReceiver ehr = new RecordingReceiver("/fhir", new Response(422,
        Map.of("Content-Type", "application/fhir+json"), Fhir.json().encodeResourceToString(outcome)))) {
      Notification n = TestNotifications.urgentMalignant();

      assertThatThrownBy(() -> channel.send(n, new FhirEndpoint(ehr.url("/fhir"))))
          .isInstanceOfSatisfying(DeliveryFailedException.class, e -> {
            assertThat(e.channel()).isEqualTo("fhir");
            assertThat(e.notificationId()).isEqualTo(n.id());
          })
          .hasMessageContaining("HTTP 422")
          .hasMessageContaining("Communication.subject is required here");
      assertThat(ehr.received()).hasSize(1);
    }
  }

  @Test
  void ehrDownFailsWithoutAnswer() {
    URI closed;
    try (RecordingReceiver gone = new RecordingReceiver("/fhir", created())) {
      closed = gone.url("/fhir");
    }
    assertThatThrownBy(() -> channel.send(TestNotifications.urgentMalignant(), new FhirEndpoint(closed)))
        .isInstanceOf(DeliveryFailedException.class)
        .hasMessageContaining("no answer from " + closed);
  }

  private static Response created() {
    return new Response(201, Map.of("Location", "http://ehr.example/fhir/Communication/c-1/_history/1"), "");
  }
}
