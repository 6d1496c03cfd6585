package io.pathtrack.notify.escalation;

import io.pathtrack.notify.domain.AccessionNotifications;
import io.pathtrack.notify.routing.NotificationCommunications;
import io.pathtrack.contract.serde.JsonSerde;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;

/**
 * An accession's notifications as the engine's state store keeps them (JSON, through Jackson): each notification as
 * the FHIR Communication it is on the topic. The stored form is read once per record processed, into the domain's
 * {@link AccessionNotifications}, and written back once.
 */
record StoredNotifications(String accession, String orderer, List<String> notifications, List<String> reportVersions) {
  /** The state store's serde. */
  static final Serde<StoredNotifications> SERDE = JsonSerde.of(StoredNotifications.class);

  static StoredNotifications of(AccessionNotifications state) {
    return new StoredNotifications(state.accession(), state.orderer(),
        state.notifications().stream().map(NotificationCommunications::json).toList(), state.reportVersions());
  }

  AccessionNotifications state() {
    return new AccessionNotifications(accession, orderer,
        notifications == null ? List.of() : notifications.stream().map(NotificationCommunications::parse).toList(),
        reportVersions == null ? List.of() : reportVersions);
  }
}
