package io.pathtrack.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.EventTypes;
import io.pathtrack.contract.Fhir;
import io.pathtrack.contract.Outcome;
import io.pathtrack.contract.Priority;
import io.pathtrack.contract.Topics;
import io.pathtrack.notify.delivery.RecordingReceiver;
import io.pathtrack.notify.domain.DeliveryChannel;
import io.pathtrack.notify.domain.Notification;
import io.pathtrack.notify.domain.NotificationState;
import io.pathtrack.notify.routing.NotificationCommunications;
import io.pathtrack.testsupport.Http;
import io.pathtrack.testsupport.KafkaProbe;
import io.pathtrack.testsupport.MutableClock;
import io.pathtrack.testsupport.PathologyFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hl7.fhir.r4.model.Communication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * notify-service end to end on a real broker, a real SMTP server and a real HTTP receiver, with an
 * injected clock for the acknowledgement deadlines. Started once for the class.
 */
class NotifyServiceIntegrationTest {
  @TempDir
  static Path state;

  private static GreenMail smtp;
  private static RecordingReceiver pager;
  private static NotifyServiceHarness service;

  @BeforeAll
  static void start() throws Exception {
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    pager = new RecordingReceiver("/pager", RecordingReceiver.Response.of(200));
    service = new NotifyServiceHarness(new MutableClock(Instant.parse("2026-11-23T10:00:00Z")), smtp, state,
        pager.url("/pager")).start();
  }

  @AfterAll
  static void stop() {
    service.close();
    pager.close();
    smtp.stop();
  }

  private static String id(List<Map<String, Object>> notes, String recipient) {
    return notes.stream().filter(n -> recipient.equals(n.get("recipient"))).map(n -> (String) n.get("id")).findFirst().orElseThrow();
  }

  @Test
  void malignantResultSendsAnUrgentEmailAndASignedWebhookWithoutClinicalDetails() throws Exception {
    long start = System.nanoTime();
    service.report("N-MAL-1", Outcome.MALIGNANT, "v1", "Practitioner/dr-mal", null, false);
    await().atMost(Duration.ofSeconds(20)).until(() -> service.mailTo("mal@hospital.example").size() == 1 && !pager.received().isEmpty());
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println("malignant report to email and webhook: " + millis + " ms");

    String body = GreenMailUtil.getBody(service.mailTo("mal@hospital.example").get(0));
    assertThat(service.mailTo("mal@hospital.example").get(0).getSubject()).startsWith("[URGENT]");
    assertThat(body).doesNotContainIgnoringCase("carcinoma").doesNotContain("N-MAL-1").doesNotContain("p-1001");

    RecordingReceiver.Request hook = pager.received().get(0);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("s3cret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    assertThat(hook.header("X-PathTrack-Signature")).isEqualTo("sha256=" + HexFormat.of().formatHex(mac.doFinal(hook.body())));
    assertThat(hook.header("Idempotency-Key")).isNotBlank();
    assertThat(hook.bodyText()).doesNotContainIgnoringCase("carcinoma").doesNotContain("N-MAL-1");

    List<Map<String, Object>> notes = service.awaitNotifications("N-MAL-1", l -> !l.isEmpty() && "sent".equals(l.get(0).get("state")));
    assertThat(notes.get(0)).containsEntry("priority", "urgent");
    assertThat(notes.get(0).get("channels").toString()).contains("email", "webhook", "inbox");

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(Http.get(service.base() + "/audit?about=DiagnosticReport/r-N-MAL-1").body()).contains("created").contains("sent"));
  }

