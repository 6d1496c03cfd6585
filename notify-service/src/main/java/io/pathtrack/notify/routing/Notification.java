package io.pathtrack.notify.routing;

import io.pathtrack.contract.Outcome;
import io.pathtrack.contract.Priority;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * One notification of one report version to one recipient.
 *
 * @param id stable for the same report version, recipient and trigger: the idempotency key
 * @param fallbackRecipient true when no recipient could be resolved and the fallback desk gets it
 */
public record Notification(
    String id,
    String accession,
    String reportReference,
    String reportVersion,
    Outcome outcome,
    boolean needsReview,
    Priority priority,
    String recipient,
    String recipientName,
    boolean fallbackRecipient,
    Set<DeliveryChannel> channels,
    NotificationState state,
    Instant createdAt,
    Optional<Instant> sentAt,
    Optional<String> failure) {

  public Notification sent(Instant at) {
    return new Notification(id, accession, reportReference, reportVersion, outcome, needsReview, priority,
        recipient, recipientName, fallbackRecipient, channels, NotificationState.SENT, createdAt,
        Optional.of(at), Optional.empty());
  }

  public Notification failed(String reason) {
    return new Notification(id, accession, reportReference, reportVersion, outcome, needsReview, priority,
        recipient, recipientName, fallbackRecipient, channels, NotificationState.FAILED, createdAt,
        sentAt, Optional.of(reason));
  }
}
