package io.pathtrack.results.ingest;

import io.pathtrack.contract.Accessions;
import io.pathtrack.results.validation.ValidationIssue;
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

  /**
   * Report categories that are surely not pathology: FHIR's diagnostic service sections (HL7 v2 table
   * 0074) for imaging and cardiology, and SNOMED CT's Radiology specialty. A report in one of them and
   * in no pathology category is not ours to classify.
   */
  private static final Set<String> NOT_PATHOLOGY = Set.of(
      "http://terminology.hl7.org/CodeSystem/v2-0074|RAD", "http://terminology.hl7.org/CodeSystem/v2-0074|CT",
      "http://terminology.hl7.org/CodeSystem/v2-0074|CUS", "http://terminology.hl7.org/CodeSystem/v2-0074|NMR",
      "http://terminology.hl7.org/CodeSystem/v2-0074|NMS", "http://terminology.hl7.org/CodeSystem/v2-0074|RUS",
      "http://terminology.hl7.org/CodeSystem/v2-0074|OUS", "http://terminology.hl7.org/CodeSystem/v2-0074|VUS",
      "http://terminology.hl7.org/CodeSystem/v2-0074|XRC", "http://terminology.hl7.org/CodeSystem/v2-0074|EC",
      "http://terminology.hl7.org/CodeSystem/v2-0074|CTH", "http://terminology.hl7.org/CodeSystem/v2-0074|CG",
      "http://snomed.info/sct|394914008");

  private static final Set<String> PATHOLOGY = Set.of(
      "http://terminology.hl7.org/CodeSystem/v2-0074|SP", "http://terminology.hl7.org/CodeSystem/v2-0074|PAT",
      "http://terminology.hl7.org/CodeSystem/v2-0074|CP", "http://terminology.hl7.org/CodeSystem/v2-0074|CY",
      "http://terminology.hl7.org/CodeSystem/v2-0074|HM", "http://terminology.hl7.org/CodeSystem/v2-0074|OSL",
      "http://loinc.org|LP7839-6", "http://snomed.info/sct|394915009");

  public List<ValidationIssue> check(DiagnosticReport report) {
    return check(InboundReport.of(report));
  }

  private static Optional<String> nonPathologyCategory(DiagnosticReport report) {
    Optional<String> other = Optional.empty();
    for (var category : report.getCategory()) {
      for (var coding : category.getCoding()) {
        String key = coding.getSystem() + "|" + coding.getCode();
        if (PATHOLOGY.contains(key)) {
          return Optional.empty();
        }
        if (NOT_PATHOLOGY.contains(key) && other.isEmpty()) {
          other = Optional.of((coding.hasDisplay() ? coding.getDisplay() : coding.getCode()) + " (" + key + ")");
        }
      }
    }
    return other;
  }

  /** Every problem found; empty when the report can be accepted. */
  public List<ValidationIssue> check(InboundReport inbound) {
    DiagnosticReport report = inbound.report();
    List<ValidationIssue> issues = new ArrayList<>();
    if (!report.hasStatus()) {
      issues.add(ValidationIssue.required("DiagnosticReport.status",
          "status is required (registered, partial, preliminary, final, amended, corrected, appended, cancelled, entered-in-error)"));
    }
    nonPathologyCategory(report).ifPresent(category -> issues.add(ValidationIssue.invalid("DiagnosticReport.category",
        "not a pathology report: its category is " + category)));
    if (report.hasStatus() && NOT_YET.contains(report.getStatus())) {
      issues.add(ValidationIssue.invalid("DiagnosticReport.status", "status '" + report.getStatus().toCode()
          + "' carries no result; send partial, preliminary, final, amended, corrected, appended or entered-in-error"));
    }
    // an issued or effective element with only extensions (data-absent-reason, say) does not say when
    boolean saysWhen = report.getIssuedElement().getValue() != null
        || report.hasEffectiveDateTimeType() && report.getEffectiveDateTimeType().getValue() != null
        || report.hasEffectivePeriod() && (report.getEffectivePeriod().getStart() != null || report.getEffectivePeriod().getEnd() != null);
    if (report.hasStatus() && SIGNED_OUT.contains(report.getStatus()) && !saysWhen) {
      issues.add(ValidationIssue.required("DiagnosticReport.issued",
          "a " + report.getStatus().toCode() + " report must say when it was issued (issued or effective[x])"));
    }
    if (!report.hasCode() || report.getCode().isEmpty()) {
      issues.add(ValidationIssue.required("DiagnosticReport.code", "code is required: what kind of report this is (e.g. LOINC 60567-5)"));
    }
    if (!report.hasSubject() || report.getSubject().isEmpty()) {
      issues.add(ValidationIssue.required("DiagnosticReport.subject", "subject is required: the patient the report is about"));
    }
    // FHIR Extension.url is required (1..1): an extension that does not say what it is cannot be read,
    // nor told apart from the outcome extensions this service adds
    if (report.getExtension().stream().anyMatch(e -> !e.hasUrl())
        || report.getModifierExtension().stream().anyMatch(e -> !e.hasUrl())) {
      issues.add(ValidationIssue.required("DiagnosticReport.extension", "every extension must have its url"));
    }
    Optional<String> accession = accession(inbound);
    accession.flatMap(Accessions::problem).ifPresent(problem -> issues.add(ValidationIssue.invalid(
        accessionElement(inbound), problem)));
    if (accession.isEmpty()) {
      issues.add(ValidationIssue.required("DiagnosticReport.specimen",
          "no accession number: reference a Specimen with accessionIdentifier, or add an identifier typed ACSN"
              + (accessionIdentifierSystems.isEmpty() ? "" : " or with system " + String.join(" or ", accessionIdentifierSystems))));
    }
    return issues;
  }

  /** Where the report's accession was read from, to name it in an answer. */
  private String accessionElement(InboundReport inbound) {
    boolean fromSpecimen = inbound.report().getSpecimen().stream()
        .anyMatch(ref -> ref.getResource() instanceof org.hl7.fhir.r4.model.Specimen s && Accessions.ofSpecimen(s).isPresent());
    boolean fromIdentifier = inbound.report().getIdentifier().stream().anyMatch(id -> id.hasValue() && !id.getValue().isBlank());
    return fromSpecimen || !fromIdentifier ? "Specimen.accessionIdentifier.value" : "DiagnosticReport.identifier.value";
  }

  /** The accession: the report's own (docs/architecture.md §3), else the accession of its bundle's only Specimen. */
  public Optional<String> accession(InboundReport inbound) {
    return Accessions.ofReport(inbound.report(), accessionIdentifierSystems)
        .or(() -> inbound.bundleSpecimen().flatMap(Accessions::ofSpecimen));
  }
}
