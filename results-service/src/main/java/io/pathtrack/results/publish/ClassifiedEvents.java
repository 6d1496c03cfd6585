package io.pathtrack.results.publish;

import static io.pathtrack.contract.EventHeaders.bytes;

import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.EventTypes;
import io.pathtrack.contract.ProcedureType;
import io.pathtrack.results.classification.Classification;
import io.pathtrack.results.ingest.ClassifiedReport;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The CloudEvents headers of a classified-report event: what specimen-service and notify-service route
 * on without parsing the report (DESIGN §3).
 */
public final class ClassifiedEvents {
  private ClassifiedEvents() {}

  public static Map<String, byte[]> headers(ClassifiedReport r, String channel, String source, Instant time) {
    Classification c = r.classification();
    String eventId = UUID.nameUUIDFromBytes((r.reportId() + "|" + r.version() + "|" + r.contentHash())
        .getBytes(StandardCharsets.UTF_8)).toString();
    Map<String, byte[]> h = new LinkedHashMap<>();
    h.put(EventHeaders.ID, bytes(eventId));
    h.put(EventHeaders.TYPE, bytes(EventTypes.REPORT_CLASSIFIED));
    h.put(EventHeaders.SOURCE, bytes(source));
    h.put(EventHeaders.SPEC_VERSION, bytes(EventHeaders.SPEC_VERSION_1_0));
    h.put(EventHeaders.TIME, bytes(time.toString()));
    h.put(EventHeaders.SUBJECT, bytes(r.accession()));
    h.put(EventHeaders.CONTENT_TYPE, bytes(EventHeaders.FHIR_JSON));
    h.put(EventHeaders.CHANNEL, bytes(channel));
    h.put(EventHeaders.OUTCOME, bytes(c.outcome().code()));
    h.put(EventHeaders.NEEDS_REVIEW, bytes(String.valueOf(c.needsReview())));
    h.put(EventHeaders.RULE_SET_VERSION, bytes(c.ruleSetVersion()));
    h.put(EventHeaders.REPORT_ID, bytes(r.reportId()));
    h.put(EventHeaders.REPORT_VERSION, bytes(r.version()));
    h.put(EventHeaders.REPORT_STATUS, bytes(r.report().getStatus().toCode()));
    h.put(EventHeaders.CONTENT_HASH, bytes(r.contentHash()));
    if (r.report().hasIssued()) {
      h.put(EventHeaders.REPORT_ISSUED, bytes(r.report().getIssued().toInstant().toString()));
    }
    r.orderingPractitioner().ifPresent(p -> h.put(EventHeaders.ORDERING_PRACTITIONER, bytes(p)));
    if (!r.copiesTo().isEmpty()) {
      h.put(EventHeaders.COPIES_TO, bytes(String.join(",", r.copiesTo())));
    }
    r.procedureType().map(ProcedureType::code).ifPresent(p -> h.put(EventHeaders.PROCEDURE_TYPE, bytes(p)));
    return h;
  }
}
