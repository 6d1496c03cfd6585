package io.pathtrack.guard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class SmartScopeTest {
  private static final AccessProperties PROPERTIES = new AccessProperties("http://localhost:9000", null, "pathtrack",
      "fhirUser", "roles", java.time.Duration.ofSeconds(30), io.pathtrack.contract.Topics.AUDIT.name());

  @Test
  void v2ScopesGrantTheirLettersOnly() {
    SmartScope scope = SmartScope.parse("system/Specimen.cru").orElseThrow();
    assertThat(scope.permits("Specimen", 'c')).isTrue();
    assertThat(scope.permits("Specimen", 'u')).isTrue();
    assertThat(scope.permits("Specimen", 's')).isFalse();
    assertThat(scope.permits("DiagnosticReport", 'r')).isFalse();
  }

  @Test
  void v1ScopesAndWildcardsAreUnderstood() {
    assertThat(SmartScope.parse("user/*.read").orElseThrow().permits("Communication", 's')).isTrue();
    assertThat(SmartScope.parse("user/*.read").orElseThrow().permits("Communication", 'u')).isFalse();
    assertThat(SmartScope.parse("system/Communication.write").orElseThrow().permits("Communication", 'u')).isTrue();
  }

  @Test
  void otherScopesAndMalformedOnesAreNotResourceScopes() {
    assertThat(SmartScope.parse("openid")).isEmpty();
    assertThat(SmartScope.parse("fhirUser")).isEmpty();
    assertThat(SmartScope.parse("user/Specimen.")).isEmpty();
    assertThat(SmartScope.parse("user/Specimen.rr")).isEmpty();
    assertThat(SmartScope.parse("user/Specimen.rx")).isEmpty();
    assertThat(SmartScope.parse("user/Communication.rsu").orElseThrow().permits("Communication", 'u'))
        .as("letters out of the specification's order, as the seeded clients have them").isTrue();
    assertThat(SmartScope.parse("admin/Specimen.r")).isEmpty();
    assertThat(SmartScope.parse("patient/Communication.rs")).as("no endpoint serves a patient's own app").isEmpty();
  }

  @Test
  void aUserScopeNeedsASignedInUser() {
    Caller system = Caller.of(jwt(Map.of("client_id", "odd", "scope", "user/Communication.rs")), PROPERTIES);
    assertThat(system.permits(SmartScope.Need.of("Communication.s"))).isFalse();
    Caller user = Caller.of(jwt(Map.of("client_id", "pathtrack-web", "scope", List.of("user/Communication.rs"),
        "fhirUser", "Practitioner/dr-lee", "roles", List.of("physician"))), PROPERTIES);
    assertThat(user.permits(SmartScope.Need.of("Communication.s"))).isTrue();
    assertThat(user.seesWholeLab()).isFalse();
    assertThat(user.mayView("Practitioner/dr-lee")).isTrue();
    assertThat(user.mayView("Practitioner/dr-novak")).isFalse();
  }

  @Test
  void theLabAndSystemClientsSeeTheWholeLab() {
    Caller manager = Caller.of(jwt(Map.of("client_id", "pathtrack-web", "fhirUser", "Practitioner/lab-manager",
        "roles", List.of("lab-manager"))), PROPERTIES);
    Caller ehr = Caller.of(jwt(Map.of("client_id", "ehr", "scope", "system/Communication.rsu")), PROPERTIES);
    assertThat(manager.mayView("Practitioner/dr-lee")).isTrue();
    assertThat(ehr.mayView("Practitioner/dr-lee")).isTrue();
    assertThat(ehr.describe()).isEqualTo("client ehr");
  }

  @Test
  void aTokenWithNeitherUserNorSystemScopeIsNotASystemClient() {
    Caller odd = Caller.of(jwt(Map.of("client_id", "odd", "scope", "patient/Communication.rsu openid")), PROPERTIES);
    assertThat(odd.isSystem()).isFalse();
    assertThat(odd.seesWholeLab()).isFalse();
    assertThat(odd.mayView("Practitioner/dr-lee")).isFalse();
    assertThat(odd.permits(SmartScope.Need.of("Communication.s"))).isFalse();
  }

  @Test
  void tokensWithoutExpiryForAnotherAudienceOrFromAnotherIssuerAreRefused() {
    var validator = AccessControlAutoConfiguration.tokenValidator(PROPERTIES);
    Jwt good = Jwt.withTokenValue("t").header("alg", "RS256").issuer("http://localhost:9000").audience(List.of("pathtrack"))
        .subject("lis").issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
    assertThat(validator.validate(good).hasErrors()).isFalse();
    Jwt forever = Jwt.withTokenValue("t").header("alg", "RS256").issuer("http://localhost:9000").audience(List.of("pathtrack"))
        .subject("lis").build();
    assertThat(validator.validate(forever).hasErrors()).as("no exp").isTrue();
    Jwt elsewhere = Jwt.withTokenValue("t").header("alg", "RS256").issuer("http://localhost:9000").audience(List.of("other-api"))
        .subject("lis").expiresAt(Instant.now().plusSeconds(60)).build();
    assertThat(validator.validate(elsewhere).hasErrors()).as("another audience").isTrue();
    Jwt foreign = Jwt.withTokenValue("t").header("alg", "RS256").issuer("http://evil.example").audience(List.of("pathtrack"))
        .subject("lis").expiresAt(Instant.now().plusSeconds(60)).build();
    assertThat(validator.validate(foreign).hasErrors()).as("another issuer").isTrue();
  }

  @Test
  void rulesAreResourceDotOneLetter() {
    assertThat(SmartScope.Need.of("Communication.u")).isEqualTo(new SmartScope.Need("Communication", 'u'));
    assertThatThrownBy(() -> SmartScope.Need.of("Communication.rs")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SmartScope.Need.of("Communication")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fhirInteractionsNeedTheirScopeAndUndeclaredOperationsNoneCanHave() {
    FhirScopeInterceptor rules = new FhirScopeInterceptor(FhirOperationScopes.of("$classify", "DiagnosticReport.c"));
    assertThat(rules.needOf(RestOperationTypeEnum.READ, "Specimen", null)).contains(new SmartScope.Need("Specimen", 'r'));
    assertThat(rules.needOf(RestOperationTypeEnum.SEARCH_TYPE, "Specimen", null)).contains(new SmartScope.Need("Specimen", 's'));
    assertThat(rules.needOf(RestOperationTypeEnum.UPDATE, "Specimen", null)).contains(new SmartScope.Need("Specimen", 'u'));
    assertThat(rules.needOf(RestOperationTypeEnum.METADATA, null, null)).isEmpty();
    assertThat(rules.needOf(RestOperationTypeEnum.EXTENDED_OPERATION_TYPE, "DiagnosticReport", "$classify"))
        .contains(new SmartScope.Need("DiagnosticReport", 'c'));
    assertThatThrownBy(() -> rules.needOf(RestOperationTypeEnum.EXTENDED_OPERATION_TYPE, "DiagnosticReport", "$everything"))
        .isInstanceOf(FhirScopeInterceptor.NoRule.class);
    assertThatThrownBy(() -> rules.needOf(RestOperationTypeEnum.TRANSACTION, null, null))
        .isInstanceOf(FhirScopeInterceptor.NoRule.class);
  }

  private static Jwt jwt(Map<String, Object> claims) {
    Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("someone")
        .issuedAt(Instant.parse("2026-11-30T08:00:00Z")).expiresAt(Instant.parse("2026-11-30T08:05:00Z"));
    claims.forEach(builder::claim);
    return builder.build();
  }
}