  @Test
  void noAcknowledgementWithinFourHoursNotifiesTheCoveringPhysician() throws Exception {
    service.report("N-ESC-1", Outcome.MALIGNANT, "v1", "Practitioner/dr-esc", null, false);
    service.awaitNotifications("N-ESC-1", l -> l.stream().anyMatch(n -> "sent".equals(n.get("state"))));
    assertThat(service.mailTo("esc-cover@hospital.example")).isEmpty();

    service.clock.advance(Duration.ofHours(4).plusSeconds(1));
    await().atMost(Duration.ofSeconds(30)).until(() -> service.mailTo("esc-cover@hospital.example").size() == 1);
    assertThat(service.mailTo("esc-cover@hospital.example").get(0).getSubject()).contains("awaiting acknowledgement");
    // The inbox view is eventually consistent: the cover's delivery may be recorded before the escalation is read.
    List<Map<String, Object>> notes = service.awaitNotifications("N-ESC-1",
        l -> l.size() == 2 && l.stream().anyMatch(n -> "escalated".equals(n.get("state"))));
    assertThat(notes).anySatisfy(n -> assertThat(n).containsEntry("recipient", "Practitioner/dr-esc").containsEntry("state", "escalated"));
    assertThat(notes).anySatisfy(n -> assertThat(n).containsEntry("recipient", "Practitioner/dr-esc-cover")
        .containsEntry("trigger", "escalation"));
  }

  @Test
  void acknowledgementStopsEscalation() {
    service.report("N-ACK-1", Outcome.MALIGNANT, "v1", "Practitioner/dr-ack", null, false);
    List<Map<String, Object>> notes = service.awaitNotifications("N-ACK-1", l -> !l.isEmpty());
    assertThat(service.acknowledge(id(notes, "Practitioner/dr-ack"), "Practitioner/dr-ack").status()).isEqualTo(202);
    service.awaitNotifications("N-ACK-1", l -> l.stream().anyMatch(n -> "acknowledged".equals(n.get("state"))));

    service.clock.advance(Duration.ofHours(5));
    await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
    assertThat(service.mailTo("ack-cover@hospital.example")).isEmpty();
    assertThat(service.notifications("N-ACK-1")).hasSize(1);
  }

  @Test
  void anEhrAcknowledgesByUpdatingTheCommunication() {
    service.report("N-EHR-1", Outcome.MALIGNANT, "v1", "Practitioner/dr-ehr", null, false);
    String id = id(service.awaitNotifications("N-EHR-1", l -> !l.isEmpty()), "Practitioner/dr-ehr");
    Http.Response read = Http.get(service.base() + "/fhir/Communication/" + id);
    assertThat(read.status()).isEqualTo(200);
    org.hl7.fhir.r4.model.Communication c = io.pathtrack.contract.Fhir.json()
        .parseResource(org.hl7.fhir.r4.model.Communication.class, read.body());
    c.setStatus(org.hl7.fhir.r4.model.Communication.CommunicationStatus.COMPLETED);
    c.setSender(new org.hl7.fhir.r4.model.Reference("Practitioner/dr-ehr"));
    Http.Response put = Http.put(service.base() + "/fhir/Communication/" + id, "application/fhir+json",
        io.pathtrack.contract.Fhir.json().encodeResourceToString(c));
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    Map<String, Object> acked = service.awaitNotifications("N-EHR-1",
        l -> l.stream().anyMatch(n -> "acknowledged".equals(n.get("state")))).get(0);
    assertThat(acked).containsEntry("acknowledgedBy", "Practitioner/dr-ehr");
  }

