package io.pathtrack.guard.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long a state store partition took to restore from its changelog before its task could run again — after a crash
 * that left the local state unusable, a task moved to an instance without a standby, a new volume:
 * {@code pathtrack.streams.restore} (a timer, by store) and {@code pathtrack.streams.restore.records} (by store), and a
 * log line per restore. A warm standby or a kept volume makes these short or absent.
 */
final class RestoreTimes implements StateRestoreListener {
  private static final Logger log = LoggerFactory.getLogger(RestoreTimes.class);

  private final MeterRegistry meters;
  private final String application;
  private final Map<String, Long> started = new ConcurrentHashMap<>();

  RestoreTimes(MeterRegistry meters, String application) {
    this.meters = meters;
    this.application = application;
  }

  @Override
  public void onRestoreStart(TopicPartition partition, String store, long startingOffset, long endingOffset) {
    started.put(partition + "/" + store, System.nanoTime());
  }

  @Override
  public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long numRestored) {
    // the end is what is measured
  }

  @Override
  public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
    Long start = started.remove(partition + "/" + store);
    if (start == null) {
      return;
    }
    long nanos = System.nanoTime() - start;
    Timer.builder("pathtrack.streams.restore").tag("store", store)
        .description("Time a state store partition took to restore from its changelog before its task ran again")
        .register(meters).record(nanos, TimeUnit.NANOSECONDS);
    meters.counter("pathtrack.streams.restore.records", "store", store).increment(totalRestored);
    log.info("{}: store {} partition {} restored, {} records in {} ms", application, store, partition.partition(),
        totalRestored, TimeUnit.NANOSECONDS.toMillis(nanos));
  }

  @Override
  public void onRestoreSuspended(TopicPartition partition, String store, long totalRestored) {
    started.remove(partition + "/" + store);
  }
}
