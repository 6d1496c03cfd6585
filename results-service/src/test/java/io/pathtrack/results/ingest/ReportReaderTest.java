package io.pathtrack.results.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pathtrack.results.validation.ReportRejectedException;
import io.pathtrack.testsupport.PathologyFixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReportReaderTest {

  @Test
  void readsJsonAndXmlByContentTypeOrFirstCharacter() {
    var builder = PathologyFixtures.report("S26-1").conclusion("Benign.");
    assertThat(ReportReader.read(builder.json().getBytes(StandardCharsets.UTF_8), "application/fhir+json").getConclusion())
        .isEqualTo("Benign.");
    assertThat(ReportReader.read(builder.xml().getBytes(StandardCharsets.UTF_8), null).getConclusion())
        .isEqualTo("Benign.");
  }

  @Test
  void nonFhirPayloadIsAParseFailureWithAReason() {
    assertThatThrownBy(() -> ReportReader.read("MSH|^~\\&|".getBytes(StandardCharsets.UTF_8), null))
        .isInstanceOfSatisfying(ReportRejectedException.class, e -> {
          assertThat(e.parseFailure()).isTrue();
          assertThat(e.primary().message()).contains("neither FHIR JSON nor FHIR XML");
        });
  }

  @Test
  void otherResourceTypeIsRefusedByName() {
    assertThatThrownBy(() -> ReportReader.read("{\"resourceType\":\"Patient\"}".getBytes(StandardCharsets.UTF_8), null))
        .isInstanceOfSatisfying(ReportRejectedException.class,
            e -> assertThat(e.primary().message()).contains("expected a DiagnosticReport but got a Patient"));
  }

  @Test
  void brokenJsonIsAParseFailure() {
    assertThatThrownBy(() -> ReportReader.read("{\"resourceType\":\"DiagnosticReport\",".getBytes(StandardCharsets.UTF_8), null))
        .isInstanceOfSatisfying(ReportRejectedException.class, e -> assertThat(e.parseFailure()).isTrue());
  }
}
