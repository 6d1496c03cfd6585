package io.pathtrack.guard.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PagePolicyTest {
  private static final String POLICY = "default-src 'none'; script-src 'self'; form-action 'self'; frame-ancestors 'none'";

  @Test
  void formsMayLeadToTheIssuersOriginAndNowhereElse() {
    assertThat(PagePolicy.formsMayReach(POLICY, "http://localhost:9000"))
        .isEqualTo("default-src 'none'; script-src 'self'; form-action 'self' http://localhost:9000; frame-ancestors 'none'");
    assertThat(PagePolicy.formsMayReach(POLICY, "https://Login.Hospital.example/realms/pathtrack"))
        .as("the origin only: scheme, host and port").contains("form-action 'self' https://login.hospital.example;");
  }

  @Test
  void withoutAUsableIssuerThePolicyIsUnchanged() {
    assertThat(PagePolicy.formsMayReach(POLICY, null)).isEqualTo(POLICY);
    assertThat(PagePolicy.formsMayReach(POLICY, " ")).isEqualTo(POLICY);
    assertThat(PagePolicy.formsMayReach(POLICY, "javascript:alert(1)")).isEqualTo(POLICY);
    assertThat(PagePolicy.formsMayReach(POLICY, "not a uri at all")).isEqualTo(POLICY);
    assertThat(PagePolicy.formsMayReach("default-src 'none'", "http://localhost:9000")).isEqualTo("default-src 'none'");
    assertThat(PagePolicy.formsMayReach("form-action 'none'", "http://localhost:9000")).isEqualTo("form-action 'none'");
    assertThat(PagePolicy.formsMayReach("form-action 'self' http://localhost:9000", "http://localhost:9000"))
        .isEqualTo("form-action 'self' http://localhost:9000");
  }
}
