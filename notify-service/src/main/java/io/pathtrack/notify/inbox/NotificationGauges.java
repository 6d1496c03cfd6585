package io.pathtrack.notify.inbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.pathtrack.contract.Priority;
import io.pathtrack.notify.domain.Notification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * How many notifications wait for an acknowledgement, and how many of them are past their deadline, by priority:
 * counted from the notification view every instance rebuilds from the whole topic, so each instance reports the same
 * exact figures (take the maximum across instances, not the sum). An overdue notification should not exist for long:
 * at its deadline the engine escalates it, so one that stays overdue means nobody is left to escalate to or the engine
 * is not running (alert {@code PathTrackUrgentResultUnacknowledged}).
 */
@Component
public class NotificationGauges {
  /** Counted at most this often; a scrape reads all the gauges at once. */
  private static final Duration FRESH = Duration.ofSeconds(5);

  private final NotificationLog log;
  private final Clock clock;
  private Instant countedAt = Instant.MIN;
  private Map<Priority, long[]> counts = Map.of();

  public NotificationGauges(NotificationLog log, Clock clock, MeterRegistry meters) {
    this.log = log;
    this.clock = clock;
    for (Priority priority : Priority.values()) {
      Gauge.builder("pathtrack.notifications.unacknowledged", () -> counts().get(priority)[0])
          .tag("priority", priority.code())
          .description("Notifications that require an acknowledgement and have none yet")
          .register(meters);
      Gauge.builder("pathtrack.notifications.overdue", () -> counts().get(priority)[1])
          .tag("priority", priority.code())
          .description("Notifications still unacknowledged past their acknowledgement deadline")
          .register(meters);
    }
  }

  /** By priority: {unacknowledged, overdue}. */
  synchronized Map<Priority, long[]> counts() {
    Instant now = clock.instant();
    if (now.isBefore(countedAt.plus(FRESH)) && now.isAfter(countedAt.minusSeconds(1))) {
      return counts;
    }
    Map<Priority, long[]> fresh = new EnumMap<>(Priority.class);
    for (Priority priority : Priority.values()) {
      fresh.put(priority, new long[2]);
    }
    for (Notification n : log.snapshot()) {
      if (n.state().isOpen() && n.ackDeadline().isPresent()) {
        long[] c = fresh.get(n.priority());
        c[0]++;
        if (n.ackDeadline().get().isBefore(now)) {
          c[1]++;
        }
      }
    }
    counts = fresh;
    countedAt = now;
    return fresh;
  }
}
