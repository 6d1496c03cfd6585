package io.pathtrack.specimen;

import static io.pathtrack.testsupport.PathologyFixtures.specimen;
import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.contract.Fhir;
import io.pathtrack.contract.ProcedureType;
import io.pathtrack.guard.security.EndpointInventory;
import io.pathtrack.testsupport.AccessMatrix;
import io.pathtrack.testsupport.Http;
import io.pathtrack.testsupport.MutableClock;
import io.pathtrack.testsupport.TestIdentity;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may read and change specimens, with real tokens from the real authorization server: every endpoint refuses
 * callers without a token or the scope; a physician reads only the specimens they ordered; the lab sees them all.
 */
class SpecimenAccessTest {
  @TempDir
  static Path state;

  private static SpecimenServiceHarness service;
  private static TestIdentity identity;

  @BeforeAll
  static void start() {
    service = new SpecimenServiceHarness(new MutableClock(Instant.parse("2026-11-23T10:00:00Z")), state).start();
    identity = TestIdentity.shared();
    service.register(specimen("SP-ACL-LEE").procedure(ProcedureType.US_CORE_NEEDLE).orderedBy("Practitioner/dr-lee")
        .received(service.clock.instant()).build());
    service.register(specimen("SP-ACL-NOVAK").procedure(ProcedureType.CT_LUNG_SOFT_TISSUE).orderedBy("Practitioner/dr-novak")
        .received(service.clock.instant()).build());
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void everyEndpointHasAnAccessRule() {
    List<EndpointInventory.Endpoint> endpoints = EndpointInventory.of(service.context());
    assertThat(endpoints).filteredOn(e -> !e.ruled()).isEmpty();
    assertThat(endpoints).extracting(e -> e.method() + " " + e.path()).contains("POST /fhir/Specimen",
        "GET /fhir/Specimen/{id}", "GET /fhir/Specimen", "POST /fhir/Specimen/{id}/$transition", "POST /fhir/Specimen/{id}/$follow-up", "POST /fhir/ServiceRequest",
        "POST /fhir", "GET /specimens/open", "GET /specimens/{accession}", "GET /fhir/metadata", "GET /ui/board",
        "GET /ui/board/rows", "GET /ui/compliance", "GET /ui/specimens/{accession}");
  }

  @TestFactory
  Stream<DynamicTest> everyEndpointRefusesWhomItShould() {
    AccessMatrix.Data data = new AccessMatrix.Data(Map.of("id", "SP-ACL-LEE", "accession", "SP-ACL-LEE"),
        Map.of("/internal/state/specimens/{accession}", "partition=0", "/internal/state/specimens", "partitions=0"),
        List.of("GET /fhir/Specimen/{id}", "GET /specimens/{accession}"), "dr-novak", Map.of());
    List<AccessMatrix.Endpoint> endpoints = EndpointInventory.of(service.context()).stream()
        .filter(e -> !e.path().startsWith("/ui/"))
        .map(e -> new AccessMatrix.Endpoint(e.method(), e.path(), e.open(), e.need().map(n -> n.resource()).orElse(null),
            e.need().map(n -> n.interaction()).orElse(' '), e.need().map(n -> n.systemOnly()).orElse(false))).toList();
    return AccessMatrix.cases(service.base(), endpoints, data).stream();
  }

  /**
   * The lab's pages are served to a signed-in session, never to a bearer token: without one a page sends the browser
   * to sign in (SpecimenPagesBrowserTest signs in and checks who sees what).
   */
  @TestFactory
  Stream<DynamicTest> everyPageSendsCallersWithoutASessionToSignIn() {
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    return EndpointInventory.of(service.context()).stream().filter(e -> e.path().startsWith("/ui/") && !e.open())
        .flatMap(e -> Stream.of(null, identity.userToken("lab-manager")).map(token -> DynamicTest.dynamicTest(
            e.method() + " " + e.path() + (token == null ? " without a session" : " with a bearer token only"), () -> {
              var request = java.net.http.HttpRequest.newBuilder(
                  java.net.URI.create(service.base() + e.path().replace("{accession}", "SP-ACL-LEE")))
                  .method(e.method(), java.net.http.HttpRequest.BodyPublishers.noBody());
              if (token != null) {
                request.header("Authorization", "Bearer " + token);
              }
              var answer = client.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
              assertThat(answer.statusCode()).isEqualTo(302);
              assertThat(answer.headers().firstValue("Location").orElse(""))
                  .endsWith("/oauth2/authorization/pathtrack-web");
              assertThat(answer.body()).doesNotContain("SP-ACL-LEE");
            })));
  }

  @Test
  void aPhysicianFindsOnlyTheSpecimensTheyOrdered() {
    Map<String, String> lee = Map.of("Authorization", "Bearer " + identity.userToken("dr-lee"));
    Bundle mine = Fhir.json().parseResource(Bundle.class,
        Http.get(service.base() + "/fhir/Specimen?status=received", "application/fhir+json", lee).body());
    assertThat(mine.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).contains("SP-ACL-LEE")
        .doesNotContain("SP-ACL-NOVAK");
    Http.Response board = Http.get(service.base() + "/specimens/open", "application/json", lee);
    assertThat(board.status()).isEqualTo(200);
    assertThat(board.body()).contains("SP-ACL-LEE").doesNotContain("SP-ACL-NOVAK");
    Http.Response theirs = Http.get(service.base() + "/fhir/Specimen/SP-ACL-NOVAK", "application/fhir+json", lee);
    assertThat(theirs.status()).isEqualTo(403);
    assertThat(theirs.body()).contains("not your patient");
  }

  @Test
  void theLabManagerSeesTheWholeBoard() {
    Http.Response board = Http.get(service.base() + "/specimens/open", "application/json",
        Map.of("Authorization", "Bearer " + identity.userToken("lab-manager")));
    assertThat(board.status()).isEqualTo(200);
    assertThat(board.body()).contains("SP-ACL-LEE").contains("SP-ACL-NOVAK");
  }

  @Test
  void theLisMayRegisterAndMoveSpecimensButNotSearchThem() {
    Map<String, String> lis = Map.of("Authorization", "Bearer " + identity.clientToken("lis"));
    Http.Response search = Http.get(service.base() + "/fhir/Specimen?status=received", "application/fhir+json", lis);
    assertThat(search.status()).isEqualTo(403);
    assertThat(search.body()).contains("Specimen.s");
    Http.Response board = Http.get(service.base() + "/specimens/open", "application/json", lis);
    assertThat(board.status()).isEqualTo(403);
  }
}
