package io.pathtrack.notify.delivery;

import io.pathtrack.testsupport.KafkaProbe;
import io.pathtrack.testsupport.TestKafka;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * {@link io.pathtrack.contract.Topics#NOTIFICATIONS_DLQ} on the test broker, written by the production
 * {@link StreamBridgeDeadLetterPublisher} through a minimal Spring Cloud Stream context (started once per
 * JVM) bound as notify-service.yaml binds it.
 */
final class DeadLetterTopic {
  static final String TOPIC = io.pathtrack.contract.Topics.NOTIFICATIONS_DLQ.name();
  private static ConfigurableApplicationContext context;

  private DeadLetterTopic() {}

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class StreamBridgeOnly {}

  static DeadLetterPublisher publisher() {
    return publisher(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
  }

  /** @param meters where the publisher counts its dead letters */
  static synchronized DeadLetterPublisher publisher(io.micrometer.core.instrument.MeterRegistry meters) {
    if (context == null) {
      context = new SpringApplicationBuilder(StreamBridgeOnly.class)
          .web(WebApplicationType.NONE)
          .properties(
              "spring.main.banner-mode=off",
              "spring.config.name=dead-letter-topic-test",
              "spring.cloud.stream.kafka.binder.brokers=" + TestKafka.bootstrapServers(),
              "spring.cloud.stream.kafka.binder.auto-create-topics=true",
              "spring.cloud.stream.bindings." + StreamBridgeDeadLetterPublisher.BINDING + ".destination=" + TOPIC,
              "spring.cloud.stream.bindings." + StreamBridgeDeadLetterPublisher.BINDING + ".binder=kafka")
          .run();
      Runtime.getRuntime().addShutdownHook(new Thread(context::close, "dead-letter-topic-stop"));
    }
    return new StreamBridgeDeadLetterPublisher(context.getBean(StreamBridge.class), "urn:pathtrack:notify-service", meters);
  }

  /** The dead letters of one notification so far. */
  static List<ConsumerRecord<String, byte[]>> lettersOf(String notificationId) {
    return KafkaProbe.readAll(TestKafka.bootstrapServers(), TOPIC).stream()
        .filter(r -> notificationId.equals(KafkaProbe.header(r, DeadLetter.NOTIFICATION_ID)))
        .toList();
  }
}
