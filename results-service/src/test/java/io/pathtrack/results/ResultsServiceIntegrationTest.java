package io.pathtrack.results;

import static io.pathtrack.testsupport.PathologyFixtures.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.EventTypes;
import io.pathtrack.contract.Extensions;
import io.pathtrack.contract.Fhir;
import io.pathtrack.contract.Topics;
import io.pathtrack.testsupport.Http;
import io.pathtrack.testsupport.KafkaProbe;
import io.pathtrack.testsupport.PathologyFixtures;
import io.pathtrack.testsupport.TestKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DiagnosticReport.DiagnosticReportStatus;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * results-service on a real Kafka broker, driven as an LIS drives it: FHIR REST and the inbound topic.
 * Started once for the class.
 */
class ResultsServiceIntegrationTest {
  private static final Instant ISSUED = Instant.parse("2026-11-24T15:30:00Z");

  @TempDir
  static Path state;

  private static ConfigurableApplicationContext service;
  private static String base;
  private static String bootstrap;

  @BeforeAll
  static void start() {
    bootstrap = TestKafka.bootstrapServers();
    service = ResultsServiceHarness.run(state,
        "--pathtrack.results.max-report-size=64KB");
    base = ResultsServiceHarness.base(service);
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void restReportIsAnsweredWithItsClassificationAndPublishedOnceEvenWhenSentTwice() {
    String json = report("IT-REST-1").conclusion("Left breast core biopsy: invasive ductal carcinoma, grade 2.").json();
    Http.Response first = post("/DiagnosticReport", json);
    assertThat(first.status()).isEqualTo(201);
    DiagnosticReport answered = Fhir.json().parseResource(DiagnosticReport.class, first.body());
    assertThat(answered.getExtensionByUrl(Extensions.OUTCOME).getValue()).hasFieldOrPropertyWithValue("code", "malignant");
    assertThat(answered.getExtensionsByUrl(Extensions.OUTCOME_EVIDENCE)).isNotEmpty();
    assertThat(post("/DiagnosticReport", json).status()).isEqualTo(201);

    List<ConsumerRecord<String, byte[]>> events = classified("IT-REST-1", 1);
    assertThat(events).hasSize(1);
    ConsumerRecord<String, byte[]> event = events.get(0);
    assertThat(KafkaProbe.header(event, EventHeaders.TYPE)).isEqualTo(EventTypes.REPORT_CLASSIFIED);
    assertThat(KafkaProbe.header(event, EventHeaders.OUTCOME)).isEqualTo("malignant");
    assertThat(KafkaProbe.header(event, EventHeaders.CHANNEL)).isEqualTo("rest");
    assertThat(new String(event.value(), StandardCharsets.UTF_8)).contains(Extensions.OUTCOME_EVIDENCE);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(metrics())
        .contains("pathtrack_reports_duplicates_total{channel=\"rest\"}")
        .contains("pathtrack_reports_received_total{channel=\"rest\"}")
        .contains("pathtrack_reports_classified_total{outcome=\"malignant\""));
    // the pipeline published what the request was answered, without classifying the report again
    assertThat(counter(metrics(), "pathtrack_reports_assessments_reused_total")).isGreaterThanOrEqualTo(1);
  }

  private static double counter(String prometheus, String name) {
    return prometheus.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
  }

  @Test
  void finalBenignThenCorrectedToMalignantSaysWhatItReplacesAndThatTheOutcomeChanged() {
    assertThat(post("/DiagnosticReport", report("IT-AMD-1").conclusion("Benign fibroadenoma.").json()).status()).isEqualTo(201);
    classified("IT-AMD-1", 1);
    assertThat(post("/DiagnosticReport", report("IT-AMD-1").status(DiagnosticReportStatus.CORRECTED)
        .issued(ISSUED.plusSeconds(86_400)).conclusion("Corrected: invasive lobular carcinoma.").json()).status()).isEqualTo(201);

    List<ConsumerRecord<String, byte[]>> events = classified("IT-AMD-1", 2);
    assertThat(events).hasSize(2);
    ConsumerRecord<String, byte[]> correction = events.get(1);
    assertThat(KafkaProbe.header(correction, EventHeaders.OUTCOME)).isEqualTo("malignant");
    assertThat(KafkaProbe.header(correction, EventHeaders.REPORT_STATUS)).isEqualTo("corrected");
    assertThat(KafkaProbe.header(correction, EventHeaders.REPLACES_VERSION))
        .isEqualTo(KafkaProbe.header(events.get(0), EventHeaders.REPORT_VERSION));
    assertThat(KafkaProbe.header(correction, EventHeaders.PREVIOUS_OUTCOME)).isEqualTo("benign");
    assertThat(KafkaProbe.header(correction, EventHeaders.OUTCOME_CHANGED)).isEqualTo("true");
  }

