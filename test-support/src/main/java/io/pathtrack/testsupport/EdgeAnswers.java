package io.pathtrack.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.contract.Fhir;
import org.hl7.fhir.r4.model.OperationOutcome;

/** What every answer of every service must be at its edge: FHIR errors, no internals, the security headers. */
public final class EdgeAnswers {
  /** The Content-Security-Policy every answer carries unless a service configures another. */
  public static final String DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

  private EdgeAnswers() {}

  /** The answer's OperationOutcome (it must be JSON). */
  public static OperationOutcome outcome(Http.Response r) {
    assertThat(r.header("Content-Type")).as(r.body()).contains("json");
    return Fhir.json().parseResource(OperationOutcome.class, r.body());
  }

  /** No Java class, package or stack frame in what a caller reads. */
  public static void assertNoInternals(String body) {
    assertThat(body).doesNotContain("java.", "org.springframework", "org.apache", "Exception", "ca.uhn", "tools.jackson",
        "com.fasterxml", "io.pathtrack", "\tat ");
  }

  public static void assertSecurityHeaders(Http.Response r) {
    assertThat(r.header("X-Content-Type-Options")).as("nosniff").isEqualTo("nosniff");
    assertThat(r.header("Content-Security-Policy")).isEqualTo(DEFAULT_CSP);
    assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
  }
}
