package io.pathtrack.results.ingest;

import static io.pathtrack.contract.EventHeaders.bytes;

import io.pathtrack.contract.EventHeaders;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Writes a report accepted over REST to {@code pathology.reports.inbound}, as received, before the
 * request is answered (the binding is synchronous): the inbound topic holds every report that arrived,
 * and one pipeline classifies and publishes them all.
 */
@Component
public class InboundPublisher {
  public static final String BINDING = "inbound-out";

  private final StreamBridge bridge;

  public InboundPublisher(StreamBridge bridge) {
    this.bridge = bridge;
  }

  public void publish(String accession, byte[] body, String contentType, String channel) {
    var message = MessageBuilder.withPayload(body)
        .setHeader(KafkaHeaders.KEY, bytes(accession))
        .setHeader(EventHeaders.CONTENT_TYPE, bytes(contentType))
        .setHeader(EventHeaders.CHANNEL, bytes(channel))
        .build();
    if (!bridge.send(BINDING, message)) {
      throw new IllegalStateException("report for accession " + accession + " could not be written to Kafka");
    }
  }
}
