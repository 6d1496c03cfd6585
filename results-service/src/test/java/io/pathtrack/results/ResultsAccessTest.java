package io.pathtrack.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.contract.Fhir;
import io.pathtrack.guard.security.EndpointInventory;
import io.pathtrack.testsupport.AccessMatrix;
import io.pathtrack.testsupport.Http;
import io.pathtrack.testsupport.PathologyFixtures;
import io.pathtrack.testsupport.TestIdentity;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may send reports, with real tokens from the real authorization server: every endpoint of results-service
 * refuses callers without a token or the scope; the LIS may post; the FHIR base says how to get a token
 * (CapabilityStatement security, SMART discovery), open to all.
 */
class ResultsAccessTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir
  static Path state;

  private static ConfigurableApplicationContext service;
  private static String base;
  private static TestIdentity identity;

  @BeforeAll
  static void start() {
    service = ResultsServiceHarness.run(state);
    base = ResultsServiceHarness.base(service);
    identity = TestIdentity.shared();
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void everyEndpointHasAnAccessRule() {
    List<EndpointInventory.Endpoint> endpoints = EndpointInventory.of(service);
    assertThat(endpoints).filteredOn(e -> !e.ruled()).isEmpty();
    assertThat(endpoints).extracting(e -> e.method() + " " + e.path()).contains("POST /fhir/DiagnosticReport",
        "POST /fhir/DiagnosticReport/$classify", "POST /fhir", "GET /fhir/metadata");
  }

  @TestFactory
  Stream<DynamicTest> everyEndpointRefusesWhomItShould() {
    List<AccessMatrix.Endpoint> endpoints = EndpointInventory.of(service).stream()
        .map(e -> new AccessMatrix.Endpoint(e.method(), e.path(), e.open(), e.need().map(n -> n.resource()).orElse(null),
            e.need().map(n -> n.interaction()).orElse(' '))).toList();
    return AccessMatrix.cases(base, endpoints, new AccessMatrix.Data(Map.of(), Map.of(), List.of(), "dr-novak", Map.of())).stream();
  }

  @Test
  void theLisPostsAReportWithItsClientToken() {
    Http.Response posted = Http.post(base + "/fhir/DiagnosticReport", "application/fhir+json",
        PathologyFixtures.report("R-ACL-1").conclusion("Benign fibroadenoma.").json(),
        Map.of("Authorization", "Bearer " + identity.clientToken("lis")));
    assertThat(posted.status()).as(posted.body()).isEqualTo(201);
    Http.Response physician = Http.post(base + "/fhir/DiagnosticReport", "application/fhir+json",
        PathologyFixtures.report("R-ACL-2").conclusion("Benign fibroadenoma.").json(),
        Map.of("Authorization", "Bearer " + identity.userToken("dr-lee")));
    assertThat(physician.status()).isEqualTo(403);
    assertThat(physician.body()).contains("DiagnosticReport.c");
  }

  @Test
  void theFhirBaseSaysHowToGetATokenToAnyone() throws Exception {
    Http.Response metadata = Http.sendAnonymous(HttpRequest.newBuilder(URI.create(base + "/fhir/metadata"))
        .header("Accept", "application/fhir+json").GET().build());
    assertThat(metadata.status()).isEqualTo(200);
    CapabilityStatement statement = Fhir.json().parseResource(CapabilityStatement.class, metadata.body());
    var security = statement.getRestFirstRep().getSecurity();
    assertThat(security.getServiceFirstRep().getCodingFirstRep().getCode()).isEqualTo("SMART-on-FHIR");
    assertThat(security.getExtensionByUrl("http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris")
        .getExtensionByUrl("token").getValue().primitiveValue()).isEqualTo(identity.issuer() + "/oauth2/token");

    Http.Response smart = Http.sendAnonymous(HttpRequest.newBuilder(URI.create(base + "/fhir/.well-known/smart-configuration"))
        .GET().build());
    assertThat(smart.status()).isEqualTo(200);
    Map<String, Object> config = JSON.readValue(smart.body(), Map.class);
    assertThat(config).containsEntry("issuer", identity.issuer())
        .containsEntry("token_endpoint", identity.issuer() + "/oauth2/token")
        .containsEntry("authorization_endpoint", identity.issuer() + "/oauth2/authorize");
    assertThat((List<String>) config.get("capabilities")).contains("permission-v2");
    assertThat((List<String>) config.get("code_challenge_methods_supported")).containsExactly("S256");
  }

  @Test
  void healthAndMetricsAnswerOnTheManagementPortOnly() {
    String management = ResultsServiceHarness.management(service);
    Http.Response health = Http.sendAnonymous(HttpRequest.newBuilder(URI.create(management + "/actuator/health/readiness")).GET().build());
    assertThat(health.status()).isEqualTo(200);
    Http.Response metrics = Http.sendAnonymous(HttpRequest.newBuilder(URI.create(management + "/actuator/prometheus")).GET().build());
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("# TYPE jvm_memory_used_bytes");
    Http.Response env = Http.sendAnonymous(HttpRequest.newBuilder(URI.create(management + "/actuator/env")).GET().build());
    assertThat(env.status()).isEqualTo(404);
    Http.Response onServicePort = Http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).GET().build());
    assertThat(onServicePort.status()).isIn(401, 403, 404);
  }
}
