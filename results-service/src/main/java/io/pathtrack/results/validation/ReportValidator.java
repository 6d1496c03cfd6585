package io.pathtrack.results.validation;

import io.pathtrack.contract.Accessions;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.DiagnosticReport;

/**
 * The hot-path checks every inbound report passes before it is classified: the elements the system
 * cannot work without. Full profile validation is not done here (it costs tens of milliseconds).
 */
public final class ReportValidator {
  private final List<String> accessionIdentifierSystems;

  public ReportValidator(List<String> accessionIdentifierSystems) {
    this.accessionIdentifierSystems = List.copyOf(accessionIdentifierSystems);
  }

  /** Every problem found; empty when the report can be accepted. */
  public List<ValidationIssue> check(DiagnosticReport report) {
    List<ValidationIssue> issues = new ArrayList<>();
    if (!report.hasStatus()) {
      issues.add(ValidationIssue.required("DiagnosticReport.status",
          "status is required (registered, partial, preliminary, final, amended, corrected, appended, cancelled, entered-in-error)"));
    }
    if (!report.hasCode() || report.getCode().isEmpty()) {
      issues.add(ValidationIssue.required("DiagnosticReport.code", "code is required: what kind of report this is (e.g. LOINC 60567-5)"));
    }
    if (!report.hasSubject() || report.getSubject().isEmpty()) {
      issues.add(ValidationIssue.required("DiagnosticReport.subject", "subject is required: the patient the report is about"));
    }
    if (Accessions.ofReport(report, accessionIdentifierSystems).isEmpty()) {
      issues.add(ValidationIssue.required("DiagnosticReport.specimen",
          "no accession number: reference a Specimen with accessionIdentifier, or add an identifier typed ACSN"
              + (accessionIdentifierSystems.isEmpty() ? "" : " or with system " + String.join(" or ", accessionIdentifierSystems))));
    }
    return issues;
  }

  public String accession(DiagnosticReport report) {
    return Accessions.ofReport(report, accessionIdentifierSystems)
        .orElseThrow(() -> new IllegalStateException("report was not validated"));
  }
}
