package io.pathtrack.notify.inbox;

import io.pathtrack.guard.Redaction;
import io.pathtrack.notify.domain.Notification;
import io.pathtrack.notify.domain.NotificationState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The latest state of every notification, rebuilt from {@link io.pathtrack.contract.Topics#NOTIFICATIONS} at start-up
 * (the topic is the record; this is a view of it) and kept current as events arrive. Listeners hear of
 * every change as it is applied (the live inbox stream).
 */
@Component
public class NotificationLog {
  private static final Logger log = LoggerFactory.getLogger(NotificationLog.class);

  private final Map<String, Notification> byId = new ConcurrentHashMap<>();
  /** Notifications whose delivery ended (sent or failed), whatever they became after. */
  private final java.util.Set<String> delivered = ConcurrentHashMap.newKeySet();
  private final List<Consumer<Notification>> listeners = new CopyOnWriteArrayList<>();

  /** Ends a subscription; closing twice is harmless. */
  public interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Applies a notification event; a later state never goes back to an earlier one. Listeners are told
   * the resulting state when it changed (a redelivered event is not a change).
   */
  public void apply(Notification notification) {
    if (notification.state() == NotificationState.SENT || notification.state() == NotificationState.FAILED) {
      delivered.add(notification.id());
    }
    Notification[] before = new Notification[1];
    Notification after = byId.compute(notification.id(), (id, known) -> {
      before[0] = known;
      return known == null ? notification : latest(known, notification);
    });
    if (!after.equals(before[0])) {
      listeners.forEach(listener -> tell(listener, after));
    }
  }

  /** Calls the listener with every change from now on, on the thread that applies it, until closed. */
  public Subscription subscribe(Consumer<Notification> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  public Optional<Notification> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public boolean wasSent(String id) {
    return find(id).map(n -> n.state() == NotificationState.SENT).orElse(false);
  }

  /**
   * Delivery was made already (sent, or failed for good) or is moot (acknowledged, declined, retracted). A notification
   * escalated before it could be delivered (a mail server down past its deadline) is not: its recipient is still told.
   */
  public boolean handled(String id) {
    return delivered.contains(id) || find(id).map(n -> n.state().settled()).orElse(false);
  }

  /** Every notification, in no order (cheaper than {@link #all()}). */
  public java.util.Collection<Notification> snapshot() {
    return java.util.Collections.unmodifiableCollection(byId.values());
  }

  /** Newest first. */
  public List<Notification> all() {
    List<Notification> list = new ArrayList<>(byId.values());
    list.sort(Comparator.comparing(Notification::createdAt).reversed().thenComparing(Notification::id));
    return list;
  }

  private static void tell(Consumer<Notification> listener, Notification change) {
    try {
      listener.accept(change);
    } catch (RuntimeException e) {
      // The change is applied and on the topic whatever a listener does; one broken listener (a viewer's
      // stream) must not fail the event for the log or for the other listeners.
      log.warn("Inbox listener failed on notification {}: {}", change.id(), Redaction.exception(e));
    }
  }

  /**
   * The later of two states of one notification. The engine and the dispatcher both write to the topic,
   * so an acknowledgement may arrive before the "sent" it follows: a state never goes back to an
   * earlier stage (created, then sent or failed, then acknowledged, escalated, declined or retracted).
   */
  private static Notification latest(Notification known, Notification incoming) {
    return rank(incoming.state()) >= rank(known.state()) ? incoming : known;
  }

  private static int rank(NotificationState state) {
    return switch (state) {
      case CREATED -> 0;
      case SENT, FAILED -> 1;
      case ACKNOWLEDGED, ESCALATED, RETRACTED, DECLINED -> 2;
    };
  }

}
