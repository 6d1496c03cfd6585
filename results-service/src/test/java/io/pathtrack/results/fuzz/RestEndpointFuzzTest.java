package io.pathtrack.results.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.Topics;
import io.pathtrack.results.ResultsServiceHarness;
import io.pathtrack.results.ingest.ConfiguredIntake;
import io.pathtrack.results.ingest.ReportIntake;
import io.pathtrack.testsupport.Http;
import io.pathtrack.testsupport.KafkaProbe;
import io.pathtrack.testsupport.PathologyFixtures;
import io.pathtrack.testsupport.TestKafka;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Mutated FHIR JSON and XML bodies posted over real HTTP to results-service's create and bundle
 * endpoints, the service running on a real broker: every body is answered, none with a 5xx, none with a
 * DOCTYPE or ENTITY declaration accepted; afterwards the service still accepts and publishes a normal
 * report. Started once for the class.
 */
class RestEndpointFuzzTest {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir
  static Path state;

  private static ConfigurableApplicationContext service;
  private static String base;
  private static String bootstrap;

  @BeforeAll
  static void start() {
    bootstrap = TestKafka.bootstrapServers();
    service = ResultsServiceHarness.run(state);
    base = ResultsServiceHarness.base(service) + "/fhir";
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void mutatedBodiesAreNeverAServerErrorAndTheServiceStillPublishesAfterwards() {
    List<Seeds.Seed> seeds = Seeds.fhirJson();
    FhirJsonMutator json = new FhirJsonMutator(seeds);
    FhirXmlMutator xml = new FhirXmlMutator(seeds);
    long seed = FuzzBudget.seed();
    int tries = FuzzBudget.tries(300);
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (int attempt = 0; attempt < tries; attempt++) {
      FuzzChoices choices = FuzzChoices.seeded(FuzzBudget.seedOfTry(seed, attempt));
      FuzzInput input = choices.oneIn(3) ? xml.next(choices) : json.next(choices);
      String path = choices.oneIn(2) ? "/DiagnosticReport" : "";
      HttpResponse<String> response = post(base + path, input);
      statuses.merge(response.statusCode(), 1, Integer::sum);
      String where = "try " + attempt + " of seed " + seed + ", POST /fhir" + path + ": " + input.describe();
      if (response.statusCode() >= 500) {
        throw new AssertionError(where + " answered " + response.statusCode() + " " + response.body()
            + "; saved as " + IntakeProperty.save(input));
      }
      if (response.statusCode() < 300 && Declarations.declaresDoctypeOrEntity(input.payload())) {
        throw new AssertionError(where + " accepted with a DOCTYPE or ENTITY declaration; saved as " + IntakeProperty.save(input));
      }
    }
    System.out.println("REST: " + tries + " bodies, seed " + seed + ", statuses " + statuses);
    assertThat(statuses.keySet()).as("some bodies accepted, some refused").anyMatch(s -> s < 300).anyMatch(s -> s >= 400);

    String report = PathologyFixtures.report("FZ-REST-AFTER")
        .conclusion("Left breast core biopsy: invasive ductal carcinoma, grade 2.").json();
    Http.Response accepted = Http.post(base + "/DiagnosticReport", "application/fhir+json", report);
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(KafkaProbe.readAll(bootstrap, Topics.REPORTS_CLASSIFIED.name()))
        .anySatisfy(r -> {
          assertThat(r.key()).isEqualTo("FZ-REST-AFTER");
          assertThat(KafkaProbe.header(r, EventHeaders.OUTCOME)).isEqualTo("malignant");
        }));
  }

  /** HAPI's parser fails on this with an exception other than DataFormatException: still a 400, not a 500. */
  @Test
  void blankResourceTypeOfAContainedResourceIsRefusedAsUnreadable() {
    String json = PathologyFixtures.report("FZ-OPEN-4").requester("Practitioner/dr-lee").conclusion("Benign.").json()
        .replace("\"resourceType\":\"ServiceRequest\"", "\"resourceType\":\"\"");
    FuzzInput input = new FuzzInput("json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/fhir+json",
        false, List.of("contained resourceType blank"));
    HttpResponse<String> response = post(base + "/DiagnosticReport", input);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("cannot be parsed").doesNotContain("java.").doesNotContain("Exception");
  }

  /** The body exactly as generated, bytes and content type (none when the input has none). */
  private static HttpResponse<String> post(String url, FuzzInput input) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(30))
        .header("Accept", "application/fhir+json")
        // The LIS's real token: the fuzzed body must reach the intake, past the access rules.
        .header("Authorization", "Bearer " + io.pathtrack.testsupport.TestIdentity.shared().clientToken("lis"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(input.payload()));
    if (input.contentType() != null && !input.contentType().isEmpty()) {
      request.header("Content-Type", input.contentType());
    }
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("no answer to " + input.describe() + "; saved as " + IntakeProperty.save(input), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
