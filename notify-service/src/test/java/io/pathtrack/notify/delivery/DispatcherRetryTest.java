package io.pathtrack.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pathtrack.testsupport.KafkaProbe;
import io.pathtrack.testsupport.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;

/**
 * A dispatcher batch that fails (its results cannot be published) must be read again until it goes through: the
 * listener container's default gives up after ten quick retries and drops the batch, alerts and all. On the real
 * broker, with a listener that fails more often than that.
 */
class DispatcherRetryTest {
  private static final int FAILURES = 14;

  /** Runs a batch listener that fails {@link #FAILURES} times; what it finally processed (empty if never). */
  private static List<String> run(boolean retryUntilDone, AtomicInteger calls) {
    String bootstrap = TestKafka.bootstrapServers();
    String topic = "dispatcher-retry-" + UUID.randomUUID();
    String group = "dispatcher-retry-" + UUID.randomUUID();
    KafkaProbe.send(bootstrap, topic, "S26-1", "created".getBytes(StandardCharsets.UTF_8), Map.of());
    Map<String, Object> consumer = new HashMap<>(TestKafka.administrator(bootstrap));
    consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    consumer.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    ContainerProperties properties = new ContainerProperties(topic);
    List<String> processed = new CopyOnWriteArrayList<>();
    properties.setMessageListener((BatchMessageListener<String, byte[]>) records -> {
      if (calls.incrementAndGet() <= FAILURES) {
        throw new IllegalStateException("results could not be published");
      }
      records.stream().map(ConsumerRecord::value).map(v -> new String(v, StandardCharsets.UTF_8)).forEach(processed::add);
    });
    KafkaMessageListenerContainer<String, byte[]> container = new KafkaMessageListenerContainer<>(
        new DefaultKafkaConsumerFactory<>(consumer, new StringDeserializer(), new ByteArrayDeserializer()), properties);
    if (retryUntilDone) {
      NotificationBindings.retryUntilDone(group, Duration.ofMillis(5), Duration.ofMillis(20)).configure(container, topic, group);
    }
    container.start();
    try {
      // Until it went through, or the container has stopped trying (no call for two seconds).
      int[] seen = {-1};
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2))
          .until(() -> !processed.isEmpty() || seen[0] == (seen[0] = calls.get()));
    } finally {
      container.stop();
    }
    return processed;
  }

  @Test
  void aFailedBatchIsReadAgainUntilItGoesThrough() {
    AtomicInteger calls = new AtomicInteger();
    assertThat(run(true, calls)).containsExactly("created");
    assertThat(calls).hasValue(FAILURES + 1);
  }

  @Test
  void withoutItTheContainerWouldDropTheBatch() {
    AtomicInteger calls = new AtomicInteger();
    // The default stops after ten attempts and commits past the batch: what retryUntilDone exists to prevent.
    assertThat(run(false, calls)).isEmpty();
    assertThat(calls.get()).isLessThan(FAILURES);
  }

  @Test
  void healthIsDownAfterThreeFailedBatchesInARowAndUpAgainAfterOneThatWentThrough() {
    DispatcherHealth health = new DispatcherHealth(new SimpleMeterRegistry());
    assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
    health.failed(new IllegalStateException("a dead letter was refused"));
    health.failed(new IllegalStateException("a dead letter was refused"));
    assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
    health.failed(new IllegalStateException("a dead letter was refused"));
    assertThat(health.health(true).getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.health(true).getDetails()).containsEntry("failedBatchesInARow", 3)
        .containsEntry("lastFailure", "IllegalStateException");
    health.succeeded();
    assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
  }
}
