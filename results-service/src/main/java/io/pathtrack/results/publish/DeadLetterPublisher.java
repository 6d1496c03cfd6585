package io.pathtrack.results.publish;

import static io.pathtrack.contract.EventHeaders.bytes;

import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.EventTypes;
import io.pathtrack.contract.Fhir;
import io.pathtrack.results.ResultsProperties;
import io.pathtrack.results.validation.OperationOutcomes;
import io.pathtrack.results.validation.ReportRejectedException;
import java.time.Clock;
import java.util.UUID;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Sends a rejected inbound record to {@code pathology.reports.inbound.dlq}: the original bytes unchanged,
 * so it can be fixed and replayed, and headers that say why (a one-line reason, the failing element,
 * the OperationOutcome) and where it came from.
 */
@Component
public class DeadLetterPublisher {
  public static final String BINDING = "rejected-out";

  private final StreamBridge bridge;
  private final Clock clock;
  private final String source;

  public DeadLetterPublisher(StreamBridge bridge, Clock clock, ResultsProperties properties) {
    this.bridge = bridge;
    this.clock = clock;
    this.source = properties.source().toString();
  }

  /** The place an inbound record was read from. */
  public record Origin(String topic, Integer partition, Long offset, byte[] key, String contentType) {}

  public void publish(byte[] original, Origin origin, ReportRejectedException rejection) {
    String outcome = Fhir.json().encodeResourceToString(OperationOutcomes.of(rejection.issues()));
    MessageBuilder<byte[]> message = MessageBuilder.withPayload(original == null ? new byte[0] : original)
        .setHeader(EventHeaders.ID, bytes(UUID.randomUUID().toString()))
        .setHeader(EventHeaders.TYPE, bytes(EventTypes.REPORT_REJECTED))
        .setHeader(EventHeaders.SOURCE, bytes(source + "/kafka"))
        .setHeader(EventHeaders.SPEC_VERSION, bytes(EventHeaders.SPEC_VERSION_1_0))
        .setHeader(EventHeaders.TIME, bytes(clock.instant().toString()))
        .setHeader(EventHeaders.REJECTION_REASON, bytes(rejection.primary().expression() + ": " + rejection.primary().message()))
        .setHeader(EventHeaders.REJECTION_ELEMENT, bytes(rejection.primary().expression()))
        .setHeader(EventHeaders.REJECTION_OUTCOME, bytes(outcome));
    if (origin.key() != null) {
      message.setHeader(KafkaHeaders.KEY, origin.key());
    }
    if (origin.contentType() != null) {
      message.setHeader(EventHeaders.CONTENT_TYPE, bytes(origin.contentType()));
    }
    if (origin.topic() != null) {
      message.setHeader(EventHeaders.ORIGINAL_TOPIC, bytes(origin.topic()));
    }
    if (origin.partition() != null) {
      message.setHeader(EventHeaders.ORIGINAL_PARTITION, bytes(origin.partition().toString()));
    }
    if (origin.offset() != null) {
      message.setHeader(EventHeaders.ORIGINAL_OFFSET, bytes(origin.offset().toString()));
    }
    if (!bridge.send(BINDING, message.build())) {
      throw new IllegalStateException("rejected record was not dead-lettered");
    }
  }
}
