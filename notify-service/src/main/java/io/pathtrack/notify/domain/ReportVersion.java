package io.pathtrack.notify.domain;

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
 *
 * <p>What is kept is bounded ({@link #TEXT_CHARS}, {@link #CONCLUSION_CHARS}, {@link #EVIDENCE_LINES} of
 * {@link #EVIDENCE_CHARS}), so that an accession's history always fits in one state-store record: a record the
 * changelog refused would stop the notification stream for every accession.
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
    Optional<String> text,
    List<String> followUps) {

  static final int TEXT_CHARS = 128 * 1024;
  static final int CONCLUSION_CHARS = 16 * 1024;
  static final int EVIDENCE_LINES = 50;
  static final int EVIDENCE_CHARS = 512;
  static final int SPECIMENS = 50;
  static final String SHORTENED = " … (shortened here; the whole report is in the laboratory system)";

  public ReportVersion {
    specimens = specimens.stream().limit(SPECIMENS).map(s -> bounded(s, EVIDENCE_CHARS)).toList();
    evidence = evidence.stream().limit(EVIDENCE_LINES).map(e -> bounded(e, EVIDENCE_CHARS)).toList();
    conclusion = conclusion.map(c -> bounded(c, CONCLUSION_CHARS));
    text = text.map(t -> bounded(t, TEXT_CHARS));
    followUps = followUps == null ? List.of() : followUps.stream().limit(EVIDENCE_LINES).map(f -> bounded(f, EVIDENCE_CHARS)).toList();
  }

  /** At most {@code chars} characters, saying so when shortened; a text already shortened stays as it is. */
  static String bounded(String text, int chars) {
    return text == null || text.length() <= chars ? text : text.substring(0, chars - SHORTENED.length()) + SHORTENED;
  }

  public String key() {
    return reportId + "|" + version;
  }
}
