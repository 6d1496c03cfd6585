package io.pathtrack.notify.domain;

import io.pathtrack.notify.domain.Notification;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What notify-service keeps per accession: who ordered it, every notification made for it and the report versions
 * already notified. (Kept in the engine's state store as {@code escalation.StoredNotifications}.)
 *
 * @param orderer the ordering practitioner from the specimen's order, or null
 */
public record AccessionNotifications(String accession, String orderer, List<Notification> notifications,
    List<String> reportVersions) {

  public AccessionNotifications {
    notifications = List.copyOf(notifications);
    reportVersions = List.copyOf(reportVersions);
  }

  public static AccessionNotifications empty(String accession) {
    return new AccessionNotifications(accession, null, List.of(), List.of());
  }

  public List<Notification> all() {
    return notifications;
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
    List<Notification> next = new ArrayList<>();
    boolean replaced = false;
    for (Notification known : notifications) {
      if (known.id().equals(n.id())) {
        next.add(n);
        replaced = true;
      } else {
        next.add(known);
      }
    }
    if (!replaced) {
      next.add(n);
    }
    return new AccessionNotifications(accession, orderer, next, reportVersions);
  }
}
