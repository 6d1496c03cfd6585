package io.pathtrack.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.pathtrack.contract.Fhir;
import io.pathtrack.contract.Outcome;
import io.pathtrack.notify.delivery.RecordingReceiver;
import io.pathtrack.testsupport.Http;
import io.pathtrack.testsupport.MutableClock;
import io.pathtrack.testsupport.fuzz.EdgeProperty;
import io.pathtrack.testsupport.fuzz.FuzzBudget;
import io.pathtrack.testsupport.fuzz.HostileText;
import io.pathtrack.testsupport.fuzz.JsonMutator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * notify-service's HTTP endpoints under mutated requests, over real HTTP on a real broker: acknowledgements,
 * Communication updates, the notification list and the audit trail. Every request is answered 2xx or 4xx,
 * every 4xx an OperationOutcome naming no internals; afterwards a new notification still takes a real
 * acknowledgement. Bounded and seeded (see {@link FuzzBudget}); started once for the class.
 */
class NotifyRestFuzzTest {
  private static final List<String> ENDPOINTS = List.of("acknowledge", "decline", "communication", "notifications",
      "audit");

  @TempDir
  static Path state;

  private static GreenMail smtp;
  private static RecordingReceiver pager;
  private static NotifyServiceHarness service;
  private static String knownId;

  @BeforeAll
  static void start() throws Exception {
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    pager = new RecordingReceiver("/pager", RecordingReceiver.Response.of(200));
    service = new NotifyServiceHarness(new MutableClock(Instant.parse("2026-11-23T10:00:00Z")), smtp, state,
        pager.url("/pager")).start();
    service.report("N-FZ-KNOWN", Outcome.MALIGNANT, "v1", "Practitioner/dr-fz", null, false);
    knownId = (String) service.awaitNotifications("N-FZ-KNOWN", l -> !l.isEmpty()).get(0).get("id");
  }

  @AfterAll
  static void stop() {
    service.close();
    pager.close();
    smtp.stop();
  }

  @Test
  void mutatedRequestsAreNeverAServerErrorAndANewNotificationStillTakesARealAcknowledgement() {
    long seed = FuzzBudget.seed();
    int tries = FuzzBudget.tries(300);
    EdgeProperty property = new EdgeProperty(seed);
    for (int attempt = 0; attempt < tries; attempt++) {
      Random random = new Random(FuzzBudget.seedOfTry(seed, attempt));
      switch (ENDPOINTS.get(attempt % ENDPOINTS.size())) {
        case "acknowledge" -> send(property, attempt, "POST", "/notifications/" + idInPath(random) + "/acknowledge",
            "application/json", "{\"by\":\"Practitioner/dr-fz\"}", random);
        case "decline" -> send(property, attempt, "POST", "/notifications/" + idInPath(random) + "/decline",
            "application/json", "{\"by\":\"Practitioner/dr-fz\"}", random);
        case "communication" -> send(property, attempt, "PUT", "/fhir/Communication/" + idInPath(random),
            "application/fhir+json", Fhir.json().encodeResourceToString(acknowledged()), random);
        case "notifications" -> property.send(attempt, "GET", service.base() + "/notifications?"
            + query(random, List.of("recipient", "state", "priority", "accession")), "", null, "");
        default -> property.send(attempt, "GET", service.base() + "/audit?" + query(random, List.of("about")), "", null, "");
      }
    }
    System.out.println(property.summary("notify-service REST fuzz"));
    assertThat(property.answered(2)).as("some requests accepted").isTrue();
    assertThat(property.answered(4)).as("some requests refused").isTrue();

    service.report("N-FZ-AFTER", Outcome.MALIGNANT, "v1", "Practitioner/dr-after", null, false);
    List<Map<String, Object>> notes = service.awaitNotifications("N-FZ-AFTER", l -> !l.isEmpty());
    // dr-after is not in the directory: the results desk receives it, and acknowledges it.
    Http.Response r = service.acknowledge((String) notes.get(0).get("id"), (String) notes.get(0).get("recipient"));
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    service.awaitNotifications("N-FZ-AFTER", l -> l.stream().anyMatch(n -> "acknowledged".equals(n.get("state"))));
  }

