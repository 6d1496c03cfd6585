package io.pathtrack.notify;

import static io.pathtrack.testsupport.EdgeAnswers.assertNoInternals;
import static io.pathtrack.testsupport.EdgeAnswers.assertSecurityHeaders;
import static io.pathtrack.testsupport.EdgeAnswers.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.pathtrack.contract.Fhir;
import io.pathtrack.contract.Outcome;
import io.pathtrack.notify.delivery.RecordingReceiver;
import io.pathtrack.testsupport.Http;
import io.pathtrack.testsupport.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * notify-service's HTTP edge under hostile input, over real HTTP on a real broker: acknowledgement bodies
 * over the limit or broken, ids and references that are not what they claim, and the security headers on
 * every kind of answer, the live stream's included. The service starts once and must still take a real
 * acknowledgement at the end.
 */
class HttpEdgeTest {
  private static final int FIVE_MB = 5 * 1024 * 1024;

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

  private static String ackUrl(String id) {
    return service.base() + "/notifications/" + id + "/acknowledge";
  }

  @Test
  void fiveMegabyteAcknowledgementIsRefusedWith413() {
    String body = "{\"by\":\"" + "P".repeat(FIVE_MB) + "\"}";
    Http.Response r = Http.post(ackUrl(UUID.randomUUID().toString()), "application/json", body);

    assertThat(r.status()).isEqualTo(413);
    OperationOutcome oo = outcome(r);
    assertThat(oo.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.TOOLONG);
    assertThat(oo.getIssueFirstRep().getDiagnostics()).contains("1 MB");
    assertNoInternals(r.body());
    assertSecurityHeaders(r);
  }

