package io.pathtrack.results.pipeline;

import static io.pathtrack.testsupport.PathologyFixtures.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.EventTypes;
import io.pathtrack.contract.Fhir;
import io.pathtrack.contract.Topics;
import io.pathtrack.results.ResultsServiceHarness;
import io.pathtrack.testsupport.Http;
import io.pathtrack.testsupport.KafkaProbe;
import io.pathtrack.testsupport.TestKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.cloud.stream.binder.kafka.streams.KafkaStreamsRegistry;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * No record can stop the pipeline, and a stopped pipeline never looks healthy. The service runs on a real broker
 * with a stream producer limit (300 KB) below the report limit (1 MB), as on a cluster configured too tightly, so a
 * report that is accepted but larger than the producer allows reaches the production exception handler: the
 * safety net behind the size checks. After every hostile record, a normal malignant report must still be classified.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineResilienceIntegrationTest {
  private static final int PRODUCER_LIMIT = 300_000;

  @TempDir
  static Path state;

  private static ConfigurableApplicationContext service;
  private static String base;
  private static String bootstrap;

  @BeforeAll
  static void start() {
    bootstrap = TestKafka.bootstrapServers();
    service = ResultsServiceHarness.run(state,
        "--pathtrack.results.mllp.enabled=false",
        "--spring.cloud.stream.kafka.streams.binder.configuration.max.request.size=" + PRODUCER_LIMIT);
    base = ResultsServiceHarness.base(service);
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  @Test
  @Order(1)
  void reportTooLargeToPublishIsRefusedUpFrontAndDeadLetteredAndThePipelineGoesOn() {
    // The finding that stopped classification: one valid ORU^R01 with 16,000 OBX (0.9 MB) accepted, then too large
    // to publish. Every limit follows the producer's: refused as too long, kept truncated with its size and hash.
    byte[] message = oruWithObservations("RS-HL7-BIG", 16_000);
    assertThat(message.length).isBetween(PRODUCER_LIMIT, 1024 * 1024);
    KafkaProbe.send(bootstrap, Topics.REPORTS_INBOUND.name(), "RS-HL7-BIG", message, Map.of(EventHeaders.CONTENT_TYPE, "application/hl7-v2"));

    ConsumerRecord<String, byte[]> dead = deadLetter("RS-HL7-BIG");
    assertThat(KafkaProbe.header(dead, EventHeaders.TYPE)).isEqualTo(EventTypes.REPORT_REJECTED);
    assertThat(KafkaProbe.header(dead, EventHeaders.REJECTION_REASON))
        .contains("over the limit of " + (PRODUCER_LIMIT - 64 * 1024) + " bytes for a published report");
    assertThat(KafkaProbe.header(dead, EventHeaders.TRUNCATED)).isEqualTo("true");
    assertThat(KafkaProbe.header(dead, EventHeaders.ORIGINAL_SIZE)).isEqualTo(String.valueOf(message.length));
    assertThat(dead.value()).hasSize(64 * 1024);
    malignantReportIsStillClassified("RS-AFTER-1");

    Http.Response rest = Http.post(base + "/fhir/DiagnosticReport", "application/fhir+json",
        report("RS-REST-BIG").conclusion("Invasive ductal carcinoma. " + "Tumour cells in fibrous stroma. ".repeat(10_000)).json());
    assertThat(rest.status()).isEqualTo(413);
    assertThat(rest.body()).contains("for a published report");
    assertThat(probe("/actuator/health/liveness").status()).isEqualTo(200);
    assertThat(probe("/actuator/health/readiness").status()).isEqualTo(200);
    // Consumer lag of the pipeline, to alert on a stream that falls behind.
    assertThat(metrics()).contains("kafka_consumer_fetch_manager_records_lag_max");
  }

  @Test
  @Order(3)
  void truncatedMessageIsDeadLetteredAsTooLongWithItsSizeAndHash() {
    KafkaProbe.send(bootstrap, Topics.REPORTS_INBOUND.name(), "RS-TRUNC", "MSH|^~\\&|LIS".getBytes(StandardCharsets.UTF_8),
        Map.of(EventHeaders.CONTENT_TYPE, "application/hl7-v2", EventHeaders.TRUNCATED, "true",
            EventHeaders.ORIGINAL_SIZE, "5242880", EventHeaders.ORIGINAL_SHA256, "ab12"));
    ConsumerRecord<String, byte[]> dead = deadLetter("RS-TRUNC");
    assertThat(KafkaProbe.header(dead, EventHeaders.REJECTION_REASON)).contains("5242880 bytes").contains("ab12");
    assertThat(metrics()).contains("pathtrack_dead_letters_total{reason=\"too-long\",topic=\"" + io.pathtrack.contract.Topics.REPORTS_INBOUND_DLQ.name() + "\"}");
  }

  @Test
  @Order(4)
  void accessionsThatAreTooLongOrCarryLineBreaksAreRefusedNamingTheElement() {
    String longAccession = "A".repeat(100_000);
    Http.Response tooLong = Http.post(base + "/fhir/DiagnosticReport", "application/fhir+json",
        report(longAccession).conclusion("Invasive ductal carcinoma.").json());
    assertThat(tooLong.status()).isEqualTo(422);
    OperationOutcome outcome = Fhir.json().parseResource(OperationOutcome.class, tooLong.body());
    assertThat(outcome.getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo("Specimen.accessionIdentifier.value");
    assertThat(tooLong.body()).contains("over the limit of 64").doesNotContain(longAccession);

    Http.Response lineBreak = Http.post(base + "/fhir/DiagnosticReport", "application/fhir+json",
        report("RS-CRLF\r\nce_outcome: benign").conclusion("Invasive ductal carcinoma.").json());
    assertThat(lineBreak.status()).isEqualTo(422);
    assertThat(lineBreak.body()).contains("control characters");

    KafkaProbe.send(bootstrap, Topics.REPORTS_INBOUND.name(), "RS-CRLF-K",
        report("RS-CRLF\nK").conclusion("Benign.").json().getBytes(StandardCharsets.UTF_8), Map.of());
    assertThat(KafkaProbe.header(deadLetter("RS-CRLF-K"), EventHeaders.REJECTION_ELEMENT))
        .isEqualTo("Specimen.accessionIdentifier.value");
  }

  @Test
  @Order(10)
  void aStoppedStreamClientTakesLivenessAndReadinessDown() {
    assertThat(probe("/actuator/health/liveness").status()).isEqualTo(200);
    assertThat(probe("/actuator/health/readiness").status()).isEqualTo(200);
    KafkaStreams streams = service.getBean(KafkaStreamsRegistry.class).streamsBuilderFactoryBeans().get(0).getKafkaStreams();
    streams.close(Duration.ofSeconds(30));

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      Http.Response liveness = probe("/actuator/health/liveness");
      assertThat(liveness.status()).isEqualTo(503);
      assertThat(liveness.body()).contains("DOWN");
      assertThat(probe("/actuator/health/readiness").status()).isEqualTo(503);
    });
    assertThat(probe("/actuator/health").body()).contains("\"streams\":{\"status\":\"DOWN\"");
  }

  // --- helpers -----------------------------------------------------------------------------------

  /** One report with {@code observations} short text OBX segments (an LIS's itemised result). */
  static byte[] oruWithObservations(String accession, int observations) {
    StringBuilder m = new StringBuilder()
        .append("MSH|^~\\&|LIS|CITYLAB|PATHTRACK|RESULTS|20261126101500||ORU^R01^ORU_R01|").append(accession).append("|P|2.5.1\r")
        .append("PID|1||MRN-1^^^CITYHOSP^MR||Doe^Jane||19700101|F\r")
        .append("OBR|1|ORD-1|").append(accession).append("|60567-5^Pathology report^LN|||20261124093000||||||||")
        .append("|dr-lee^Lee^Anna||||||20261126101000|||F\r");
    for (int i = 1; i <= observations; i++) {
      m.append("OBX|").append(i).append("|TX|22634-0^Gross^LN||Core ").append(i).append(" tan-white.||||||F\r");
    }
    m.append("OBX|").append(observations + 1).append("|TX|22637-3^Final diagnosis^LN||Fibroadenoma.||||||F\r");
    return m.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void malignantReportIsStillClassified(String accession) {
    Http.Response response = Http.post(base + "/fhir/DiagnosticReport", "application/fhir+json",
        report(accession).conclusion("Left breast core biopsy: invasive ductal carcinoma, grade 2.").json());
    assertThat(response.status()).isEqualTo(201);
    List<ConsumerRecord<String, byte[]>> events = await().atMost(Duration.ofSeconds(30)).until(
        () -> KafkaProbe.readAll(bootstrap, Topics.REPORTS_CLASSIFIED.name()).stream().filter(r -> accession.equals(r.key())).toList(),
        list -> !list.isEmpty());
    assertThat(KafkaProbe.header(events.get(0), EventHeaders.OUTCOME)).isEqualTo("malignant");
  }

  private static ConsumerRecord<String, byte[]> deadLetter(String key) {
    return await().atMost(Duration.ofSeconds(60)).until(
        () -> KafkaProbe.readAll(bootstrap, Topics.REPORTS_INBOUND_DLQ.name()).stream().filter(r -> key.equals(r.key())).findFirst(),
        java.util.Optional::isPresent).orElseThrow();
  }

  private static Http.Response probe(String path) {
    return Http.get(ResultsServiceHarness.management(service) + path, "application/json");
  }

  private static String metrics() {
    return Http.get(ResultsServiceHarness.management(service) + "/actuator/prometheus", "text/plain").body();
  }
}
