package io.pathtrack.specimen.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The SLA timers of every open specimen, in a sorted key-value store (RocksDB in the service) keyed so
 * that keys sort by due time. The timers due now are a range scan from the first key: the cost of
 * finding them is the number due, whatever the number open.
 */
public final class DueTimerIndex {
  private final KeyValueStore<String, String> store;

  public DueTimerIndex(KeyValueStore<String, String> store) {
    this.store = store;
  }

  public void add(DueTimer timer) {
    store.put(timer.key(), timer.accession());
  }

  public void remove(DueTimer timer) {
    store.delete(timer.key());
  }

  /** Up to {@code limit} timers due at or before {@code now}, earliest first; they stay until removed. */
  public List<DueTimer> due(Instant now, int limit) {
    List<DueTimer> due = new ArrayList<>();
    try (KeyValueIterator<String, String> it = store.range("", DueTimer.upperBound(now))) {
      while (it.hasNext() && due.size() < limit) {
        due.add(DueTimer.parse(it.next().key));
      }
    }
    return due;
  }
}
