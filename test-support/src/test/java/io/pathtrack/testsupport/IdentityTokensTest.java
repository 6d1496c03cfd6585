package io.pathtrack.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The identity server and {@link TestIdentity} together, over HTTP: tokens are verified against the server's
 * published keys (JWKS) and their claims read from the verified token.
 */
class IdentityTokensTest {
  private static TestIdentity identity;
  private static NimbusJwtDecoder decoder;

  @BeforeAll
  static void startIdentityServer() {
    identity = TestIdentity.shared();
    decoder = NimbusJwtDecoder.withJwkSetUri(identity.jwkSetUri()).build();
    decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(identity.issuer()));
  }

  @Test
  void openIdDiscoveryNamesTheIssuerTokensCarry() throws Exception {
    HttpResponse<String> discovery = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(identity.issuer() + "/.well-known/openid-configuration")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(discovery.statusCode()).isEqualTo(200);
    JsonNode configuration = JsonMapper.builder().build().readTree(discovery.body());
    assertThat(configuration.get("issuer").asString()).isEqualTo(identity.issuer()).startsWith("http://localhost:");
    assertThat(configuration.get("jwks_uri").asString()).isEqualTo(identity.jwkSetUri());
    assertThat(decoder.decode(identity.clientToken("lis")).getIssuer()).hasToString(identity.issuer());
  }

  @Test
  void theLaboratorySystemGetsASignedTokenWithItsSystemScopesForPathTrack() {
    Jwt token = decoder.decode(identity.clientToken("lis"));

    assertThat(token.getHeaders()).containsEntry("alg", "RS256");
    assertThat(token.getClaimAsStringList("scope"))
        .containsExactlyInAnyOrder("system/DiagnosticReport.c", "system/Specimen.cru", "system/ServiceRequest.c");
    assertThat(token.getClaimAsString("client_id")).isEqualTo("lis");
    assertThat(token.getAudience()).contains("pathtrack");
    assertThat(token.getSubject()).isEqualTo("lis");
    assertThat(token.getClaims()).doesNotContainKeys("fhirUser", "roles");
    assertThat(token.getExpiresAt()).isBetween(Instant.now().plusSeconds(200), Instant.now().plusSeconds(301));
  }

  @Test
  void theEhrGetsOnlyCommunicationScope() {
    Jwt token = decoder.decode(identity.clientToken("ehr"));

    assertThat(token.getClaimAsStringList("scope")).containsExactly("system/Communication.rsu");
    assertThat(token.getClaimAsString("client_id")).isEqualTo("ehr");
    assertThat(token.getAudience()).contains("pathtrack");
  }

  @Test
  void aClientAsksForFewerScopesAndGetsThoseOnly() {
    Jwt token = decoder.decode(identity.clientToken("lis", "system/Specimen.cru"));

    assertThat(token.getClaimAsStringList("scope")).containsExactly("system/Specimen.cru");
  }

  @Test
  void tokensAreReusedUntilShortlyBeforeTheyExpire() {
    assertThat(identity.clientToken("ehr")).isEqualTo(identity.clientToken("ehr"));
    assertThat(identity.userToken("dr-novak")).isEqualTo(identity.userToken("dr-novak"));
  }

  @Test
  void aWrongSecretIsRefused() {
    HttpResponse<String> answer = identity.tokenRequest("lis", "not-the-secret", List.of("system/Specimen.cru"));

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body()).contains("invalid_client").doesNotContain("access_token");
  }

  @Test
  void aScopeTheClientMayNotHaveIsRefused() {
    HttpResponse<String> answer = identity.tokenRequest("ehr", "ehr-secret", List.of("system/DiagnosticReport.c"));

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("invalid_scope");
  }

  @Test
  void aPhysicianSignedInToTheWebFrontEndIsTheirPractitionerWithoutTheAuditTrail() {
    Jwt token = decoder.decode(identity.userToken("dr-lee"));

    assertThat(token.getClaimAsString("fhirUser")).isEqualTo("Practitioner/dr-lee");
    assertThat(token.getClaimAsStringList("roles")).containsExactly("physician");
    assertThat(token.getSubject()).isEqualTo("dr-lee");
    assertThat(token.getClaimAsString("client_id")).isEqualTo("pathtrack-web");
    assertThat(token.getAudience()).contains("pathtrack");
    assertThat(token.getClaimAsStringList("scope"))
        .contains("user/Communication.rsu", "user/Specimen.rs", "user/DiagnosticReport.rs", "openid", "fhirUser")
        .doesNotContain("user/AuditEvent.rs");
  }

  @Test
  void theLabManagerMayReadTheAuditTrail() {
    Jwt token = decoder.decode(identity.userToken("lab-manager"));

    assertThat(token.getClaimAsString("fhirUser")).isEqualTo("Practitioner/lab-manager");
    assertThat(token.getClaimAsStringList("roles")).containsExactly("lab-manager");
    assertThat(token.getClaimAsStringList("scope")).contains("user/AuditEvent.rs", "user/Communication.rsu");
  }

  @Test
  void theResultsDeskHasItsOwnRole() {
    Jwt token = decoder.decode(identity.userToken("results-desk", "openid", "user/Communication.rsu"));

    assertThat(token.getClaimAsStringList("roles")).containsExactly("results-desk");
    assertThat(token.getClaimAsStringList("scope")).containsExactlyInAnyOrder("openid", "user/Communication.rsu");
  }

  @Test
  void theTokenResponseNamesTheUserAndTheScopeGrantedAndItsIdTokenCarriesTheirRoles() {
    String verifier = TestIdentity.randomString();
    String code = identity.authorizationCode("dr-patel", "pathtrack",
        List.of("openid", "fhirUser", "user/Communication.rsu", "user/AuditEvent.rs"), verifier).orElseThrow();

    HttpResponse<String> answer = identity.codeExchange(code, verifier);

    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode response = JsonMapper.builder().build().readTree(answer.body());
    assertThat(response.get("fhirUser").asString()).isEqualTo("Practitioner/dr-patel");
    assertThat(response.get("scope").asString().split(" "))
        .containsExactlyInAnyOrder("openid", "fhirUser", "user/Communication.rsu");
    assertThat(response.has("refresh_token")).isFalse();
    Jwt idToken = decoder.decode(response.get("id_token").asString());
    assertThat(idToken.getAudience()).containsExactly("pathtrack-web");
    assertThat(idToken.getClaimAsString("fhirUser")).isEqualTo("Practitioner/dr-patel");
    assertThat(idToken.getClaimAsStringList("roles")).containsExactly("physician");
  }

  @Test
  void aCodeIsExchangedOnlyWithItsVerifier() {
    String code = identity.authorizationCode("dr-chen", "pathtrack", List.of("openid"), TestIdentity.randomString())
        .orElseThrow();

    HttpResponse<String> answer = identity.codeExchange(code, TestIdentity.randomString());

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("invalid_grant").doesNotContain("access_token");
  }

  @Test
  void aWrongPasswordGivesNoCode() {
    assertThat(identity.authorizationCode("dr-lee", "not-the-password", List.of("openid"), TestIdentity.randomString()))
        .isEmpty();
    assertThat(identity.authorizationCode("dr-nobody", "pathtrack", List.of("openid"), TestIdentity.randomString()))
        .isEmpty();
  }

  @Test
  void anExpiredTokenIsCorrectlySignedAndExpired() {
    String expired = identity.expiredToken();

    NimbusJwtDecoder signatureOnly = NimbusJwtDecoder.withJwkSetUri(identity.jwkSetUri()).build();
    signatureOnly.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
    Jwt token = signatureOnly.decode(expired);
    assertThat(token.getExpiresAt()).isBefore(Instant.now());
    assertThat(token.getClaimAsString("client_id")).isEqualTo("lis-short-lived");
    assertThat(token.getIssuer()).hasToString(identity.issuer());

    NimbusJwtDecoder noClockSkew = NimbusJwtDecoder.withJwkSetUri(identity.jwkSetUri()).build();
    noClockSkew.setJwtValidator(new JwtTimestampValidator(Duration.ZERO));
    assertThatThrownBy(() -> noClockSkew.decode(expired))
        .isInstanceOf(JwtValidationException.class)
        .hasMessageContaining("expired");
  }
}
