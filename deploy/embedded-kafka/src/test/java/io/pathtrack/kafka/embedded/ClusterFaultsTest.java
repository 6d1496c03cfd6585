package io.pathtrack.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three KRaft nodes, replication factor 3, min.insync.replicas 2: records acknowledged by the cluster survive a node
 * that dies, and the controller that dies, and none is written twice (idempotent producer, acks=all).
 */
class ClusterFaultsTest {
  private static final String TOPIC = "faults";

  @Test
  void inProcessClusterKeepsEveryAcknowledgedRecordWhileANodeAndThenTheActiveControllerAreStopped() throws Exception {
    try (EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(3)) {
      createTopic(cluster.bootstrapServers());
      List<String> sent = new ArrayList<>();
      try (KafkaProducer<String, String> producer = producer(cluster.bootstrapServers())) {
        sendBatch(producer, "a", 200, sent);
        cluster.stopNode(2);
        sendBatch(producer, "b", 200, sent);
        cluster.startNode(2);
        int controller = activeController(cluster.bootstrapServers());
        cluster.stopNode(controller);
        sendBatch(producer, "c", 200, sent);
        cluster.startNode(controller);
        sendBatch(producer, "d", 200, sent);
      }
      assertThat(consumeAll(cluster.bootstrapServers(), sent.size())).containsExactlyInAnyOrderElementsOf(sent);
    }
  }

  /**
   * The same with node processes killed by {@code destroyForcibly}: part of the long form of the fault runs
   * ({@code -Dpathtrack.faults.seconds=…}, README *Faults*). In the suite, {@code FaultInjectionTest} kills node processes
   * of the same kind under the whole system's load and finds every record once.
   */
  @Test
  @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "pathtrack.faults.seconds", matches = "[0-9]+")
  void nodeProcessesKilledAbruptlyLoseNothingAcknowledged(@TempDir Path dir) throws Exception {
    try (KafkaNodeProcesses cluster = KafkaNodeProcesses.start(3, dir)) {
      createTopic(cluster.bootstrapServers());
      List<String> sent = new ArrayList<>();
      try (KafkaProducer<String, String> producer = producer(cluster.bootstrapServers())) {
        sendBatch(producer, "a", 200, sent);
        cluster.kill(3);
        assertThat(cluster.isAlive(3)).isFalse();
        sendBatch(producer, "b", 200, sent);
        cluster.restart(3);
        int controller = cluster.activeController();
        cluster.kill(controller);
        sendBatch(producer, "c", 200, sent);
        cluster.restart(controller);
        sendBatch(producer, "d", 200, sent);
      }
      assertThat(consumeAll(cluster.bootstrapServers(), sent.size())).containsExactlyInAnyOrderElementsOf(sent);
    }
  }

  private static void createTopic(String bootstrap) throws Exception {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(p)) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 3)
          .configs(Map.of("min.insync.replicas", "2")))).all().get();
    }
  }

  private static int activeController(String bootstrap) throws Exception {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(p)) {
      return admin.describeMetadataQuorum().quorumInfo().get().leaderId();
    }
  }

  private static KafkaProducer<String, String> producer(String bootstrap) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  /** Sends and waits for every acknowledgement: what is in {@code sent} the cluster has confirmed. */
  private static void sendBatch(KafkaProducer<String, String> producer, String prefix, int count, List<String> sent)
      throws Exception {
    List<Future<RecordMetadata>> acks = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String value = prefix + "-" + i;
      values.add(value);
      acks.add(producer.send(new ProducerRecord<>(TOPIC, "S26-" + (i % 17), value)));
    }
    for (Future<RecordMetadata> ack : acks) {
      ack.get();
    }
    sent.addAll(values);
  }

  private static List<String> consumeAll(String bootstrap, int expected) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.GROUP_ID_CONFIG, "faults-check",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<String> values = new ArrayList<>();
    try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(TOPIC));
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      // read until nothing more comes for a few polls after the expected count, so a duplicate would be seen
      int quiet = 0;
      while (System.nanoTime() < deadline && (values.size() < expected || quiet < 3)) {
        var records = consumer.poll(Duration.ofMillis(500));
        records.forEach((ConsumerRecord<String, String> r) -> values.add(r.value()));
        quiet = records.isEmpty() ? quiet + 1 : 0;
      }
    }
    return values;
  }
}
