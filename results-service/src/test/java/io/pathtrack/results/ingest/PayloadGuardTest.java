package io.pathtrack.results.ingest;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pathtrack.results.validation.ReportRejectedException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadGuardTest {
  private static final String REPORT = "<DiagnosticReport xmlns=\"http://hl7.org/fhir\"><status value=\"final\"/></DiagnosticReport>";
  private static final String DOCTYPE = "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>";
  private final PayloadGuard guard = new PayloadGuard(1024 * 1024);

  @Test
  void doctypeAfterALongCommentIsRefused() {
    String xml = "<?xml version=\"1.0\"?><!--" + "padding ".repeat(1_000) + "-->" + DOCTYPE + REPORT;
    assertRefusedAsSecurity(xml.getBytes(StandardCharsets.UTF_8), "application/fhir+xml");
  }

  @Test
  void doctypeInUtf16IsRefused() {
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + DOCTYPE + REPORT;
    assertRefusedAsSecurity(xml.getBytes(StandardCharsets.UTF_16), "application/fhir+xml");
    assertRefusedAsSecurity(xml.getBytes(StandardCharsets.UTF_16), null);
  }

  @Test
  void doctypeInATextThatDeclaresAnotherEncodingThanItsOwnIsRefused() {
    // Read as UTF-8 text by the parser whatever it declares: the guarantee reads it the same way.
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!--" + "x".repeat(4_092) + "-->" + DOCTYPE + REPORT;
    assertRefusedAsSecurity(xml.getBytes(StandardCharsets.UTF_8), "application/fhir+xml");
  }

  @Test
  void xmlWithoutDoctypeIsLetThrough() {
    String xml = "<?xml version=\"1.0\"?><!--" + "padding ".repeat(1_000) + "-->" + REPORT;
    assertThatCode(() -> guard.check(xml.getBytes(StandardCharsets.UTF_8), "application/fhir+xml")).doesNotThrowAnyException();
  }

  private void assertRefusedAsSecurity(byte[] payload, String contentType) {
    assertThatThrownBy(() -> guard.check(payload, contentType))
        .isInstanceOfSatisfying(ReportRejectedException.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.primary().code()).isEqualTo("security"));
  }
}
