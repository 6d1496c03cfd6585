package io.pathtrack.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.pathtrack.contract.Fhir;
import io.pathtrack.contract.Outcome;
import io.pathtrack.guard.security.EndpointInventory;
import io.pathtrack.notify.delivery.RecordingReceiver;
import io.pathtrack.testsupport.AccessMatrix;
import io.pathtrack.testsupport.Http;
import io.pathtrack.testsupport.MutableClock;
import io.pathtrack.testsupport.TestIdentity;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may see and acknowledge notifications, with real tokens from the real authorization server: every endpoint
 * of notify-service refuses callers without a token or the scope, and another physician; a practitioner sees and
 * acknowledges their own and those they cover, by their token's identity; the EHR acknowledges on behalf of a named
 * practitioner and the audit trail shows both.
 */
class NotifyAccessTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir
  static Path state;

  private static GreenMail smtp;
  private static RecordingReceiver pager;
  private static NotifyServiceHarness service;
  private static TestIdentity identity;
  private static String leeNotification;

  @BeforeAll
  static void start() throws Exception {
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    pager = new RecordingReceiver("/pager", RecordingReceiver.Response.of(200));
    service = new NotifyServiceHarness(new MutableClock(Instant.parse("2026-11-23T10:00:00Z")), smtp, state,
        pager.url("/pager")).start();
    identity = TestIdentity.shared();
    leeNotification = notificationFor("N-ACL-MATRIX");
  }

  @AfterAll
  static void stop() {
    service.close();
    pager.close();
    smtp.stop();
  }

  private static String notificationFor(String accession) {
    service.report(accession, Outcome.MALIGNANT, "v1", "Practitioner/dr-lee", null, false);
    return (String) service.awaitNotifications(accession, l -> !l.isEmpty()).get(0).get("id");
  }

  @Test
  void everyEndpointHasAnAccessRule() {
    List<EndpointInventory.Endpoint> endpoints = EndpointInventory.of(service.context());
    assertThat(endpoints).filteredOn(e -> !e.ruled()).isEmpty();
    assertThat(endpoints).extracting(e -> e.method() + " " + e.path()).contains("GET /notifications",
        "GET /notifications/{id}", "POST /notifications/{id}/acknowledge", "POST /notifications/{id}/decline",
        "GET /notifications/stream", "GET /audit",
        "GET /fhir/Communication/{id}", "PUT /fhir/Communication/{id}", "GET /ui/notifications",
        "GET /ui/notifications/{id}", "POST /ui/notifications/{id}/acknowledge",
        "POST /ui/notifications/{id}/decline", "GET /ui/notifications/stream");
  }

  @TestFactory
  Stream<DynamicTest> everyEndpointRefusesWhomItShould() {
    String communication = "{\"resourceType\":\"Communication\",\"id\":\"" + leeNotification + "\",\"status\":\"completed\"}";
    AccessMatrix.Data data = new AccessMatrix.Data(Map.of("id", leeNotification),
        Map.of("/notifications/stream", "recipient=Practitioner/dr-lee", "/audit", "about=Communication/" + leeNotification),
        List.of("GET /notifications/{id}", "POST /notifications/{id}/acknowledge", "POST /notifications/{id}/decline",
            "GET /fhir/Communication/{id}",
            "PUT /fhir/Communication/{id}", "GET /notifications/stream"),
        "dr-novak", Map.of("/fhir/Communication/{id}", communication));
    return AccessMatrix.cases(service.base(), endpoints(), data).stream();
  }

  /**
   * Pages are served to a signed-in session, never to a bearer token: without one a page sends the browser to sign
   * in (the browser tests sign in and check who sees what), and a form post without the session's CSRF token is
   * refused.
   */
  @TestFactory
  Stream<DynamicTest> everyPageSendsCallersWithoutASessionToSignIn() {
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    return EndpointInventory.of(service.context()).stream().filter(e -> e.path().startsWith("/ui/") && !e.open())
        .flatMap(e -> Stream.of(null, identity.userToken("dr-lee")).map(token -> DynamicTest.dynamicTest(
            e.method() + " " + e.path() + (token == null ? " without a session" : " with a bearer token only"), () -> {
              var request = java.net.http.HttpRequest.newBuilder(
                  java.net.URI.create(service.base() + e.path().replace("{id}", leeNotification)))
                  .method(e.method(), java.net.http.HttpRequest.BodyPublishers.noBody());
              if (token != null) {
                request.header("Authorization", "Bearer " + token);
              }
              var answer = client.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
              if (e.method().equals("GET")) {
                assertThat(answer.statusCode()).isEqualTo(302);
                assertThat(answer.headers().firstValue("Location").orElse(""))
                    .endsWith("/oauth2/authorization/pathtrack-web");
              } else {
                assertThat(answer.statusCode()).isEqualTo(403);
              }
              assertThat(answer.body()).doesNotContain("N-ACL-MATRIX");
            })));
  }

  /**
   * The page a browser lands on after signing out is open and says nothing about anyone; signing out itself takes the
   * page's CSRF token, so another site cannot sign a user out behind their back.
   */
  @Test
  void theSignedOutPageIsOpenAndSigningOutTakesThePagesCsrfToken() throws Exception {
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    var page = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(service.base() + "/ui/signed-out"))
        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Signed out").doesNotContain("N-ACL-MATRIX").doesNotContain("Signed in as");
    var forged = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(service.base() + "/ui/sign-out"))
        .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).isEqualTo(403);
  }

  /** The API's endpoints; the pages have a session of their own (above). */
  private static List<AccessMatrix.Endpoint> endpoints() {
    return EndpointInventory.of(service.context()).stream().filter(e -> !e.path().startsWith("/ui/")).map(e -> new AccessMatrix.Endpoint(e.method(), e.path(), e.open(),
        e.need().map(n -> n.resource()).orElse(null), e.need().map(n -> n.interaction()).orElse(' '), e.need().map(n -> n.systemOnly()).orElse(false))).toList();
  }

  @Test
  void aPhysicianSeesTheirOwnAndThoseTheyCoverAndNoOneElses() {
    String accession = "N-ACL-SEE";
    notificationFor(accession);
    assertThat(list("dr-lee", accession)).hasSize(1);
    assertThat(list("dr-patel", accession)).as("dr-patel covers dr-lee").hasSize(1);
    assertThat(list("dr-novak", accession)).isEmpty();
    assertThat(list("results-desk", accession)).as("the results desk sees the whole lab").hasSize(1);
    Http.Response someoneElses = Http.get(service.base() + "/notifications?recipient=Practitioner/dr-lee", "application/json",
        bearer(identity.userToken("dr-novak")));
    assertThat(someoneElses.status()).isEqualTo(403);
    assertThat(someoneElses.body()).contains("not your notifications");
  }

  @Test
  void theAcknowledgingIdentityIsTheTokensNeverTheBodys() {
    String id = notificationFor("N-ACL-BY");
    Http.Response forged = acknowledge(id, "{\"by\":\"Practitioner/dr-patel\"}", identity.userToken("dr-lee"));
    assertThat(forged.status()).as(forged.body()).isEqualTo(403);
    assertThat(forged.body()).contains("must name the signed-in practitioner");

    Http.Response other = acknowledge(id, "{}", identity.userToken("dr-novak"));
    assertThat(other.status()).as(other.body()).isEqualTo(403);
    assertThat(other.body()).contains("not your notification");
    assertThat(state("N-ACL-BY")).isNotEqualTo("acknowledged");

    Http.Response own = acknowledge(id, "{}", identity.userToken("dr-lee"));
    assertThat(own.status()).as(own.body()).isEqualTo(202);
    assertThat(own.body()).contains("Practitioner/dr-lee");
    await().atMost(Duration.ofSeconds(30)).until(() -> "acknowledged".equals(state("N-ACL-BY")));
  }

  @Test
  void theCoveringPhysicianAcknowledgesAsThemselves() {
    String id = notificationFor("N-ACL-COVER");
    Http.Response covering = acknowledge(id, "{}", identity.userToken("dr-patel"));
    assertThat(covering.status()).as(covering.body()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(30)).until(() -> "Practitioner/dr-patel".equals(
        service.notifications("N-ACL-COVER").get(0).get("acknowledgedBy")));
  }

  @Test
  void theEhrAcknowledgesOnBehalfOfANamedPractitionerAndTheAuditShowsBoth() {
    String id = notificationFor("N-ACL-EHR");
    String ehr = identity.clientToken("ehr");
    Http.Response unnamed = acknowledge(id, "{}", ehr);
    assertThat(unnamed.status()).as(unnamed.body()).isEqualTo(400);
    assertThat(unnamed.body()).contains("must name them");
    Http.Response stranger = acknowledge(id, "{\"by\":\"Practitioner/dr-novak\"}", ehr);
    assertThat(stranger.status()).as(stranger.body()).isEqualTo(403);

    Communication c = new Communication().setStatus(Communication.CommunicationStatus.COMPLETED);
    c.setId(id);
    c.setSender(new Reference("Practitioner/dr-lee"));
    Http.Response put = Http.put(service.base() + "/fhir/Communication/" + id, "application/fhir+json",
        Fhir.json().encodeResourceToString(c), bearer(ehr));
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(30)).until(() -> "acknowledged".equals(state("N-ACL-EHR")));

    String manager = identity.userToken("lab-manager");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      Http.Response audit = Http.get(service.base() + "/audit?about=Communication/" + id, "application/json", bearer(manager));
      assertThat(audit.status()).isEqualTo(200);
      List<Map<String, Object>> steps = JSON.readValue(audit.body(), List.class);
      assertThat(steps).anySatisfy(s -> {
        assertThat(s).containsEntry("step", "update").containsEntry("client", "ehr").containsEntry("who", "Practitioner/dr-lee");
      });
      assertThat(steps).anySatisfy(s -> assertThat(s).containsEntry("step", "acknowledged")
          .containsEntry("who", "Practitioner/dr-lee"));
      assertThat(steps).as("the refused attempt is on record too").anySatisfy(s -> assertThat(s)
          .containsEntry("client", "ehr").containsEntry("detail", "HTTP 403"));
    });
  }

  @Test
  void aReadThroughAnEncodedPathIsAuditedAsTheNotificationItServed() {
    String id = notificationFor("N-ACL-ENC");
    String encoded = String.format("%%%02X", (int) id.charAt(0)) + id.substring(1);
    Http.Response read = Http.get(service.base() + "/fhir/Communication/" + encoded, "application/fhir+json",
        bearer(identity.clientToken("ehr")));
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    String manager = identity.userToken("lab-manager");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Http.get(service.base() + "/audit?about=Communication/"
        + id, "application/json", bearer(manager)).body()).contains("\"step\":\"read\"").contains("\"client\":\"ehr\""));
  }

  @Test
  void readingTheAuditNeedsItsOwnScope() {
    Http.Response physician = Http.get(service.base() + "/audit?about=Communication/" + leeNotification, "application/json",
        bearer(identity.userToken("dr-lee")));
    assertThat(physician.status()).isEqualTo(403);
    assertThat(physician.body()).contains("AuditEvent.s");
    Http.Response manager = Http.get(service.base() + "/audit?about=Communication/" + leeNotification, "application/json",
        bearer(identity.userToken("lab-manager")));
    assertThat(manager.status()).isEqualTo(200);
    assertThat(manager.body()).as("who read it, and who was refused, is on record")
        .contains("\"step\":\"read\"").contains("\"client\":\"ehr\"").contains("\"who\":\"Practitioner/dr-novak\"");
  }

  @Test
  void anLisMayPostReportsButReadNoNotifications() {
    Http.Response lis = Http.get(service.base() + "/notifications", "application/json", bearer(identity.clientToken("lis")));
    assertThat(lis.status()).isEqualTo(403);
    assertThat(lis.body()).contains("Communication.s");
  }

  private static List<Map<String, Object>> list(String user, String accession) {
    Http.Response r = Http.get(service.base() + "/notifications?accession=" + accession, "application/json",
        bearer(identity.userToken(user)));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return JSON.readValue(r.body(), List.class);
  }

  private static Object state(String accession) {
    return service.notifications(accession).get(0).get("state");
  }

  private static Http.Response acknowledge(String id, String body, String token) {
    return Http.post(service.base() + "/notifications/" + id + "/acknowledge", "application/json", body, bearer(token));
  }

  private static Map<String, String> bearer(String token) {
    return Map.of("Authorization", "Bearer " + token);
  }
}
