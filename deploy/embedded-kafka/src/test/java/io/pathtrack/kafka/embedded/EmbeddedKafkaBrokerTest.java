package io.pathtrack.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerTest {

  @Test
  void recordsSurviveARestartOnTheSameDataDirectory(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("kafka");
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDirectory(data).start()) {
      produce(broker.bootstrapServers(), "S26-1", "first");
    }
    assertThat(Files.list(data)).isNotEmpty();

    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDirectory(data).start()) {
      produce(broker.bootstrapServers(), "S26-2", "second");
      assertThat(consumeAll(broker.bootstrapServers(), 2))
          .extracting(ConsumerRecord::value)
          .containsExactly("first", "second");
    }
  }

  @Test
  void temporaryDataDirectoryIsDeletedOnClose() {
    Path data;
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().start()) {
      data = broker.dataDirectory();
      assertThat(broker.isRunning()).isTrue();
      assertThat(data).exists();
    }
    assertThat(data).doesNotExist();
  }

  private static void produce(String bootstrap, String key, String value) throws Exception {
    Map<String, Object> config = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>("events", key, value)).get();
    }
  }

  private static List<ConsumerRecord<String, String>> consumeAll(String bootstrap, int expected) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.GROUP_ID_CONFIG, "test",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of("events"));
      long deadline = System.currentTimeMillis() + 30_000;
      while (records.size() < expected && System.currentTimeMillis() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }
}
