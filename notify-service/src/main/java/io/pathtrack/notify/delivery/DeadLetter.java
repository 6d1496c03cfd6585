package io.pathtrack.notify.delivery;


import io.pathtrack.contract.CloudEvent;
import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.EventTypes;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A delivery that failed for good, as a record on {@link io.pathtrack.contract.Topics#NOTIFICATIONS_DLQ}: key the accession,
 * value the body that could not be delivered (as sent, so it can be replayed), and why in CloudEvents
 * headers.
 *
 * @param notificationId the notification's id
 * @param accession the record key, like every PathTrack topic
 * @param channel the channel that failed, e.g. {@code webhook}
 * @param target where it was sent, without credentials
 * @param body what was sent
 * @param lastStatus the last HTTP status, if a response came at all
 * @param lastError the last error in one line
 * @param attempts how many attempts were made
 * @param failedAt when it was given up
 */
public record DeadLetter(
    String notificationId,
    String accession,
    String channel,
    URI target,
    byte[] body,
    Optional<Integer> lastStatus,
    String lastError,
    int attempts,
    Instant failedAt) {

  // CloudEvents extension attributes of a delivery dead letter (lower-case alphanumerics, as the spec wants).
  public static final String DELIVERY_CHANNEL = EventHeaders.DELIVERY_CHANNEL;
  public static final String DELIVERY_TARGET = EventHeaders.DELIVERY_TARGET;
  public static final String LAST_STATUS = EventHeaders.LAST_STATUS;
  public static final String LAST_ERROR = EventHeaders.LAST_ERROR;
  public static final String ATTEMPTS = EventHeaders.ATTEMPTS;
  public static final String NOTIFICATION_ID = EventHeaders.NOTIFICATION_ID;

  /** The Kafka record headers; {@code ce_id} is stable per notification and channel, so a re-published letter is one event. */
  public Map<String, byte[]> headers(String source, String contentType) {
    return CloudEvent.of(EventTypes.NOTIFICATION_FAILED, source, failedAt)
        .idFrom(notificationId, channel, "dead-letter")
        .subject(accession)
        .contentType(contentType)
        .with(NOTIFICATION_ID, notificationId)
        .with(DELIVERY_CHANNEL, channel)
        .with(DELIVERY_TARGET, target.toString())
        .with(LAST_STATUS, lastStatus.map(status -> Integer.toString(status)))
        .with(LAST_ERROR, lastError)
        .with(ATTEMPTS, Integer.toString(attempts))
        .headers();
  }
}
