package io.pathtrack.testsupport;

import org.awaitility.Awaitility;

import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.cloud.stream.binder.kafka.streams.KafkaStreamsRegistry;
import org.springframework.context.ApplicationContext;

/** Waits until every Kafka Streams client of a started service is running, so a test's events are not raced. */
public final class StreamsReady {
  private StreamsReady() {}

  public static void await(ApplicationContext context, Duration atMost) {
    KafkaStreamsRegistry registry = context.getBean(KafkaStreamsRegistry.class);
    Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> registry.streamsBuilderFactoryBeans().stream()
        .allMatch(f -> f.getKafkaStreams() != null && f.getKafkaStreams().state() == KafkaStreams.State.RUNNING));
  }
}
