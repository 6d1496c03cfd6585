package io.pathtrack.notify.delivery;

import static io.pathtrack.contract.EventHeaders.bytes;

import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.EventTypes;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
  public static final String DELIVERY_CHANNEL = "ce_deliverychannel";
  public static final String DELIVERY_TARGET = "ce_deliverytarget";
  public static final String LAST_STATUS = "ce_laststatus";
  public static final String LAST_ERROR = "ce_lasterror";
  public static final String ATTEMPTS = "ce_attempts";
  public static final String NOTIFICATION_ID = "ce_notificationid";

  /** The Kafka record headers; {@code ce_id} is stable per notification and channel, so a re-published letter is one event. */
  public Map<String, byte[]> headers(String source, String contentType) {
    Map<String, byte[]> h = new LinkedHashMap<>();
    String eventId = UUID.nameUUIDFromBytes((notificationId + "|" + channel + "|dead-letter").getBytes(StandardCharsets.UTF_8))
        .toString();
    h.put(EventHeaders.ID, bytes(eventId));
    h.put(EventHeaders.TYPE, bytes(EventTypes.NOTIFICATION_FAILED));
    h.put(EventHeaders.SOURCE, bytes(source));
    h.put(EventHeaders.SPEC_VERSION, bytes(EventHeaders.SPEC_VERSION_1_0));
    h.put(EventHeaders.TIME, bytes(failedAt.toString()));
    h.put(EventHeaders.SUBJECT, bytes(accession));
    h.put(EventHeaders.CONTENT_TYPE, bytes(contentType));
    h.put(NOTIFICATION_ID, bytes(notificationId));
    h.put(DELIVERY_CHANNEL, bytes(channel));
    h.put(DELIVERY_TARGET, bytes(target.toString()));
    lastStatus.ifPresent(status -> h.put(LAST_STATUS, bytes(Integer.toString(status))));
    h.put(LAST_ERROR, bytes(lastError));
    h.put(ATTEMPTS, bytes(Integer.toString(attempts)));
    return h;
  }
}