  /** Found by the fuzz run above: a query value whose bytes are not UTF-8 (an overlong '.') was a 500. */
  @Test
  void queryValueThatIsNotUtf8IsRefusedWith400() {
    EdgeProperty property = new EdgeProperty(FuzzBudget.DEFAULT_SEED);
    for (String url : List.of("/audit?about=%C0%AE", "/notifications?recipient=%FF%FE")) {
      Http.Response r = property.send(0, "GET", service.base() + url, "", null, "");
      assertThat(r.status()).as(url).isEqualTo(400);
    }
  }

  /** Found by the fuzz run above: a wildcard Content-Type on an acknowledgement was a 500. */
  @Test
  void acknowledgementWithAWildcardContentTypeIsRefusedWith415() {
    EdgeProperty property = new EdgeProperty(FuzzBudget.DEFAULT_SEED);
    for (String contentType : List.of("*/*", "application/*")) {
      Http.Response r = property.send(0, "POST", service.base() + "/notifications/" + UUID.randomUUID() + "/acknowledge",
          contentType, "{\"by\":\"Practitioner/dr-fz\"}".getBytes(StandardCharsets.UTF_8), "wildcard content type");
      assertThat(r.status()).as(contentType).isEqualTo(415);
    }
  }

  /** Found with seeds 2 and 3: an id that decodes to a lone '%', with a body that is not FHIR, was a 500. */
  @Test
  void loneEscapeCharacterAsTheIdIsRefusedWith400() {
    EdgeProperty property = new EdgeProperty(3);
    Http.Response r = property.send(0, "PUT", service.base() + "/fhir/Communication/%25", "application/fhir+json",
        "{\"resourceType\":1}".getBytes(StandardCharsets.UTF_8), "resourceType a number");
    assertThat(r.status()).as(r.body()).isEqualTo(400);
  }

  private static void send(EdgeProperty property, int attempt, String method, String path, String contentType, String valid,
      Random random) {
    JsonMutator.Mutated body = random.nextInt(10) == 0
        ? new JsonMutator.Mutated(valid.getBytes(StandardCharsets.UTF_8), "unmutated")
        : JsonMutator.mutate(valid, random);
    property.send(attempt, method, service.base() + path, EdgeProperty.contentType(random, contentType), body.body(), body.recipe());
  }

  private static Communication acknowledged() {
    Communication c = new Communication().setStatus(Communication.CommunicationStatus.COMPLETED);
    c.setId(knownId);
    c.setSender(new Reference("Practitioner/dr-fz"));
    return c;
  }

  /** The known notification, an unknown one, or a hostile id, percent-encoded. */
  private static String idInPath(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> knownId;
      case 1 -> UUID.randomUUID().toString();
      default -> HostileText.urlValue(random);
    };
  }

  /** Some of the parameters (now and then repeated, renamed or empty), with plausible or hostile values. */
  private static String query(Random random, List<String> names) {
    StringBuilder query = new StringBuilder();
    int parameters = random.nextInt(4);
    for (int i = 0; i < parameters; i++) {
      String name = random.nextInt(8) == 0 ? HostileText.urlValue(random) : names.get(random.nextInt(names.size()));
      String value = switch (random.nextInt(4)) {
        case 0 -> List.of("Practitioner/dr-fz", "N-FZ-KNOWN", "urgent", "acknowledged", "open", "Communication/" + knownId)
            .get(random.nextInt(6));
        default -> HostileText.urlValue(random);
      };
      query.append(i == 0 ? "" : "&").append(name).append(random.nextInt(10) == 0 ? "" : "=" + value);
    }
    return query.toString();
  }
}
