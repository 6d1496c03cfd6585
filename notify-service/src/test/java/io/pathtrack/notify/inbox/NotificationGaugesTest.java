package io.pathtrack.notify.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pathtrack.contract.Priority;
import io.pathtrack.notify.delivery.TestNotifications;
import io.pathtrack.notify.domain.Notification;
import io.pathtrack.notify.domain.NotificationState;
import io.pathtrack.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotificationGaugesTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
  private final NotificationLog log = new NotificationLog();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private static Notification due(Priority priority, NotificationState state, Instant deadline) {
    Notification n = TestNotifications.notification("Practitioner/dr-lee", priority, state);
    return new Notification(n.id(), n.accession(), n.reportReference(), n.reportVersion(), n.outcome(), n.needsReview(),
        n.priority(), n.recipient(), n.recipientName(), n.fallbackRecipient(), n.channels(), n.state(), n.createdAt(),
        n.sentAt(), n.failure(), n.trigger(), n.escalationLevel(), Optional.ofNullable(deadline), n.acknowledgedBy(),
        n.replaces());
  }

  private double gauge(String name, Priority priority) {
    return meters.get(name).tag("priority", priority.code()).gauge().value();
  }

  @Test
  void countsOpenNotificationsAwaitingAnAcknowledgementAndThoseAlreadyPastTheirDeadline() {
    new NotificationGauges(log, clock, meters);
    Instant in4h = clock.instant().plus(Duration.ofHours(4));
    Notification urgent = due(Priority.URGENT, NotificationState.SENT, in4h);
    log.apply(urgent);
    log.apply(due(Priority.URGENT, NotificationState.FAILED, in4h));
    log.apply(due(Priority.HIGH, NotificationState.CREATED, clock.instant().plus(Duration.ofDays(2))));
    log.apply(due(Priority.URGENT, NotificationState.ACKNOWLEDGED, in4h));
    log.apply(due(Priority.URGENT, NotificationState.ESCALATED, in4h));
    log.apply(due(Priority.ROUTINE, NotificationState.SENT, null));

    assertThat(gauge("pathtrack.notifications.unacknowledged", Priority.URGENT)).isEqualTo(2);
    assertThat(gauge("pathtrack.notifications.unacknowledged", Priority.HIGH)).isEqualTo(1);
    assertThat(gauge("pathtrack.notifications.unacknowledged", Priority.ROUTINE)).isZero();
    assertThat(gauge("pathtrack.notifications.overdue", Priority.URGENT)).isZero();

    clock.advance(Duration.ofHours(4).plusMinutes(1));
    assertThat(gauge("pathtrack.notifications.overdue", Priority.URGENT)).isEqualTo(2);
    assertThat(gauge("pathtrack.notifications.overdue", Priority.HIGH)).isZero();

    log.apply(urgent.acknowledged("Practitioner/dr-lee"));
    clock.advance(Duration.ofSeconds(6));
    assertThat(gauge("pathtrack.notifications.overdue", Priority.URGENT)).isEqualTo(1);
    assertThat(gauge("pathtrack.notifications.unacknowledged", Priority.URGENT)).isEqualTo(1);
  }
}
