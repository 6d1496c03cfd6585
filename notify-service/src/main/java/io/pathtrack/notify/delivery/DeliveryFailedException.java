package io.pathtrack.notify.delivery;

/** A notification could not be delivered through a channel, after every attempt the channel makes. */
public class DeliveryFailedException extends RuntimeException {
  private final String notificationId;
  private final String channel;
  private final int attempts;

  public DeliveryFailedException(String notificationId, String channel, int attempts, String reason, Throwable cause) {
    super(channel + " delivery of notification " + notificationId + " failed after " + attempts
        + (attempts == 1 ? " attempt: " : " attempts: ") + reason, cause);
    this.notificationId = notificationId;
    this.channel = channel;
    this.attempts = attempts;
  }

  public String notificationId() {
    return notificationId;
  }

  public String channel() {
    return channel;
  }

  public int attempts() {
    return attempts;
  }
}
