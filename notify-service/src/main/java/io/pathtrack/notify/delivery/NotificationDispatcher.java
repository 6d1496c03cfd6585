package io.pathtrack.notify.delivery;

import io.pathtrack.guard.Redaction;
import io.pathtrack.notify.NotifyProperties;
import io.pathtrack.notify.audit.AuditEvents;
import io.pathtrack.notify.domain.Contact;
import io.pathtrack.notify.directory.PractitionerDirectory;
import io.pathtrack.notify.inbox.NotificationLog;
import io.pathtrack.notify.domain.DeliveryChannel;
import io.pathtrack.notify.domain.Notification;
import io.pathtrack.notify.routing.NotificationCommunications;
import io.pathtrack.notify.domain.NotificationState;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.mail.MailException;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Service;

/**
 * Delivers new (and retracted) notifications through their channels — email, webhook, the recipient's
 * EHR — and records the result as a notification.sent or notification.failed event and an audit entry
 * per channel. A notification already handled is not sent again: the inbox view, rebuilt from the topic
 * before this starts, knows; and each channel carries the notification id as an idempotency key so a
 * receiver can collapse a resend after a crash.
 */
@Service
public class NotificationDispatcher {
  public static final String BINDING = "notifications-out";
  public static final String AUDIT_BINDING = "audit-out";
  private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

  private final EmailChannel email;
  private final WebhookChannel webhook;
  private final FhirCommunicationChannel fhir;
  private final PractitionerDirectory directory;
  private final NotificationLog notifications;
  private final StreamBridge bridge;
  private final Clock clock;
  private final String source;

  public NotificationDispatcher(EmailChannel email, WebhookChannel webhook, FhirCommunicationChannel fhir,
      PractitionerDirectory directory, NotificationLog notifications, StreamBridge bridge, Clock clock,
      NotifyProperties properties) {
    this.email = email;
    this.webhook = webhook;
    this.fhir = fhir;
    this.directory = directory;
    this.notifications = notifications;
    this.bridge = bridge;
    this.clock = clock;
    this.source = properties.source().toString();
  }

  public void dispatch(Notification n) {
    boolean retraction = n.state() == NotificationState.RETRACTED;
    if (!retraction && (n.state() != NotificationState.CREATED || notifications.handled(n.id()))) {
      return;
    }
    Contact to = directory.find(n.recipient()).orElse(directory.fallback());
    List<String> failures = new ArrayList<>();
    int external = 0;
    for (DeliveryChannel channel : n.channels()) {
      if (channel == DeliveryChannel.INBOX) {
        continue;
      }
      external++;
      try {
        send(channel, n, to);
        audit(n, "sent", channel.code());
      } catch (DeliveryFailedException | MailException | IllegalStateException | IllegalArgumentException e) {
        // The reason (which may quote a remote server's answer) goes to the audit trail, not the log.
        log.warn("Notification {} ({}) for accession {} could not be sent: {}", n.id(), channel.code(),
            Redaction.accession(n.accession()), Redaction.exception(e));
        failures.add(channel.code() + ": " + e.getMessage());
        audit(n, "failed", channel.code() + ": " + e.getMessage());
      }
    }
    if (retraction) {
      return;
    }
    Notification result = external > 0 && failures.size() == external
        ? n.failed(String.join("; ", failures))
        : n.sent(clock.instant());
    notifications.apply(result);
    publish(result);
  }

  private void send(DeliveryChannel channel, Notification n, Contact to) {
    switch (channel) {
      case EMAIL -> email.send(n, to.email().orElseThrow(() -> new IllegalStateException("no email address for " + to.reference())));
      case WEBHOOK -> {
        Contact.Webhook hook = to.webhook().orElseThrow(() -> new IllegalStateException("no webhook for " + to.reference()));
        webhook.send(n, new WebhookEndpoint(hook.url(), hook.secret()));
      }
      case FHIR -> fhir.send(n, new FhirEndpoint(to.fhirBase()
          .orElseThrow(() -> new IllegalStateException("no EHR endpoint for " + to.reference()))));
      case INBOX -> { }
    }
  }

  private void audit(Notification n, String step, String detail) {
    Instant now = clock.instant();
    send(AUDIT_BINDING, n.accession(), AuditEvents.json(n, step, now, detail), AuditEvents.headers(n, step, source, now));
  }

  private void publish(Notification n) {
    Instant now = clock.instant();
    send(BINDING, n.accession(), NotificationCommunications.json(n), NotificationCommunications.headers(n, source, now));
    audit(n, n.state().code(), null);
  }

  private void send(String binding, String key, String value, Map<String, byte[]> headers) {
    MessageBuilder<byte[]> message = MessageBuilder.withPayload(value.getBytes(StandardCharsets.UTF_8))
        .setHeader(KafkaHeaders.KEY, key.getBytes(StandardCharsets.UTF_8));
    headers.forEach(message::setHeader);
    if (!bridge.send(binding, message.build())) {
      throw new IllegalStateException("record for " + key + " was not published on " + binding);
    }
  }
}
