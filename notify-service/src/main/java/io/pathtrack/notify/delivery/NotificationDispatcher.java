package io.pathtrack.notify.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.pathtrack.contract.CloudEvent;
import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.EventTypes;
import io.pathtrack.contract.Topics;
import io.pathtrack.guard.Redaction;
import io.pathtrack.guard.streams.DeadLetterSink;
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
import java.util.LinkedHashMap;
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

  /** The events that may need a delivery; any other type on the topic is skipped unread. */
  private static final String DISPATCHER = "notify-dispatcher";
  private static final Set<String> TO_DELIVER = Set.of(EventTypes.NOTIFICATION_CREATED, EventTypes.NOTIFICATION_RETRACTED);

  private final EmailChannel email;
  private final WebhookChannel webhook;
  private final FhirCommunicationChannel fhir;
  private final DeliveryLanes lanes;
  private final PractitionerDirectory directory;
  private final NotificationLog notifications;
  private final StreamBridge bridge;
  private final Clock clock;
  private final String source;
  private final MeterRegistry meters;

  NotificationDispatcher(EmailChannel email, WebhookChannel webhook, FhirCommunicationChannel fhir, DeliveryLanes lanes,
      PractitionerDirectory directory, NotificationLog notifications, StreamBridge bridge, Clock clock,
      NotifyProperties properties, MeterRegistry meters) {
    this.meters = meters;
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
   * @param records the events' values
   * @param types each event's type header ({@code ce_type}), null where absent: only created and retracted
   *     notifications are read and delivered
   * @param keys each event's key; {@code offsets} each one's offset (for the dead letter of an unreadable one)
   * @throws BatchListenerFailedException naming the first event whose result could not be recorded: the events before
   *     it are done; it and those after it are read again (a resend carries the same Message-ID and Idempotency-Key)
   */
  public void dispatch(List<byte[]> records, List<String> types, List<byte[]> keys, List<Long> offsets) {
    List<Notification> batch = new ArrayList<>(records.size());
    List<Integer> positions = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      String type = i < types.size() ? types.get(i) : null;
      if (type != null && !TO_DELIVER.contains(type)) {
        // sent, failed, acknowledged, escalated…: nothing to deliver, and no need to read the body
        continue;
      }
      try {
        batch.add(read(records.get(i)));
        positions.add(i);
      } catch (RuntimeException unreadable) {
        deadLetter(records.get(i), i < keys.size() ? keys.get(i) : null, i < offsets.size() ? offsets.get(i) : -1,
            "the notification event could not be read: " + unreadable.getMessage());
      }
    }
    dispatchAll(batch, positions);
  }

  /**
   * Sets an event aside on {@link io.pathtrack.contract.Topics#NOTIFICATIONS_DLQ} with the reason (which names what the
   * value is not, never quoting it), synchronously: if it cannot be written, the batch fails and is read again.
   */
  private void deadLetter(byte[] value, byte[] key, long offset, String reason) {
    log.error("A notification event at offset {} could not be read; it is dead-lettered to {}", offset,
        Topics.NOTIFICATIONS_DLQ.name());
    Map<String, byte[]> headers = new LinkedHashMap<>(CloudEvent.of(EventTypes.RECORD_FAILED, source, clock.instant())
        .headers());
    headers.put(EventHeaders.REJECTION_REASON, utf8(reason));
    headers.put(EventHeaders.FAILURE_NODE, utf8(DISPATCHER));
    headers.put(EventHeaders.ORIGINAL_TOPIC, utf8(Topics.NOTIFICATIONS.name()));
    headers.put(EventHeaders.ORIGINAL_OFFSET, utf8(Long.toString(offset)));
    MessageBuilder<byte[]> message = MessageBuilder.withPayload(value == null ? new byte[0] : value);
    if (key != null) {
      message.setHeader(KafkaHeaders.KEY, key);
    }
    headers.forEach(message::setHeader);
    if (!bridge.send(StreamBridgeDeadLetterPublisher.BINDING, message.build())) {
      throw new IllegalStateException("an unreadable notification event could not be dead-lettered");
    }
    meters.counter(DeadLetterSink.METER, "topic", Topics.NOTIFICATIONS_DLQ.name(), "reason", "dispatch:unreadable").increment();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Delivers the notifications (in topic order) and records each result; see {@link #dispatch(List, List, List, List)}.
   *
   * @param positions each notification's place in the polled batch
   */
  void dispatchAll(List<Notification> batch, List<Integer> positions) {
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
      deliveries.add(new Delivery(positions.get(i), n, attempts));
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
    } catch (RuntimeException e) {
      // Any failure of a channel, expected (a refusal, a timeout) or not, is this notification's failure on that channel,
      // recorded and audited: it must not fail the batch and hold up everyone else's deliveries.
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
