package io.pathtrack.notify.inbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.pathtrack.contract.Priority;
import io.pathtrack.notify.domain.Contact;
import io.pathtrack.notify.domain.Notification;
import io.pathtrack.notify.domain.NotificationState;
import io.pathtrack.notify.domain.Practitioners;
import io.pathtrack.notify.domain.Trigger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Critical-result timing, the measure accreditation surveys ask for: of the urgent notifications that had to be
 * acknowledged, the share acknowledged within their deadline, and how long acknowledgement took, per department of
 * the first recipient (their PractitionerRole's organization). Counted from the notification view every instance
 * rebuilds from the whole topic, so every instance reports the same figures (take the maximum, not the sum). A
 * notification past its deadline and still unacknowledged counts as not within; escalation and reroutes are counted
 * with the first notification of their case, so a case counts once per first recipient.
 *
 * <p>Metrics, per {@code department}: {@code pathtrack_critical_results} (cases due by now),
 * {@code pathtrack_critical_results_within_deadline} and {@code pathtrack_critical_results_within_deadline_ratio}, and
 * {@code pathtrack_critical_results_acknowledge_seconds{quantile="0.5"|"0.9"}}.
 */
@Component
public class CriticalResultTimes {
  /** A recipient whose role names no organization or specialty. */
  public static final String UNASSIGNED = "unassigned";
  private static final Duration FRESH = Duration.ofSeconds(5);

  /** One department's figures. */
  public record Department(String name, long due, long withinDeadline, long acknowledged, Duration median,
      Duration ninetieth) {
    /** The share acknowledged within the deadline, NaN when nothing was due. */
    public double share() {
      return due == 0 ? Double.NaN : (double) withinDeadline / due;
    }
  }

  private final NotificationLog log;
  private final Practitioners directory;
  private final Clock clock;
  private final MeterRegistry meters;
  private final Set<String> registered = ConcurrentHashMap.newKeySet();
  private Instant countedAt = Instant.MIN;
  private Map<String, Department> figures = Map.of();

  public CriticalResultTimes(NotificationLog log, Practitioners directory, Clock clock, MeterRegistry meters) {
    this.log = log;
    this.directory = directory;
    this.clock = clock;
    this.meters = meters;
    register(UNASSIGNED);
  }

  /** The figures now, by department name, sorted. */
  public synchronized Map<String, Department> byDepartment() {
    Instant now = clock.instant();
    if (now.isBefore(countedAt.plus(FRESH)) && now.isAfter(countedAt.minusSeconds(1))) {
      return figures;
    }
    figures = count(log.snapshot(), now);
    countedAt = now;
    figures.keySet().forEach(this::register);
    return figures;
  }

  /** The figures of {@code notifications} at {@code now}. */
  Map<String, Department> count(Iterable<Notification> notifications, Instant now) {
    Map<String, long[]> counts = new TreeMap<>();
    Map<String, List<Duration>> times = new TreeMap<>();
    for (Notification n : notifications) {
      if (n.priority() != Priority.URGENT || n.escalationLevel() != 0 || n.ackDeadline().isEmpty()
          || n.state() == NotificationState.RETRACTED || n.state() == NotificationState.DECLINED
          || n.trigger() == Trigger.DECLINED || n.trigger() == Trigger.DECLINED_NOTICE) {
        continue;
      }
      Instant deadline = n.ackDeadline().get();
      boolean acknowledged = n.state() == NotificationState.ACKNOWLEDGED;
      Instant ackedAt = n.acknowledgedAt().orElse(null);
      if (acknowledged && ackedAt == null) {
        continue; // acknowledged before acknowledgement times were kept: its time is not known
      }
      if (!acknowledged && !deadline.isBefore(now)) {
        continue; // not due yet
      }
      String department = department(n.recipient());
      long[] c = counts.computeIfAbsent(department, d -> new long[3]);
      c[0]++;
      if (acknowledged && ackedAt != null) {
        c[2]++;
        times.computeIfAbsent(department, d -> new ArrayList<>()).add(Duration.between(n.createdAt(), ackedAt));
        if (!ackedAt.isAfter(deadline)) {
          c[1]++;
        }
      }
    }
    Map<String, Department> out = new TreeMap<>();
    counts.forEach((name, c) -> {
      List<Duration> sorted = times.getOrDefault(name, List.of()).stream().sorted().toList();
      out.put(name, new Department(name, c[0], c[1], c[2], quantile(sorted, 0.5), quantile(sorted, 0.9)));
    });
    return out;
  }

  private String department(String recipient) {
    return directory.find(recipient).flatMap(Contact::department).orElse(UNASSIGNED);
  }

  private static Duration quantile(List<Duration> sorted, double q) {
    if (sorted.isEmpty()) {
      return Duration.ZERO;
    }
    int index = (int) Math.ceil(q * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private void register(String department) {
    if (!registered.add(department)) {
      return;
    }
    Gauge.builder("pathtrack.critical.results", () -> value(department, Department::due)).tag("department", department)
        .description("Urgent notifications due for acknowledgement by now (acknowledged, or past their deadline)")
        .register(meters);
    Gauge.builder("pathtrack.critical.results.within.deadline", () -> value(department, Department::withinDeadline))
        .tag("department", department).description("Urgent notifications acknowledged within their deadline")
        .register(meters);
    Gauge.builder("pathtrack.critical.results.within.deadline.ratio", () -> {
      Department d = byDepartment().get(department);
      return d == null ? Double.NaN : d.share();
    }).tag("department", department).description("Share of urgent notifications acknowledged within their deadline")
        .register(meters);
    for (double q : new double[] {0.5, 0.9}) {
      Gauge.builder("pathtrack.critical.results.acknowledge.seconds", () -> {
        Department d = byDepartment().get(department);
        return d == null || d.acknowledged() == 0 ? Double.NaN : (q == 0.5 ? d.median() : d.ninetieth()).toSeconds();
      }).tag("department", department).tag("quantile", String.valueOf(q))
          .description("Time from notification to acknowledgement of urgent results").baseUnit("seconds").register(meters);
    }
  }

  private double value(String department, java.util.function.ToLongFunction<Department> f) {
    Department d = byDepartment().get(department);
    return d == null ? 0 : f.applyAsLong(d);
  }
}
