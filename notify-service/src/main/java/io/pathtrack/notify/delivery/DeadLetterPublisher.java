package io.pathtrack.notify.delivery;

/** Records a delivery that failed for good, so that people can see it and replay it. */
public interface DeadLetterPublisher {

  /** Publishes the letter; throws when it could not be recorded (the failure must not be lost silently). */
  void publish(DeadLetter letter);
}
