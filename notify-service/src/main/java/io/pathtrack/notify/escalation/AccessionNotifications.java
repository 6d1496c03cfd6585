package io.pathtrack.notify.escalation;

import io.pathtrack.notify.routing.Notification;
import io.pathtrack.notify.routing.NotificationCommunications;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What notify-service keeps per accession: who ordered it, every notification made for it (as
 * Communication JSON, the form it has on the topic) and the report versions already notified.
 *
 * @param orderer the ordering practitioner from the specimen's order, or null
 */
public record AccessionNotifications(String accession, String orderer, List<String> notifications, List<String> reportVersions) {

  public AccessionNotifications {
    notifications = List.copyOf(notifications);
    reportVersions = List.copyOf(reportVersions);
  }

  public static AccessionNotifications empty(String accession) {
    return new AccessionNotifications(accession, null, List.of(), List.of());
  }

  public List<Notification> all() {
    return notifications.stream().map(NotificationCommunications::parse).toList();
  }

  public Optional<Notification> find(String id) {
    return all().stream().filter(n -> n.id().equals(id)).findFirst();
  }

  public boolean notified(String reportId, String version) {
    return reportVersions.contains(reportId + "|" + version);
  }

  public AccessionNotifications withOrderer(String orderer) {
    return new AccessionNotifications(accession, orderer, notifications, reportVersions);
  }

  public AccessionNotifications withReportVersion(String reportId, String version) {
    List<String> next = new ArrayList<>(reportVersions);
    next.add(reportId + "|" + version);
    return new AccessionNotifications(accession, orderer, notifications, next);
  }

  /** Adds the notification, or replaces the one with its id. */
  public AccessionNotifications with(Notification n) {
    List<String> next = new ArrayList<>();
    boolean replaced = false;
    for (String json : notifications) {
      if (NotificationCommunications.parse(json).id().equals(n.id())) {
        next.add(NotificationCommunications.json(n));
        replaced = true;
      } else {
        next.add(json);
      }
    }
    if (!replaced) {
      next.add(NotificationCommunications.json(n));
    }
    return new AccessionNotifications(accession, orderer, next, reportVersions);
  }
}
