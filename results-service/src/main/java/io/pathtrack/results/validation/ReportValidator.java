package io.pathtrack.results.validation;

import io.pathtrack.contract.Accessions;
import io.pathtrack.results.ingest.InboundReport;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DiagnosticReport.DiagnosticReportStatus;

/**
 * The hot-path checks every inbound report passes before it is classified: the elements the system
 * cannot work without. Full profile validation is not done here (it costs tens of milliseconds).
 */
public final class ReportValidator {
  private final List<String> accessionIdentifierSystems;

  public ReportValidator(List<String> accessionIdentifierSystems) {
    this.accessionIdentifierSystems = List.copyOf(accessionIdentifierSystems);
  }

  /** Statuses of a report that has been signed out: it must say when (issued or effective[x]). */
  private static final Set<DiagnosticReportStatus> SIGNED_OUT = EnumSet.of(DiagnosticReportStatus.FINAL,
      DiagnosticReportStatus.AMENDED, DiagnosticReportStatus.CORRECTED, DiagnosticReportStatus.APPENDED);

  /** Statuses of a report that has no result yet; there is nothing to classify or notify. */
  private static final Set<DiagnosticReportStatus> NOT_YET = EnumSet.of(DiagnosticReportStatus.REGISTERED,
      DiagnosticReportStatus.CANCELLED, DiagnosticReportStatus.NULL);

  public List<ValidationIssue> check(DiagnosticReport report) {
    return check(InboundReport.of(report));
  }

  /** Every problem found; empty when the report can be accepted. */
  public List<ValidationIssue> check(InboundReport inbound) {
    DiagnosticReport report = inbound.report();
    List<ValidationIssue> issues = new ArrayList<>();
    if (!report.hasStatus()) {
      issues.add(ValidationIssue.required("DiagnosticReport.status",
          "status is required (registered, partial, preliminary, final, amended, corrected, appended, cancelled, entered-in-error)"));
    }
    if (report.hasStatus() && NOT_YET.contains(report.getStatus())) {
      issues.add(ValidationIssue.invalid("DiagnosticReport.status", "status '" + report.getStatus().toCode()
          + "' carries no result; send partial, preliminary, final, amended, corrected, appended or entered-in-error"));
    }
    if (report.hasStatus() && SIGNED_OUT.contains(report.getStatus()) && !report.hasIssued() && !report.hasEffective()) {
      issues.add(ValidationIssue.required("DiagnosticReport.issued",
          "a " + report.getStatus().toCode() + " report must say when it was issued (issued or effective[x])"));
    }
    if (!report.hasCode() || report.getCode().isEmpty()) {
      issues.add(ValidationIssue.required("DiagnosticReport.code", "code is required: what kind of report this is (e.g. LOINC 60567-5)"));
    }
    if (!report.hasSubject() || report.getSubject().isEmpty()) {
      issues.add(ValidationIssue.required("DiagnosticReport.subject", "subject is required: the patient the report is about"));
    }
    if (accession(inbound).isEmpty()) {
      issues.add(ValidationIssue.required("DiagnosticReport.specimen",
          "no accession number: reference a Specimen with accessionIdentifier, or add an identifier typed ACSN"
              + (accessionIdentifierSystems.isEmpty() ? "" : " or with system " + String.join(" or ", accessionIdentifierSystems))));
    }
    return issues;
  }

  /** The accession: the report's own (DESIGN §3), else the accession of its bundle's only Specimen. */
  public Optional<String> accession(InboundReport inbound) {
    return Accessions.ofReport(inbound.report(), accessionIdentifierSystems)
        .or(() -> inbound.bundleSpecimen().flatMap(Accessions::ofSpecimen));
  }
}