  @Test
  void inputsThatCannotBeReadAreDeadLetteredWithTheirReasonAndAReportWithAnUnreadableBodyStillAlerts() {
    String accession = "N-READ-1";
    byte[] unreadable = "not json: Jane Doe".getBytes(StandardCharsets.UTF_8);
    KafkaProbe.send(service.bootstrap, Topics.NOTIFICATION_ACKS.name(), accession, unreadable, Map.of(
        EventHeaders.TYPE, EventTypes.NOTIFICATION_ACK_REQUESTED, EventHeaders.ID, "ack-" + accession));
    KafkaProbe.send(service.bootstrap, Topics.SPECIMENS.name(), accession, unreadable, Map.of(
        EventHeaders.TYPE, EventTypes.SPECIMEN_REGISTERED, EventHeaders.ID, "spec-" + accession));
    Map<String, String> report = PathologyFixtures.classifiedHeaders(accession, "r-" + accession, "final",
        Outcome.MALIGNANT, service.clock.instant(), service.clock.instant());
    report.put(EventHeaders.ORDERING_PRACTITIONER, "Practitioner/dr-lee");
    KafkaProbe.send(service.bootstrap, Topics.REPORTS_CLASSIFIED.name(), accession, unreadable, report);

    // The alert depends on the event's headers, never on the body (a copy for the notification page).
    List<Map<String, Object>> notes = service.awaitNotifications(accession, l -> !l.isEmpty());
    assertThat(notes).anySatisfy(n -> assertThat(n).containsEntry("recipient", "Practitioner/dr-lee")
        .containsEntry("priority", "urgent"));

    List<String> reasons = await().atMost(Duration.ofSeconds(30)).until(() -> KafkaProbe.readAll(service.bootstrap,
            Topics.NOTIFICATIONS_DLQ.name()).stream().filter(r -> accession.equals(r.key()))
        .map(r -> KafkaProbe.header(r, EventHeaders.REJECTION_REASON)).toList(), l -> l.size() == 2);
    assertThat(reasons).satisfiesExactlyInAnyOrder(
        r -> assertThat(r).startsWith("the record could not be read at ")
            .endsWith(": the value is not a JSON NotificationRequest (StreamReadException)"),
        r -> assertThat(r).startsWith("the record could not be read at ")
            .endsWith(": the value is not a FHIR R4 Specimen in JSON (DataFormatException)"));
    assertThat(String.join(" ", reasons)).doesNotContain("Jane");
  }

