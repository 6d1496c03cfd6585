package io.pathtrack.testsupport;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The callers of the services in tests, with real tokens from the test JVM's identity server ({@link TestIdentity}):
 * each request made through {@link Http} without a token of its own gets the one a real caller of that endpoint
 * would have — the LIS for reports and specimens it sends, the lab manager for boards, searches and the audit, the
 * EHR for notifications and acknowledgements (on behalf of the practitioner a test names). Tests of access rules
 * pass their own tokens.
 */
public final class TestCallers {
  private TestCallers() {}

  /**
   * Starts the identity server (once per JVM), gives {@link Http} requests their caller's token, and returns the
   * settings a service needs to trust the server and serve health on a port of its own.
   */
  public static List<String> serviceArguments() {
    TestIdentity identity = TestIdentity.shared();
    Http.authorizeWith(TestCallers::tokenFor);
    // No clock skew: an expired token is refused at once, as the access tests expect.
    return List.of("--pathtrack.security.issuer-uri=" + identity.issuer(), "--pathtrack.security.clock-skew=0s",
        "--management.server.port=0");
  }

  /** The same settings as properties ({@code name → value}), for services started with a property map. */
  public static java.util.Map<String, Object> serviceProperties() {
    java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>();
    for (String argument : serviceArguments()) {
      int equals = argument.indexOf('=');
      properties.put(argument.substring(2, equals), argument.substring(equals + 1));
    }
    return properties;
  }

  /** The token the usual caller of this endpoint holds. */
  public static Optional<String> tokenFor(String method, URI uri) {
    TestIdentity identity = TestIdentity.shared();
    String path = uri.getPath();
    boolean read = method.equals("GET") || method.equals("HEAD");
    if (path.startsWith("/notifications") || path.startsWith("/fhir/Communication")) {
      return Optional.of(read ? identity.userToken("lab-manager") : identity.clientToken("ehr"));
    }
    if (path.startsWith("/specimens") || path.startsWith("/audit") || (read && path.startsWith("/fhir/"))) {
      return Optional.of(identity.userToken("lab-manager"));
    }
    return Optional.of(identity.clientToken("lis"));
  }
}
