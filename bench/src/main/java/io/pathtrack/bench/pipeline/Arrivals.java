package io.pathtrack.bench.pipeline;

import io.pathtrack.contract.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * When each accession first appears on the pipeline's outputs: classified, a notification decided (the first record on
 * the notifications topic), or rejected (the inbound dead-letter topic). One reader thread a topic, reading committed
 * records from the end of each partition as it stood when the watch began; times are {@link System#nanoTime()}.
 */
final class Arrivals implements AutoCloseable {
  enum Stage { CLASSIFIED, NOTIFIED, REJECTED }

  private final Map<Stage, Map<String, Long>> seen = new EnumMap<>(Stage.class);
  /** Accessions sent as load only, not timed. */
  private final java.util.Set<String> untimed = ConcurrentHashMap.newKeySet();
  private final List<Thread> readers = new ArrayList<>();
  private final List<KafkaConsumer<String, byte[]>> consumers = new ArrayList<>();
  private volatile boolean running = true;

  Arrivals(Map<String, Object> clientProperties) throws InterruptedException {
    Map<Stage, String> topics = Map.of(Stage.CLASSIFIED, Topics.REPORTS_CLASSIFIED.name(),
        Stage.NOTIFIED, Topics.NOTIFICATIONS.name(), Stage.REJECTED, Topics.REPORTS_INBOUND_DLQ.name());
    CountDownLatch ready = new CountDownLatch(topics.size());
    for (Stage stage : Stage.values()) {
      Map<String, Long> times = new ConcurrentHashMap<>();
      seen.put(stage, times);
      Map<String, Object> config = new HashMap<>(clientProperties);
      config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
      KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
          new ByteArrayDeserializer());
      consumers.add(consumer);
      Thread reader = new Thread(() -> read(consumer, topics.get(stage), times, ready), "bench-watch-" + stage);
      reader.setDaemon(true);
      readers.add(reader);
      reader.start();
    }
    if (!ready.await(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the output topics could not be watched within 60 s");
    }
  }

  private void read(KafkaConsumer<String, byte[]> consumer, String topic, Map<String, Long> times, CountDownLatch ready) {
    try {
      List<TopicPartition> partitions = new ArrayList<>();
      while (partitions.isEmpty() && running) {
        consumer.partitionsFor(topic, Duration.ofSeconds(10))
            .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      ready.countDown();
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          if (record.key() != null) {
            times.putIfAbsent(record.key(), System.nanoTime());
          }
        }
      }
    } catch (WakeupException stopping) {
      // closing
    } finally {
      consumer.close(Duration.ofSeconds(2));
    }
  }

  /** Says that this accession is load only: it is not waited for and not timed. */
  void untimed(String accession) {
    untimed.add(accession);
  }

  boolean timed(String accession) {
    return !untimed.contains(accession);
  }

  /** Whether the accession went as far as it will: rejected or notified (or it is not timed). */
  boolean done(String accession) {
    return untimed.contains(accession) || at(Stage.REJECTED, accession) != null || at(Stage.NOTIFIED, accession) != null;
  }

  /** When the accession reached the stage, if it has. */
  Long at(Stage stage, String accession) {
    return seen.get(stage).get(accession);
  }

  int count(Stage stage, Collection<String> accessions) {
    Map<String, Long> times = seen.get(stage);
    return (int) accessions.stream().filter(times::containsKey).count();
  }

  /** Waits until every accession is {@link #done}, or nothing has moved for {@code idle}, or {@code timeout}. */
  boolean awaitAll(Collection<String> accessions, Duration idle, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int last = -1;
    long lastMove = System.nanoTime();
    while (System.nanoTime() < deadline) {
      int done = (int) accessions.stream().filter(this::done).count();
      if (done == accessions.size()) {
        return true;
      }
      int moved = done + count(Stage.CLASSIFIED, accessions);
      if (moved != last) {
        last = moved;
        lastMove = System.nanoTime();
      } else if (System.nanoTime() - lastMove > idle.toNanos()) {
        return false;
      }
      Thread.sleep(50);
    }
    return false;
  }

  @Override
  public void close() {
    running = false;
    consumers.forEach(KafkaConsumer::wakeup);
    for (Thread reader : readers) {
      try {
        reader.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
