package io.pathtrack.notify.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.pathtrack.contract.Topics;
import io.pathtrack.guard.streams.DeadLetterSink;
import java.nio.charset.StandardCharsets;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;

/** Dead letters to Kafka through the {@code notifications-dlq-out} binding ({@link io.pathtrack.contract.Topics#NOTIFICATIONS_DLQ}). */
public class StreamBridgeDeadLetterPublisher implements DeadLetterPublisher {
  public static final String BINDING = "notifications-dlq-out";

  private final StreamBridge bridge;
  private final String source;
  private final MeterRegistry meters;

  /** @param meters counts each dead letter in {@code pathtrack.dead.letters} (alert {@code PathTrackRecordsDeadLettered}) */
  public StreamBridgeDeadLetterPublisher(StreamBridge bridge, String source, MeterRegistry meters) {
    this.bridge = bridge;
    this.source = source;
    this.meters = meters;
  }

  @Override
  public void publish(DeadLetter letter) {
    MessageBuilder<byte[]> message = MessageBuilder.withPayload(letter.body())
        .setHeader(KafkaHeaders.KEY, letter.accession().getBytes(StandardCharsets.UTF_8));
    letter.headers(source, "application/json").forEach(message::setHeader);
    if (!bridge.send(BINDING, message.build())) {
      throw new IllegalStateException("dead letter of " + letter.channel() + " notification " + letter.notificationId()
          + " was not published to binding " + BINDING);
    }
    // a delivery that never reached its receiver: no attempt at all means its endpoint was not called (circuit open)
    String reason = "delivery:" + letter.channel() + (letter.attempts() == 0 ? "-unavailable" : "");
    meters.counter(DeadLetterSink.METER, "topic", Topics.NOTIFICATIONS_DLQ.name(), "reason", reason).increment();
  }
}
