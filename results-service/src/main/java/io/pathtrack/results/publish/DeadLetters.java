package io.pathtrack.results.publish;

import static io.pathtrack.contract.EventHeaders.bytes;

import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.EventTypes;
import io.pathtrack.contract.Fhir;
import io.pathtrack.results.validation.OperationOutcomes;
import io.pathtrack.results.validation.ReportRejectedException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The headers of a dead-letter record on {@link io.pathtrack.contract.Topics#REPORTS_INBOUND_DLQ}. Its value is the
 * original bytes, unchanged, so the record can be fixed and replayed; the headers say why (a one-line
 * reason, the failing element, the OperationOutcome) and where it came from.
 */
public final class DeadLetters {
  private DeadLetters() {}

  /** Where a rejected record was read from. */
  public record Origin(String topic, int partition, long offset, String contentType) {}

  public static Map<String, byte[]> headers(ReportRejectedException rejection, Origin origin, String source, Instant time) {
    Map<String, byte[]> h = new LinkedHashMap<>();
    h.put(EventHeaders.ID, bytes(UUID.randomUUID().toString()));
    h.put(EventHeaders.TYPE, bytes(EventTypes.REPORT_REJECTED));
    h.put(EventHeaders.SOURCE, bytes(source));
    h.put(EventHeaders.SPEC_VERSION, bytes(EventHeaders.SPEC_VERSION_1_0));
    h.put(EventHeaders.TIME, bytes(time.toString()));
    h.put(EventHeaders.REJECTION_REASON, bytes(rejection.primary().expression() + ": " + rejection.primary().message()));
    h.put(EventHeaders.REJECTION_ELEMENT, bytes(rejection.primary().expression()));
    h.put(EventHeaders.REJECTION_OUTCOME, bytes(Fhir.json().encodeResourceToString(OperationOutcomes.of(rejection.issues()))));
    if (origin.contentType() != null) {
      h.put(EventHeaders.CONTENT_TYPE, bytes(origin.contentType()));
    }
    if (origin.topic() != null) {
      h.put(EventHeaders.ORIGINAL_TOPIC, bytes(origin.topic()));
      h.put(EventHeaders.ORIGINAL_PARTITION, bytes(String.valueOf(origin.partition())));
      h.put(EventHeaders.ORIGINAL_OFFSET, bytes(String.valueOf(origin.offset())));
    }
    return h;
  }
}
