package io.pathtrack.results.ingest;

import io.pathtrack.contract.EventHeaders;
import io.pathtrack.results.publish.DeadLetterPublisher;
import io.pathtrack.results.validation.ReportRejectedException;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * The Kafka channel: reports the LIS publishes on {@code pathology.reports.inbound}. A report that is
 * rejected goes to the dead-letter topic with its reason and the consumer moves on; anything else that
 * fails is retried by the binder and then dead-lettered by it, so no record is lost or blocks the rest.
 */
@Configuration
class InboundReportBinding {

  @Bean
  Consumer<Message<byte[]>> inboundReports(ReportIngestion ingestion, DeadLetterPublisher deadLetters) {
    return message -> {
      MessageHeaders headers = message.getHeaders();
      String contentType = EventHeaders.text(headers.get(EventHeaders.CONTENT_TYPE))
          .or(() -> EventHeaders.text(headers.get(MessageHeaders.CONTENT_TYPE)))
          .orElse(null);
      try {
        ingestion.ingest(ReportReader.read(message.getPayload(), contentType), Channel.KAFKA);
      } catch (ReportRejectedException rejection) {
        if (rejection.parseFailure()) {
          ingestion.countUnreadable(Channel.KAFKA, rejection);
        }
        deadLetters.publish(message.getPayload(), origin(headers, contentType), rejection);
      }
    };
  }

  private static DeadLetterPublisher.Origin origin(MessageHeaders headers, String contentType) {
    Object key = headers.get(KafkaHeaders.RECEIVED_KEY);
    return new DeadLetterPublisher.Origin(
        headers.get(KafkaHeaders.RECEIVED_TOPIC, String.class),
        headers.get(KafkaHeaders.RECEIVED_PARTITION, Integer.class),
        headers.get(KafkaHeaders.OFFSET, Long.class),
        key instanceof byte[] bytes ? bytes : key instanceof String s ? EventHeaders.bytes(s) : null,
        contentType);
  }
}
