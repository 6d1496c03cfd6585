package io.pathtrack.notify.inbox;

import io.pathtrack.contract.Topics;
import io.pathtrack.guard.Redaction;
import io.pathtrack.notify.routing.NotificationCommunications;
import jakarta.annotation.PostConstruct;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Reads {@link Topics#NOTIFICATIONS} to its end into the inbox view before the dispatcher starts, so
 * after a restart the dispatcher knows what was already sent and does not send it again.
 */
@Component
class InboxWarmUp {
  private static final Logger log = LoggerFactory.getLogger(InboxWarmUp.class);

  private final NotificationLog notifications;
  private final KafkaProperties kafka;

  InboxWarmUp(NotificationLog notifications, KafkaProperties kafka) {
    this.notifications = notifications;
    this.kafka = kafka;
  }

  @PostConstruct
  void load() {
    // Spring Boot's consumer settings: the brokers, and the service's login when it has one (service-guard).
    // No group: the partitions are assigned, nothing is committed, so no group ACL is needed either.
    Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    int applied = 0;
    try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), Topics.NOTIFICATIONS.serde().deserializer())) {
      var partitions = consumer.partitionsFor(Topics.NOTIFICATIONS.name(), Duration.ofSeconds(10));
      if (partitions == null || partitions.isEmpty()) {
        return;
      }
      List<TopicPartition> tps = partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(tps);
      consumer.seekToBeginning(tps);
      Map<TopicPartition, Long> end = consumer.endOffsets(tps);
      long deadline = System.currentTimeMillis() + 60_000;
      while (tps.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.currentTimeMillis() < deadline) {
        for (var record : consumer.poll(Duration.ofMillis(500))) {
          notifications.apply(NotificationCommunications.fromCommunication(record.value()));
          applied++;
        }
      }
    } catch (RuntimeException e) {
      log.warn("Inbox warm-up could not read {}: {}", Topics.NOTIFICATIONS.name(), Redaction.exception(e));
    }
    log.info("Inbox warm-up applied {} notification events", applied);
  }
}
