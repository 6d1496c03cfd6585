package io.pathtrack.contract.streams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Timers in a sorted Kafka Streams key-value store (RocksDB), keyed {@code <zero-padded due millis>|<name>}
 * so that keys sort by due time: the timers due now are one range scan from the first key, and finding
 * them costs the number due, whatever the number waiting. The store's changelog keeps them across restarts.
 */
public final class DueIndex {
  private final KeyValueStore<String, String> store;

  public DueIndex(KeyValueStore<String, String> store) {
    this.store = store;
  }

  /** A timer: when it falls due and what it is (a name that is unique among timers due at the same time). */
  public record Entry(Instant at, String name) {
    public String key() {
      return pad(at) + "|" + name;
    }

    static Entry parse(String key) {
      int bar = key.indexOf('|');
      return new Entry(Instant.ofEpochMilli(Long.parseLong(key.substring(0, bar))), key.substring(bar + 1));
    }
  }

  public void add(Entry entry) {
    store.put(entry.key(), entry.name());
  }

  public void remove(Entry entry) {
    store.delete(entry.key());
  }

  /** Up to {@code limit} timers due at or before {@code now}, earliest first; they stay until removed. */
  public List<Entry> due(Instant now, int limit) {
    List<Entry> due = new ArrayList<>();
    try (KeyValueIterator<String, String> it = store.range("", pad(now) + "|~")) {
      while (it.hasNext() && due.size() < limit) {
        due.add(Entry.parse(it.next().key));
      }
    }
    return due;
  }

  private static String pad(Instant at) {
    return String.format("%016d", Math.max(0, at.toEpochMilli()));
  }
}
