package io.pathtrack.notify.delivery;

import io.pathtrack.contract.Topics;
import io.pathtrack.guard.Redaction;
import io.pathtrack.notify.NotifyProperties;
import io.pathtrack.notify.audit.AuditEvents;
import io.pathtrack.notify.directory.PractitionerDirectory;
import io.pathtrack.notify.domain.Contact;
import io.pathtrack.notify.domain.DeliveryChannel;
import io.pathtrack.notify.domain.Notification;
import io.pathtrack.notify.domain.NotificationState;
import io.pathtrack.notify.inbox.NotificationLog;
import io.pathtrack.notify.routing.NotificationCommunications;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.listener.BatchListenerFailedException;
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
  private final DeliveryLanes lanes;
  private final PractitionerDirectory directory;
  private final NotificationLog notifications;
  private final StreamBridge bridge;
  private final Clock clock;
  private final String source;

  NotificationDispatcher(EmailChannel email, WebhookChannel webhook, FhirCommunicationChannel fhir, DeliveryLanes lanes,
      PractitionerDirectory directory, NotificationLog notifications, StreamBridge bridge, Clock clock,
      NotifyProperties properties) {
    this.email = email;
    this.webhook = webhook;
    this.fhir = fhir;
    this.lanes = lanes;
    this.directory = directory;
    this.notifications = notifications;
    this.bridge = bridge;
    this.clock = clock;
    this.source = properties.source().toString();
  }

  /**
   * Delivers a polled batch of notification events, given in topic order. The deliveries run on the channels' lanes
   * (a recipient's in order, others side by side); the results are then recorded here, in the batch's order. Returns
   * when every delivery of the batch has ended, so that the batch's offsets are committed only then.
   *
   * @throws BatchListenerFailedException naming the first event whose result could not be recorded (or that could not
   *     be read): the events before it are done; it and those after it are read again (a resend carries the same
   *     Message-ID and Idempotency-Key)
   */
  public void dispatch(List<byte[]> records) {
    List<Notification> batch = new ArrayList<>(records.size());
    RuntimeException unreadable = null;
    for (byte[] record : records) {
      try {
        batch.add(read(record));
      } catch (RuntimeException e) {
        unreadable = e;
        break;
      }
    }
    dispatchAll(batch);
    if (unreadable != null) {
      throw new BatchListenerFailedException("the notification event could not be read: " + unreadable.getMessage(),
          unreadable, batch.size());
    }
  }

  /** Delivers the notifications (in topic order) and records each result; see {@link #dispatch(List)}. */
  void dispatchAll(List<Notification> batch) {
    List<Delivery> deliveries = new ArrayList<>(batch.size());
    Set<String> started = new HashSet<>();
    for (int i = 0; i < batch.size(); i++) {
      Notification n = batch.get(i);
      boolean retraction = n.state() == NotificationState.RETRACTED;
      if (!retraction && (n.state() != NotificationState.CREATED || notifications.handled(n.id()) || !started.add(n.id()))) {
        continue;
      }
      Contact to = directory.find(n.recipient()).orElse(directory.fallback());
      Map<DeliveryChannel, CompletableFuture<Optional<String>>> attempts = new EnumMap<>(DeliveryChannel.class);
      for (DeliveryChannel channel : n.channels()) {
        if (channel != DeliveryChannel.INBOX) {
          attempts.put(channel, lanes.submit(channel, n.recipient(), () -> attempt(channel, n, to)));
        }
      }
      deliveries.add(new Delivery(i, n, attempts));
    }
    for (Delivery delivery : deliveries) {
      try {
        record(delivery);
      } catch (RuntimeException e) {
        throw new BatchListenerFailedException("the delivery of notification " + delivery.notification().id()
            + " could not be recorded: " + e.getMessage(), e, delivery.index());
      }
    }
  }

  /** One notification's deliveries under way, by channel; {@code index} is its place in the batch. */
  private record Delivery(int index, Notification notification, Map<DeliveryChannel, CompletableFuture<Optional<String>>> attempts) {}

  /** Sends on one channel (on its lane); empty when sent, else why not. */
  private Optional<String> attempt(DeliveryChannel channel, Notification n, Contact to) {
    try {
      send(channel, n, to);
      return Optional.empty();
    } catch (DeliveryFailedException | MailException | IllegalStateException | IllegalArgumentException e) {
      // The reason (which may quote a remote server's answer) goes to the audit trail, not the log.
      log.warn("Notification {} ({}) for accession {} could not be sent: {}", n.id(), channel.code(),
          Redaction.accession(n.accession()), Redaction.exception(e));
      return Optional.of(channel.code() + ": " + e.getMessage());
    }
  }

  /** Waits for the notification's deliveries, then publishes what became of them. */
  private void record(Delivery delivery) {
    Notification n = delivery.notification();
    List<String> failures = new ArrayList<>();
    delivery.attempts().forEach((channel, attempt) -> {
      Optional<String> failure = outcome(attempt);
      failure.ifPresent(failures::add);
      audit(n, failure.isPresent() ? "failed" : "sent", failure.orElse(channel.code()));
    });
    if (n.state() == NotificationState.RETRACTED) {
      return;
    }
    Notification result = !delivery.attempts().isEmpty() && failures.size() == delivery.attempts().size()
        ? n.failed(String.join("; ", failures))
        : n.sent(clock.instant());
    // Published first: if that fails, the event is read again and delivered again rather than marked handled here.
    publish(result);
    notifications.apply(result);
  }

  private static Optional<String> outcome(CompletableFuture<Optional<String>> attempt) {
    try {
      return attempt.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a delivery", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException unchecked ? unchecked : new IllegalStateException(cause);
    }
  }

  private static Notification read(byte[] record) {
    return NotificationCommunications.fromCommunication(Topics.NOTIFICATIONS.read(record));
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
