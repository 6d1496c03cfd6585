package io.pathtrack.notify.delivery;

import io.pathtrack.notify.NotifyProperties;
import io.pathtrack.notify.NotifyProperties.Practitioner;
import io.pathtrack.notify.directory.PractitionerDirectory;
import io.pathtrack.notify.inbox.NotificationLog;
import io.pathtrack.notify.routing.DeliveryChannel;
import io.pathtrack.notify.routing.Notification;
import io.pathtrack.notify.routing.NotificationCommunications;
import io.pathtrack.notify.routing.NotificationState;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.mail.MailException;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Service;

/**
 * Delivers created notifications through their channels and records the outcome as a
 * notification.sent or notification.failed event. A notification already sent is not sent again, so a
 * redelivered event does not produce a second email.
 */
@Service
public class NotificationDispatcher {
  public static final String BINDING = "notifications-out";
  private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

  private final EmailChannel email;
  private final PractitionerDirectory directory;
  private final NotificationLog notifications;
  private final StreamBridge bridge;
  private final Clock clock;
  private final String source;

  public NotificationDispatcher(EmailChannel email, PractitionerDirectory directory, NotificationLog notifications,
      StreamBridge bridge, Clock clock, NotifyProperties properties) {
    this.email = email;
    this.directory = directory;
    this.notifications = notifications;
    this.bridge = bridge;
    this.clock = clock;
    this.source = properties.source().toString();
  }

  public void dispatch(Notification n) {
    if (n.state() != NotificationState.CREATED || notifications.wasSent(n.id())) {
      return;
    }
    Notification result;
    try {
      if (n.channels().contains(DeliveryChannel.EMAIL)) {
        email.send(n, emailAddress(n));
      }
      result = n.sent(clock.instant());
    } catch (MailException | IllegalStateException e) {
      log.warn("Notification {} for accession {} could not be sent: {}", n.id(), n.accession(), e.getMessage());
      result = n.failed(e.getMessage());
    }
    notifications.apply(result);
    publish(result);
  }

  private String emailAddress(Notification n) {
    String address = directory.find(n.recipient()).map(Practitioner::email)
        .or(() -> java.util.Optional.ofNullable(directory.fallback().email()))
        .orElse(null);
    if (address == null || address.isBlank()) {
      throw new IllegalStateException("no email address for " + n.recipient() + " nor for the fallback desk");
    }
    return address;
  }

  private void publish(Notification n) {
    MessageBuilder<byte[]> message = MessageBuilder
        .withPayload(NotificationCommunications.json(n).getBytes(StandardCharsets.UTF_8))
        .setHeader(KafkaHeaders.KEY, n.accession().getBytes(StandardCharsets.UTF_8));
    NotificationCommunications.headers(n, source, clock.instant()).forEach(message::setHeader);
    if (!bridge.send(BINDING, message.build())) {
      throw new IllegalStateException("notification " + n.id() + " state was not published");
    }
  }
}
