package io.pathtrack.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void aDescribedValueIsItsLengthAndHashNeverItself() {
    String phi = "Jane Q Patient, born 1970-01-01";
    assertThat(Redaction.describe(phi)).doesNotContain("Jane").startsWith(phi.length() + " characters, sha256 ");
    assertThat(Redaction.describe(phi)).isEqualTo(Redaction.describe(phi));
    assertThat(Redaction.describe(null)).isEqualTo("absent");
  }

  @Test
  void aUsableAccessionIsLoggedAsItIsAnUnusableOneOnlyDescribed() {
    assertThat(Redaction.accession("S26-90001")).isEqualTo("S26-90001");
    assertThat(Redaction.accession("S26\r\nforged")).doesNotContain("forged").contains("unusable accession");
    assertThat(Redaction.accession("A".repeat(100_000))).hasSizeLessThan(100);
  }

  @Test
  void anExceptionIsItsClassAndPlaceNeverItsMessage() {
    Exception e = new IllegalStateException("patient Jane Q Patient", new IllegalArgumentException("also Jane"));
    assertThat(Redaction.exception(e))
        .startsWith("IllegalStateException at io.pathtrack.guard.RedactionTest.")
        .contains("caused by IllegalArgumentException")
        .doesNotContain("Jane");
  }
}