  @Test
  void enteredInErrorRetractsTheEarlierClassification() {
    post("/DiagnosticReport", report("IT-EIE-1").conclusion("Metastatic adenocarcinoma.").json());
    classified("IT-EIE-1", 1);
    post("/DiagnosticReport", report("IT-EIE-1").status(DiagnosticReportStatus.ENTEREDINERROR)
        .issued(ISSUED.plusSeconds(3600)).conclusion("Metastatic adenocarcinoma.").json());

    List<ConsumerRecord<String, byte[]>> events = classified("IT-EIE-1", 2);
    assertThat(KafkaProbe.header(events.get(1), EventHeaders.TYPE)).isEqualTo(EventTypes.REPORT_RETRACTED);
    assertThat(KafkaProbe.header(events.get(1), EventHeaders.REPLACES_VERSION)).isNotBlank();
  }

  @Test
  void preliminaryIsMarkedAndTheFinalReportSupersedesIt() {
    post("/DiagnosticReport", report("IT-PRE-1").status(DiagnosticReportStatus.PRELIMINARY).issued(null)
        .conclusion("Atypical cells present; final report to follow.").json());
    classified("IT-PRE-1", 1);
    post("/DiagnosticReport", report("IT-PRE-1").conclusion("Ductal carcinoma in situ, high grade.").json());

    List<ConsumerRecord<String, byte[]>> events = classified("IT-PRE-1", 2);
    assertThat(KafkaProbe.header(events.get(0), EventHeaders.REPORT_STATUS)).isEqualTo("preliminary");
    assertThat(KafkaProbe.header(events.get(1), EventHeaders.REPORT_STATUS)).isEqualTo("final");
    assertThat(KafkaProbe.header(events.get(1), EventHeaders.REPLACES_VERSION))
        .isEqualTo(KafkaProbe.header(events.get(0), EventHeaders.REPORT_VERSION));
  }

  @Test
  void sameReportRedeliveredOnTheInboundTopicGivesOneEvent() {
    byte[] json = report("IT-KAF-1").conclusion("Benign reactive lymph node.").json().getBytes(StandardCharsets.UTF_8);
    KafkaProbe.send(bootstrap, Topics.REPORTS_INBOUND.name(), "IT-KAF-1", json, Map.of(EventHeaders.CONTENT_TYPE, EventHeaders.FHIR_JSON));
    KafkaProbe.send(bootstrap, Topics.REPORTS_INBOUND.name(), "IT-KAF-1", json, Map.of(EventHeaders.CONTENT_TYPE, EventHeaders.FHIR_JSON));
    List<ConsumerRecord<String, byte[]>> events = classified("IT-KAF-1", 1);
    assertThat(events).hasSize(1);
    assertThat(KafkaProbe.header(events.get(0), EventHeaders.CHANNEL)).isEqualTo("kafka");
  }

