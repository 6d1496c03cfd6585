package io.pathtrack.notify.report;

import io.pathtrack.notify.domain.ReportVersion;
import io.pathtrack.contract.ClassifiedReportEvent;
import io.pathtrack.contract.Extensions;
import io.pathtrack.contract.ProcedureType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Specimen;
import org.hl7.fhir.r4.model.StringType;

/**
 * Reads what the notification page shows from a classified report (the DiagnosticReport JSON of
 * {@link io.pathtrack.contract.Topics#REPORTS_CLASSIFIED}, with results-service's outcome and outcome-evidence extensions) and its
 * event headers. The subject stays a reference: a name is never read from it.
 */
public final class ReportReading {
  private ReportReading() {}

  /**
   * The version as the page shows it. A body the topic's serde could not read (results-service published it, so this
   * is not expected) is an empty report, and still gives what the headers say: the alert never depends on the page's
   * copy.
   */
  public static ReportVersion read(ClassifiedReportEvent event, DiagnosticReport report) {
    List<String> evidence = report.getExtensionsByUrl(Extensions.OUTCOME_EVIDENCE).stream()
        .filter(e -> e.getValue() instanceof StringType).map(e -> ((StringType) e.getValue()).getValue()).toList();
    Optional<String> procedure = event.procedureType().map(ProcedureType::display)
        .or(() -> Optional.ofNullable(report.getCode().getText()).filter(t -> !t.isBlank()))
        .or(() -> report.getCode().getCoding().stream().map(c -> c.getDisplay()).filter(d -> d != null && !d.isBlank()).findFirst());
    return new ReportVersion(event.reportId(), event.reportVersion(), event.accession(), event.reportStatus(),
        Optional.ofNullable(report.getSubject().getReference()).filter(r -> !r.isBlank()), procedure,
        report.getSpecimen().stream().map(s -> specimen(report, s)).toList(),
        event.issued().or(() -> Optional.ofNullable(report.getIssued()).map(java.util.Date::toInstant)),
        event.outcome(), evidence, event.needsReview(),
        Optional.ofNullable(report.getConclusion()).filter(c -> !c.isBlank()), text(report), followUps(report));
  }

  /** The follow-ups results-service read in the report: "Repeat biopsy (within P14D): repeat biopsy is recommended". */
  private static List<String> followUps(DiagnosticReport report) {
    return report.getExtensionsByUrl(Extensions.FOLLOW_UP).stream().map(e -> {
      String kind = Extensions.singleValue(e, "kind").filter(k -> !k.isBlank()).orElse(null);
      String interval = Extensions.singleValue(e, "interval").orElse(null);
      String words = Extensions.singleValue(e, "text").orElse(null);
      if (kind == null) {
        return null;
      }
      String name = Character.toUpperCase(kind.charAt(0)) + kind.substring(1).replace('-', ' ');
      return name + (interval == null ? "" : " (within " + interval + ")") + (words == null ? "" : ": " + words);
    }).filter(java.util.Objects::nonNull).toList();
  }


  /** A contained specimen by its type and accession; another by its reference. */
  private static String specimen(DiagnosticReport report, Reference ref) {
    String reference = ref.getReference();
    if (reference != null && reference.startsWith("#")) {
      for (Resource contained : report.getContained()) {
        if (contained instanceof Specimen s && reference.substring(1).equals(s.getIdElement().getIdPart())) {
          String type = s.getType().getText() != null ? s.getType().getText()
              : s.getType().getCoding().stream().map(c -> c.getDisplay()).filter(d -> d != null).findFirst().orElse("Specimen");
          return type + (s.getAccessionIdentifier().hasValue() ? " " + s.getAccessionIdentifier().getValue() : "");
        }
      }
    }
    return Optional.ofNullable(ref.getDisplay()).or(() -> Optional.ofNullable(reference)).orElse("specimen");
  }

  /** The plain-text presentedForm if there is one, else the narrative's text. */
  private static Optional<String> text(DiagnosticReport report) {
    for (Attachment a : report.getPresentedForm()) {
      if (a.hasData() && a.getContentType() != null && a.getContentType().startsWith("text/plain")) {
        return Optional.of(new String(a.getData(), StandardCharsets.UTF_8));
      }
    }
    if (report.hasText() && report.getText().hasDiv()) {
      String text = report.getText().getDiv().allText();
      return Optional.ofNullable(text).map(String::strip).filter(t -> !t.isEmpty());
    }
    return Optional.empty();
  }
}
