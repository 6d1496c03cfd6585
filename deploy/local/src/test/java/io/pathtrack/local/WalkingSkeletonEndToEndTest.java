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
import io.pathtrack.kafka.embedded.EmbeddedKafkaBroker;
import io.pathtrack.testsupport.Http;
import io.pathtrack.testsupport.KafkaProbe;
import io.pathtrack.testsupport.TestIdentity;
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
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonEndToEndTest {
  private static final String OKAFOR_EMAIL = "chidi.okafor@hospital.example";
  private static final String LEE_EMAIL = "ana.lee@hospital.example";
  private static final String NOVAK_EMAIL = "eva.novak@hospital.example";
  private static final String PATEL_EMAIL = "ravi.patel@hospital.example";

  @TempDir
  static Path state;

  private static GreenMail smtp;
  private static PathTrackServices services;
  private static String bootstrap;

  /** Everything any logger of the system writes while the tests run, checked last for what must never be logged. */
  private static final ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> LOG =
      new ch.qos.logback.core.read.ListAppender<>();
  private static final String PATIENT_NAME = "Zelda Quintanilla-Oyelaran";
  private static final String CONCLUSION_MARK = "Quokka-pattern invasive lobular carcinoma";

  @BeforeAll
  static void startSystem() {
    // A secured broker: each service logs in as its own principal and may do only what deploy/kafka/acls.tsv grants.
    EmbeddedKafkaBroker kafka = TestKafka.secured();
    bootstrap = kafka.bootstrapServers();
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    services = PathTrackServices.start(new PathTrackServices.Settings(
        bootstrap, "127.0.0.1", smtp.getSmtp().getPort(), 0, 0, 0, state, endToEndSettings())
        .withKafkaLogins(kafka.securityProtocol(), kafka::password));
    for (var context : List.of(services.results(), services.specimen(), services.notifications())) {
      io.pathtrack.testsupport.StreamsReady.await(context, Duration.ofSeconds(120));
    }
    // Attached once every application has started: Spring Boot sets logging up afresh as each one starts.
    ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
        org.slf4j.Logger.ROOT_LOGGER_NAME);
    LOG.setContext(root.getLoggerContext());
    LOG.start();
    root.addAppender(LOG);
  }

  /**
   * Security on, with real tokens from the test identity server (the LIS posts with its client token; reads use the
   * lab manager's); urgent notifications escalate after seconds, so that an escalation can be watched.
   */
  private static Map<String, Object> endToEndSettings() {
    Map<String, Object> settings = new java.util.LinkedHashMap<>(io.pathtrack.testsupport.TestCallers.serviceProperties());
    settings.put("pathtrack.results.mllp.port", 0);
    settings.put("pathtrack.notify.acknowledge-within.urgent", "8s");
    settings.put("pathtrack.notify.sweep-interval", "500ms");
    settings.put("pathtrack.notify.directory", "file:" + alwaysOnDutyDirectory());
    return settings;
  }

  /**
   * The local directory without working hours: the scenarios expect each physician on duty, whatever the time of day
   * the suite runs at (off-duty routing has tests of its own).
   */
  static java.nio.file.Path alwaysOnDutyDirectory() {
    try (java.io.InputStream in = WalkingSkeletonEndToEndTest.class.getResourceAsStream("/practitioner-directory.json")) {
      tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
      tools.jackson.databind.JsonNode bundle = json.readTree(in);
      for (tools.jackson.databind.JsonNode entry : bundle.get("entry")) {
        ((tools.jackson.databind.node.ObjectNode) entry.get("resource")).remove("availableTime");
      }
      java.nio.file.Path file = java.nio.file.Files.createTempFile("directory-", ".json");
      java.nio.file.Files.writeString(file, json.writeValueAsString(bundle));
      file.toFile().deleteOnExit();
      return file;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  static void stopSystem() {
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(LOG);
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

  /**
   * The clinical loop through the running services (docs/architecture.md §4a): a benign report for a BI-RADS 5
   * calcification target is discordant — urgent to the ordering physician and the radiologist, with the reason on the
   * page and on the specimen — and its recommended repeat biopsy is tracked; a specimen the lab rejects reaches its
   * ordering physician with the reason; a positive bone culture is told at high priority and the specimen waits for its
   * histology.
   */
  @Test
  void theClinicalLoopClosesThroughTheRunningServices() throws Exception {
    register(specimen("E2E-DIS-1").procedure(ProcedureType.STEREOTACTIC_VACUUM).orderedBy("Practitioner/dr-chen")
        .collectedBy("Practitioner/dr-patel").reason("Mammography: grouped pleomorphic microcalcifications, BI-RADS 5")
        .build());
    int patelBefore = messagesTo(PATEL_EMAIL).size();

    assertThat(postReport(report("E2E-DIS-1").requester("Practitioner/dr-chen")
        .conclusion("Left breast, stereotactic vacuum-assisted biopsy: fibrocystic change. Negative for atypia and malignancy."
            + " Repeat biopsy is recommended.")
        .json()).status()).isEqualTo(201);

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(notificationsFor("E2E-DIS-1"))
        .filteredOn(n -> "discordant".equals(n.get("trigger"))).hasSize(2));
    assertThat(notificationsFor("E2E-DIS-1")).filteredOn(n -> "discordant".equals(n.get("trigger"))).allSatisfy(n -> {
      assertThat(n).containsEntry("priority", "urgent").containsEntry("outcome", "benign");
      assertThat(n.get("acknowledgeBy")).isNotNull();
      assertThat((String) n.get("note")).contains("BI-RADS 5").contains("repeat biopsy or excision per protocol")
          .contains("calcifications not confirmed in specimen");
    }).extracting(n -> n.get("recipient")).containsExactlyInAnyOrder("Practitioner/dr-chen", "Practitioner/dr-patel");
    assertThat(notificationsFor("E2E-DIS-1")).filteredOn(n -> "result".equals(n.get("trigger"))).singleElement()
        .satisfies(n -> assertThat(n).containsEntry("priority", "routine"));
    Specimen reported = readSpecimen("E2E-DIS-1");
    assertThat(io.pathtrack.contract.Concordance.readFrom(reported)).hasValueSatisfying(c -> {
      assertThat(c.state()).isEqualTo(io.pathtrack.contract.Concordance.State.DISCORDANT);
      assertThat(c.calcifications()).isEqualTo(io.pathtrack.contract.Concordance.Calcifications.NOT_CONFIRMED);
    });
    await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo("mei.chen@hospital.example").size() == 1
        && messagesTo(PATEL_EMAIL).size() == patelBefore + 1);
    MimeMessage urgent = messagesTo("mei.chen@hospital.example").get(0);
    assertThat(urgent.getSubject()).contains("[URGENT]").doesNotContainIgnoringCase("benign")
        .doesNotContainIgnoringCase("BI-RADS");
    assertThat(GreenMailUtil.getBody(urgent)).doesNotContainIgnoringCase("fibrocystic").doesNotContain("BI-RADS");

    register(specimen("E2E-REJ-1").procedure(ProcedureType.US_CORE_NEEDLE).orderedBy("Practitioner/dr-chen").build());
    Http.Response rejected = Http.post("http://127.0.0.1:" + services.specimenPort() + "/fhir/Specimen/E2E-REJ-1/$transition",
        "application/fhir+json", "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"status\",\"valueCode\":"
            + "\"rejected\"},{\"name\":\"reason\",\"valueString\":\"unlabelled container\"}]}");
    assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(notificationsFor("E2E-REJ-1")).singleElement()
        .satisfies(n -> {
          assertThat(n).containsEntry("trigger", "specimen-rejected").containsEntry("priority", "high")
              .containsEntry("recipient", "Practitioner/dr-chen");
          assertThat((String) n.get("note")).contains("unlabelled container");
        }));
    await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo("mei.chen@hospital.example").size() == 2);

    // The recommended repeat biopsy is tracked as a follow-up of the discordant specimen, due in 14 days.
    Http.Response view = Http.get("http://127.0.0.1:" + services.specimenPort() + "/specimens/E2E-DIS-1");
    assertThat(view.status()).isEqualTo(200);
    assertThat(view.body()).contains("\"kind\":\"repeat-biopsy\"").contains("\"status\":\"OPEN\"");

    // A CT-guided bone biopsy sent to pathology and microbiology: the positive culture is told at high priority, and the
    // specimen is reported only when the histology has reported too.
    Specimen bone = specimen("E2E-MB-1").procedure(ProcedureType.CT_BONE).orderedBy("Practitioner/dr-chen")
        .alsoOrdered("Bone culture, suspected osteomyelitis").build();
    register(bone);
    assertThat(postReport(report("E2E-MB-1").id("E2E-MB-1-culture").requester("Practitioner/dr-chen")
        .category("http://terminology.hl7.org/CodeSystem/v2-0074", "MB")
        .conclusion("Bone biopsy culture: Staphylococcus aureus isolated; susceptibilities to follow.").json()).status())
        .isEqualTo(201);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(notificationsFor("E2E-MB-1")).singleElement()
        .satisfies(n -> assertThat(n).containsEntry("trigger", "culture").containsEntry("priority", "high")));
    await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo("mei.chen@hospital.example").size() == 3);
    await().atMost(Duration.ofSeconds(30)).until(() -> Http.get("http://127.0.0.1:" + services.specimenPort()
        + "/specimens/E2E-MB-1").body().contains("waiting for histology"));
    assertThat(readSpecimen("E2E-MB-1").getExtensionByUrl(Extensions.LIFECYCLE_STATUS).getValue().primitiveValue())
        .isNotEqualTo("reported");
    assertThat(postReport(report("E2E-MB-1").requester("Practitioner/dr-chen")
        .conclusion("Bone, CT-guided biopsy: acute osteomyelitis with necrotic bone; no malignancy.").json()).status())
        .isEqualTo(201);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(readSpecimen("E2E-MB-1")
        .getExtensionByUrl(Extensions.LIFECYCLE_STATUS).getValue().primitiveValue()).isEqualTo("reported"));
  }

  @Test
  void reportPublishedOnTheInboundTopicTakesTheSamePath() throws Exception {
    register(specimen("E2E-KAF-1").procedure(ProcedureType.CT_BONE).orderedBy("Practitioner/dr-novak").build());

    String xml = report("E2E-KAF-1")
        .conclusion("Vertebral body, CT-guided core biopsy: metastatic carcinoma, consistent with breast primary.")
        .xml();
    KafkaProbe.send(bootstrap, Topics.REPORTS_INBOUND.name(), "E2E-KAF-1", xml.getBytes(StandardCharsets.UTF_8),
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
    assertThat(KafkaProbe.readAll(bootstrap, Topics.REPORTS_CLASSIFIED.name()))
        .noneMatch(r -> "E2E-BAD-1".equals(r.key()));
  }

  @Test
  void nonJsonPayloadOnTheInboundTopicIsDeadLetteredWithItsReasonAndTheConsumerKeepsGoing() {
    byte[] garbage = "MSH|^~\\&|not FHIR at all".getBytes(StandardCharsets.UTF_8);
    KafkaProbe.send(bootstrap, Topics.REPORTS_INBOUND.name(), "E2E-DLQ-1", garbage, Map.of());

    register(specimen("E2E-DLQ-2").orderedBy("Practitioner/dr-lee").build());
    KafkaProbe.send(bootstrap, Topics.REPORTS_INBOUND.name(), "E2E-DLQ-2",
        report("E2E-DLQ-2").conclusion("Reactive lymph node. No evidence of malignancy.").json().getBytes(StandardCharsets.UTF_8),
        Map.of(EventHeaders.CONTENT_TYPE, EventHeaders.FHIR_JSON));

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      List<ConsumerRecord<String, byte[]>> dead = KafkaProbe.readAll(bootstrap, Topics.REPORTS_INBOUND_DLQ.name());
      assertThat(dead).anySatisfy(r -> {
        assertThat(r.key()).isEqualTo("E2E-DLQ-1");
        assertThat(r.value()).isEqualTo(garbage);
        assertThat(KafkaProbe.header(r, EventHeaders.REJECTION_REASON)).contains("neither FHIR JSON nor FHIR XML");
        assertThat(KafkaProbe.header(r, EventHeaders.REJECTION_OUTCOME)).contains("OperationOutcome");
      });
    });
    await().atMost(Duration.ofSeconds(30)).until(() -> !notificationsFor("E2E-DLQ-2").isEmpty());
  }

  @Test
  void theLisPostsWithItsTokenThePhysicianAcknowledgesWithHersAndNoOneElseCan() {
    TestIdentity identity = TestIdentity.shared();
    register(specimen("E2E-SEC-1").procedure(ProcedureType.US_CORE_NEEDLE).orderedBy("Practitioner/dr-lee").build());
    Http.Response anonymous = Http.sendAnonymous(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
            "http://127.0.0.1:" + services.resultsPort() + "/fhir/DiagnosticReport"))
        .header("Content-Type", "application/fhir+json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(report("E2E-SEC-1").conclusion("Invasive carcinoma.").json()))
        .build());
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");

    Http.Response posted = Http.post("http://127.0.0.1:" + services.resultsPort() + "/fhir/DiagnosticReport",
        "application/fhir+json", report("E2E-SEC-1").conclusion("Left breast core biopsy: invasive ductal carcinoma, grade 2.")
            .json(), Map.of("Authorization", "Bearer " + identity.clientToken("lis")));
    assertThat(posted.status()).as(posted.body()).isEqualTo(201);
    String id = await().atMost(Duration.ofSeconds(30)).until(() -> notificationsFor("E2E-SEC-1"), l -> !l.isEmpty())
        .get(0).get("id").toString();

    Http.Response other = acknowledgeAs(id, "dr-novak");
    assertThat(other.status()).as(other.body()).isEqualTo(403);
    // Escalation goes on: the covering physician is told when the deadline passes.
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(notificationsFor("E2E-SEC-1"))
        .anySatisfy(n -> assertThat(n).containsEntry("recipient", "Practitioner/dr-patel").containsEntry("trigger", "escalation")));

    Http.Response own = acknowledgeAs(id, "dr-lee");
    assertThat(own.status()).as(own.body()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(notificationsFor("E2E-SEC-1"))
        .anySatisfy(n -> assertThat(n).containsEntry("acknowledgedBy", "Practitioner/dr-lee")));
  }

  @Test
  void hostileTextInARequestForgesNoLogLineAndNoEmailHeader() throws Exception {
    Specimen specimen = specimen("E2E-LOG-1").procedure(ProcedureType.US_CORE_NEEDLE).orderedBy("Practitioner/dr-lee").build();
    ((org.hl7.fhir.r4.model.ServiceRequest) specimen.getContained().get(0)).getRequester()
        .setDisplay("Dr Lee\r\nBcc: intruder@attacker.example\r\n<script>alert(1)</script>");
    register(specimen);
    Http.Response moved = Http.post("http://127.0.0.1:" + services.specimenPort() + "/fhir/Specimen/E2E-LOG-1/$transition",
        "application/fhir+json", "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"status\",\"valueCode\":"
            + "\"in-process\"},{\"name\":\"reason\",\"valueString\":\"fixed\\r\\n2026-11-30 ERROR [main] FORGED-LOG-LINE "
            + "<img src=x onerror=alert(1)>\"}]}");
    assertThat(moved.status()).as(moved.body()).isLessThan(500);
    org.hl7.fhir.r4.model.DiagnosticReport report = Fhir.json().parseResource(org.hl7.fhir.r4.model.DiagnosticReport.class,
        report("E2E-LOG-1").requester("Practitioner/dr-lee").conclusion("Left breast: " + CONCLUSION_MARK + ".").json());
    report.getSubject().setDisplay(PATIENT_NAME);
    report.addResultsInterpreter().setReference("Practitioner/dr-lee").setDisplay("Dr Lee\r\nBcc: intruder@attacker.example");
    assertThat(postReport(Fhir.json().encodeResourceToString(report)).status()).isEqualTo(201);
    await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo(LEE_EMAIL).stream().anyMatch(m -> {
      try {
        return GreenMailUtil.getBody(m).contains("/notifications/") && m.getSubject().contains("[URGENT]");
      } catch (jakarta.mail.MessagingException e) {
        return false;
      }
    }));
    for (MimeMessage m : smtp.getReceivedMessages()) {
      assertThat(m.getAllRecipients()).extracting(Object::toString).noneMatch(a -> a.contains("attacker.example"));
      for (var header : java.util.Collections.list(m.getAllHeaders())) {
        assertThat(header.getValue()).as(header.getName()).doesNotContain("attacker.example").doesNotContain(PATIENT_NAME);
      }
      assertThat(GreenMailUtil.getBody(m)).doesNotContain(PATIENT_NAME).doesNotContain(CONCLUSION_MARK);
    }
  }

  /**
   * Runs after every test that writes (before the log check): every topic of the contract holds records by now, and
   * each one a service wrote carries the CloudEvents envelope — id, type, source, specversion 1.0, time — with the
   * accession as its subject where the key is one. Records this test put on a topic itself, as an outside producer
   * would, are not the services' to dress: hostile inputs (keys {@code E2E-HOSTILE-…}) and what the "LIS" published
   * on the inbound topic without a channel.
   */
  @Test
  @org.junit.jupiter.api.Order(Integer.MAX_VALUE - 1)
  void everyRecordAServiceWroteOnEveryTopicCarriesTheCloudEventsEnvelope() {
    for (io.pathtrack.contract.Topic topic : Topics.ALL) {
      List<ConsumerRecord<String, byte[]>> written = KafkaProbe.readAll(bootstrap, topic.name()).stream()
          // (their dead letters keep the hostile key, and are the services' own records)
          .filter(r -> topic.deadLetters() || r.key() == null || !r.key().startsWith("E2E-HOSTILE-"))
          .filter(r -> topic != Topics.REPORTS_INBOUND || KafkaProbe.header(r, EventHeaders.CHANNEL) != null)
          .toList();
      assertThat(written).as("records the services wrote on %s during this run", topic).isNotEmpty();
      for (ConsumerRecord<String, byte[]> r : written) {
        String where = topic + " offset " + r.offset() + " (" + KafkaProbe.header(r, EventHeaders.TYPE) + ")";
        assertThat(io.pathtrack.contract.CloudEvent.missing(r.headers())).as(where).isEmpty();
        String subject = KafkaProbe.header(r, EventHeaders.SUBJECT);
        if (subject != null) {
          assertThat(subject).as("the subject of %s is its key", where).isEqualTo(r.key());
        }
        if (!topic.deadLetters() && topic != Topics.AUDIT) {
          assertThat(subject).as("%s names its accession", where).isNotNull();
          assertThat(KafkaProbe.header(r, EventHeaders.CONTENT_TYPE)).as("%s says what its value is", where).isNotNull();
        }
      }
    }
  }

  /**
   * Every metric an alert rule of {@code deploy/prometheus/alerts.yml} or a panel of {@code deploy/grafana/dashboards}
   * reads is one the running services publish: a misspelt or vanished name is an alert that can never fire or a panel
   * that stays empty, and promtool's tests cannot see it.
   */
  @Test
  @org.junit.jupiter.api.Order(Integer.MAX_VALUE - 2)
  void everyMetricTheAlertRulesAndDashboardsReadIsPublishedByTheServices() throws java.io.IOException {
    java.util.Set<String> read = new java.util.TreeSet<>();
    java.util.regex.Pattern metric = java.util.regex.Pattern.compile("\\b((?:pathtrack|kafka|spring)_[a-z_]+)\\b");
    List<String> lines = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(Path.of("../prometheus/alerts.yml")));
    try (var dashboards = java.nio.file.Files.list(Path.of("../grafana/dashboards"))) {
      for (Path dashboard : dashboards.toList()) {
        tools.jackson.databind.JsonNode json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(dashboard.toFile());
        assertThat(json.get("panels")).as("panels of %s", dashboard).isNotEmpty();
        json.get("panels").forEach(panel -> panel.get("targets").forEach(t -> lines.add(t.get("expr").asString())));
      }
    }
    for (String line : lines) {
      if (line.strip().startsWith("#")) {
        continue;
      }
      java.util.regex.Matcher name = metric.matcher(line);
      while (name.find()) {
        read.add(name.group(1));
      }
    }
    assertThat(read).as("metrics the rules and dashboards read").hasSizeGreaterThan(15);
    java.util.Set<String> published = new java.util.HashSet<>();
    for (var context : List.of(services.results(), services.specimen(), services.notifications())) {
      String port = context.getEnvironment().getProperty("local.management.port");
      Http.get("http://127.0.0.1:" + port + "/actuator/prometheus", "text/plain").body().lines()
          .filter(l -> !l.startsWith("#") && !l.isBlank())
          .map(l -> l.split("[{ ]", 2)[0])
          .forEach(published::add);
    }
    assertThat(published).as("metrics the three services publish").containsAll(read);
  }

  /** Runs last: what every logger of the system wrote during all the tests above. */
  @Test
  @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
  void noLogLineHoldsAPatientsNameAConclusionOrAForgedLine() {
    List<String> lines;
    synchronized (LOG.list) {
      lines = LOG.list.stream().map(WalkingSkeletonEndToEndTest::everything).toList();
    }
    assertThat(lines).as("the capture works: the poison pills above were logged as dead letters")
        .anyMatch(l -> l.contains("dead-letter"));
    assertThat(lines).noneMatch(l -> l.contains(PATIENT_NAME)).noneMatch(l -> l.contains("Quintanilla"))
        .noneMatch(l -> l.contains(CONCLUSION_MARK)).noneMatch(l -> l.contains("invasive ductal carcinoma"))
        .noneMatch(l -> l.contains("adenocarcinoma"))
        .noneMatch(l -> l.contains("Doe^Jane"));
    assertThat(lines).as("no line break from a request reaches a log line")
        .noneMatch(l -> l.contains("FORGED-LOG-LINE")).noneMatch(l -> l.contains("intruder@attacker.example"))
        .noneMatch(l -> l.contains("onerror="));
  }

  /** A log event as it would be written: the message with its arguments, and every exception's message. */
  private static String everything(ch.qos.logback.classic.spi.ILoggingEvent event) {
    StringBuilder text = new StringBuilder(event.getFormattedMessage() == null ? "" : event.getFormattedMessage());
    for (var t = event.getThrowableProxy(); t != null; t = t.getCause()) {
      text.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
    }
    return text.toString();
  }

  private static Http.Response acknowledgeAs(String id, String user) {
    return Http.post("http://127.0.0.1:" + services.notifyPort() + "/notifications/" + id + "/acknowledge", "application/json",
        "{}", Map.of("Authorization", "Bearer " + TestIdentity.shared().userToken(user)));
  }

  // --- helpers -----------------------------------------------------------------------------------

  /** Hostile or unusual input on every door a record can come in by, as an LIS test harness would send it. */
  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> hostileInputs() {
    StringBuilder hl7 = new StringBuilder("MSH|^~\\&|LIS|CITYLAB|PATHTRACK|RESULTS|20261126101500||ORU^R01^ORU_R01|BIG-1|P|2.5.1\r"
        + "PID|1||MRN-1^^^CITYHOSP^MR||Doe^Jane||19700101|F\r"
        + "OBR|1|ORD-1|E2E-HOSTILE-HL7|60567-5^Pathology report^LN|||20261124093000|||||||||dr-lee^Lee^Anna||||||20261126101000|||F\r");
    for (int i = 1; i <= 16_000; i++) {
      hl7.append("OBX|").append(i).append("|TX|22634-0^Gross^LN||Core ").append(i).append(" tan-white.||||||F\r");
    }
    byte[] garbage = new byte[1_500_000];
    new java.util.Random(7).nextBytes(garbage);
    String xxe = "<?xml version=\"1.0\"?><!--" + "x".repeat(5000) + "--><!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
        + "<DiagnosticReport xmlns=\"http://hl7.org/fhir\"><status value=\"final\"/></DiagnosticReport>";
    return java.util.stream.Stream.of(
        org.junit.jupiter.params.provider.Arguments.of("0.9 MB HL7 v2 message with 16,000 OBX", Topics.REPORTS_INBOUND.name(),
            hl7.toString().getBytes(StandardCharsets.UTF_8), "application/hl7-v2", null),
        org.junit.jupiter.params.provider.Arguments.of("1.5 MB of random bytes", Topics.REPORTS_INBOUND.name(), garbage, null,
            Topics.REPORTS_INBOUND_DLQ.name()),
        org.junit.jupiter.params.provider.Arguments.of("XML with an entity declaration after a long comment", Topics.REPORTS_INBOUND.name(),
            xxe.getBytes(StandardCharsets.UTF_8), "application/fhir+xml", Topics.REPORTS_INBOUND_DLQ.name()),
        org.junit.jupiter.params.provider.Arguments.of("a classified event that is not FHIR", Topics.REPORTS_CLASSIFIED.name(),
            "{not json".getBytes(StandardCharsets.UTF_8), "application/fhir+json", Topics.SPECIMENS_DLQ.name()),
        org.junit.jupiter.params.provider.Arguments.of("a specimen event that is not FHIR", Topics.SPECIMENS.name(),
            garbage, "application/fhir+json", Topics.NOTIFICATIONS_DLQ.name()),
        org.junit.jupiter.params.provider.Arguments.of("an SLA event that is not FHIR", Topics.SLA_EVENTS.name(),
            "<html>".getBytes(StandardCharsets.UTF_8), "application/fhir+json", Topics.NOTIFICATIONS_DLQ.name()),
        org.junit.jupiter.params.provider.Arguments.of("an acknowledgement that is not JSON", Topics.NOTIFICATION_ACKS.name(),
            "\u0000\u0001ack".getBytes(StandardCharsets.UTF_8), "application/json", Topics.NOTIFICATIONS_DLQ.name()));
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.MethodSource("hostileInputs")
  void afterEachHostileInputAMalignantReportStillAlertsItsPhysicianWithinSeconds(String what, String topic, byte[] value,
      String contentType, String deadLetterTopic) {
    String accession = "E2E-PILL-" + Math.abs(what.hashCode() % 100_000);
    String key = "E2E-HOSTILE-" + Math.abs(what.hashCode() % 100_000);
    Map<String, String> headers = contentType == null ? Map.of() : Map.of(EventHeaders.CONTENT_TYPE, contentType);
    KafkaProbe.send(bootstrap, topic, key, value, headers);
    if (deadLetterTopic != null) {
      // Set aside with its reason, where the people fixing feeds look, not dropped.
      await().atMost(Duration.ofSeconds(30)).until(() -> KafkaProbe.readAll(bootstrap, deadLetterTopic).stream()
          .anyMatch(r -> key.equals(r.key()) && topic.equals(KafkaProbe.header(r, EventHeaders.ORIGINAL_TOPIC))
              && KafkaProbe.header(r, EventHeaders.REJECTION_REASON) != null));
    }

    register(specimen(accession).procedure(ProcedureType.US_CORE_NEEDLE).orderedBy("Practitioner/dr-patel").build());
    int before = messagesTo(PATEL_EMAIL).size();
    assertThat(postReport(report(accession).conclusion("Left breast core biopsy: invasive ductal carcinoma, grade 3.").json())
        .status()).isEqualTo(201);
    await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo(PATEL_EMAIL).size() > before);
    assertThat(notificationsFor(accession)).anySatisfy(n -> assertThat(n).containsEntry("priority", "urgent"));
    for (var context : List.of(services.results(), services.specimen(), services.notifications())) {
      String port = context.getEnvironment().getProperty("local.management.port");
      assertThat(Http.get("http://127.0.0.1:" + port + "/actuator/health/liveness", "application/json").status())
          .as(context.getId() + " liveness after " + what).isEqualTo(200);
    }
    assertThat(LocalStack.health(Map.of("results-service", services.results(), "specimen-service", services.specimen(),
        "notify-service", services.notifications()))).contains("| all live");
  }

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
