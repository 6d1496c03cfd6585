package io.pathtrack.notify.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the notification dispatcher ({@code delivery} in {@code /actuator/health}): DOWN once {@link #DOWN_AFTER}
 * polled batches in a row could not be completed (their results could not be published: Kafka unreachable, a dead
 * letter refused). Such a batch is not committed and is read again, with a growing pause, until it goes through, so
 * nothing is lost; meanwhile alerts wait, and this says so. Counted in {@code pathtrack.delivery.batches.failed}.
 */
public final class DispatcherHealth extends AbstractHealthIndicator {
  static final int DOWN_AFTER = 3;
  static final String METER = "pathtrack.delivery.batches.failed";

  private final AtomicInteger failedInARow = new AtomicInteger();
  private final AtomicReference<String> lastFailure = new AtomicReference<>();
  private final Counter failed;

  public DispatcherHealth(MeterRegistry meters) {
    super("Notification dispatcher health check failed");
    this.failed = Counter.builder(METER).description("Polled notification batches that could not be completed and are read again")
        .register(meters);
  }

  void succeeded() {
    failedInARow.set(0);
  }

  /** Records the failure: only the exception's type, since a message may quote a remote answer. */
  void failed(RuntimeException e) {
    failedInARow.incrementAndGet();
    lastFailure.set(e.getClass().getSimpleName());
    failed.increment();
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    int inARow = failedInARow.get();
    if (inARow >= DOWN_AFTER) {
      builder.down().withDetail("failedBatchesInARow", inARow).withDetail("lastFailure", lastFailure.get());
    } else {
      builder.up();
    }
  }
}
