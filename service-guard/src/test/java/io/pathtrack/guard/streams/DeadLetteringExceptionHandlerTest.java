package io.pathtrack.guard.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.EventTypes;
import io.pathtrack.testsupport.KafkaProbe;
import io.pathtrack.testsupport.TestKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The handler on a real broker, in a real exactly-once stream: a record that makes the processor throw is set
 * aside with its reason and the stream goes on with the next one; it keeps running.
 */
class DeadLetteringExceptionHandlerTest {
  @TempDir
  Path state;

  @Test
  void recordThatMakesAProcessorThrowIsDeadLetteredAndTheStreamGoesOn() {
    String bootstrap = TestKafka.bootstrapServers();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String in = "guard-in-" + suffix;
    String out = "guard-out-" + suffix;
    String dlq = "guard-dlq-" + suffix;
    SimpleMeterRegistry meters = new SimpleMeterRegistry();

    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(in, org.apache.kafka.streams.kstream.Consumed.with(Serdes.String(), Serdes.String()))
        .mapValues(value -> {
          if (value.startsWith("poison")) {
            throw new IllegalStateException("cannot read " + value);
          }
          return value.toUpperCase(java.util.Locale.ROOT);
        })
        .to(out, org.apache.kafka.streams.kstream.Produced.with(Serdes.String(), Serdes.String()));

    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "guard-test-" + suffix);
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
    p.put("auto.offset.reset", "earliest");
    DeadLetterSink sink = DeadLetterSink.forStreams(p, dlq, "guard-test", meters, Clock.systemUTC());
    p.put(DeadLetterSink.CONFIG, sink);
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetteringExceptionHandler.class.getName());
    p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetteringExceptionHandler.class.getName());
    p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetteringExceptionHandler.class.getName());

    KafkaProbe.send(bootstrap, in, "S26-1", bytes("first"), Map.of(EventHeaders.CONTENT_TYPE, "text/plain"));
    KafkaProbe.send(bootstrap, in, "S26-2", bytes("poison: patient Jane Doe"), Map.of(EventHeaders.CONTENT_TYPE, "text/plain"));
    KafkaProbe.send(bootstrap, in, "S26-3", bytes("after"), Map.of());
    try (KafkaStreams streams = new KafkaStreams(builder.build(), p); sink) {
      streams.start();
      List<ConsumerRecord<String, byte[]>> outputs = await().atMost(Duration.ofSeconds(60)).until(
          () -> KafkaProbe.readAll(bootstrap, out), list -> list.size() >= 2);
      assertThat(outputs).extracting(ConsumerRecord::key).containsExactly("S26-1", "S26-3");

      ConsumerRecord<String, byte[]> dead = await().atMost(Duration.ofSeconds(30))
          .until(() -> KafkaProbe.readAll(bootstrap, dlq), list -> !list.isEmpty()).get(0);
      assertThat(dead.key()).isEqualTo("S26-2");
      assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("poison: patient Jane Doe");
      assertThat(KafkaProbe.header(dead, EventHeaders.TYPE)).isEqualTo(EventTypes.RECORD_FAILED);
      assertThat(KafkaProbe.header(dead, EventHeaders.FAILURE_EXCEPTION)).isEqualTo(IllegalStateException.class.getName());
      assertThat(KafkaProbe.header(dead, EventHeaders.ORIGINAL_TOPIC)).isEqualTo(in);
      assertThat(KafkaProbe.header(dead, EventHeaders.ORIGINAL_OFFSET)).isEqualTo("1");
      assertThat(KafkaProbe.header(dead, EventHeaders.CONTENT_TYPE)).isEqualTo("text/plain");
      // The exception's message quotes the record; it is not copied anywhere.
      assertThat(KafkaProbe.header(dead, EventHeaders.REJECTION_REASON)).doesNotContain("Jane");
      assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
      assertThat(meters.counter(DeadLetterSink.METER, "topic", dlq, "reason", "processing:IllegalStateException").count())
          .isEqualTo(1.0);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
