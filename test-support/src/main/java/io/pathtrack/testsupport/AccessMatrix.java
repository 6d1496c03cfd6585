package io.pathtrack.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DynamicTest;

/**
 * The access cases every endpoint of a service must pass, built from its real request mappings: no token, an
 * expired token, a token that is not one, a token without the scope the endpoint needs (401, 401, 401, 403, each an
 * OperationOutcome), another physician where the endpoint concerns one practitioner's patients (403), and the right
 * caller (neither 401 nor 403). All tokens are real ones from {@link TestIdentity}.
 */
public final class AccessMatrix {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private AccessMatrix() {}

  /**
   * One endpoint as the service lists it.
   *
   * @param method HTTP method
   * @param template the mapped path, {@code /notifications/{id}}
   * @param open served without a token
   * @param resource the FHIR resource type of its rule, when not open
   * @param interaction one of c r u d s, when not open
   * @param systemOnly only a service's own client may call it (the state one instance asks another for): a person
   *     with the resource scope is refused as well
   */
  public record Endpoint(String method, String template, boolean open, String resource, char interaction,
      boolean systemOnly) {
    public Endpoint(String method, String template, boolean open, String resource, char interaction) {
      this(method, template, open, resource, interaction, false);
    }

    @Override
    public String toString() {
      return method + " " + template;
    }
  }

  /**
   * What the test knows about the service's data.
   *
   * @param variables a value for each path variable ({@code id} → a notification addressed to dr-lee)
   * @param queries query strings some endpoints need, by template
   * @param perPractitioner endpoints ({@code GET /notifications/{id}}) that concern one practitioner's patients:
   *     another physician is refused
   * @param otherPhysician the username of a physician the data does not concern
   * @param bodies request bodies some endpoints need to get as far as their access rule, by template ({@code {}} otherwise)
   */
  public record Data(Map<String, String> variables, Map<String, String> queries, List<String> perPractitioner,
      String otherPhysician, Map<String, String> bodies) {}

  public static List<DynamicTest> cases(String base, List<Endpoint> endpoints, Data data) {
    TestIdentity identity = TestIdentity.shared();
    List<DynamicTest> tests = new ArrayList<>();
    for (Endpoint e : endpoints) {
      String url = base + fill(e.template(), data.variables()) + Optional.ofNullable(data.queries().get(e.template()))
          .map(q -> "?" + q).orElse("");
      String body = data.bodies().getOrDefault(e.template(), "{}");
      if (e.open()) {
        tests.add(DynamicTest.dynamicTest(e + " is open", () -> assertThat(call(e.method(), url, body, null).status())
            .isNotIn(401, 403)));
        continue;
      }
      String need = e.resource() + "." + e.interaction();
      tests.add(DynamicTest.dynamicTest(e + " without a token: 401", () -> refusedUnauthenticated(call(e.method(), url, body, null))));
      tests.add(DynamicTest.dynamicTest(e + " with an expired token: 401",
          () -> refusedUnauthenticated(call(e.method(), url, body, identity.expiredToken()))));
      tests.add(DynamicTest.dynamicTest(e + " with a token that is not one: 401",
          () -> refusedUnauthenticated(call(e.method(), url, body, "eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl"))));
      tests.add(DynamicTest.dynamicTest(e + " without " + need + ": 403", () -> {
        Answer a = call(e.method(), url, body, wrongScope(identity, e.resource()));
        assertThat(a.status()).as(a.body()).isEqualTo(403);
        assertThat(a.body()).contains("\"forbidden\"").contains(need);
      }));
      if (e.systemOnly()) {
        tests.add(DynamicTest.dynamicTest(e + " as a person with " + need + ": 403", () -> {
          Answer a = call(e.method(), url, body, identity.userToken("lab-manager"));
          assertThat(a.status()).as(a.body()).isEqualTo(403);
          assertThat(a.body()).contains("\"forbidden\"").contains("system/" + need);
        }));
      }
      if (data.perPractitioner().contains(e.toString())) {
        tests.add(DynamicTest.dynamicTest(e + " as another physician: 403", () -> {
          Answer a = call(e.method(), url, body, identity.userToken(data.otherPhysician()));
          assertThat(a.status()).as(a.body()).isEqualTo(403);
          assertThat(a.body()).contains("\"forbidden\"").contains("not your");
        }));
      }
      tests.add(DynamicTest.dynamicTest(e + " for its caller: allowed", () -> {
        Answer a = call(e.method(), url, body, e.systemOnly() ? serviceClient(identity, e.resource())
            : rightCaller(identity, e.resource(), e.interaction()));
        assertThat(a.status()).as(a.body()).isNotIn(401, 403);
      }));
    }
    return tests;
  }

  /** A real token of a caller who may do this: the LIS writes, the lab manager reads, the EHR handles notifications. */
  public static String rightCaller(TestIdentity identity, String resource, char interaction) {
    return switch (resource) {
      case "Communication" -> identity.clientToken("ehr");
      case "AuditEvent" -> identity.userToken("lab-manager");
      default -> interaction == 'r' || interaction == 's' ? identity.userToken("lab-manager") : identity.clientToken("lis");
    };
  }

  /** A real token of the service's own client that reads this resource from another instance. */
  public static String serviceClient(TestIdentity identity, String resource) {
    return switch (resource) {
      case "Specimen" -> identity.clientToken("specimen-service");
      case "DiagnosticReport" -> identity.clientToken("notify-service");
      default -> throw new IllegalArgumentException("no service client reads " + resource);
    };
  }

  /** A real token whose scopes do not cover this resource. */
  public static String wrongScope(TestIdentity identity, String resource) {
    return switch (resource) {
      case "Communication", "AuditEvent" -> identity.clientToken("lis");
      default -> identity.clientToken("ehr");
    };
  }

  private static void refusedUnauthenticated(Answer a) {
    assertThat(a.status()).as(a.body()).isEqualTo(401);
    assertThat(a.wwwAuthenticate()).startsWith("Bearer");
    assertThat(a.body()).contains("\"resourceType\":\"OperationOutcome\"").contains("\"login\"");
  }

  static String fill(String template, Map<String, String> variables) {
    String path = template;
    for (Map.Entry<String, String> v : variables.entrySet()) {
      path = path.replace("{" + v.getKey() + "}", v.getValue());
    }
    // A variable the test gave no value for (an open endpoint's, say): any id will do.
    return path.replaceAll("\\{[^}]*}", "unknown-1");
  }

  /** An answer: status, the WWW-Authenticate header, and the body's first 64 KB (a stream is not waited for). */
  public record Answer(int status, String wwwAuthenticate, String body) {}

  public static Answer call(String method, String url, String body, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .header("Accept", "application/fhir+json, application/json, text/event-stream");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (method.equals("GET") || method.equals("DELETE")) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/fhir+json").method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    try {
      HttpResponse<InputStream> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      String answer;
      try (InputStream in = response.body()) {
        boolean stream = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
        answer = stream ? "" : new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
      }
      return new Answer(response.statusCode(), response.headers().firstValue("WWW-Authenticate").orElse(""), answer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
