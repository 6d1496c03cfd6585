package io.pathtrack.notify.domain;

import io.pathtrack.contract.Outcome;
import io.pathtrack.contract.Priority;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * One notification of one report version (or SLA event) to one recipient.
 *
 * @param id stable for the same report version, recipient and trigger: the idempotency key
 * @param fallbackRecipient true when no recipient could be resolved and the fallback desk gets it
 * @param escalationLevel 0 for the first recipient, then 1, 2… along the escalation chain
 * @param ackDeadline when it must be acknowledged by, if it must
 * @param acknowledgedBy who acknowledged it (the recipient, or who acted on their behalf)
 * @param replaces the earlier notification this one follows (escalation, changed outcome)
 * @param acknowledgedAt when it was acknowledged (time-to-acknowledge of critical results is measured from it)
 * @param note what the recipient must do and why, for the notification page (a concordance finding, a rejected
 *     specimen's reason); fixed sentences and the lab's reason, never words of the report
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
    Optional<String> failure,
    Trigger trigger,
    int escalationLevel,
    Optional<Instant> ackDeadline,
    Optional<String> acknowledgedBy,
    Optional<String> replaces,
    Optional<String> note,
    Optional<Instant> acknowledgedAt) {

  public Notification {
    note = note == null ? Optional.empty() : note;
    acknowledgedAt = acknowledgedAt == null ? Optional.empty() : acknowledgedAt;
  }

  /** A notification without a note. */
  public Notification(String id, String accession, String reportReference, String reportVersion, Outcome outcome,
      boolean needsReview, Priority priority, String recipient, String recipientName, boolean fallbackRecipient,
      Set<DeliveryChannel> channels, NotificationState state, Instant createdAt, Optional<Instant> sentAt,
      Optional<String> failure, Trigger trigger, int escalationLevel, Optional<Instant> ackDeadline,
      Optional<String> acknowledgedBy, Optional<String> replaces) {
    this(id, accession, reportReference, reportVersion, outcome, needsReview, priority, recipient, recipientName,
        fallbackRecipient, channels, state, createdAt, sentAt, failure, trigger, escalationLevel, ackDeadline,
        acknowledgedBy, replaces, Optional.empty(), Optional.empty());
  }

  /** A first notification of a result, without escalation or acknowledgement details. */
  public Notification(String id, String accession, String reportReference, String reportVersion, Outcome outcome,
      boolean needsReview, Priority priority, String recipient, String recipientName, boolean fallbackRecipient,
      Set<DeliveryChannel> channels, NotificationState state, Instant createdAt, Optional<Instant> sentAt,
      Optional<String> failure) {
    this(id, accession, reportReference, reportVersion, outcome, needsReview, priority, recipient, recipientName,
        fallbackRecipient, channels, state, createdAt, sentAt, failure, Trigger.RESULT, 0, Optional.empty(),
        Optional.empty(), Optional.empty());
  }

  public Notification withState(NotificationState next) {
    return new Notification(id, accession, reportReference, reportVersion, outcome, needsReview, priority, recipient,
        recipientName, fallbackRecipient, channels, next, createdAt, sentAt, failure, trigger, escalationLevel,
        ackDeadline, acknowledgedBy, replaces, note, acknowledgedAt);
  }

  public Notification withNote(String text) {
    return new Notification(id, accession, reportReference, reportVersion, outcome, needsReview, priority, recipient,
        recipientName, fallbackRecipient, channels, state, createdAt, sentAt, failure, trigger, escalationLevel,
        ackDeadline, acknowledgedBy, replaces, Optional.ofNullable(text), acknowledgedAt);
  }

  public Notification sent(Instant at) {
    return new Notification(id, accession, reportReference, reportVersion, outcome, needsReview, priority, recipient,
        recipientName, fallbackRecipient, channels, NotificationState.SENT, createdAt, Optional.of(at), Optional.empty(),
        trigger, escalationLevel, ackDeadline, acknowledgedBy, replaces, note, acknowledgedAt);
  }

  public Notification failed(String reason) {
    return new Notification(id, accession, reportReference, reportVersion, outcome, needsReview, priority, recipient,
        recipientName, fallbackRecipient, channels, NotificationState.FAILED, createdAt, sentAt, Optional.of(reason),
        trigger, escalationLevel, ackDeadline, acknowledgedBy, replaces, note, acknowledgedAt);
  }

  public Notification acknowledged(String by) {
    return acknowledged(by, null);
  }

  /** Acknowledged by {@code by} at {@code at} (null when not known). */
  public Notification acknowledged(String by, Instant at) {
    return new Notification(id, accession, reportReference, reportVersion, outcome, needsReview, priority, recipient,
        recipientName, fallbackRecipient, channels, NotificationState.ACKNOWLEDGED, createdAt, sentAt, failure,
        trigger, escalationLevel, ackDeadline, Optional.of(by), replaces, note, Optional.ofNullable(at));
  }
}
