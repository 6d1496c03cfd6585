package io.pathtrack.notify.inbox;

import io.pathtrack.notify.domain.DeliveryChannel;
import io.pathtrack.notify.domain.Notification;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A notification as the inbox shows it, in {@code GET /notifications} and on the live stream. */
record NotificationView(
    String id, String accession, String report, String reportVersion, String outcome, boolean needsReview,
    String priority, String recipient, String recipientName, boolean fallbackRecipient, List<String> channels,
    String state, Instant createdAt, Instant sentAt, String failure, String trigger, int escalationLevel,
    Instant acknowledgeBy, String acknowledgedBy, String replaces, String note) {

  static NotificationView of(Notification n) {
    return new NotificationView(n.id(), n.accession(), n.reportReference(), n.reportVersion(), n.outcome().code(),
        n.needsReview(), n.priority().code(), n.recipient(), n.recipientName(), n.fallbackRecipient(),
        n.channels().stream().map(DeliveryChannel::code).sorted().toList(),
        state(n), n.createdAt(), n.sentAt().orElse(null), n.failure().orElse(null), n.trigger().code(),
        n.escalationLevel(), n.ackDeadline().orElse(null), n.acknowledgedBy().orElse(null), n.replaces().orElse(null),
        n.note().orElse(null));
  }

  static String state(Notification n) {
    return n.state().name().toLowerCase(Locale.ROOT);
  }
}
