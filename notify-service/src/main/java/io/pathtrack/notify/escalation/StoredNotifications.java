package io.pathtrack.notify.escalation;

import io.pathtrack.contract.Outcome;
import io.pathtrack.contract.Priority;
import io.pathtrack.contract.serde.JsonSerde;
import io.pathtrack.notify.domain.AccessionNotifications;
import io.pathtrack.notify.domain.DeliveryChannel;
import io.pathtrack.notify.domain.Notification;
import io.pathtrack.notify.domain.NotificationState;
import io.pathtrack.notify.domain.Trigger;
import io.pathtrack.notify.routing.NotificationCommunications;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;

/**
 * An accession's notifications as the engine's state store keeps them (JSON, through Jackson), each notification
 * field by field ({@code items}). The stored form is read once per record processed, into the domain's
 * {@link AccessionNotifications}, and written back once. State written by earlier versions kept each notification as
 * the FHIR Communication it is on the topic ({@code notifications}); it is still read, and written in the new form the
 * next time the accession changes (the Communication form cost a HAPI parse and encode of every notification of the
 * accession for every event).
 */
record StoredNotifications(String accession, String orderer, List<Item> items, List<String> notifications,
    List<String> reportVersions) {
  /** The state store's serde. */
  static final Serde<StoredNotifications> SERDE = JsonSerde.of(StoredNotifications.class);

  /** One notification; absent optional values are null. */
  record Item(String id, String reportReference, String reportVersion, Outcome outcome, boolean needsReview,
      Priority priority, String recipient, String recipientName, boolean fallbackRecipient, List<DeliveryChannel> channels,
      NotificationState state, Instant createdAt, Instant sentAt, String failure, Trigger trigger, int escalationLevel,
      Instant ackDeadline, String acknowledgedBy, String replaces, String note, Instant acknowledgedAt) {

    static Item of(Notification n) {
      return new Item(n.id(), n.reportReference(), n.reportVersion(), n.outcome(), n.needsReview(), n.priority(),
          n.recipient(), n.recipientName(), n.fallbackRecipient(), List.copyOf(n.channels()), n.state(), n.createdAt(),
          n.sentAt().orElse(null), n.failure().orElse(null), n.trigger(), n.escalationLevel(), n.ackDeadline().orElse(null),
          n.acknowledgedBy().orElse(null), n.replaces().orElse(null), n.note().orElse(null),
          n.acknowledgedAt().orElse(null));
    }

    Notification notification(String accession) {
      return new Notification(id, accession, reportReference, reportVersion, outcome, needsReview, priority, recipient,
          recipientName, fallbackRecipient,
          channels == null || channels.isEmpty() ? EnumSet.noneOf(DeliveryChannel.class) : EnumSet.copyOf(channels), state,
          createdAt, Optional.ofNullable(sentAt), Optional.ofNullable(failure), trigger, escalationLevel,
          Optional.ofNullable(ackDeadline), Optional.ofNullable(acknowledgedBy), Optional.ofNullable(replaces),
          Optional.ofNullable(note), Optional.ofNullable(acknowledgedAt));
    }
  }

  static StoredNotifications of(AccessionNotifications state) {
    return new StoredNotifications(state.accession(), state.orderer(),
        state.notifications().stream().map(Item::of).toList(), null, state.reportVersions());
  }

  AccessionNotifications state() {
    List<Notification> all;
    if (items != null) {
      all = items.stream().map(item -> item.notification(accession)).toList();
    } else {
      all = notifications == null ? List.of() : notifications.stream().map(NotificationCommunications::parse).toList();
    }
    return new AccessionNotifications(accession, orderer, all, reportVersions == null ? List.of() : reportVersions);
  }
}
