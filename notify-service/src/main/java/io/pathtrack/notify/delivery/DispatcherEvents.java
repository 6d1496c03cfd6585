package io.pathtrack.notify.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * What the dispatcher records of its deliveries (the notifications' sent and failed events, the audit entries), written
 * with a producer of its own and waited for: a batch of notification events is committed only once every record about
 * it has been acknowledged by the cluster. Used from the dispatcher's consumer thread only.
 */
final class DispatcherEvents implements AutoCloseable {
  private static final long ACK_TIMEOUT_SECONDS = 60;

  private final Producer<String, byte[]> producer;
  private final List<Future<RecordMetadata>> unacknowledged = new ArrayList<>();

  DispatcherEvents(Producer<String, byte[]> producer) {
    this.producer = producer;
  }

  void send(String topic, String key, String value, Map<String, byte[]> headers) {
    send(topic, key, value.getBytes(StandardCharsets.UTF_8), headers);
  }

  void send(String topic, String key, byte[] value, Map<String, byte[]> headers) {
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
    headers.forEach((name, bytes) -> record.headers().add(name, bytes));
    unacknowledged.add(producer.send(record));
  }

  /** Waits until every record sent so far is acknowledged; throws when one was not (the batch is then read again). */
  void awaitAcknowledged() {
    try {
      for (Future<RecordMetadata> sent : unacknowledged) {
        sent.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the dispatcher's records to be acknowledged", e);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new IllegalStateException("the dispatcher's records were not acknowledged: " + cause.getClass().getSimpleName(), cause);
    } finally {
      unacknowledged.clear();
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
