package io.pathtrack.guard.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call a service ({@code pathtrack.security.*}): the OpenID Connect issuer whose tokens it accepts, the
 * audience they must name, and the claims that carry the caller's FHIR identity and roles.
 *
 * @param issuerUri the issuer, exactly as tokens name it (required: there is no anonymous mode)
 * @param jwkSetUri where the issuer's signing keys are; by default read from the issuer's discovery document
 * @param audience a token must name it in {@code aud}
 * @param fhirUserClaim the claim naming the user as a FHIR resource ({@code Practitioner/dr-lee})
 * @param rolesClaim the claim listing the user's roles
 * @param clockSkew how far an expiry or not-before time may be off
 * @param auditTopic where every access is recorded as a FHIR AuditEvent ({@link io.pathtrack.contract.Topics#AUDIT}
 *     unless set)
 */
@ConfigurationProperties("pathtrack.security")
public record AccessProperties(
    String issuerUri,
    String jwkSetUri,
    @DefaultValue("pathtrack") String audience,
    @DefaultValue("fhirUser") String fhirUserClaim,
    @DefaultValue("roles") String rolesClaim,
    @DefaultValue("30s") Duration clockSkew,
    String auditTopic) {

  public AccessProperties {
    if (auditTopic == null || auditTopic.isBlank()) {
      auditTopic = io.pathtrack.contract.Topics.AUDIT.name();
    }
  }

  /** The issuer, or a start-up failure that says what to set. */
  public String requiredIssuer() {
    if (issuerUri == null || issuerUri.isBlank()) {
      throw new IllegalStateException("pathtrack.security.issuer-uri is not set: every endpoint of this service needs "
          + "bearer tokens from an OpenID Connect issuer (the local stack's is http://localhost:9000)");
    }
    return issuerUri.endsWith("/") ? issuerUri.substring(0, issuerUri.length() - 1) : issuerUri;
  }
}
