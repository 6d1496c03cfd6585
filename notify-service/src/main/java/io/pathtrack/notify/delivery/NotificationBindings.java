package io.pathtrack.notify.delivery;

import io.pathtrack.notify.inbox.NotificationLog;
import io.pathtrack.notify.domain.Notification;
import io.pathtrack.notify.routing.NotificationCommunications;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The message-channel consumers of {@link io.pathtrack.contract.Topics#NOTIFICATIONS}: the dispatcher (one consumer group
 * for all instances) and the inbox view (every instance reads the whole topic).
 */
@Configuration
class NotificationBindings {

  @Bean
  Consumer<Message<byte[]>> dispatchNotifications(NotificationDispatcher dispatcher) {
    return message -> dispatcher.dispatch(parse(message));
  }

  @Bean
  Consumer<Message<byte[]>> notificationInbox(NotificationLog log) {
    return message -> log.apply(parse(message));
  }

  @Bean
  Consumer<Message<byte[]>> auditTrail(io.pathtrack.notify.audit.AuditLog audit) {
    return message -> audit.apply(new String(message.getPayload(), StandardCharsets.UTF_8));
  }

  private static Notification parse(Message<byte[]> message) {
    return NotificationCommunications.parse(new String(message.getPayload(), StandardCharsets.UTF_8));
  }
}
