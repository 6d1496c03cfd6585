package io.pathtrack.contract;

/**
 * A request to acknowledge or decline a notification ({@link Topics#NOTIFICATION_ACKS}); which of the two is the
 * record's {@code ce_type} ({@link EventTypes#NOTIFICATION_ACK_REQUESTED}, {@link EventTypes#NOTIFICATION_DECLINE_REQUESTED}).
 *
 * @param notificationId the notification's id
 * @param by the practitioner reference of who acknowledges or declines
 */
public record NotificationRequest(String notificationId, String by) {}
