package io.pathtrack.specimen;

import static io.pathtrack.testsupport.PathologyFixtures.specimen;
import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.contract.ProcedureType;
import io.pathtrack.testsupport.Http;
import io.pathtrack.testsupport.MutableClock;
import io.pathtrack.testsupport.PageSession;
import io.pathtrack.testsupport.TestIdentity;
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
 * specimen-service's pages under mutated requests in a real signed-in session (the lab manager, through the identity
 * server's login form, as a browser): the turnaround board and its rows with their filters, the compliance page, a
 * specimen's timeline by accession, forms posted to pages that take none (with a right, missing or wrong CSRF token),
 * other methods and Accept headers. Every answer is 2xx, 3xx or 4xx, every 4xx the service's problem page naming no
 * internals; afterwards the session still shows the board and a new specimen's page, and signs out through the form.
 * Bounded and seeded (see {@link FuzzBudget}).
 */
class SpecimenPagesFuzzTest {
  private static final List<String> KINDS = List.of("board", "rows", "compliance", "specimen", "form", "method", "accept");
  private static final List<String> FILTERS = List.of("procedure", "state");

  @TempDir
  static Path state;

  private static SpecimenServiceHarness service;
  private static PageSession manager;

  @BeforeAll
  static void start() {
    service = new SpecimenServiceHarness(new MutableClock(Instant.parse("2026-11-23T10:00:00Z")), state).start();
    service.register(specimen("SP-PF-KNOWN").procedure(ProcedureType.FINE_NEEDLE_ASPIRATION)
        .received(Instant.parse("2026-11-23T09:00:00Z")).build());
    manager = PageSession.signIn(service.base(), "lab-manager", "/ui/board");
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void mutatedPageRequestsAreNeverAServerErrorAndTheSessionStillWorks() {
    long seed = FuzzBudget.seed();
    int tries = FuzzBudget.tries(250);
    PageProperty property = new PageProperty(seed);
    manager.get("/ui/board");
    String validToken = manager.csrf();
    List<String> failures = new ArrayList<>();
    for (int attempt = 0; attempt < tries; attempt++) {
      Random random = new Random(FuzzBudget.seedOfTry(seed, attempt));
      try {
        fuzz(property, attempt, validToken, random);
      } catch (AssertionError e) {
        failures.add(e.getMessage() + (e.getCause() == null ? "" : " — " + e.getCause().getMessage()));
      }
    }
    System.out.println(property.summary("specimen-service page fuzz"));
    assertThat(failures).as("answers that break the property").isEmpty();
    assertThat(property.answered(2)).as("some requests accepted").isTrue();
    assertThat(property.answered(4)).as("some requests refused").isTrue();

    Http.Response board = manager.get("/ui/board");
    assertThat(board.status()).as("the session still shows the board").isEqualTo(200);
    assertThat(board.body()).contains("SP-PF-KNOWN");
    service.register(specimen("SP-PF-AFTER").received(service.clock.instant()).build());
    Http.Response after = manager.get("/ui/specimens/SP-PF-AFTER");
    assertThat(after.status()).as(after.body()).isEqualTo(200);
    assertThat(after.body()).contains("SP-PF-AFTER");
    // The page's one form: signing out, with its CSRF token; the session is over here (and at the issuer).
    Http.Response signedOut = manager.post("/ui/sign-out", Map.of());
    assertThat(signedOut.status()).isEqualTo(302);
    assertThat(signedOut.header("Location")).startsWith(TestIdentity.shared().issuer());
    Http.Response again = manager.get("/ui/board");
    assertThat(again.status()).isEqualTo(302);
    assertThat(again.header("Location")).contains("/oauth2/authorization/");
  }

  /** Found by the fuzz run above: a form posted without its CSRF token was refused in JSON (403), not a page. */
  @Test
  void formWithoutItsCsrfTokenIsRefusedWithAProblemPage() {
    Http.Response r = manager.send("POST", "/ui/board", Map.of("Accept", "text/html",
        "Content-Type", "application/x-www-form-urlencoded"), "state=breached");
    assertThat(r.status()).isEqualTo(403);
    PageProperty.assertProblemPage(r);
  }

  /** Found by the fuzz run above: a form posted to a page that takes none (or PUT, DELETE, PATCH) was a 405 in JSON. */
  @Test
  void formPostedToAPageThatTakesNoneIsRefusedWithAProblemPage() {
    manager.get("/ui/board");
    Http.Response r = manager.post("/ui/board", Map.of("state", "breached"));
    assertThat(r.status()).isEqualTo(405);
    PageProperty.assertProblemPage(r);
    assertThat(r.header("Allow")).contains("GET");
  }

  /** Found by the fuzz run above: a page address that does not exist was a 404 in JSON. */
  @Test
  void unknownPageIsAProblemPage() {
    Http.Response r = manager.get("/ui/nowhere");
    assertThat(r.status()).isEqualTo(404);
    PageProperty.assertProblemPage(r);
  }

  /** Found by the fuzz run above: an address the firewall refuses ({@code /ui/.}) was refused in JSON. */
  @Test
  void addressTheFirewallRefusesIsAPlainProblemPage() {
    Http.Response r = manager.get("/ui/.");
    assertThat(r.status()).isEqualTo(400);
    PageProperty.assertProblemPage(r);
  }

  /** Found by the fuzz run above: a filter name whose bytes are not UTF-8 was refused in JSON. */
  @Test
  void filterThatIsNotUtf8IsRefusedWithAProblemPage() {
    Http.Response r = manager.get("/ui/board/rows?%C0%AE=on-track");
    assertThat(r.status()).isEqualTo(400);
    PageProperty.assertProblemPage(r);
  }

  /** One try: a request of the kind the attempt's number picks, shaped by its own random. */
  private static void fuzz(PageProperty property, int attempt, String validToken, Random random) {
    switch (KINDS.get(attempt % KINDS.size())) {
      case "board" -> get(property, attempt, "/ui/board?" + query(random), "text/html");
      case "rows" -> get(property, attempt, "/ui/board/rows?" + query(random), "text/html");
      case "compliance" -> get(property, attempt, "/ui/compliance" + (random.nextBoolean() ? "" : "?" + query(random)),
          PageProperty.accept(random));
      case "specimen" -> get(property, attempt, "/ui/specimens/" + accessionInPath(random), PageProperty.accept(random));
      case "form" -> post(property, attempt, List.of("/ui/board", "/ui/compliance", "/ui/specimens/SP-PF-KNOWN",
          "/ui/specimens/" + accessionInPath(random), "/ui/board/rows").get(random.nextInt(5)), validToken, random);
      case "method" -> {
        String method = List.of("PUT", "DELETE", "PATCH").get(random.nextInt(3));
        String path = List.of("/ui/board", "/ui/compliance", "/ui/specimens/SP-PF-KNOWN").get(random.nextInt(3));
        // The token in the body (a PUT's body is not read for it) or in the header a script would send it in.
        Map<String, String> headers = random.nextBoolean()
            ? Map.of("Accept", "text/html", "Content-Type", "application/x-www-form-urlencoded")
            : Map.of("Accept", "text/html", "Content-Type", "application/x-www-form-urlencoded", "X-CSRF-TOKEN", validToken);
        String body = "_csrf=" + validToken;
        property.check(attempt, method, path, "", () -> manager.send(method, path, headers, body));
      }
      default -> get(property, attempt, List.of("/ui/board", "/ui/board/rows", "/ui/compliance", "/ui/specimens/SP-PF-KNOWN",
          "/ui/specimens/SP-PF-NONE", "/ui/" + HostileText.urlValue(random)).get(random.nextInt(6)), PageProperty.accept(random));
    }
  }

  private static void get(PageProperty property, int attempt, String path, String accept) {
    Map<String, String> headers = accept.isEmpty() ? Map.of() : Map.of("Accept", accept);
    property.check(attempt, "GET", path, "Accept: " + accept, () -> manager.send("GET", path, headers, null));
  }

  /** A form post with the page's token, none, a wrong one or a hostile one, and now and then extra or hostile fields. */
  private static void post(PageProperty property, int attempt, String path, String validToken, Random random) {
    Map<String, String> form = new LinkedHashMap<>();
    String token = switch (random.nextInt(5)) {
      case 0, 1 -> validToken;
      case 2 -> null;
      case 3 -> UUID.randomUUID().toString();
      default -> HostileText.any(random);
    };
    if (token != null) {
      form.put("_csrf", token);
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      String name = List.of("state", "procedure", "_method", "accession", HostileText.any(random)).get(random.nextInt(5));
      form.put(name, random.nextBoolean() ? "breached" : HostileText.any(random));
    }
    String contentType = random.nextInt(6) == 0
        ? List.of("text/plain", "multipart/form-data; boundary=x", "application/json", "*/*").get(random.nextInt(4))
        : "application/x-www-form-urlencoded";
    String body = PageSession.form(form);
    property.check(attempt, "POST", path, "[" + contentType + "] " + form.keySet(),
        () -> manager.send("POST", path, Map.of("Accept", "text/html", "Content-Type", contentType), body));
  }

  /** The known specimen, an unknown one, or a hostile accession, percent-encoded. */
  private static String accessionInPath(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> "SP-PF-KNOWN";
      case 1 -> "S26-" + (10_000 + random.nextInt(90_000));
      default -> HostileText.urlValue(random);
    };
  }

  /** Some of the board's filters (now and then repeated, renamed or empty), with plausible or hostile values. */
  private static String query(Random random) {
    StringBuilder query = new StringBuilder();
    int parameters = random.nextInt(4);
    for (int i = 0; i < parameters; i++) {
      String name = random.nextInt(8) == 0 ? HostileText.urlValue(random) : FILTERS.get(random.nextInt(FILTERS.size()));
      String value = switch (random.nextInt(3)) {
        case 0 -> List.of("breached", "warning", "on-track", "BREACHED", ProcedureType.values()[0].code(),
            ProcedureType.FINE_NEEDLE_ASPIRATION.code(), "met").get(random.nextInt(7));
        default -> HostileText.urlValue(random);
      };
      query.append(i == 0 ? "" : "&").append(name).append(random.nextInt(10) == 0 ? "" : "=" + value);
    }
    return query.toString();
  }
}
