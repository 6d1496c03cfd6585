package io.pathtrack.notify.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.EventTypes;
import io.pathtrack.contract.Topics;
import io.pathtrack.guard.streams.DeadLetterSink;
import io.pathtrack.notify.ChannelProperties;
import io.pathtrack.notify.audit.AuditEvents;
import io.pathtrack.notify.directory.PractitionerDirectory;
import io.pathtrack.notify.domain.Contact;
import io.pathtrack.notify.domain.Notification;
import io.pathtrack.notify.domain.NotificationState;
import io.pathtrack.notify.inbox.NotificationLog;
import io.pathtrack.notify.routing.NotificationCommunications;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable queue of webhook deliveries to try again, kept on the delivery dead-letter topic itself: a webhook dead letter
 * whose failure may pass (no answer, 5xx, 408, 429, the endpoint unavailable) is read by one instance (consumer group
 * {@value #GROUP}) once {@code interval} has passed since it was written, and one more call is made through the
 * endpoint's breaker, with the notification's own {@code Idempotency-Key}. It went through: audited as sent (and the
 * notification marked sent if it had failed on every channel). It failed again: the letter is written again (same
 * notification, {@code ce_firstfailed} kept, one more attempt), and its offset committed only once that write is
 * acknowledged, so a crash never loses it. It is not tried again when the notification was settled (acknowledged, declined,
 * retracted: nobody is paged about what was dealt with; an escalated one is still paged), when the receiver refused it for good, or when
 * {@code give-up-after} has passed since it first failed: then a letter marked {@code ce_redelivery: given-up} is written,
 * counted in {@code pathtrack.dead.letters} and audited. Letters are read in the order written, each with the same
 * wait after the time it was written ({@code ce_time}, the service's clock), so the one at the head is the next one due; one endpoint that is down costs a call per letter per
 * interval, not a wait for the others.
 */
public class WebhookRedelivery implements AutoCloseable {
  /** The consumer group of the redelivery (notify-service.yaml). */
  public static final String GROUP = "notify-webhook-redelivery";
  static final String GIVEN_UP = "given-up";
  private static final Logger log = LoggerFactory.getLogger(WebhookRedelivery.class);

  private final WebhookChannel webhook;
  private final NotificationLog notifications;
  private final PractitionerDirectory directory;
  private final DispatcherEvents events;
  private final ChannelProperties.Redelivery settings;
  private final Clock clock;
  private final String source;
  private final MeterRegistry meters;
  private volatile boolean stopping;

  WebhookRedelivery(WebhookChannel webhook, NotificationLog notifications, PractitionerDirectory directory,
      DispatcherEvents events, ChannelProperties.Redelivery settings, Clock clock, String source, MeterRegistry meters) {
    this.webhook = webhook;
    this.notifications = notifications;
    this.directory = directory;
    this.events = events;
    this.settings = settings;
    this.clock = clock;
    this.source = source;
    this.meters = meters;
    for (String outcome : new String[] {"sent", "later", "closed", GIVEN_UP}) {
      meters.counter("pathtrack.webhook.redeliveries", "outcome", outcome);
    }
  }

  /** A letter from the delivery dead-letter topic: its key, value and headers. */
  public record Letter(String key, byte[] value, Map<String, byte[]> headers) {
    Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name)).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /** When it was written, by the service's clock ({@code ce_time}); empty when it does not say. */
    Optional<Instant> written() {
      return header(EventHeaders.TIME).flatMap(WebhookRedelivery::instant);
    }
  }

  @Override
  public void close() {
    events.close();
  }

  /** Stops waiting for letters not yet due: the one waited for is read again after the restart. */
  public void stop() {
    stopping = true;
  }

  /**
   * Handles one letter; returns when it is done with (or not one to try again). Throws only when its outcome could not
   * be recorded, or the service is stopping: then its offset is not committed and it is read again.
   */
  public void handle(Letter letter) throws InterruptedException {
    if (!settings.enabled() || !EventTypes.NOTIFICATION_FAILED.equals(letter.header(EventHeaders.TYPE).orElse(null))
        || !WebhookChannel.CHANNEL.equals(letter.header(EventHeaders.DELIVERY_CHANNEL).orElse(null))
        || letter.header(EventHeaders.REDELIVERY).isPresent() || refusedForGood(letter)) {
      return;
    }
    Optional<String> id = letter.header(EventHeaders.NOTIFICATION_ID);
    if (id.isEmpty()) {
      return;
    }
    // A letter stamped later than this clock (another instance's clock ahead) waits one interval from now, not longer.
    Instant now = clock.instant();
    Instant written = letter.written().filter(w -> w.isBefore(now)).orElse(now);
    Instant firstFailed = letter.header(EventHeaders.FIRST_FAILED).flatMap(WebhookRedelivery::instant).orElse(written);
    waitUntil(written.plus(settings.interval()));
    Optional<Notification> known = notifications.find(id.get());
    if (known.isEmpty()) {
      // Every instance's view holds every notification of the topic (read whole before the consumers start): this
      // letter is about none of them.
      giveUp(letter, null, "no such notification");
      return;
    }
    if (known.get().state().settled()) {
      Notification n = known.get();
      audit(n, "failed", "webhook: not tried again, the notification is " + n.state().code());
      events.awaitAcknowledged();
      count("closed");
      return;
    }
    Optional<Contact.Webhook> hook = directory.find(known.get().recipient()).orElse(directory.fallback()).webhook();
    if (hook.isEmpty()) {
      giveUp(letter, known.get(), "the recipient has no webhook any more");
      return;
    }
    WebhookChannel.Redelivered outcome = webhook.redeliver(known.get(), new WebhookEndpoint(hook.get().url(), hook.get().secret()));
    switch (outcome) {
      case SENT -> {
        Notification n = known.get();
        audit(n, "sent", "webhook (tried again; first failed at " + firstFailed + ")");
        Notification result = n.state() == NotificationState.FAILED ? n.sent(clock.instant()) : null;
        if (result != null) {
          events.send(Topics.NOTIFICATIONS.name(), result.accession(), NotificationCommunications.json(result),
              NotificationCommunications.headers(result, source, clock.instant()));
          audit(result, result.state().code(), null);
        }
        events.awaitAcknowledged();
        if (result != null) {
          notifications.apply(result);
        }
        count("sent");
      }
      case REFUSED -> giveUp(letter, known.get(), "the receiver refused it");
      case LATER -> {
        if (!clock.instant().isBefore(firstFailed.plus(settings.giveUpAfter()))) {
          giveUp(letter, known.get(), "not delivered within " + settings.giveUpAfter());
        } else {
          again(letter, firstFailed);
        }
      }
    }
  }

  /** A final status other than 408 and 429: the receiver will not take it, whenever it is sent. */
  private static boolean refusedForGood(Letter letter) {
    Optional<Integer> status = letter.header(EventHeaders.LAST_STATUS).flatMap(text -> {
      try {
        return Optional.of(Integer.parseInt(text.trim()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    });
    return status.filter(s -> s >= 400 && s < 500 && s != 408 && s != 429).isPresent();
  }

  /** The letter again, for the next try: one more attempt, when it first failed kept. */
  private void again(Letter letter, Instant firstFailed) {
    Map<String, byte[]> headers = new LinkedHashMap<>(letter.headers());
    headers.put(EventHeaders.FIRST_FAILED, firstFailed.toString().getBytes(StandardCharsets.UTF_8));
    headers.put(EventHeaders.TIME, clock.instant().toString().getBytes(StandardCharsets.UTF_8));
    int attempts = letter.header(EventHeaders.ATTEMPTS).map(a -> {
      try {
        return Integer.parseInt(a.trim());
      } catch (NumberFormatException e) {
        return 0;
      }
    }).orElse(0);
    headers.put(EventHeaders.ATTEMPTS, Integer.toString(attempts + 1).getBytes(StandardCharsets.UTF_8));
    events.send(Topics.NOTIFICATIONS_DLQ.name(), letter.key(), letter.value(), headers);
    events.awaitAcknowledged();
    count("later");
  }

  private void giveUp(Letter letter, Notification n, String why) {
    Map<String, byte[]> headers = new LinkedHashMap<>(letter.headers());
    headers.put(EventHeaders.REDELIVERY, GIVEN_UP.getBytes(StandardCharsets.UTF_8));
    headers.put(EventHeaders.TIME, clock.instant().toString().getBytes(StandardCharsets.UTF_8));
    headers.put(EventHeaders.LAST_ERROR, ("given up: " + why).getBytes(StandardCharsets.UTF_8));
    events.send(Topics.NOTIFICATIONS_DLQ.name(), letter.key(), letter.value(), headers);
    if (n != null) {
      audit(n, "failed", "webhook: given up, " + why);
    }
    events.awaitAcknowledged();
    log.warn("A webhook delivery of notification {} is not tried again: {}",
        letter.header(EventHeaders.NOTIFICATION_ID).orElse("?"), why);
    meters.counter(DeadLetterSink.METER, "topic", Topics.NOTIFICATIONS_DLQ.name(), "reason", "delivery:webhook-given-up")
        .increment();
    count(GIVEN_UP);
  }

  private void waitUntil(Instant due) throws InterruptedException {
    while (clock.instant().isBefore(due)) {
      if (stopping) {
        throw new IllegalStateException("stopping: the letter is read again after the restart");
      }
      long left = Duration.between(clock.instant(), due).toMillis();
      Thread.sleep(Math.max(1, Math.min(200, left)));
    }
  }

  private void audit(Notification n, String step, String detail) {
    Instant now = clock.instant();
    events.send(Topics.AUDIT.name(), n.accession(), AuditEvents.json(n, step, now, detail),
        AuditEvents.headers(n, step, source, now));
  }

  private void count(String outcome) {
    meters.counter("pathtrack.webhook.redeliveries", "outcome", outcome).increment();
  }

  private static Optional<Instant> instant(String text) {
    try {
      return Optional.of(Instant.parse(text.trim()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
