package io.pathtrack.specimen;

import static io.pathtrack.testsupport.PathologyFixtures.specimen;
import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.contract.Fhir;
import io.pathtrack.testsupport.EdgeAnswers;
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
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Specimen;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * specimen-service's FHIR endpoints under mutated requests, over real HTTP on a real broker: registration,
 * orders, transaction bundles, {@code $transition}, corrections (PUT with or without If-Match) and search. Every request is answered 2xx or 4xx, every
 * 4xx an OperationOutcome naming no internals; afterwards a normal specimen still registers and reads back.
 * Bounded and seeded (see {@link FuzzBudget}); started once for the class.
 */
class SpecimenRestFuzzTest {
  private static final String FHIR_JSON = "application/fhir+json";
  private static final List<String> ENDPOINTS = List.of("specimen", "order", "transaction", "transition", "correction", "search");

  @TempDir
  static Path state;

  private static SpecimenServiceHarness service;

  @BeforeAll
  static void start() {
    service = new SpecimenServiceHarness(new MutableClock(Instant.parse("2026-11-23T10:00:00Z")), state).start();
    service.register(specimen("SP-FZ-KNOWN").build());
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void mutatedRequestsAreNeverAServerErrorAndANormalSpecimenStillRegistersAfterwards() {
    long seed = FuzzBudget.seed();
    int tries = FuzzBudget.tries(300);
    EdgeProperty property = new EdgeProperty(seed);
    for (int attempt = 0; attempt < tries; attempt++) {
      Random random = new Random(FuzzBudget.seedOfTry(seed, attempt));
      String accession = "SP-FZ-" + attempt;
      switch (ENDPOINTS.get(attempt % ENDPOINTS.size())) {
        case "specimen" -> post(property, attempt, "/fhir/Specimen", specimen(accession).json(), random);
        case "order" -> post(property, attempt, "/fhir/ServiceRequest", Fhir.json().encodeResourceToString(order(accession)), random);
        case "transaction" -> post(property, attempt, "/fhir", Fhir.json().encodeResourceToString(transaction(accession)), random);
        case "transition" -> post(property, attempt, "/fhir/Specimen/" + idInPath(random) + "/$transition",
            Fhir.json().encodeResourceToString(transition(random)), random);
        case "correction" -> correct(property, attempt, random);
        default -> property.send(attempt, "GET", service.base() + "/fhir/Specimen?" + searchQuery(random), "", null, "");
      }
    }
    System.out.println(property.summary("specimen-service REST fuzz"));
    assertThat(property.answered(2)).as("some requests accepted").isTrue();
    assertThat(property.answered(4)).as("some requests refused").isTrue();

    service.register(specimen("SP-FZ-AFTER").build());
    Http.Response read = Http.get(service.base() + "/fhir/Specimen/SP-FZ-AFTER", FHIR_JSON);
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    assertThat(read.body()).contains("SP-FZ-AFTER");
  }

  /** Found by the fuzz run above: a Parameters without status, or with a time without a value, was a 500. */
  @Test
  void transitionWithoutAStatusOrWithAnEmptyTimeIsRefusedNotAServerError() {
    EdgeProperty property = new EdgeProperty(FuzzBudget.DEFAULT_SEED);
    String url = service.base() + "/fhir/Specimen/SP-FZ-KNOWN/$transition";
    String noStatus = "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"reason\",\"valueString\":\"x\"}]}";
    Http.Response missing = property.send(0, "POST", url, FHIR_JSON, noStatus.getBytes(StandardCharsets.UTF_8), "no status");
    assertThat(missing.status()).isEqualTo(422);
    assertThat(EdgeAnswers.outcome(missing).getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo("status");

    String emptyTime = "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"status\",\"valueCode\":\"received\"},"
        + "{\"name\":\"time\",\"_valueDateTime\":{\"extension\":[{\"url\":\"urn:x\",\"valueString\":\"y\"}]}}]}";
    Http.Response time = property.send(1, "POST", url, FHIR_JSON, emptyTime.getBytes(StandardCharsets.UTF_8), "time without value");
    assertThat(time.status()).as(time.body()).isLessThan(500);
  }

  /** Found by the fuzz run above: a search parameter with the :missing modifier has no value, and was a 500. */
  @Test
  void searchWithTheMissingModifierIsAnsweredNotAServerError() {
    EdgeProperty property = new EdgeProperty(FuzzBudget.DEFAULT_SEED);
    Http.Response none = property.send(0, "GET", service.base() + "/fhir/Specimen?accession:missing=true", "", null, "");
    assertThat(none.status()).as(none.body()).isEqualTo(200);
    assertThat(none.body()).doesNotContain("SP-FZ-KNOWN");
    Http.Response all = property.send(1, "GET", service.base() + "/fhir/Specimen?accession:missing=false&status:missing=false", "", null, "");
    assertThat(all.status()).as(all.body()).isEqualTo(200);
    assertThat(all.body()).contains("SP-FZ-KNOWN");
    Http.Response notUtf8 = property.send(2, "GET", service.base() + "/fhir/Specimen?accession=%C0%AE", "", null, "");
    assertThat(notUtf8.status()).as(notUtf8.body()).isBetween(200, 499);
  }

  /** Found with seed 1: a form body whose parameters are not UTF-8 failed as Tomcat read them, a 500. */
  @Test
  void formBodyThatIsNotUtf8IsRefusedWith400() {
    EdgeProperty property = new EdgeProperty(1);
    Http.Response r = property.send(0, "POST", service.base() + "/fhir/ServiceRequest", "application/x-www-form-urlencoded",
        "status=%C0%AE".getBytes(StandardCharsets.UTF_8), "form body, overlong '.'");
    assertThat(r.status()).as(r.body()).isEqualTo(400);
  }

  /**
   * Found with seed 7 once PUT was fuzzed: a PUT (or PATCH, DELETE) with a form body that is not valid
   * percent-encoding was a 500, read by Spring's form-content filter before anything could answer it.
   */
  @Test
  void putWithABrokenFormBodyIsRefusedNotAServerError() {
    EdgeProperty property = new EdgeProperty(7);
    byte[] broken = "status=%zz&x=%".getBytes(StandardCharsets.UTF_8);
    for (String path : List.of("/fhir/Specimen/SP-FZ-KNOWN", "/no/such/path")) {
      Http.Response r = property.send(0, "PUT", service.base() + path, "application/x-www-form-urlencoded", broken,
          "broken percent-encoding", Map.of("If-Match", "W/\"1\""));
      assertThat(r.status()).as(r.body()).isBetween(400, 499);
    }
  }

  /** Found with seed 2: Tomcat refuses these before any servlet runs, and answered with its HTML error page. */
  @Test
  void requestsTheContainerRefusesItselfAreAnsweredWithOperationOutcomes() {
    EdgeProperty property = new EdgeProperty(2);
    byte[] parameters = Fhir.json().encodeResourceToString(transition(new Random(2))).getBytes(StandardCharsets.UTF_8);
    Http.Response slash = property.send(0, "POST", service.base() + "/fhir/Specimen/x%2Fy/$transition", FHIR_JSON, parameters,
        "encoded '/' in the id");
    assertThat(slash.status()).isEqualTo(400);
    EdgeAnswers.assertSecurityHeaders(slash);
    Http.Response longLine = property.send(1, "GET", service.base() + "/fhir/Specimen?accession=" + "I".repeat(9_000), "", null, "");
    assertThat(longLine.status()).isEqualTo(400);
    EdgeAnswers.assertSecurityHeaders(longLine);
  }

  /** Found with seeds 2 and 3: an accession that decodes to a lone '%', with a body that is not FHIR, was a 500. */
  @Test
  void loneEscapeCharacterAsTheAccessionIsRefusedWith400() {
    EdgeProperty property = new EdgeProperty(2);
    Http.Response r = property.send(0, "POST", service.base() + "/fhir/Specimen/%25/$transition", FHIR_JSON,
        "{\"resourceType\":1}".getBytes(StandardCharsets.UTF_8), "resourceType a number");
    assertThat(r.status()).as(r.body()).isEqualTo(400);
  }

  /** Found with seed 5: a Specimen with an extension that has no url was a 500 as its status was set. */
  @Test
  void specimenWithAnExtensionWithoutAUrlIsAnsweredAndReadsBack() {
    EdgeProperty property = new EdgeProperty(5);
    String json = specimen("SP-FZ-NO-URL").json().replaceFirst("\\{", "{\"extension\":[{\"valueString\":\"x\"}],");
    Http.Response r = property.send(0, "POST", service.base() + "/fhir/Specimen", FHIR_JSON, json.getBytes(StandardCharsets.UTF_8),
        "extension without url");
    if (r.status() == 201) {
      service.awaitView("SP-FZ-NO-URL", v -> true);
      property.send(1, "GET", service.base() + "/fhir/Specimen/SP-FZ-NO-URL", "", null, "");
      property.send(2, "GET", service.base() + "/fhir/Specimen?accession=SP-FZ-NO-URL", "", null, "");
    }
    assertThat(r.status()).as(r.body()).isIn(201, 400, 422);
  }

  private static void post(EdgeProperty property, int attempt, String path, String valid, Random random) {
    JsonMutator.Mutated body = random.nextInt(10) == 0
        ? new JsonMutator.Mutated(valid.getBytes(StandardCharsets.UTF_8), "unmutated")
        : JsonMutator.mutate(valid, random);
    property.send(attempt, "POST", service.base() + path, EdgeProperty.contentType(random, FHIR_JSON), body.body(), body.recipe());
  }

  /** A PUT of the known specimen, another patient's, mutated, to a known, unknown or hostile id, with or without If-Match. */
  private static void correct(EdgeProperty property, int attempt, Random random) {
    Specimen correction = specimen("SP-FZ-KNOWN").patient("Patient/p-" + random.nextInt(3)).build();
    correction.setId("SP-FZ-KNOWN");
    String valid = Fhir.json().encodeResourceToString(correction);
    JsonMutator.Mutated body = random.nextInt(4) == 0
        ? new JsonMutator.Mutated(valid.getBytes(StandardCharsets.UTF_8), "unmutated")
        : JsonMutator.mutate(valid, random);
    String id = random.nextInt(3) == 0 ? idInPath(random) : "SP-FZ-KNOWN";
    // Values an HTTP client can send: no control characters.
    String ifMatch = List.of("", "W/\"1\"", "W/\"2\"", "W/\"3\"", "\"1\"", "*", "W/\"999\"", "W/", "W/\"\"", "W/\"-1\"",
        "W/\"1\", W/\"2\"", "W/\"" + "9".repeat(40) + "\"", "W/\"\u00e9\"", "x".repeat(1_000)).get(random.nextInt(14));
    property.send(attempt, "PUT", service.base() + "/fhir/Specimen/" + id, EdgeProperty.contentType(random, FHIR_JSON),
        body.body(), body.recipe(), ifMatch.isEmpty() ? Map.of() : Map.of("If-Match", ifMatch));
  }

  private static ServiceRequest order(String accession) {
    ServiceRequest order = new ServiceRequest();
    order.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE).setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    order.setSubject(new Reference("Patient/p-1001")).setRequester(new Reference("Practitioner/dr-lee"));
    order.addIdentifier().setValue(accession).getType().addCoding()
        .setSystem("http://terminology.hl7.org/CodeSystem/v2-0203").setCode("ACSN");
    return order;
  }

  private static Bundle transaction(String accession) {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    bundle.addEntry().setFullUrl("urn:uuid:order-" + accession).setResource(order(accession + "-O"))
        .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("ServiceRequest");
    bundle.addEntry().setResource(specimen(accession).orderedBy(null).build().addRequest(new Reference("urn:uuid:order-" + accession)))
        .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Specimen");
    return bundle;
  }

  private static Parameters transition(Random random) {
    Parameters parameters = new Parameters();
    parameters.addParameter().setName("status").setValue(new CodeType(
        List.of("received", "in-process", "cancelled", "collected", "reported").get(random.nextInt(5))));
    parameters.addParameter().setName("reason").setValue(new StringType("fuzz"));
    parameters.addParameter().setName("time").setValue(new DateTimeType("2026-11-23T09:30:00Z"));
    return parameters;
  }

  /** A known accession, an unknown one, or a hostile one, percent-encoded. */
  private static String idInPath(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> "SP-FZ-KNOWN";
      case 1 -> "SP-FZ-UNKNOWN";
      default -> HostileText.urlValue(random);
    };
  }

  /** accession, status and the other parameters, with hostile values, modifiers and repeats. */
  private static String searchQuery(Random random) {
    List<String> names = List.of("accession", "status", "procedure-type", "ordering-practitioner", "accession:missing",
        "status:not", "accession:text", "ordering-practitioner:exact", "_count", "_sort", "_format", "_summary",
        "_elements", "_id", "nonsense", "");
    StringBuilder query = new StringBuilder();
    int parameters = 1 + random.nextInt(4);
    for (int i = 0; i < parameters; i++) {
      String name = names.get(random.nextInt(names.size()));
      String value = switch (random.nextInt(4)) {
        case 0 -> "SP-FZ-KNOWN";
        case 1 -> List.of("received", "ordered", "true", "false", "-1", "json", "xml", "http%3A%2F%2Fx%7Cy", "%7C", "").get(random.nextInt(10));
        default -> HostileText.urlValue(random);
      };
      query.append(i == 0 ? "" : "&").append(name).append('=').append(value);
    }
    return query.toString();
  }
}