  @Test
  void chunkedAcknowledgementOverTheLimitIsRefusedWith413() {
    byte[] body = ("{\"by\":\"" + "Q".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
    Http.Response r = Http.send(HttpRequest.newBuilder(URI.create(ackUrl(UUID.randomUUID().toString())))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
        .build());

    assertThat(r.status()).as(r.body()).isEqualTo(413);
    assertThat(outcome(r).getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.TOOLONG);
    assertNoInternals(r.body());
  }

  @Test
  void malformedAcknowledgementJsonIs400WithoutClassNames() {
    for (String broken : List.of("{\"by\": ", "{\"by\": \"Practitioner/dr-a\",}", "[1,2", "{\"by\": {\"nested\": true}}")) {
      Http.Response r = Http.post(ackUrl(UUID.randomUUID().toString()), "application/json", broken);
      assertThat(r.status()).as(broken).isEqualTo(400);
      assertThat(outcome(r).getIssueFirstRep().getDiagnostics()).as(broken).contains("request body");
      assertNoInternals(r.body());
      assertSecurityHeaders(r);
    }
  }

  @Test
  void acknowledgedByMustBeAPractitionerReference() {
    String phi = "Jane Q Patient, born 1970-01-01\r\nX-Injected: yes";
    for (String by : List.of(phi, "Practitioner/" + "a".repeat(500), "Patient/p-1", "dr-lee")) {
      Http.Response r = Http.post(ackUrl(UUID.randomUUID().toString()), "application/json",
          "{\"by\":\"" + by.replace("\r", "\\r").replace("\n", "\\n") + "\"}");
      assertThat(r.status()).as(by).isEqualTo(400);
      OperationOutcome oo = outcome(r);
      assertThat(oo.getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo("by");
      assertThat(r.body()).doesNotContain("Jane").doesNotContain("aaaaaaaaaa").doesNotContain("Injected");
    }
  }

  @Test
  void notificationIdInThePathMustBeAnId() {
    // An encoded line break never reaches the endpoint: the security layer's firewall refuses the path first.
    Http.Response lineBreak = Http.post(ackUrl("bad%0D%0Aid"), "application/json", "{\"by\":\"Practitioner/dr-a\"}");
    assertThat(lineBreak.status()).isEqualTo(400);
    assertThat(outcome(lineBreak).getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.INVALID);
    assertThat(lineBreak.body()).doesNotContain("bad");
    assertSecurityHeaders(lineBreak);
    for (String id : List.of("x".repeat(100), "has%20space")) {
      Http.Response ack = Http.post(ackUrl(id), "application/json", "{\"by\":\"Practitioner/dr-a\"}");
      assertThat(ack.status()).as(id).isEqualTo(400);
      assertThat(outcome(ack).getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo("id");
      assertThat(ack.body()).doesNotContain("xxxxxxxxxx");
      Http.Response read = Http.get(service.base() + "/notifications/" + id);
      assertThat(read.status()).as(id).isEqualTo(400);
    }
    Http.Response unknown = Http.post(ackUrl(UUID.randomUUID().toString()), "application/json", "{\"by\":\"Practitioner/dr-a\"}");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(outcome(unknown).getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.NOTFOUND);
    assertSecurityHeaders(unknown);
  }

  @Test
  void communicationIdIsCheckedAndBrokenFhirJsonIs400() {
    Http.Response longId = Http.get(service.base() + "/fhir/Communication/" + "c".repeat(100));
    assertThat(longId.status()).isEqualTo(400);
    assertThat(outcome(longId).getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo("Communication.id");
    assertThat(longId.body()).doesNotContain("cccccccccc");
    assertSecurityHeaders(longId);

    Http.Response unknown = Http.get(service.base() + "/fhir/Communication/" + UUID.randomUUID());
    assertThat(unknown.status()).isEqualTo(404);
    assertSecurityHeaders(unknown);

    Http.Response broken = Http.put(service.base() + "/fhir/Communication/" + UUID.randomUUID(), "application/fhir+json",
        "{\"resourceType\": \"Communication\", \"status\": ");
    assertThat(broken.status()).isEqualTo(400);
    assertThat(outcome(broken).getIssueFirstRep().getDiagnostics()).containsIgnoringCase("json");
    assertNoInternals(broken.body());
  }

  @Test
  void wrongMediaTypeMethodAndPathAreAnsweredWithOperationOutcomes() {
    Http.Response media = Http.post(ackUrl(UUID.randomUUID().toString()), "text/plain", "Practitioner/dr-a");
    assertThat(media.status()).isEqualTo(415);
    assertThat(outcome(media).getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.NOTSUPPORTED);
    assertSecurityHeaders(media);

    Http.Response method = Http.put(service.base() + "/notifications", "application/json", "{}");
    assertThat(method.status()).isEqualTo(405);
    assertThat(method.header("Allow")).contains("GET");
    assertNoInternals(method.body());

    Http.Response missing = Http.get(service.base() + "/no/such/path");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(outcome(missing).getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.NOTFOUND);
    assertSecurityHeaders(missing);

    Http.Response noParameter = Http.get(service.base() + "/audit");
    assertThat(noParameter.status()).isEqualTo(400);
    assertThat(outcome(noParameter).getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo("about");
  }

  @Test
  void everyKindOfAnswerCarriesTheSecurityHeaders() throws Exception {
    assertSecurityHeaders(Http.get(service.base() + "/fhir/metadata"));
    assertSecurityHeaders(Http.get(service.base() + "/notifications"));
    assertSecurityHeaders(Http.get(service.base() + "/audit?about=Communication/x"));
    Http.Response health = Http.get(service.management() + "/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    assertSecurityHeaders(health);

    HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(service.base() + "/notifications/stream?recipient=Practitioner/dr-edge"))
            .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + io.pathtrack.testsupport.TestIdentity.shared().userToken("lab-manager"))
            .GET().build(),
        HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = stream.body()) {
      assertThat(stream.statusCode()).isEqualTo(200);
      assertSecurityHeaders(new Http.Response(stream.statusCode(), "", stream.headers()));
    }

    Http.Response forged = Http.get(service.base() + "/notifications/stream?recipient=Practitioner/x%0Aevent:%20forged", "text/event-stream");
    assertThat(forged.status()).isEqualTo(400);
    assertThat(forged.body()).doesNotContain("forged");
    assertSecurityHeaders(forged);
  }

  @Test
  void serviceStillTakesARealAcknowledgementAfterBadInputAndRefusesAnUnknownSender() {
    Http.post(ackUrl(UUID.randomUUID().toString()), "application/json", "{\"by\":\"" + "P".repeat(FIVE_MB) + "\"}");
    Http.post(ackUrl(UUID.randomUUID().toString()), "application/json", "{broken");
    service.report("N-EDGE-1", Outcome.MALIGNANT, "v1", "Practitioner/dr-ack", null, false);
    List<Map<String, Object>> notes = service.awaitNotifications("N-EDGE-1", l -> !l.isEmpty());
    String id = (String) notes.get(0).get("id");

    Communication c = new Communication().setStatus(Communication.CommunicationStatus.COMPLETED);
    c.setId(id);
    c.setSender(new Reference("Jane Q Patient"));
    Http.Response sender = Http.put(service.base() + "/fhir/Communication/" + id, "application/fhir+json",
        Fhir.json().encodeResourceToString(c));
    assertThat(sender.status()).as(sender.body()).isEqualTo(400);
    assertThat(outcome(sender).getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo("Communication.sender.reference");
    assertThat(sender.body()).doesNotContain("Jane");

    Http.Response r = service.acknowledge(id, "Practitioner/dr-ack");
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    assertSecurityHeaders(r);
    service.awaitNotifications("N-EDGE-1", l -> l.stream().anyMatch(n -> "acknowledged".equals(n.get("state"))));
  }
}
