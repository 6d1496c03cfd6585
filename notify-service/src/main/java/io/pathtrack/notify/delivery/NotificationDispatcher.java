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
import java.util.concurrent.ConcurrentHashMap;
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
 *
 * <p>A polled batch is committed only when its deliveries have ended and every record about them (state changes,
 * audit entries, dead letters) has been acknowledged by the cluster; until then it is read again, and a delivery that
 * ended is not made again. A delivery stopped by the service's shutdown is not recorded as failed: it is made after
 * the restart.
 */
@Service
public class NotificationDispatcher {
  /** Outcomes of deliveries whose results are not recorded yet, at most this many (then forgotten: resent at worst). */
  private static final int MAX_REMEMBERED = 50_000;
  private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

  private static final String DISPATCHER = "notify-dispatcher";
  /** The events that may need a delivery; any other type on the topic is skipped unread. */
  private static final Set<String> TO_DELIVER = Set.of(EventTypes.NOTIFICATION_CREATED, EventTypes.NOTIFICATION_RETRACTED);

  private final EmailChannel email;
  private final WebhookChannel webhook;
  private final FhirCommunicationChannel fhir;
  private final DeliveryLanes lanes;
  private final DispatcherEvents events;
  /** Outcomes of deliveries that ended, by notification, state and channel, until their results are recorded. */
  private final Map<String, Optional<String>> ended = new ConcurrentHashMap<>();
  private final PractitionerDirectory directory;
  private final NotificationLog notifications;
  private final StreamBridge bridge;
  private final Clock clock;
  private final String source;
  private final MeterRegistry meters;

