package io.pathtrack.local;

import static io.pathtrack.testsupport.PathologyFixtures.report;
import static io.pathtrack.testsupport.PathologyFixtures.specimen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.Extensions;
import io.pathtrack.contract.Fhir;
import io.pathtrack.contract.ProcedureType;
import io.pathtrack.contract.Topics;
import io.pathtrack.testsupport.Http;
import io.pathtrack.testsupport.KafkaProbe;
import io.pathtrack.testsupport.TestKafka;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Specimen;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole system in one run: a real Kafka broker, a real SMTP server and the three services. A report
 * travels from the LIS (REST or Kafka) to a delivered alert.
 */
class WalkingSkeletonEndToEndTest {
  private static final String OKAFOR_EMAIL = "chidi.okafor@hospital.example";
  private static final String LEE_EMAIL = "ana.lee@hospital.example";
  private static final String NOVAK_EMAIL = "eva.novak@hospital.example";

  @TempDir
  static Path state;

  private static GreenMail smtp;
  private static PathTrackServices services;
  private static String bootstrap;

  @BeforeAll
  static void startSystem() {
    bootstrap = TestKafka.bootstrapServers();
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    services = PathTrackServices.start(new PathTrackServices.Settings(
        bootstrap, "127.0.0.1", smtp.getSmtp().getPort(), 0, 0, 0, state, Map.of("pathtrack.results.mllp.port", 0)));
    for (var context : List.of(services.results(), services.specimen(), services.notifications())) {
      io.pathtrack.testsupport.StreamsReady.await(context, Duration.ofSeconds(120));
    }
  }

