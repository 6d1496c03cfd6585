package io.pathtrack.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.pathtrack.contract.Outcome;
import io.pathtrack.notify.delivery.RecordingReceiver;
import io.pathtrack.testsupport.Http;
import io.pathtrack.testsupport.MutableClock;
import io.pathtrack.testsupport.PageSession;
import io.pathtrack.testsupport.fuzz.FuzzBudget;
import io.pathtrack.testsupport.fuzz.HostileText;
import io.pathtrack.testsupport.fuzz.PageProperty;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * notify-service's pages under mutated requests in a real signed-in session (dr-lee, through the identity server's
 * login form, as a browser): the inbox and its filters, a notification's page, Acknowledge and "Not my patient" with a
 * right, missing or wrong CSRF token, other methods and Accept headers, and the live stream. Every answer is 2xx, 3xx
 * or 4xx, every 4xx the service's problem page naming no internals; afterwards the session still shows the inbox and
 * a new notification is acknowledged through its page's form. Bounded and seeded (see {@link FuzzBudget}).
 */
class NotifyPagesFuzzTest {
  private static final List<String> KINDS = List.of("inbox", "rows", "notification", "acknowledge", "decline", "method",
      "accept", "stream");
  private static final List<String> FILTERS = List.of("state", "priority", "outcome", "from", "to", "accession");

  @TempDir
  static Path state;

  private static GreenMail smtp;
  private static RecordingReceiver pager;
  private static NotifyServiceHarness service;
  private static PageSession lee;
  private static String knownId;

  @BeforeAll
  static void start() throws Exception {
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    pager = new RecordingReceiver("/pager", RecordingReceiver.Response.of(200));
    service = new NotifyServiceHarness(new MutableClock(Instant.parse("2026-11-23T10:00:00Z")), smtp, state,
        pager.url("/pager")).start();
    knownId = notificationFor("N-PF-KNOWN");
    lee = PageSession.signIn(service.base(), "dr-lee", "/ui/notifications");
  }

  @AfterAll
  static void stop() {
    service.close();
    pager.close();
    smtp.stop();
  }

  @Test
  void mutatedPageRequestsAreNeverAServerErrorAndTheSessionStillAcknowledges() {
    long seed = FuzzBudget.seed();
    int tries = FuzzBudget.tries(250);
    PageProperty property = new PageProperty(seed);
    lee.get("/ui/notifications/" + knownId);
    String validToken = lee.csrf();
    List<String> failures = new ArrayList<>();
    for (int attempt = 0; attempt < tries; attempt++) {
      Random random = new Random(FuzzBudget.seedOfTry(seed, attempt));
      try {
        fuzz(property, attempt, validToken, random);
      } catch (AssertionError e) {
        failures.add(e.getMessage() + (e.getCause() == null ? "" : " — " + e.getCause().getMessage()));
      }
    }
    System.out.println(property.summary("notify-service page fuzz"));
    assertThat(failures).as("answers that break the property").isEmpty();
    assertThat(property.answered(2)).as("some requests accepted").isTrue();
    assertThat(property.answered(3)).as("some forms accepted").isTrue();
    assertThat(property.answered(4)).as("some requests refused").isTrue();

    Http.Response inbox = lee.get("/ui/notifications");
    assertThat(inbox.status()).as("the session still shows the inbox").isEqualTo(200);
    assertThat(inbox.body()).contains("id=\"inbox-list\"");
    String fresh = notificationFor("N-PF-AFTER");
    assertThat(lee.get("/ui/notifications/" + fresh).body()).contains("/ui/notifications/" + fresh + "/acknowledge");
    Http.Response acknowledged = lee.post("/ui/notifications/" + fresh + "/acknowledge", Map.of());
    assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(302);
    assertThat(acknowledged.header("Location")).endsWith("/ui/notifications/" + fresh);
    service.awaitNotifications("N-PF-AFTER", l -> l.stream().anyMatch(n -> "acknowledged".equals(n.get("state"))));
    assertThat(service.notifications("N-PF-AFTER").get(0)).containsEntry("acknowledgedBy", "Practitioner/dr-lee");
  }

