package io.pathtrack.notify.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.notify.delivery.TestNotifications;
import io.pathtrack.notify.domain.Notification;
import io.pathtrack.notify.domain.NotificationState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What the dispatcher takes as already handled: a delivery that ended, or a notification settled. An urgent
 * notification escalated before it could be delivered (its deadline passed while the mail server was down) is still
 * delivered to its recipient: escalating told someone else, not them.
 */
class NotificationLogTest {

  @Test
  void aNotificationEscalatedBeforeItWasDeliveredIsStillToBeDelivered() {
    NotificationLog log = new NotificationLog();
    Notification created = TestNotifications.urgentMalignant();
    log.apply(created);
    assertThat(log.handled(created.id())).isFalse();
    log.apply(created.withState(NotificationState.ESCALATED));
    assertThat(log.find(created.id()).orElseThrow().state()).isEqualTo(NotificationState.ESCALATED);
    assertThat(log.handled(created.id())).as("escalated, never delivered").isFalse();
    log.apply(created.sent(Instant.parse("2026-11-23T10:05:00Z")));
    assertThat(log.handled(created.id())).as("delivered late").isTrue();
    assertThat(log.find(created.id()).orElseThrow().state()).as("the view keeps the later state").isEqualTo(NotificationState.ESCALATED);
  }

  @Test
  void aDeliveredOrSettledNotificationIsHandled() {
    NotificationLog log = new NotificationLog();
    Notification sent = TestNotifications.urgentMalignant();
    log.apply(sent.sent(Instant.parse("2026-11-23T10:00:00Z")));
    log.apply(sent.withState(NotificationState.ESCALATED));
    assertThat(log.handled(sent.id())).as("sent, then escalated").isTrue();
    Notification failed = TestNotifications.urgentMalignant();
    log.apply(failed.failed("email: refused"));
    assertThat(log.handled(failed.id())).isTrue();
    Notification acknowledged = TestNotifications.urgentMalignant();
    log.apply(acknowledged.acknowledged("Practitioner/dr-lee"));
    assertThat(log.handled(acknowledged.id())).as("acknowledged before delivery: moot").isTrue();
    Notification retracted = TestNotifications.urgentMalignant();
    log.apply(retracted.withState(NotificationState.RETRACTED));
    assertThat(log.handled(retracted.id())).isTrue();
  }
}
