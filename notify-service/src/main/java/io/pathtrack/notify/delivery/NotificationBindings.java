package io.pathtrack.notify.delivery;

import io.pathtrack.contract.Topics;
import io.pathtrack.notify.inbox.NotificationLog;
import io.pathtrack.notify.domain.Notification;
import io.pathtrack.notify.routing.NotificationCommunications;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The message-channel consumers of {@link io.pathtrack.contract.Topics#NOTIFICATIONS}: the dispatcher (one consumer group
 * for all instances, a polled batch at a time) and the inbox view (every instance reads the whole topic).
 */
@Configuration
class NotificationBindings {

  @Bean
  Consumer<List<byte[]>> dispatchNotifications(NotificationDispatcher dispatcher) {
    return dispatcher::dispatch;
  }

  @Bean
  Consumer<Message<byte[]>> notificationInbox(NotificationLog log) {
    return message -> log.apply(parse(message));
  }

  @Bean
  Consumer<Message<byte[]>> auditTrail(io.pathtrack.notify.audit.AuditLog audit) {
    return message -> audit.apply(Topics.AUDIT.read(message.getPayload()));
  }

  private static Notification parse(Message<byte[]> message) {
    return NotificationCommunications.fromCommunication(Topics.NOTIFICATIONS.read(message.getPayload()));
  }
}