  @Test
  void transactionBundlePublishesItsReportClassifiedFromItsObservation() {
    Bundle bundle = PathologyFixtures.transactionBundle("IT-BUN-1", "Invasive ductal carcinoma, Nottingham grade 3");
    Http.Response response = Http.post(base + "/fhir", "application/fhir+json", Fhir.json().encodeResourceToString(bundle));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    Bundle answer = Fhir.json().parseResource(Bundle.class, response.body());
    assertThat(answer.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
    assertThat(answer.getEntry()).extracting(e -> e.getResponse().getStatus()).contains("201 Created");

    List<ConsumerRecord<String, byte[]>> events = classified("IT-BUN-1", 1);
    assertThat(KafkaProbe.header(events.get(0), EventHeaders.OUTCOME)).isEqualTo("malignant");
  }

  @Test
  void xmlReportIsAccepted() {
    Http.Response response = Http.post(base + "/fhir/DiagnosticReport", "application/fhir+xml",
        report("IT-XML-1").conclusion("Thyroid FNA: benign follicular nodule (Bethesda II).").xml());
    assertThat(response.status()).isEqualTo(201);
    assertThat(KafkaProbe.header(classified("IT-XML-1", 1).get(0), EventHeaders.OUTCOME)).isEqualTo("benign");
  }

  @Test
  void badReportsGetAPreciseAnswerAndPublishNothing() {
    assertRefused(post("/DiagnosticReport", report("IT-BAD-1").withoutSubject().json()), 422, "DiagnosticReport.subject");
    assertRefused(post("/DiagnosticReport", report("IT-BAD-2").issued(null).conclusion("Benign.").json()), 422,
        "DiagnosticReport.issued");
    assertRefused(post("/DiagnosticReport", report("IT-BAD-3").category("http://snomed.info/sct", "394914008")
        .conclusion("Unremarkable study.").json()), 422, "DiagnosticReport.category");
    assertRefused(post("/DiagnosticReport", report("IT-BAD-4").json().replace("\"final\"", "\"signed\"")), 400, null);
    assertRefused(post("/DiagnosticReport", report("IT-BAD-5").conclusion("x".repeat(70_000)).json()), 413, null);
    Http.Response xxe = Http.post(base + "/fhir/DiagnosticReport", "application/fhir+xml",
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><DiagnosticReport xmlns=\"http://hl7.org/fhir\"/>");
    assertRefused(xxe, 400, null);
    assertThat(xxe.body()).contains("DOCTYPE");

    post("/DiagnosticReport", report("IT-BAD-OK").conclusion("Benign.").json());
    classified("IT-BAD-OK", 1);
    assertThat(KafkaProbe.readAll(bootstrap, Topics.REPORTS_CLASSIFIED.name()))
        .noneMatch(r -> r.key() != null && r.key().startsWith("IT-BAD-") && !r.key().equals("IT-BAD-OK"));
  }

  @Test
  void garbageOnTheInboundTopicIsDeadLetteredWithItsReasonAndTheNextReportStillFlows() {
    byte[] garbage = "\u0000\u0001 not a report".getBytes(StandardCharsets.UTF_8);
    KafkaProbe.send(bootstrap, Topics.REPORTS_INBOUND.name(), "IT-DLQ-1", garbage, Map.of());
    byte[] noSubject = report("IT-DLQ-2").withoutSubject().json().getBytes(StandardCharsets.UTF_8);
    KafkaProbe.send(bootstrap, Topics.REPORTS_INBOUND.name(), "IT-DLQ-2", noSubject, Map.of(EventHeaders.CONTENT_TYPE, EventHeaders.FHIR_JSON));
    KafkaProbe.send(bootstrap, Topics.REPORTS_INBOUND.name(), "IT-DLQ-3",
        report("IT-DLQ-3").conclusion("Benign.").json().getBytes(StandardCharsets.UTF_8), Map.of());

    classified("IT-DLQ-3", 1);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      List<ConsumerRecord<String, byte[]>> dead = KafkaProbe.readAll(bootstrap, Topics.REPORTS_INBOUND_DLQ.name());
      assertThat(dead).anySatisfy(r -> {
        assertThat(r.key()).isEqualTo("IT-DLQ-1");
        assertThat(r.value()).isEqualTo(garbage);
        assertThat(KafkaProbe.header(r, EventHeaders.ORIGINAL_TOPIC)).isEqualTo(Topics.REPORTS_INBOUND.name());
      });
      assertThat(dead).anySatisfy(r -> {
        assertThat(r.key()).isEqualTo("IT-DLQ-2");
        assertThat(r.value()).isEqualTo(noSubject);
        assertThat(KafkaProbe.header(r, EventHeaders.REJECTION_ELEMENT)).isEqualTo("DiagnosticReport.subject");
        OperationOutcome outcome = Fhir.json().parseResource(OperationOutcome.class,
            KafkaProbe.header(r, EventHeaders.REJECTION_OUTCOME));
        assertThat(outcome.getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo("DiagnosticReport.subject");
      });
    });
  }