  @AfterAll
  static void stopSystem() {
    if (services != null) {
      services.close();
    }
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void malignantReportOverRestSendsExactlyOneUrgentEmailToTheOrderingPhysician() throws Exception {
    register(specimen("E2E-MAL-1").procedure(ProcedureType.CT_LUNG_SOFT_TISSUE).orderedBy("Practitioner/dr-okafor").build());

    Http.Response created = postReport(report("E2E-MAL-1")
        .issued(java.time.Instant.now().plusSeconds(60))
        .conclusion("Right lower lobe, CT-guided core biopsy: invasive adenocarcinoma, acinar predominant.")
        .json());
    assertThat(created.status()).isEqualTo(201);

    await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo(OKAFOR_EMAIL).size() == 1);
    MimeMessage email = messagesTo(OKAFOR_EMAIL).get(0);
    assertThat(email.getSubject()).contains("[URGENT]");
    String body = GreenMailUtil.getBody(email);
    assertThat(body).doesNotContainIgnoringCase("adenocarcinoma").doesNotContain("p-1001").contains("/notifications/");

    List<Map<String, Object>> notes = notificationsFor("E2E-MAL-1");
    assertThat(notes).singleElement().satisfies(n -> {
      assertThat(n).containsEntry("priority", "urgent").containsEntry("outcome", "malignant")
          .containsEntry("recipient", "Practitioner/dr-okafor").containsEntry("state", "sent");
    });

    // The specimen is marked reported with its turnaround.
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      Specimen s = readSpecimen("E2E-MAL-1");
      assertThat(s.getExtensionByUrl(Extensions.LIFECYCLE_STATUS).getValue().primitiveValue()).isEqualTo("reported");
      assertThat(s.getExtensionByUrl(Extensions.TURNAROUND)).isNotNull();
    });

    // Still exactly one, a moment later.
    Thread.sleep(1500);
    assertThat(messagesTo(OKAFOR_EMAIL)).hasSize(1);
  }

  @Test
  void benignReportGivesARoutineInboxNotificationAndNoEmail() throws Exception {
    register(specimen("E2E-BEN-1").procedure(ProcedureType.US_CORE_NEEDLE).orderedBy("Practitioner/dr-lee").build());
    int emailsBefore = messagesTo(LEE_EMAIL).size();

    assertThat(postReport(report("E2E-BEN-1")
        .requester("Practitioner/dr-lee")
        .conclusion("Left breast, 2 o'clock, ultrasound-guided core biopsy: fibroadenoma. Negative for malignancy.")
        .json()).status()).isEqualTo(201);

    await().atMost(Duration.ofSeconds(30)).until(() -> !notificationsFor("E2E-BEN-1").isEmpty());
    assertThat(notificationsFor("E2E-BEN-1")).singleElement().satisfies(n -> assertThat(n)
        .containsEntry("priority", "routine").containsEntry("outcome", "benign")
        .containsEntry("recipient", "Practitioner/dr-lee").containsEntry("channels", List.of("inbox")));
    Thread.sleep(1000);
    assertThat(messagesTo(LEE_EMAIL)).hasSize(emailsBefore);
  }

  @Test
  void reportPublishedOnTheInboundTopicTakesTheSamePath() throws Exception {
    register(specimen("E2E-KAF-1").procedure(ProcedureType.CT_BONE).orderedBy("Practitioner/dr-novak").build());

    String xml = report("E2E-KAF-1")
        .conclusion("Vertebral body, CT-guided core biopsy: metastatic carcinoma, consistent with breast primary.")
        .xml();
    KafkaProbe.send(bootstrap, Topics.REPORTS_INBOUND, "E2E-KAF-1", xml.getBytes(StandardCharsets.UTF_8),
        Map.of(EventHeaders.CONTENT_TYPE, EventHeaders.FHIR_XML));

    await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo(NOVAK_EMAIL).size() == 1);
    assertThat(messagesTo(NOVAK_EMAIL).get(0).getSubject()).contains("[URGENT]");
    assertThat(notificationsFor("E2E-KAF-1")).singleElement()
        .satisfies(n -> assertThat(n).containsEntry("outcome", "malignant"));
  }

  @Test
  void reportWithoutSubjectIsRefusedNamingTheElementAndGoesNoFurther() {
    register(specimen("E2E-BAD-1").orderedBy("Practitioner/dr-lee").build());

    Http.Response refused = postReport(report("E2E-BAD-1").withoutSubject().conclusion("Invasive carcinoma.").json());
    assertThat(refused.status()).isBetween(400, 499);
    OperationOutcome outcome = Fhir.json().parseResource(OperationOutcome.class, refused.body());
    assertThat(outcome.getIssue()).anySatisfy(issue ->
        assertThat(issue.getExpression()).extracting(Object::toString).contains("DiagnosticReport.subject"));

    // A good report sent after the bad one arrives; the bad one never produced anything.
    register(specimen("E2E-BAD-2").orderedBy("Practitioner/dr-lee").build());
    assertThat(postReport(report("E2E-BAD-2").conclusion("Benign breast tissue.").json()).status()).isEqualTo(201);
    await().atMost(Duration.ofSeconds(30)).until(() -> !notificationsFor("E2E-BAD-2").isEmpty());
    assertThat(notificationsFor("E2E-BAD-1")).noneMatch(n -> String.valueOf(n.get("report")).startsWith("DiagnosticReport/"));
    assertThat(KafkaProbe.readAll(bootstrap, Topics.REPORTS_CLASSIFIED))
        .noneMatch(r -> "E2E-BAD-1".equals(r.key()));
  }

  @Test
  void nonJsonPayloadOnTheInboundTopicIsDeadLetteredWithItsReasonAndTheConsumerKeepsGoing() {
    byte[] garbage = "MSH|^~\\&|not FHIR at all".getBytes(StandardCharsets.UTF_8);
    KafkaProbe.send(bootstrap, Topics.REPORTS_INBOUND, "E2E-DLQ-1", garbage, Map.of());

    register(specimen("E2E-DLQ-2").orderedBy("Practitioner/dr-lee").build());
    KafkaProbe.send(bootstrap, Topics.REPORTS_INBOUND, "E2E-DLQ-2",
        report("E2E-DLQ-2").conclusion("Reactive lymph node. No evidence of malignancy.").json().getBytes(StandardCharsets.UTF_8),
        Map.of(EventHeaders.CONTENT_TYPE, EventHeaders.FHIR_JSON));

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      List<ConsumerRecord<String, byte[]>> dead = KafkaProbe.readAll(bootstrap, Topics.REPORTS_INBOUND_DLQ);
      assertThat(dead).anySatisfy(r -> {
        assertThat(r.key()).isEqualTo("E2E-DLQ-1");
        assertThat(r.value()).isEqualTo(garbage);
        assertThat(KafkaProbe.header(r, EventHeaders.REJECTION_REASON)).contains("neither FHIR JSON nor FHIR XML");
        assertThat(KafkaProbe.header(r, EventHeaders.REJECTION_OUTCOME)).contains("OperationOutcome");
      });
    });
    await().atMost(Duration.ofSeconds(30)).until(() -> !notificationsFor("E2E-DLQ-2").isEmpty());
  }

  // --- helpers -----------------------------------------------------------------------------------

  private static void register(Specimen specimen) {
    // Received now, so no turnaround warning or breach joins the result notifications under test.
    specimen.setReceivedTime(new java.util.Date());
    String accession = specimen.getAccessionIdentifier().getValue();
    Http.Response response = Http.post("http://127.0.0.1:" + services.specimenPort() + "/fhir/Specimen",
        "application/fhir+json", Fhir.json().encodeResourceToString(specimen));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    // The specimen table has it once specimen-service can read it back.
    await().atMost(Duration.ofSeconds(30)).until(() ->
        Http.get("http://127.0.0.1:" + services.specimenPort() + "/fhir/Specimen/" + accession).status() == 200);
  }

  private static Specimen readSpecimen(String accession) {
    Http.Response response = Http.get("http://127.0.0.1:" + services.specimenPort() + "/fhir/Specimen/" + accession);
    assertThat(response.status()).isEqualTo(200);
    return Fhir.json().parseResource(Specimen.class, response.body());
  }

  private static Http.Response postReport(String json) {
    return Http.post("http://127.0.0.1:" + services.resultsPort() + "/fhir/DiagnosticReport",
        "application/fhir+json", json);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> notificationsFor(String accession) {
    Http.Response response = Http.get("http://127.0.0.1:" + services.notifyPort() + "/notifications?accession=" + accession);
    assertThat(response.status()).isEqualTo(200);
    return new tools.jackson.databind.json.JsonMapper().readValue(response.body(), List.class);
  }

  private static List<MimeMessage> messagesTo(String address) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> {
          try {
            return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(address));
          } catch (jakarta.mail.MessagingException e) {
            return false;
          }
        })
        .toList();
  }
}
