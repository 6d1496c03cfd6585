package io.pathtrack.specimen.sla;

import io.pathtrack.specimen.domain.DueTimer;
import io.pathtrack.contract.streams.DueIndex;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The SLA timers of every open specimen in the due-time index (see {@link DueIndex}): the timers due
 * now are one range scan, so a sweep costs what is due, not what is open.
 */
public final class DueTimerIndex {
  private final DueIndex index;

  public DueTimerIndex(KeyValueStore<String, String> store) {
    this.index = new DueIndex(store);
  }

  public void add(DueTimer timer) {
    index.add(timer.entry());
  }

  public void remove(DueTimer timer) {
    index.remove(timer.entry());
  }

  /** Up to {@code limit} timers due at or before {@code now}, earliest first; they stay until removed. */
  public List<DueTimer> due(Instant now, int limit) {
    return index.due(now, limit).stream().map(DueTimer::of).toList();
  }
}
