package io.pathtrack.notify.pages;

import io.pathtrack.guard.http.FhirIds;
import io.pathtrack.guard.http.InvalidRequestValue;
import io.pathtrack.guard.security.Caller;
import io.pathtrack.guard.security.RequiresScope;
import io.pathtrack.notify.ChannelProperties;
import io.pathtrack.notify.inbox.NotificationAccess;
import io.pathtrack.notify.inbox.NotificationLog;
import io.pathtrack.notify.inbox.NotificationLog.Subscription;
import io.pathtrack.notify.domain.Notification;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The pages' live stream, {@code GET /ui/notifications/stream} (server-sent events, in the page session): an event
 * named {@code notification} whose id is the notification's and whose data is its state, for every change to a
 * notification the signed-in user may see. It carries nothing else — the page fetches what it shows through its own
 * access rules. With {@code ?notification=<id>} the stream starts with that notification's current state, so that a
 * page sees a change made between its rendering and the stream's start. The stream ends
 * when the session's token does, or after {@code pathtrack.notify.channels.inbox.stream-timeout}; the browser
 * reconnects.
 */
@RestController
@ConditionalOnProperty(name = "pathtrack.security.pages.enabled", havingValue = "true")
@io.pathtrack.guard.security.PageController
class InboxPageStream {
  /** Tokens expire by the wall clock, whatever clock the notification rules run on. */
  private static final Clock TOKEN_CLOCK = Clock.systemUTC();

  private final NotificationLog log;
  private final NotificationAccess access;
  private final Duration timeout;

  InboxPageStream(NotificationLog log, NotificationAccess access, ChannelProperties channels) {
    this.log = log;
    this.access = access;
    this.timeout = channels.inbox().streamTimeout();
  }

  @GetMapping(path = "/ui/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @RequiresScope("Communication.s")
  SseEmitter stream(@RequestParam(required = false) String notification) throws IOException {
    if (notification != null) {
      FhirIds.problem(notification).ifPresent(problem -> {
        throw new InvalidRequestValue("notification", "'notification' " + problem);
      });
    }
    Caller caller = Caller.required();
    long untilExpiry = caller.expiresAt().map(exp -> Duration.between(TOKEN_CLOCK.instant(), exp).toMillis())
        .orElse(timeout.toMillis());
    SseEmitter emitter = new SseEmitter(Math.max(1_000, Math.min(timeout.toMillis(), untilExpiry)));
    AtomicReference<Subscription> self = new AtomicReference<>();
    Subscription subscription = log.subscribe(n -> {
      if (access.maySee(caller, n) && !push(emitter, n) && self.get() != null) {
        self.get().close();
      }
    });
    self.set(subscription);
    emitter.onCompletion(subscription::close);
    emitter.onTimeout(subscription::close);
    emitter.onError(e -> subscription.close());
    emitter.send(SseEmitter.event().name("subscribed").data("live", MediaType.TEXT_PLAIN));
    if (notification != null) {
      log.find(notification).filter(n -> access.maySee(caller, n)).ifPresent(n -> push(emitter, n));
    }
    return emitter;
  }

  /** False when the browser is gone (or the stream already ended). */
  private static boolean push(SseEmitter emitter, Notification n) {
    try {
      emitter.send(SseEmitter.event().name("notification").id(n.id()).data(n.state().code(), MediaType.TEXT_PLAIN));
      return true;
    } catch (IOException | IllegalStateException gone) {
      emitter.completeWithError(gone);
      return false;
    }
  }
}
