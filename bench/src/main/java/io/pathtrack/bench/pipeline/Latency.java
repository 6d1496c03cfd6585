package io.pathtrack.bench.pipeline;

import org.HdrHistogram.Histogram;

/**
 * A latency distribution in microseconds (HdrHistogram, 3 significant digits, up to 10 minutes). Fed with the time
 * from when a report was due to be sent, not when it was sent, so a sender held back by a slow system does not hide
 * the wait (coordinated omission).
 */
final class Latency {
  /** The figures of one distribution, in milliseconds. */
  record Summary(long count, double p50, double p95, double p99, double max) {}

  private final Histogram histogram = new Histogram(600_000_000L, 3);

  synchronized void record(long nanos) {
    histogram.recordValue(Math.max(0, Math.min(nanos / 1_000, histogram.getHighestTrackableValue())));
  }

  synchronized Summary summary() {
    return new Summary(histogram.getTotalCount(), ms(histogram.getValueAtPercentile(50)),
        ms(histogram.getValueAtPercentile(95)), ms(histogram.getValueAtPercentile(99)), ms(histogram.getMaxValue()));
  }

  private static double ms(long micros) {
    return Math.round(micros / 100.0) / 10.0;
  }
}
