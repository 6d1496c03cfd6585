package io.pathtrack.notify.pages;

import io.pathtrack.contract.Priority;
import io.pathtrack.notify.domain.Notification;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Optional;

/**
 * A notification as the pages show it: what it is, and how long is left to acknowledge it, with times in the
 * service's zone.
 *
 * @param open still waiting for an acknowledgement (or for delivery)
 * @param timeLeft until the acknowledgement deadline, negative once it has passed; empty when none is awaited
 */
public record InboxRow(Notification notification, boolean open, Optional<Duration> timeLeft, ZoneId zone) {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");

  /**
   * The inbox order: what still needs acknowledging first, then urgent before high before routine, then the oldest
   * first among the open (it has waited longest) and the newest first among the rest.
   */
  static final Comparator<InboxRow> ORDER = Comparator.comparing((InboxRow r) -> !r.open())
      .thenComparing(r -> r.notification().priority(), Comparator.reverseOrder())
      .thenComparing((a, b) -> a.open()
          ? a.notification().createdAt().compareTo(b.notification().createdAt())
          : b.notification().createdAt().compareTo(a.notification().createdAt()))
      .thenComparing(r -> r.notification().id());

  static InboxRow of(Notification n, Instant now, ZoneId zone) {
    boolean open = n.state().isOpen();
    return new InboxRow(n, open,
        open ? n.ackDeadline().map(deadline -> Duration.between(now, deadline)) : Optional.empty(), zone);
  }

  public String id() {
    return notification.id();
  }

  public boolean urgent() {
    return notification.priority() == Priority.URGENT;
  }

  public boolean overdue() {
    return timeLeft.map(Duration::isNegative).orElse(false);
  }

  /** "3 h 20 min left", "overdue by 12 min", or empty when no acknowledgement is awaited. */
  public String timeLeftText() {
    return timeLeft.map(InboxRow::describe).orElse("");
  }

  public String created() {
    return when(notification.createdAt());
  }

  public String sent() {
    return notification.sentAt().map(this::when).orElse("");
  }

  /** When it must be acknowledged by; empty once it was declined (it is the results desk's to acknowledge then). */
  public String deadline() {
    if (notification.state() == io.pathtrack.notify.domain.NotificationState.DECLINED) {
      return "";
    }
    return notification.ackDeadline().map(this::when).orElse("");
  }

  public String acknowledgedBy() {
    return notification.acknowledgedBy().orElse("");
  }

  public String when(Instant at) {
    return WHEN.format(at.atZone(zone));
  }

  static String describe(Duration left) {
    return io.pathtrack.guard.security.PageText.timeLeft(left);
  }
}
