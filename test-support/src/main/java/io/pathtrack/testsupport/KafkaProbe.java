package io.pathtrack.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces to and reads from topics the way an outside client would; on the {@link TestKafka#secured()} broker, as
 * its administrator (a test harness may write what no service may, e.g. a broken record on any topic).
 */
public final class KafkaProbe {
  private KafkaProbe() {}

  public static void send(String bootstrap, String topic, String key, byte[] value, Map<String, String> headers) {
    Map<String, Object> config = client(bootstrap, Map.of(
        ProducerConfig.ACKS_CONFIG, "all",
        // As large as any topic accepts, so a test can send what an LIS could.
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, io.pathtrack.contract.RecordSizes.MAX_RECORD_BYTES));
    try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
      headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
      producer.send(record).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Every record on the topic so far (reads from the beginning until it has been idle for a moment). */
  public static List<ConsumerRecord<String, byte[]>> readAll(String bootstrap, String topic) {
    return readAll(bootstrap, topic, Duration.ofSeconds(10));
  }

  /** As {@link #readAll(String, String)}, reading for at most {@code atMost} (a large topic needs more). */
  public static List<ConsumerRecord<String, byte[]>> readAll(String bootstrap, String topic, Duration atMost) {
    Map<String, Object> config = client(bootstrap, Map.of(
        ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.currentTimeMillis() + atMost.toMillis();
      int idlePolls = 0;
      while (System.currentTimeMillis() < deadline && idlePolls < 3) {
        var batch = consumer.poll(Duration.ofMillis(500));
        if (batch.isEmpty() && !consumer.assignment().isEmpty()) {
          idlePolls++;
        } else {
          idlePolls = 0;
        }
        batch.forEach(records::add);
      }
    }
    return records;
  }

  private static Map<String, Object> client(String bootstrap, Map<String, Object> settings) {
    Map<String, Object> config = new HashMap<>(TestKafka.administrator(bootstrap));
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.putAll(settings);
    return config;
  }

  public static String header(ConsumerRecord<?, ?> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
