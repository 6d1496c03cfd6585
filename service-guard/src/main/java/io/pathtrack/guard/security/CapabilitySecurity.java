package io.pathtrack.guard.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.UriType;

/**
 * Says in the CapabilityStatement ({@code GET /fhir/metadata}) how callers authenticate: {@code rest.security}
 * with the SMART-on-FHIR service and the OAuth endpoints (the SMART oauth-uris extension).
 */
@Interceptor
public final class CapabilitySecurity {
  private static final String OAUTH_URIS = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";
  private final IssuerMetadata issuer;

  CapabilitySecurity(IssuerMetadata issuer) {
    this.issuer = issuer;
  }

  @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
  public void describe(IBaseConformance generated) {
    if (!(generated instanceof CapabilityStatement statement)) {
      return;
    }
    for (CapabilityStatement.CapabilityStatementRestComponent rest : statement.getRest()) {
      CapabilityStatement.CapabilityStatementRestSecurityComponent security = rest.getSecurity();
      security.setCors(false);
      security.getService().clear();
      security.addService(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/restful-security-service",
          "SMART-on-FHIR", "SMART-on-FHIR")));
      security.setDescription("OAuth 2.0 bearer tokens from " + issuer.issuer() + " with SMART App Launch v2 scopes; "
          + "see .well-known/smart-configuration");
      security.getExtension().removeIf(e -> OAUTH_URIS.equals(e.getUrl()));
      Extension uris = security.addExtension().setUrl(OAUTH_URIS);
      uris.addExtension("token", new UriType(issuer.endpoint("token_endpoint", "/oauth2/token")));
      uris.addExtension("authorize", new UriType(issuer.endpoint("authorization_endpoint", "/oauth2/authorize")));
    }
  }
}
