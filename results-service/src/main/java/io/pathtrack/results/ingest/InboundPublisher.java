package io.pathtrack.results.ingest;

import static io.pathtrack.contract.EventHeaders.bytes;

import io.pathtrack.contract.CloudEvent;
import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.EventTypes;
import io.pathtrack.results.ResultsProperties;
import java.time.Clock;
import java.util.Map;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Writes a report accepted over REST or MLLP to {@link io.pathtrack.contract.Topics#REPORTS_INBOUND}, as received, before the
 * request is answered (the binding is synchronous): the inbound topic holds every report that arrived,
 * and one pipeline classifies and publishes them all. Each record is a CloudEvent
 * ({@link EventTypes#REPORT_RECEIVED}, subject the accession) with the channel it came by.
 */
@Component
public class InboundPublisher {
  public static final String BINDING = "inbound-out";

  private final StreamBridge bridge;
  private final String source;
  private final Clock clock;

  public InboundPublisher(StreamBridge bridge, ResultsProperties properties, Clock clock) {
    this.bridge = bridge;
    this.source = properties.source().toString();
    this.clock = clock;
  }

  public void publish(String accession, byte[] body, String contentType, String channel) {
    publish(accession, body, contentType, channel, Map.of());
  }

  /**
   * @param headers further record headers, named in {@link EventHeaders} (a truncated message's
   *     {@link EventHeaders#TRUNCATED}, {@link EventHeaders#ORIGINAL_SIZE}, {@link EventHeaders#ORIGINAL_SHA256})
   */
  public void publish(String accession, byte[] body, String contentType, String channel, Map<String, String> headers) {
    CloudEvent event = CloudEvent.of(EventTypes.REPORT_RECEIVED, source, clock.instant())
        .subject(accession)
        .contentType(contentType)
        .with(EventHeaders.CHANNEL, channel);
    headers.forEach(event::with);
    var message = MessageBuilder.withPayload(body).setHeader(KafkaHeaders.KEY, bytes(accession));
    event.headers().forEach(message::setHeader);
    if (!bridge.send(BINDING, message.build())) {
      // no key in the text: exception messages end up in logs, and the key may be an accession
      throw new IllegalStateException("report could not be written to Kafka (binding " + BINDING + ")");
    }
  }
}
