package io.pathtrack.contract;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;

/**
 * What a classified-report event says in its headers (docs/architecture.md §3 "parse once"): enough for
 * specimen-service and notify-service to decide without parsing the DiagnosticReport body.
 * Produced by results-service on {@link Topics#REPORTS_CLASSIFIED}, keyed by accession.
 */
public record ClassifiedReportEvent(
    String eventId,
    String accession,
    String reportId,
    String reportVersion,
    String reportStatus,
    Outcome outcome,
    boolean needsReview,
    Instant time,
    Optional<Instant> issued,
    Optional<String> orderingPractitioner,
    Optional<ProcedureType> procedureType,
    Optional<String> replacesVersion,
    Optional<Outcome> previousOutcome,
    boolean retraction) {

  /** True when this version replaces an earlier one with a different outcome (docs/architecture.md §4: notify urgently). */
  public boolean outcomeChanged() {
    return previousOutcome.isPresent() && previousOutcome.get() != outcome;
  }

  /** Report statuses after which the specimen's report is complete (FHIR DiagnosticReport.status). */
  public boolean isFinal() {
    if (retraction) {
      return false;
    }
    return switch (reportStatus) {
      case "final", "amended", "corrected", "appended" -> true;
      default -> false;
    };
  }

  /** The report's reference, as other resources point at it. */
  public String reportReference() {
    return "DiagnosticReport/" + reportId;
  }

  /**
   * Reads the event from a record's headers.
   *
   * @return empty when the record is not a classified-report (or retraction) event or lacks a required header
   */
  public static Optional<ClassifiedReportEvent> fromHeaders(String key, Headers headers) {
    String type = last(headers, EventHeaders.TYPE);
    boolean retraction = EventTypes.REPORT_RETRACTED.equals(type);
    if (!EventTypes.REPORT_CLASSIFIED.equals(type) && !retraction) {
      return Optional.empty();
    }
    String accession = Optional.ofNullable(last(headers, EventHeaders.SUBJECT)).orElse(key);
    String reportId = last(headers, EventHeaders.REPORT_ID);
    String status = last(headers, EventHeaders.REPORT_STATUS);
    Optional<Outcome> outcome = Optional.ofNullable(last(headers, EventHeaders.OUTCOME)).flatMap(Outcome::fromCode);
    Optional<Instant> time = instant(last(headers, EventHeaders.TIME));
    if (accession == null || reportId == null || status == null || outcome.isEmpty() || time.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ClassifiedReportEvent(
        Optional.ofNullable(last(headers, EventHeaders.ID)).orElse(reportId),
        accession,
        reportId,
        Optional.ofNullable(last(headers, EventHeaders.REPORT_VERSION)).orElse("1"),
        status,
        outcome.get(),
        Boolean.parseBoolean(last(headers, EventHeaders.NEEDS_REVIEW)),
        time.get(),
        instant(last(headers, EventHeaders.REPORT_ISSUED)),
        Optional.ofNullable(last(headers, EventHeaders.ORDERING_PRACTITIONER)),
        Optional.ofNullable(last(headers, EventHeaders.PROCEDURE_TYPE)).flatMap(ProcedureType::fromCode),
        Optional.ofNullable(last(headers, EventHeaders.REPLACES_VERSION)),
        Optional.ofNullable(last(headers, EventHeaders.PREVIOUS_OUTCOME)).flatMap(Outcome::fromCode),
        retraction));
  }

  private static String last(Headers headers, String name) {
    return EventHeaders.last(headers, name);
  }


  private static Optional<Instant> instant(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