  /** Found by the fuzz run above: a form posted without its CSRF token was refused in JSON (an OperationOutcome), not a page. */
  /**
   * Critical-result timing is for the lab: a physician is refused, the lab manager sees the department of an urgent
   * result acknowledged through the page (Breast surgery: dr-lee's organization) with its share and time.
   */
  @Test
  void criticalResultTimingIsShownToTheLabAndRefusedToAPhysician() throws Exception {
    String id = notificationFor("N-PF-CRIT");
    lee.get("/ui/notifications/" + id);
    assertThat(lee.post("/ui/notifications/" + id + "/acknowledge", Map.of()).status()).isEqualTo(302);
    service.awaitNotifications("N-PF-CRIT", l -> l.stream().anyMatch(n -> "acknowledged".equals(n.get("state"))));

    Http.Response refused = lee.get("/ui/critical-results");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).contains("laboratory and quality team").doesNotContain("Breast surgery");

    PageSession lab = PageSession.signIn(service.base(), "lab-manager", "/ui/critical-results");
    await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() -> {
      Http.Response page = lab.get("/ui/critical-results");
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).contains("id=\"critical-results\"").contains("Breast surgery").contains("100.0 %");
    });
    assertThat(Http.get(service.management() + "/actuator/prometheus", "text/plain").body())
        .contains("pathtrack_critical_results_within_deadline_ratio{department=\"Breast surgery\"} 1.0");
  }

  @Test
  void formWithoutItsCsrfTokenIsRefusedWithAProblemPage() {
    Http.Response r = lee.send("POST", "/ui/notifications/" + knownId + "/acknowledge",
        Map.of("Accept", "text/html", "Content-Type", "application/x-www-form-urlencoded"), "by=Practitioner/dr-novak");
    assertThat(r.status()).isEqualTo(403);
    PageProperty.assertProblemPage(r);
    assertThat(r.body()).contains("reload the page");
  }

  /** Found by the fuzz run above: PUT, DELETE or PATCH on a page was refused in JSON; past the CSRF check it is a 405 page. */
  @Test
  void otherMethodOnAPageIsRefusedWithAProblemPage() {
    lee.get("/ui/notifications");
    Http.Response r = lee.send("DELETE", "/ui/notifications/" + knownId, Map.of("Accept", "text/html", "X-CSRF-TOKEN",
        lee.csrf()), null);
    assertThat(r.status()).isEqualTo(405);
    PageProperty.assertProblemPage(r);
    assertThat(r.header("Allow")).contains("GET");
  }

  /** Found by the fuzz run above: a filter whose bytes are not UTF-8 was refused in JSON, not a page. */
  @Test
  void filterThatIsNotUtf8IsRefusedWithAProblemPage() {
    Http.Response r = lee.get("/ui/notifications?outcome=%FF%FE");
    assertThat(r.status()).isEqualTo(400);
    PageProperty.assertProblemPage(r);
  }

  /**
   * Found by the fuzz run above: a '#' as the id in a form's address broke the answer off mid-way (the access audit
   * recorded it as a reference, which the FHIR encoder reads as a contained resource).
   */
  @Test
  void hashAsTheIdInAFormsAddressIsRefusedWithAProblemPage() {
    lee.get("/ui/notifications");
    for (String action : List.of("acknowledge", "decline")) {
      Http.Response r = lee.post("/ui/notifications/%23/" + action, Map.of());
      assertThat(r.status()).as(action).isEqualTo(400);
      PageProperty.assertProblemPage(r);
    }
    assertThat(lee.get("/ui/notifications/%23").status()).isEqualTo(400);
  }

  /** What Tomcat or the firewall refuses in a page's address (an encoded slash or line break) is a page too. */
  @Test
  void addressRefusedBeforeSpringMvcIsAPlainProblemPage() {
    for (String id : List.of("a%2Fb", "a%0D%0Ab", "a;b")) {
      Http.Response r = lee.get("/ui/notifications/" + id);
      assertThat(r.status()).as(id).isEqualTo(400);
      PageProperty.assertProblemPage(r);
    }
  }

  /** One try: a request of the kind the attempt's number picks, shaped by its own random. */
  private static void fuzz(PageProperty property, int attempt, String validToken, Random random) {
    switch (KINDS.get(attempt % KINDS.size())) {
      case "inbox" -> get(property, attempt, "/ui/notifications?" + query(random), "text/html");
      case "rows" -> get(property, attempt, "/ui/notifications/rows?" + query(random), "text/html");
      case "notification" -> get(property, attempt, "/ui/notifications/" + idInPath(random), PageProperty.accept(random));
      case "acknowledge" -> post(property, attempt, "/ui/notifications/" + formId(random) + "/acknowledge", validToken,
          random);
      case "decline" -> post(property, attempt, "/ui/notifications/" + formId(random) + "/decline", validToken, random);
      case "method" -> {
        String method = List.of("PUT", "DELETE", "PATCH").get(random.nextInt(3));
        String path = List.of("/ui/notifications", "/ui/notifications/" + knownId,
            "/ui/notifications/" + knownId + "/acknowledge").get(random.nextInt(3));
        // The token in the body (a PUT's body is not read for it) or in the header a script would send it in.
        Map<String, String> headers = random.nextBoolean()
            ? Map.of("Accept", "text/html", "Content-Type", "application/x-www-form-urlencoded")
            : Map.of("Accept", "text/html", "Content-Type", "application/x-www-form-urlencoded", "X-CSRF-TOKEN", validToken);
        String body = "_csrf=" + validToken;
        property.check(attempt, method, path, "", () -> lee.send(method, path, headers, body));
      }
      case "accept" -> get(property, attempt, List.of("/ui/notifications", "/ui/notifications/" + knownId,
          "/ui/notifications/rows", "/ui/notifications/" + UUID.randomUUID()).get(random.nextInt(4)), PageProperty.accept(random));
      default -> {
        String path = "/ui/notifications/stream?notification=" + idInPath(random);
        property.checkStream(attempt, path, () -> lee.stream(path));
      }
    }
  }

  private static void get(PageProperty property, int attempt, String path, String accept) {
    Map<String, String> headers = accept.isEmpty() ? Map.of() : Map.of("Accept", accept);
    property.check(attempt, "GET", path, "Accept: " + accept, () -> lee.send("GET", path, headers, null));
  }

  /** A form post with the page's token, none, a wrong one or a hostile one, and now and then extra or hostile fields. */
  private static void post(PageProperty property, int attempt, String path, String validToken, Random random) {
    Map<String, String> form = new LinkedHashMap<>();
    String token = switch (random.nextInt(6)) {
      case 0, 1, 2 -> validToken;
      case 3 -> null;
      case 4 -> UUID.randomUUID().toString();
      default -> HostileText.any(random);
    };
    if (token != null) {
      form.put("_csrf", token);
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      String name = List.of("by", "reason", "_method", "id", HostileText.any(random)).get(random.nextInt(5));
      form.put(name, random.nextBoolean() ? "Practitioner/dr-novak" : HostileText.any(random));
    }
    String contentType = random.nextInt(6) == 0
        ? List.of("text/plain", "multipart/form-data; boundary=x", "application/json", "*/*").get(random.nextInt(4))
        : "application/x-www-form-urlencoded";
    String body = PageSession.form(form);
    property.check(attempt, "POST", path, "[" + contentType + "] " + form.keySet(),
        () -> lee.send("POST", path, Map.of("Accept", "text/html", "Content-Type", contentType), body));
  }

  /** The known notification, an unknown one, or a hostile id, percent-encoded. */
  private static String idInPath(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> knownId;
      case 1 -> UUID.randomUUID().toString();
      default -> HostileText.urlValue(random);
    };
  }

  /** Mostly the known notification (a form is posted from its page), else another id as {@link #idInPath}. */
  private static String formId(Random random) {
    return random.nextBoolean() ? knownId : idInPath(random);
  }

  /** Some of the inbox's filters (now and then repeated, renamed or empty), with plausible or hostile values. */
  private static String query(Random random) {
    StringBuilder query = new StringBuilder();
    int parameters = random.nextInt(5);
    for (int i = 0; i < parameters; i++) {
      String name = random.nextInt(8) == 0 ? HostileText.urlValue(random) : FILTERS.get(random.nextInt(FILTERS.size()));
      String value = switch (random.nextInt(3)) {
        case 0 -> List.of("open", "acknowledged", "urgent", "malignant", "2026-11-23", "2026-02-30", "N-PF-KNOWN",
            "+999999999-12-31", "-999999999-01-01", "2026-11-23T10:00:00Z").get(random.nextInt(10));
        default -> HostileText.urlValue(random);
      };
      query.append(i == 0 ? "" : "&").append(name).append(random.nextInt(10) == 0 ? "" : "=" + value);
    }
    return query.toString();
  }

  private static String notificationFor(String accession) {
    service.report(accession, Outcome.MALIGNANT, "v1", "Practitioner/dr-lee", null, false);
    return (String) service.awaitNotifications(accession, l -> !l.isEmpty()).get(0).get("id");
  }
}
