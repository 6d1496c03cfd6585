package io.pathtrack.bench.pipeline;

import io.pathtrack.contract.Fhir;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hl7.fhir.r4.model.DiagnosticReport;

/**
 * The two physical limits the pipeline is compared with, measured on the same machine in the same run with the same
 * payloads: Kafka alone (produce and consume, one partition, as the local stack's inbound topic) and HAPI alone
 * (parse and encode each report, on every core).
 */
final class Limits {
  private Limits() {}

  /** Records a second through the broker: produced with acks=all and consumed (read committed) by one reader. */
  static double transport(Map<String, Object> admin, List<BenchReports.Payload> payloads, int records)
      throws Exception {
    String topic = "bench.transport." + System.nanoTime();
    try (Admin client = Admin.create(admin)) {
      client.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }
    Map<String, Object> consumerConfig = new HashMap<>(admin);
    consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
    Map<String, Object> producerConfig = new HashMap<>(admin);
    producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
    producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producerConfig.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024);
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
        new ByteArrayDeserializer());
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
            new ByteArraySerializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      consumer.position(partition);
      long start = System.nanoTime();
      for (int i = 0; i < records; i++) {
        BenchReports.Payload p = payloads.get(i % payloads.size());
        producer.send(new ProducerRecord<>(topic, p.accession(), p.json()));
      }
      producer.flush();
      int read = 0;
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (read < records && System.nanoTime() < deadline) {
        read += consumer.poll(Duration.ofMillis(100)).count();
      }
      return read / seconds(System.nanoTime() - start);
    }
  }

  /** Reports a second that HAPI parses and encodes again, on {@code threads} threads, after a warm-up. */
  static double parsing(List<BenchReports.Payload> payloads, int threads, Duration duration) throws Exception {
    List<String> texts = payloads.stream().map(p -> new String(p.json(), java.nio.charset.StandardCharsets.UTF_8)).toList();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      AtomicLong done = new AtomicLong();
      run(pool, threads, texts, System.nanoTime() + Duration.ofSeconds(2).toNanos(), new AtomicLong());
      long start = System.nanoTime();
      run(pool, threads, texts, start + duration.toNanos(), done);
      return done.get() / seconds(System.nanoTime() - start);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void run(ExecutorService pool, int threads, List<String> texts, long until, AtomicLong done)
      throws Exception {
    List<Future<?>> work = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t;
      work.add(pool.submit(() -> {
        int i = offset;
        while (System.nanoTime() < until) {
          DiagnosticReport report = Fhir.json().parseResource(DiagnosticReport.class, texts.get(i++ % texts.size()));
          if (Fhir.json().encodeResourceToString(report).isEmpty()) {
            throw new IllegalStateException("nothing encoded");
          }
          done.incrementAndGet();
        }
      }));
    }
    for (Future<?> f : work) {
      f.get();
    }
  }

  static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
