package io.pathtrack.results.publish;


import io.pathtrack.contract.CloudEvent;
import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.EventTypes;
import io.pathtrack.contract.ProcedureType;
import io.pathtrack.results.classification.Classification;
import io.pathtrack.results.ingest.ClassifiedReport;
import io.pathtrack.results.ingest.ReportCuesAnnotator;
import java.time.Instant;
import java.util.Map;

/**
 * The CloudEvents headers of a classified-report event: what specimen-service and notify-service route
 * on without parsing the report (docs/architecture.md §3).
 */
public final class ClassifiedEvents {
  private ClassifiedEvents() {}

  public static Map<String, byte[]> headers(ClassifiedReport r, String channel, String source, Instant time) {
    Classification c = r.classification();
    CloudEvent event = CloudEvent.of(EventTypes.REPORT_CLASSIFIED, source, time)
        // The same report version classified again is the same event.
        .idFrom(r.reportId(), r.version(), r.contentHash())
        .subject(r.accession())
        .contentType(EventHeaders.FHIR_JSON)
        .with(EventHeaders.CHANNEL, channel)
        .with(EventHeaders.OUTCOME, c.outcome().code())
        .with(EventHeaders.NEEDS_REVIEW, String.valueOf(c.needsReview()))
        .with(EventHeaders.RULE_SET_VERSION, c.ruleSetVersion())
        .with(EventHeaders.REPORT_ID, r.reportId())
        .with(EventHeaders.REPORT_VERSION, r.version())
        .with(EventHeaders.REPORT_STATUS, r.report().getStatus().toCode())
        .with(EventHeaders.CONTENT_HASH, r.contentHash())
        .with(EventHeaders.REPORT_ISSUED, r.report().hasIssued() ? r.report().getIssued().toInstant().toString() : null)
        .with(EventHeaders.ORDERING_PRACTITIONER, r.orderingPractitioner())
        .with(EventHeaders.COPIES_TO, r.copiesTo().isEmpty() ? null : String.join(",", r.copiesTo()))
        .with(EventHeaders.PROCEDURE_TYPE, r.procedureType().map(ProcedureType::code));
    ReportCuesAnnotator.headers(r.report()).forEach(event::with);
    return event.headers();
  }
}
