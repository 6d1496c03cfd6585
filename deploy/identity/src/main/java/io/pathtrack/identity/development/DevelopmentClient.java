package io.pathtrack.identity.development;

import io.pathtrack.identity.token.PathTrackClaims;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The OAuth clients seeded for development and tests (profile {@code local}), with SMART on FHIR v2 scopes.
 * deploy/keycloak/pathtrack-realm.json registers the same clients and scopes; a test keeps the two alike.
 */
public enum DevelopmentClient {
  /** The laboratory information system: posts reports, registers specimens and orders. */
  LIS("lis", Flow.CLIENT_CREDENTIALS,
      "system/DiagnosticReport.c", "system/Specimen.cru", "system/ServiceRequest.c"),
  /** A hospital EHR: reads and acknowledges notifications. */
  EHR("ehr", Flow.CLIENT_CREDENTIALS, "system/Communication.rsu"),
  /** specimen-service's own client: one instance reads the specimen records another holds. */
  SPECIMEN_SERVICE("specimen-service", Flow.CLIENT_CREDENTIALS, "system/Specimen.rs"),
  /** notify-service's own client: one instance reads the report histories another holds. */
  NOTIFY_SERVICE("notify-service", Flow.CLIENT_CREDENTIALS, "system/DiagnosticReport.rs"),
  /** As {@link #LIS}, but its tokens live one second; only with {@code pathtrack.identity.short-lived-client=true}. */
  LIS_SHORT_LIVED("lis-short-lived", Flow.CLIENT_CREDENTIALS,
      "system/DiagnosticReport.c", "system/Specimen.cru", "system/ServiceRequest.c"),
  /** The web front end people sign in to (a public client: authorization code with PKCE). */
  PATHTRACK_WEB("pathtrack-web", Flow.AUTHORIZATION_CODE_WITH_PKCE,
      "openid", "profile", "fhirUser", "user/Communication.rsu", "user/Specimen.rs", "user/DiagnosticReport.rs",
      PathTrackClaims.AUDIT_EVENT_READ);

  /** How a client gets its tokens. */
  public enum Flow {
    /** A confidential client acting for itself, authenticated with its secret. */
    CLIENT_CREDENTIALS,
    /** A public client acting for a signed-in person; no secret, PKCE (S256) required. */
    AUTHORIZATION_CODE_WITH_PKCE
  }

  private final String clientId;
  private final Flow flow;
  private final List<String> scopes;

  DevelopmentClient(String clientId, Flow flow, String... scopes) {
    this.clientId = clientId;
    this.flow = flow;
    this.scopes = List.of(scopes);
  }

  public String clientId() {
    return clientId;
  }

  public Flow flow() {
    return flow;
  }

  /** Every scope the client may ask for. */
  public List<String> scopes() {
    return scopes;
  }

  /** The development secret of a confidential client ({@code <client id>-secret}); empty for a public one. */
  public Optional<String> secret() {
    return flow == Flow.CLIENT_CREDENTIALS ? Optional.of(clientId + "-secret") : Optional.empty();
  }

  public static Optional<DevelopmentClient> byClientId(String clientId) {
    return Arrays.stream(values()).filter(client -> client.clientId.equals(clientId)).findFirst();
  }
}
