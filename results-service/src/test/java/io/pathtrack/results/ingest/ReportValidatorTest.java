package io.pathtrack.results.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.results.validation.ValidationIssue;
import io.pathtrack.testsupport.PathologyFixtures;
import java.util.List;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.junit.jupiter.api.Test;

class ReportValidatorTest {
  private final ReportValidator validator = new ReportValidator(List.of());

  @Test
  void completeReportHasNoIssues() {
    assertThat(validator.check(PathologyFixtures.report("S26-1").conclusion("Benign.").build())).isEmpty();
  }

  @Test
  void everyMissingRequiredElementIsNamed() {
    DiagnosticReport report = PathologyFixtures.report(null).withoutSubject().build();
    report.setStatus(null);
    report.setCode(null);
    assertThat(validator.check(report)).extracting(ValidationIssue::expression).containsExactly(
        "DiagnosticReport.status", "DiagnosticReport.code", "DiagnosticReport.subject", "DiagnosticReport.specimen");
  }

  @Test
  void extensionWithoutUrlIsNamed() {
    DiagnosticReport report = PathologyFixtures.report("S26-1").conclusion("Benign.").build();
    report.addExtension().setValue(new org.hl7.fhir.r4.model.StringType("no url"));
    assertThat(validator.check(report)).extracting(ValidationIssue::expression).containsExactly("DiagnosticReport.extension");
  }

  @Test
  void finalReportWhoseIssuedHasNoValueMustStillSayWhen() {
    DiagnosticReport report = PathologyFixtures.report("S26-1").conclusion("Benign.").issued(null).build();
    report.getIssuedElement().addExtension("http://hl7.org/fhir/StructureDefinition/data-absent-reason",
        new org.hl7.fhir.r4.model.CodeType("unknown"));
    assertThat(validator.check(report)).extracting(ValidationIssue::expression).containsExactly("DiagnosticReport.issued");
  }
}
