package io.pathtrack.notify.inbox;

import io.pathtrack.guard.http.InvalidRequestValue;
import io.pathtrack.guard.security.AccessRefused;
import io.pathtrack.guard.security.Caller;
import io.pathtrack.guard.security.RequiresScope;
import io.pathtrack.notify.ChannelProperties;
import io.pathtrack.notify.inbox.NotificationLog.Subscription;
import io.pathtrack.notify.domain.Notification;
import io.pathtrack.notify.domain.PractitionerReference;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live inbox: {@code GET /notifications/stream?recipient=Practitioner/dr-lee} is a server-sent event
 * stream (HTML5 EventSource) of every change to that recipient's notifications, as the log applies it.
 * Each event is named {@code notification}, its id is the notification id and its data the inbox view
 * (JSON). The first event, {@code subscribed}, says the stream is live; the client reconnects after
 * {@code pathtrack.notify.channels.inbox.stream-timeout}, or when its token expires if that is sooner, and reads
 * what it missed from {@code GET /notifications}.
 */
@RestController
class InboxStream {
  /** Tokens expire by the wall clock, whatever clock the notification rules run on. */
  private static final java.time.Clock TOKEN_CLOCK = java.time.Clock.systemUTC();

  private final NotificationLog log;
  private final Duration timeout;
  private final NotificationAccess access;

  InboxStream(NotificationLog log, ChannelProperties channels, NotificationAccess access) {
    this.log = log;
    this.access = access;
    this.timeout = channels.inbox().streamTimeout();
  }

  @GetMapping(path = "/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @RequiresScope("Communication.s")
  SseEmitter stream(@RequestParam String recipient) throws IOException {
    // The recipient is echoed in the first event: a line break in it would forge events of its own.
    PractitionerReference.problem(recipient).ifPresent(problem -> {
      throw new InvalidRequestValue("recipient", "'recipient' " + problem);
    });
    Caller caller = Caller.required();
    if (!access.maySee(caller, recipient)) {
      throw new AccessRefused("not your notifications: they are addressed to another practitioner, whom you do not cover");
    }
    // The stream ends when the token does: the client reconnects with a new one, and is checked again.
    long untilExpiry = caller.expiresAt().map(exp -> java.time.Duration.between(TOKEN_CLOCK.instant(), exp).toMillis())
        .orElse(timeout.toMillis());
    SseEmitter emitter = new SseEmitter(Math.max(1_000, Math.min(timeout.toMillis(), untilExpiry)));
    AtomicReference<Subscription> self = new AtomicReference<>();
    Subscription subscription = log.subscribe(n -> {
      if (recipient.equals(n.recipient()) && !push(emitter, n) && self.get() != null) {
        self.get().close();
      }
    });
    self.set(subscription);
    emitter.onCompletion(subscription::close);
    emitter.onTimeout(subscription::close);
    emitter.onError(e -> subscription.close());
    emitter.send(SseEmitter.event().name("subscribed").data(recipient, MediaType.TEXT_PLAIN));
    return emitter;
  }

  /** False when the client is gone (or the stream already ended): the stream is over. */
  private static boolean push(SseEmitter emitter, Notification n) {
    try {
      emitter.send(SseEmitter.event().name("notification").id(n.id())
          .data(NotificationView.of(n), MediaType.APPLICATION_JSON));
      return true;
    } catch (IOException | IllegalStateException gone) {
      emitter.completeWithError(gone);
      return false;
    }
  }
}