  NotificationDispatcher(EmailChannel email, WebhookChannel webhook, FhirCommunicationChannel fhir, DeliveryLanes lanes,
      DispatcherEvents events, PractitionerDirectory directory, NotificationLog notifications, StreamBridge bridge, Clock clock,
      NotifyProperties properties, MeterRegistry meters) {
    this.meters = meters;
    this.email = email;
    this.webhook = webhook;
    this.fhir = fhir;
    this.lanes = lanes;
    this.events = events;
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
   * @throws BatchListenerFailedException naming the first event whose deliveries could not be completed (stopped with
   *     the service, their records not acknowledged): the events before it are done; it and those after it are read
   *     again, and deliveries that had ended are not made again
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
    dispatchAll(batch, positions, records, keys, offsets);
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
   * @param records the polled values, to dead-letter a notification that cannot be dispatched at all
   */
  void dispatchAll(List<Notification> batch, List<Integer> positions, List<byte[]> records, List<byte[]> keys,
      List<Long> offsets) {
    List<Delivery> deliveries = new ArrayList<>(batch.size());
    Set<String> started = new HashSet<>();
    for (int i = 0; i < batch.size(); i++) {
      Notification n = batch.get(i);
      int at = positions.get(i);
      try {
        boolean retraction = n.state() == NotificationState.RETRACTED;
        if (!retraction && (n.state() != NotificationState.CREATED || notifications.handled(n.id()) || !started.add(n.id()))) {
          continue;
        }
        deliveries.add(new Delivery(at, n, start(n)));
      } catch (RuntimeException e) {
        // Nothing of it was started (no I/O happens before the lanes): a notification that cannot be dispatched at all is
        // set aside with the kind of failure, for someone to look at, and the batch goes on.
        deadLetter(records.get(at), at < keys.size() ? keys.get(at) : null, at < offsets.size() ? offsets.get(at) : -1,
            "the notification could not be dispatched (" + e.getClass().getSimpleName() + ")");
      }
    }
    List<Delivery> recorded = new ArrayList<>(deliveries.size());
    List<Notification> results = new ArrayList<>(deliveries.size());
    for (Delivery delivery : deliveries) {
      try {
        record(delivery).ifPresent(results::add);
        recorded.add(delivery);
      } catch (RuntimeException e) {
        // What came before is recorded and committed; this one and those after it are read again (deliveries that ended
        // are not made again: their outcomes are kept until recorded).
        complete(recorded, results);
        throw new BatchListenerFailedException("the delivery of notification " + delivery.notification().id()
            + " could not be completed: " + e.getMessage(), e, delivery.index());
      }
    }
    complete(recorded, results);
  }

  /** Waits until the records of the deliveries are acknowledged, then takes their results as handled. */
  private void complete(List<Delivery> recorded, List<Notification> results) {
    events.awaitAcknowledged();
    results.forEach(notifications::apply);
    for (Delivery delivery : recorded) {
      for (DeliveryChannel channel : delivery.attempts().keySet()) {
        ended.remove(key(delivery.notification(), channel));
      }
    }
  }

  /** A delivery of a notification in a state (created or retracted) on a channel. */
  private static String key(Notification n, DeliveryChannel channel) {
    return n.id() + ":" + n.state().code() + ":" + channel.code();
  }

  /** Hands the notification's deliveries to their lanes; one that ended before (a batch read again) is not made again. */
  private Map<DeliveryChannel, CompletableFuture<Optional<String>>> start(Notification n) {
    Contact to = directory.find(n.recipient()).orElse(directory.fallback());
    Map<DeliveryChannel, CompletableFuture<Optional<String>>> attempts = new EnumMap<>(DeliveryChannel.class);
    for (DeliveryChannel channel : n.channels()) {
      if (channel == DeliveryChannel.INBOX) {
        continue;
      }
      String key = key(n, channel);
      Optional<String> before = ended.get(key);
      attempts.put(channel, before != null ? CompletableFuture.completedFuture(before)
          : lanes.submit(channel, to.reference(), () -> {
            Optional<String> outcome = attempt(channel, n, to);
            if (ended.size() >= MAX_REMEMBERED) {
              ended.clear();
            }
            ended.put(key, outcome);
            return outcome;
          }));
    }
    return attempts;
  }

  /** One notification's deliveries under way, by channel; {@code index} is its place in the batch. */
  private record Delivery(int index, Notification notification, Map<DeliveryChannel, CompletableFuture<Optional<String>>> attempts) {}

  /** Sends on one channel (on its lane); empty when sent, else why not. */
  private Optional<String> attempt(DeliveryChannel channel, Notification n, Contact to) {
    try {
      send(channel, n, to);
      return Optional.empty();
    } catch (RuntimeException e) {
      if (lanes.closing() || Thread.currentThread().isInterrupted()) {
        // Stopped, not failed: the notification stays unhandled and is delivered after the restart.
        throw new IllegalStateException("the delivery was stopped with the service", e);
      }
      if (channel == DeliveryChannel.EMAIL && EmailChannel.serverUnavailable(e)) {
        // The mail server is down or busy, not refusing this email: nothing is recorded, the batch is read again (backing
        // off, delivery health DOWN after three tries, an alert) until the server takes it. Other notifications' emails
        // wait too: they would fail the same way.
        log.warn("The mail server did not take notification {}'s email; it is sent again when the server is back: {}",
            n.id(), Redaction.exception(e));
        throw new MailServerUnavailable(e);
      }
      // Any failure of a channel, expected (a refusal, a timeout) or not, is this notification's failure on that channel,
      // recorded and audited: it must not fail the batch and hold up everyone else's deliveries.
      // The reason (which may quote a remote server's answer) goes to the audit trail, not the log.
      log.warn("Notification {} ({}) for accession {} could not be sent: {}", n.id(), channel.code(),
          Redaction.accession(n.accession()), Redaction.exception(e));
      return Optional.of(channel.code() + ": " + e.getMessage());
    }
  }

  /** The mail server could not take an email now: the batch is read again until it can (the email is not given up). */
  static final class MailServerUnavailable extends RuntimeException {
    MailServerUnavailable(RuntimeException cause) {
      super("the mail server did not take the email (" + cause.getClass().getSimpleName() + "); trying again", cause);
    }
  }

  /** Waits for the notification's deliveries, then records what became of them; the result, unless a retraction. */
  private Optional<Notification> record(Delivery delivery) {
    Notification n = delivery.notification();
    Map<DeliveryChannel, Optional<String>> outcomes = new EnumMap<>(DeliveryChannel.class);
    delivery.attempts().forEach((channel, attempt) -> outcomes.put(channel, outcome(attempt)));
    List<String> failures = new ArrayList<>();
    outcomes.forEach((channel, failure) -> {
      failure.ifPresent(failures::add);
      audit(n, failure.isPresent() ? "failed" : "sent", failure.orElse(channel.code()));
    });
    if (n.state() == NotificationState.RETRACTED) {
      return Optional.empty();
    }
    Notification result = !outcomes.isEmpty() && failures.size() == outcomes.size()
        ? n.failed(String.join("; ", failures))
        : n.sent(clock.instant());
    publish(result);
    return Optional.of(result);
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
    events.send(Topics.AUDIT.name(), n.accession(), AuditEvents.json(n, step, now, detail),
        AuditEvents.headers(n, step, source, now));
  }

  private void publish(Notification n) {
    Instant now = clock.instant();
    events.send(Topics.NOTIFICATIONS.name(), n.accession(), NotificationCommunications.json(n),
        NotificationCommunications.headers(n, source, now));
    audit(n, n.state().code(), null);
  }
}
