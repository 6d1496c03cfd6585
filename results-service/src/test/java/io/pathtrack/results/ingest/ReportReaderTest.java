package io.pathtrack.results.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pathtrack.results.validation.ReportRejectedException;
import io.pathtrack.testsupport.PathologyFixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReportReaderTest {
  private final ReportReader reader = new ReportReader(new PayloadGuard(1024 * 1024));

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsJsonAndXmlByContentTypeOrFirstCharacter() {
    var builder = PathologyFixtures.report("S26-1").conclusion("Benign.");
    assertThat(reader.read(utf8(builder.json()), "application/fhir+json").get(0).report().getConclusion())
        .isEqualTo("Benign.");
    assertThat(reader.read(utf8(builder.xml()), null).get(0).report().getConclusion()).isEqualTo("Benign.");
  }

  @Test
  void nonFhirPayloadIsAParseFailureWithAReason() {
    assertThatThrownBy(() -> reader.read(utf8("MSH|^~\\&|"), null))
        .isInstanceOfSatisfying(ReportRejectedException.class, e -> {
          assertThat(e.parseFailure()).isTrue();
          assertThat(e.primary().message()).contains("neither FHIR JSON nor FHIR XML");
        });
  }

  @Test
  void otherResourceTypeIsRefusedByName() {
    assertThatThrownBy(() -> reader.read(utf8("{\"resourceType\":\"Patient\"}"), null))
        .isInstanceOfSatisfying(ReportRejectedException.class,
            e -> assertThat(e.primary().message()).contains("but got a Patient"));
  }

  @Test
  void brokenJsonIsAParseFailureThatSaysWhere() {
    assertThatThrownBy(() -> reader.read(utf8("{\"resourceType\":\"DiagnosticReport\",\n\"status\": }"), null))
        .isInstanceOfSatisfying(ReportRejectedException.class, e -> {
          assertThat(e.parseFailure()).isTrue();
          assertThat(e.primary().message()).containsIgnoringCase("line");
        });
  }

  @Test
  void unknownStatusIsRefusedNamingTheValue() {
    String json = PathologyFixtures.report("S26-1").json().replace("\"status\":\"final\"", "\"status\":\"signed\"");
    assertThatThrownBy(() -> reader.read(utf8(json), null))
        .isInstanceOfSatisfying(ReportRejectedException.class,
            e -> assertThat(e.primary().message()).contains("'signed'"));
  }

  @Test
  void payloadOverTheLimitIsTooLong() {
    ReportReader small = new ReportReader(new PayloadGuard(100));
    assertThatThrownBy(() -> small.read(utf8(PathologyFixtures.report("S26-1").json()), null))
        .isInstanceOfSatisfying(ReportRejectedException.class,
            e -> assertThat(e.primary().code()).isEqualTo("too-long"));
  }

  @Test
  void xmlWithADoctypeIsRefusedBeforeParsing() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<DiagnosticReport xmlns=\"http://hl7.org/fhir\"><status value=\"final\"/><conclusion value=\"&x;\"/></DiagnosticReport>";
    assertThatThrownBy(() -> reader.read(utf8(xxe), "application/fhir+xml"))
        .isInstanceOfSatisfying(ReportRejectedException.class, e -> {
          assertThat(e.primary().code()).isEqualTo("security");
          assertThat(e.primary().message()).contains("DOCTYPE");
        });
  }

  @Test
  void bundleWithoutAReportIsRefused() {
    assertThatThrownBy(() -> reader.read(utf8("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[]}"), null))
        .isInstanceOfSatisfying(ReportRejectedException.class,
            e -> assertThat(e.primary().message()).contains("holds no DiagnosticReport"));
  }
}
