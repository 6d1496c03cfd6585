package io.pathtrack.notify.inbox;

import io.pathtrack.notify.routing.Notification;
import io.pathtrack.notify.routing.NotificationState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The latest state of every notification, rebuilt from {@code pathology.notifications} at start-up
 * (the topic is the record; this is a view of it) and kept current as events arrive.
 */
@Component
public class NotificationLog {
  private final Map<String, Notification> byId = new ConcurrentHashMap<>();

  /** Applies a notification event; a later state never goes back to an earlier one. */
  public void apply(Notification notification) {
    byId.merge(notification.id(), notification, NotificationLog::latest);
  }

  public Optional<Notification> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public boolean wasSent(String id) {
    return find(id).map(n -> n.state() == NotificationState.SENT).orElse(false);
  }

  /** Newest first. */
  public List<Notification> all() {
    List<Notification> list = new ArrayList<>(byId.values());
    list.sort(Comparator.comparing(Notification::createdAt).reversed().thenComparing(Notification::id));
    return list;
  }

  private static Notification latest(Notification known, Notification incoming) {
    if (known.state() == NotificationState.SENT && incoming.state() != NotificationState.SENT) {
      return known;
    }
    return incoming;
  }
}
