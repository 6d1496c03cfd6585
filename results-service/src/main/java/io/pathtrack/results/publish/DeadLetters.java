package io.pathtrack.results.publish;

import static io.pathtrack.contract.EventHeaders.bytes;

import io.pathtrack.contract.CloudEvent;
import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.EventTypes;
import io.pathtrack.contract.Fhir;
import io.pathtrack.results.validation.OperationOutcomes;
import io.pathtrack.results.validation.ReportRejectedException;
import java.time.Instant;
import java.util.Map;

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
    CloudEvent event = CloudEvent.of(EventTypes.REPORT_REJECTED, source, time)
        .with(EventHeaders.REJECTION_REASON, rejection.primary().expression() + ": " + rejection.primary().message())
        .with(EventHeaders.REJECTION_ELEMENT, rejection.primary().expression())
        .with(EventHeaders.REJECTION_OUTCOME, Fhir.json().encodeResourceToString(OperationOutcomes.of(rejection.issues())))
        .contentType(origin.contentType());
    if (origin.topic() != null) {
      event.with(EventHeaders.ORIGINAL_TOPIC, origin.topic())
          .with(EventHeaders.ORIGINAL_PARTITION, String.valueOf(origin.partition()))
          .with(EventHeaders.ORIGINAL_OFFSET, String.valueOf(origin.offset()));
    }
    return event.headers();
  }
}