  @Test
  void aNotificationEventThatCannotBeReadIsDeadLetteredByTheDispatcherAndDeliveriesGoOn() {
    KafkaProbe.send(service.bootstrap, Topics.NOTIFICATIONS.name(), "N-POISON-1",
        "{\"resourceType\":\"Communication\",\"status\":\"Jane Doe\"}".getBytes(StandardCharsets.UTF_8),
        Map.of(EventHeaders.TYPE, EventTypes.NOTIFICATION_CREATED, EventHeaders.ID, "poison-1"));
    service.report("N-POISON-2", Outcome.MALIGNANT, "v1", "Practitioner/dr-poison", null, false);

    await().atMost(Duration.ofSeconds(30)).until(() -> service.mailTo("poison@hospital.example").size() == 1);
    var dead = await().atMost(Duration.ofSeconds(30)).until(() -> KafkaProbe.readAll(service.bootstrap,
        Topics.NOTIFICATIONS_DLQ.name()).stream().filter(r -> "N-POISON-1".equals(r.key())).toList(), l -> !l.isEmpty());
    assertThat(dead).hasSize(1);
    assertThat(KafkaProbe.header(dead.get(0), EventHeaders.REJECTION_REASON))
        .isEqualTo("the notification event could not be read: the value is not a FHIR R4 Communication in JSON"
            + " (DataFormatException)");
    assertThat(KafkaProbe.header(dead.get(0), EventHeaders.TYPE)).isEqualTo(EventTypes.RECORD_FAILED);
    assertThat(KafkaProbe.header(dead.get(0), EventHeaders.ORIGINAL_TOPIC)).isEqualTo(Topics.NOTIFICATIONS.name());
    assertThat(KafkaProbe.header(dead.get(0), EventHeaders.FAILURE_NODE)).isEqualTo("notify-dispatcher");
    assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).as("kept as read, for whoever repairs it")
        .contains("Jane Doe");
  }

  @Test
  void aNotificationNamingNoRecipientIsDeliveredToTheResultsDesk() throws Exception {
    Notification n = new Notification("f00dbabe-0000-4000-8000-000000000001", "N-NOREC-1", "DiagnosticReport/r-N-NOREC-1",
        "1", Outcome.MALIGNANT, false, Priority.URGENT, "Practitioner/dr-mal", "Dr Mal", false,
        EnumSet.of(DeliveryChannel.INBOX, DeliveryChannel.EMAIL), NotificationState.CREATED, service.clock.instant(),
        Optional.empty(), Optional.empty());
    Communication c = Fhir.json().parseResource(Communication.class, NotificationCommunications.json(n));
    c.setRecipient(List.of());
    Map<String, String> headers = new HashMap<>();
    NotificationCommunications.headers(n, "urn:pathtrack:test", service.clock.instant())
        .forEach((name, value) -> headers.put(name, new String(value, StandardCharsets.UTF_8)));
    KafkaProbe.send(service.bootstrap, Topics.NOTIFICATIONS.name(), n.accession(),
        Fhir.json().encodeResourceToString(c).getBytes(StandardCharsets.UTF_8), headers);

    await().atMost(Duration.ofSeconds(30)).until(() -> service.mailTo("desk@lab.example").stream()
        .anyMatch(m -> subject(m).contains("f00dbabe")));
  }

  /**
   * The engine writes notifications in transactions; one that crashed half way is aborted and its records must never
   * be delivered (the dispatcher reads committed records only: service-guard's DeliveryGuaranteeDefaults).
   */
  @Test
  void aNotificationWrittenInAnAbortedTransactionIsNeverDelivered() throws Exception {
    Map<String, Object> config = new HashMap<>(io.pathtrack.testsupport.TestKafka.administrator(service.bootstrap));
    config.put(org.apache.kafka.clients.producer.ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, service.bootstrap);
    config.put(org.apache.kafka.clients.producer.ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-aborted-" + UUID.randomUUID());
    try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<>(config,
        new org.apache.kafka.common.serialization.StringSerializer(),
        new org.apache.kafka.common.serialization.ByteArraySerializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(deskRecord("ab047ed0-0000-4000-8000-000000000003", "N-ABORT-1")).get();
      producer.abortTransaction();
    }
    // committed after it, on the same partition: once this one is delivered, the aborted one has been read past
    org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> committed =
        deskRecord("c0331e7d-0000-4000-8000-000000000004", "N-ABORT-1");
    Map<String, String> headers = new HashMap<>();
    committed.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
    KafkaProbe.send(service.bootstrap, Topics.NOTIFICATIONS.name(), committed.key(), committed.value(), headers);

    await().atMost(Duration.ofSeconds(30)).until(() -> service.mailTo("desk@lab.example").stream()
        .anyMatch(m -> subject(m).contains("c0331e7d")));
    assertThat(service.mailTo("desk@lab.example")).extracting(NotifyServiceIntegrationTest::subject)
        .noneMatch(s -> s.contains("ab047ed0"));
  }

  /** An urgent notification for the results desk (it names no recipient). */
  private static org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> deskRecord(String id, String accession) {
    Notification n = new Notification(id, accession, "DiagnosticReport/r-" + accession, "1", Outcome.MALIGNANT, false,
        Priority.URGENT, "Practitioner/dr-mal", "Dr Mal", false, EnumSet.of(DeliveryChannel.INBOX, DeliveryChannel.EMAIL),
        NotificationState.CREATED, service.clock.instant(), Optional.empty(), Optional.empty());
    Communication c = Fhir.json().parseResource(Communication.class, NotificationCommunications.json(n));
    c.setRecipient(List.of());
    var record = new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.NOTIFICATIONS.name(), accession,
        Fhir.json().encodeResourceToString(c).getBytes(StandardCharsets.UTF_8));
    NotificationCommunications.headers(n, "urn:pathtrack:test", service.clock.instant())
        .forEach((name, value) -> record.headers().add(name, value));
    return record;
  }

  @Test
  void aNotificationAndItsRetractionReadTogetherAreBothDelivered() {
    Notification created = new Notification("7a1ce000-0000-4000-8000-000000000002", "N-TWICE-1",
        "DiagnosticReport/r-N-TWICE-1", "1", Outcome.MALIGNANT, false, Priority.URGENT, "Practitioner/dr-twice", "Dr Twice",
        false, EnumSet.of(DeliveryChannel.INBOX, DeliveryChannel.EMAIL), NotificationState.CREATED, service.clock.instant(),
        Optional.empty(), Optional.empty());
    // Published back to back (often read in one batch): the retraction is a delivery of its own, never taken for the
    // created one's.
    publish(created);
    publish(created.withState(NotificationState.RETRACTED));

    await().atMost(Duration.ofSeconds(30)).until(() -> service.mailTo("twice@hospital.example").size() == 2);
    assertThat(service.mailTo("twice@hospital.example")).extracting(NotifyServiceIntegrationTest::subject)
        .anySatisfy(s -> assertThat(s).contains("ready")).anySatisfy(s -> assertThat(s).contains("withdrawn"));
  }

  private static void publish(Notification n) {
    Map<String, String> headers = new HashMap<>();
    NotificationCommunications.headers(n, "urn:pathtrack:test", service.clock.instant())
        .forEach((name, value) -> headers.put(name, new String(value, StandardCharsets.UTF_8)));
    KafkaProbe.send(service.bootstrap, Topics.NOTIFICATIONS.name(), n.accession(),
        NotificationCommunications.json(n).getBytes(StandardCharsets.UTF_8), headers);
  }

  private static String subject(jakarta.mail.internet.MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void benignResultIsInTheInboxOnly() {
    service.report("N-BEN-1", Outcome.BENIGN, "v1", "Practitioner/dr-ben", null, false);
    List<Map<String, Object>> notes = service.awaitNotifications("N-BEN-1", l -> !l.isEmpty());
    assertThat(notes.get(0)).containsEntry("priority", "routine").containsEntry("channels", List.of("inbox"));
    await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> true);
    assertThat(service.mailTo("ben@hospital.example")).isEmpty();
  }

  @Test
  void amendmentFromBenignToMalignantIsUrgentAndReferencesTheFirstNotification() throws Exception {
    service.report("N-AMD-1", Outcome.BENIGN, "v1", "Practitioner/dr-amd", null, false);
    String first = id(service.awaitNotifications("N-AMD-1", l -> !l.isEmpty()), "Practitioner/dr-amd");
    service.report("N-AMD-1", Outcome.MALIGNANT, "v2", "Practitioner/dr-amd", Outcome.BENIGN, false);
    await().atMost(Duration.ofSeconds(20)).until(() -> service.mailTo("amd@hospital.example").size() == 1);
    assertThat(service.mailTo("amd@hospital.example").get(0).getSubject()).startsWith("[URGENT]").contains("changed");
    Map<String, Object> changed = service.awaitNotifications("N-AMD-1", l -> l.size() == 2).stream()
        .filter(n -> "urgent".equals(n.get("priority"))).findFirst().orElseThrow();
    assertThat(changed).containsEntry("replaces", first).containsEntry("trigger", "outcome-changed");
  }

  @Test
  void enteredInErrorRetractsTheNotificationAndTellsTheRecipient() throws Exception {
    service.report("N-EIE-1", Outcome.MALIGNANT, "v1", "Practitioner/dr-eie", null, false);
    await().atMost(Duration.ofSeconds(20)).until(() -> service.mailTo("eie@hospital.example").size() == 1);
    service.report("N-EIE-1", Outcome.MALIGNANT, "v2", "Practitioner/dr-eie", null, true);
    await().atMost(Duration.ofSeconds(20)).until(() -> service.mailTo("eie@hospital.example").size() == 2);
    assertThat(service.mailTo("eie@hospital.example").get(1).getSubject()).contains("withdrawn");
    service.awaitNotifications("N-EIE-1", l -> l.stream().anyMatch(n -> "retracted".equals(n.get("state"))));
  }
}
