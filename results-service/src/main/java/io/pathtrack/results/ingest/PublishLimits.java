package io.pathtrack.results.ingest;

import io.pathtrack.contract.RecordSizes;

/**
 * How large a published record's value may be on this deployment: the contract's limits ({@link RecordSizes}),
 * lowered with the stream producer's {@code max.request.size} when a cluster is configured below them, so that a
 * report too large to publish is refused before anything is sent.
 *
 * @param eventBytes the largest classified report event; a larger report is refused as too long
 * @param deadLetterBytes the largest dead letter kept whole; a larger original is kept truncated with its hash
 */
public record PublishLimits(int eventBytes, int deadLetterBytes) {
  /** The property the stream producer's request limit is read from. */
  public static final String PRODUCER_LIMIT_PROPERTY = "spring.cloud.stream.kafka.streams.binder.configuration.max.request.size";

  public static PublishLimits forProducerLimit(long maxRequestSize) {
    return new PublishLimits(RecordSizes.valueLimit(maxRequestSize, RecordSizes.MAX_EVENT_BYTES),
        RecordSizes.valueLimit(maxRequestSize, RecordSizes.MAX_REPORT_BYTES));
  }
}
