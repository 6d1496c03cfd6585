package io.pathtrack.results.pipeline;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pathtrack.results.validation.ReportRejectedException;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** The service's counters, gauges and timers, named once. */
@Component
public class ReportMetrics {
  private final MeterRegistry meters;
  private final Timer intake;

  public ReportMetrics(MeterRegistry meters) {
    this.meters = meters;
    this.intake = Timer.builder("pathtrack.reports.intake")
        .description("Time to read, check and classify one inbound payload")
        .register(meters);
  }

  public Timer intakeTimer() {
    return intake;
  }

  public void received(String channel) {
    meters.counter("pathtrack.reports.received", "channel", channel).increment();
  }

  public void rejected(String channel, ReportRejectedException rejection) {
    meters.counter("pathtrack.reports.rejected",
        "channel", channel,
        "reason", rejection.parseFailure() ? "unreadable" : rejection.primary().code(),
        "element", rejection.primary().expression()).increment();
  }

  /** A record set aside on the dead-letter topic, counted with every other dead letter of the system. */
  public void deadLettered(ReportRejectedException rejection) {
    meters.counter(io.pathtrack.guard.streams.DeadLetterSink.METER,
        "topic", io.pathtrack.contract.Topics.REPORTS_INBOUND_DLQ.name(),
        "reason", rejection.parseFailure() && !"too-long".equals(rejection.primary().code()) ? "unreadable" : rejection.primary().code())
        .increment();
  }

  public void classified(String outcome, String procedure) {
    meters.counter("pathtrack.reports.classified", "outcome", outcome, "procedure", procedure).increment();
  }

  public void duplicate(String channel) {
    meters.counter("pathtrack.reports.duplicates", "channel", channel).increment();
  }

  /** The MLLP connections being served now. */
  public void mllpOpenConnections(Supplier<Number> open) {
    Gauge.builder("pathtrack.mllp.connections.open", open)
        .description("MLLP connections being served")
        .register(meters);
  }

  /**
   * An MLLP connection closed as soon as it was accepted or during its TLS handshake.
   *
   * @param reason {@code max-connections}, {@code not-allowed} (source address) or {@code tls}
   */
  public void mllpConnectionRefused(String reason) {
    meters.counter("pathtrack.mllp.connections.refused", "reason", reason).increment();
  }

  /** An MLLP connection closed because nothing arrived on it within the idle timeout. */
  public void mllpConnectionIdleClosed() {
    meters.counter("pathtrack.mllp.connections.idle.closed").increment();
  }
}
