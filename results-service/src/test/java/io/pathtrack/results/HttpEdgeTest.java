package io.pathtrack.results;

import static io.pathtrack.testsupport.EdgeAnswers.assertNoInternals;
import static io.pathtrack.testsupport.EdgeAnswers.assertSecurityHeaders;
import static io.pathtrack.testsupport.EdgeAnswers.outcome;
import static io.pathtrack.testsupport.PathologyFixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.testsupport.Http;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * results-service's HTTP edge over real HTTP on a real broker: the body limit on its FHIR endpoint and on
 * the others (actuator), error answers without internals, and the security headers on every answer.
 */
class HttpEdgeTest {
  private static final int TWO_MB = 2 * 1024 * 1024;

  @TempDir
  static Path state;

  private static ConfigurableApplicationContext service;
  private static String base;

  @BeforeAll
  static void start() {
    service = ResultsServiceHarness.run(state);
    base = ResultsServiceHarness.base(service);
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void twoMegabyteReportIsRefusedWith413() {
    String json = report("HE-BIG-1").conclusion("x".repeat(TWO_MB)).json();
    Http.Response r = Http.post(base + "/fhir/DiagnosticReport", "application/fhir+json", json);

    assertThat(r.status()).isEqualTo(413);
    assertThat(outcome(r).getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.TOOLONG);
    assertNoInternals(r.body());
    assertSecurityHeaders(r);
  }

  @Test
  void chunkedReportOverTheLimitIsRefusedWith413() {
    byte[] body = report("HE-BIG-2").conclusion("y".repeat(TWO_MB)).json().getBytes(StandardCharsets.UTF_8);
    Http.Response r = Http.send(HttpRequest.newBuilder(URI.create(base + "/fhir/DiagnosticReport"))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/fhir+json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
        .build());

    assertThat(r.status()).as(r.body()).isEqualTo(413);
    assertNoInternals(r.body());
  }

  @Test
  void bodyOverTheLimitIsRefusedOnEndpointsOutsideFhirToo() {
    Http.Response r = Http.post(base + "/not-fhir", "application/json", "{\"v\":\"" + "z".repeat(TWO_MB) + "\"}");

    assertThat(r.status()).isEqualTo(413);
    assertThat(outcome(r).getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.TOOLONG);
    assertSecurityHeaders(r);
  }

  @Test
  void malformedReportIs400WithoutClassNames() {
    Http.Response r = Http.post(base + "/fhir/DiagnosticReport", "application/fhir+json", "{\"resourceType\": \"DiagnosticReport\",");

    assertThat(r.status()).isEqualTo(400);
    assertNoInternals(r.body());
    assertSecurityHeaders(r);
  }

  @Test
  void everyKindOfAnswerCarriesTheSecurityHeaders() {
    assertSecurityHeaders(Http.get(base + "/fhir/metadata"));
    Http.Response health = Http.get(ResultsServiceHarness.management(service) + "/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    assertSecurityHeaders(health);
    Http.Response missing = Http.get(base + "/no/such/path");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(outcome(missing).getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.NOTFOUND);
    assertSecurityHeaders(missing);
    Http.Response fhirMissing = Http.get(base + "/fhir/Patient/p-1");
    assertThat(fhirMissing.status()).isBetween(400, 499);
    assertNoInternals(fhirMissing.body());
    assertSecurityHeaders(fhirMissing);
  }
}
