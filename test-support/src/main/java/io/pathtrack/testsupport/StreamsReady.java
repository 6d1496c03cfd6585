package io.pathtrack.testsupport;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.springframework.cloud.stream.binder.kafka.streams.KafkaStreamsRegistry;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Waits until every Kafka Streams client of a started service is running, so a test's events are not raced; and, on
 * the way out, until they have stopped, so that no stream thread of a closed service is still starting (and joining
 * its consumer group, with its state directory gone) when the next test class starts one of the same application.
 */
public final class StreamsReady {
  private StreamsReady() {}

  public static void await(ApplicationContext context, Duration atMost) {
    KafkaStreamsRegistry registry = context.getBean(KafkaStreamsRegistry.class);
    Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> registry.streamsBuilderFactoryBeans().stream()
        .allMatch(f -> f.getKafkaStreams() != null && f.getKafkaStreams().state() == KafkaStreams.State.RUNNING));
  }

  /** Closes the service, then waits until each of its Kafka Streams clients has stopped. */
  public static void close(ConfigurableApplicationContext context, Duration atMost) {
    List<KafkaStreams> streams = context.getBean(KafkaStreamsRegistry.class).streamsBuilderFactoryBeans().stream()
        .map(f -> f.getKafkaStreams()).filter(java.util.Objects::nonNull).toList();
    context.close();
    for (KafkaStreams s : streams) {
      s.close(atMost);
      Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(200))
          .until(() -> s.state() == KafkaStreams.State.NOT_RUNNING || s.state() == KafkaStreams.State.ERROR);
    }
  }
}
