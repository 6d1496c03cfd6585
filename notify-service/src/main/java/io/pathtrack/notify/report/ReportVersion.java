package io.pathtrack.notify.report;

import io.pathtrack.contract.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One version of a classified report as the notification page shows it. The patient is a reference only (never a
 * name); nothing of it goes into logs, emails or the audit trail.
 *
 * @param evidence the outcome-evidence lines: what decided the outcome and where it was found
 * @param text the report's full text (its plain-text presentedForm, else its narrative)
 */
public record ReportVersion(
    String reportId,
    String version,
    String accession,
    String status,
    Optional<String> patient,
    Optional<String> procedure,
    List<String> specimens,
    Optional<Instant> issued,
    Outcome outcome,
    List<String> evidence,
    boolean needsReview,
    Optional<String> conclusion,
    Optional<String> text) {

  public ReportVersion {
    specimens = List.copyOf(specimens);
    evidence = List.copyOf(evidence);
  }

  public String key() {
    return reportId + "|" + version;
  }
}