  @Test
  void classifyAnswersWithTheClassificationAndPublishesNothing() {
    Http.Response response = post("/DiagnosticReport/$classify",
        report("IT-CLS-1").conclusion("Lung, CT-guided core: suspicious for adenocarcinoma.").json());
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    Parameters parameters = Fhir.json().parseResource(Parameters.class, response.body());
    var classification = parameters.getParameter("classification");
    assertThat(classification.getPart()).anySatisfy(p -> {
      assertThat(p.getName()).isEqualTo("outcome");
      assertThat(p.getValue().primitiveValue()).isEqualTo("atypical");
    });
    assertThat(classification.getPart()).anyMatch(p -> p.getName().equals("evidence"));
    assertThat(classification.getPart()).anyMatch(p -> p.getName().equals("ruleSetVersion"));

    post("/DiagnosticReport", report("IT-CLS-2").conclusion("Benign.").json());
    classified("IT-CLS-2", 1);
    assertThat(KafkaProbe.readAll(bootstrap, Topics.REPORTS_CLASSIFIED.name())).noneMatch(r -> "IT-CLS-1".equals(r.key()));
  }

  @Test
  void validateAnswersWithTheProfileValidatorsFindings() {
    DiagnosticReport invalid = report("IT-VAL-1").build();
    invalid.setStatus(null);
    Http.Response response = post("/DiagnosticReport/$validate", Fhir.json().encodeResourceToString(invalid));
    OperationOutcome outcome = Fhir.json().parseResource(OperationOutcome.class, response.body());
    assertThat(outcome.getIssue()).anySatisfy(issue -> {
      assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
      assertThat(issue.getDiagnostics() + issue.getExpression()).contains("status");
    });
  }

  @Test
  void conditionalCreateOfAReportAlreadyAcceptedPublishesNothingMore() {
    String json = report("IT-CND-1").conclusion("Benign.").json();
    Map<String, String> ifNoneExist = Map.of("If-None-Exist",
        "identifier=http://terminology.hl7.org/CodeSystem/v2-0203|IT-CND-1".replace("http://terminology.hl7.org/CodeSystem/v2-0203|", ""));
    assertThat(Http.post(base + "/fhir/DiagnosticReport", "application/fhir+json", json, ifNoneExist).status()).isEqualTo(201);
    classified("IT-CND-1", 1);
    String amended = report("IT-CND-1").status(DiagnosticReportStatus.AMENDED).issued(ISSUED.plusSeconds(60))
        .conclusion("Benign, amended.").json();
    assertThat(Http.post(base + "/fhir/DiagnosticReport", "application/fhir+json", amended, ifNoneExist).status()).isEqualTo(200);
    assertThat(classified("IT-CND-1", 1)).hasSize(1);
  }

  @Test
  void capabilityStatementListsWhatIsServed() {
    CapabilityStatement cs = Fhir.json().parseResource(CapabilityStatement.class, Http.get(base + "/fhir/metadata").body());
    var rest = cs.getRestFirstRep();
    var report = rest.getResource().stream().filter(r -> r.getType().equals("DiagnosticReport")).findFirst().orElseThrow();
    assertThat(report.getInteraction()).extracting(i -> i.getCode().toCode()).contains("create");
    assertThat(report.getConditionalCreate()).isTrue();
    assertThat(report.getOperation()).extracting(o -> o.getName()).contains("classify", "validate");
    assertThat(rest.getInteraction()).extracting(i -> i.getCode().toCode()).contains("transaction");
  }

  // --- helpers -----------------------------------------------------------------------------------

  private static Http.Response post(String path, String json) {
    return Http.post(base + "/fhir" + path, "application/fhir+json", json);
  }

  private static void assertRefused(Http.Response response, int status, String expression) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    OperationOutcome outcome = Fhir.json().parseResource(OperationOutcome.class, response.body());
    assertThat(outcome.getIssue()).isNotEmpty();
    if (expression != null) {
      assertThat(outcome.getIssue()).anySatisfy(i -> assertThat(i.getExpression()).extracting(Object::toString).contains(expression));
    }
  }

  /** The classified events of one accession once at least {@code atLeast} have arrived, in order. */
  private static List<ConsumerRecord<String, byte[]>> classified(String accession, int atLeast) {
    return await().atMost(Duration.ofSeconds(30)).until(
        () -> KafkaProbe.readAll(bootstrap, Topics.REPORTS_CLASSIFIED.name()).stream().filter(r -> accession.equals(r.key())).toList(),
        list -> list.size() >= atLeast);
  }

  private static String metrics() {
    return Http.get(ResultsServiceHarness.management(service) + "/actuator/prometheus", "text/plain").body();
  }
}
