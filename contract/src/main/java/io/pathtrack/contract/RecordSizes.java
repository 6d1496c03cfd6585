package io.pathtrack.contract;

/**
 * How large a record may be, end to end, so that what a channel accepts can always be published (docs/architecture.md §10).
 * A report is accepted up to {@link #MAX_REPORT_BYTES} as received; converted to FHIR and annotated with its
 * outcome it may grow (HL7 v2 to FHIR JSON grows up to about ten times) up to {@link #MAX_EVENT_BYTES}, and a
 * report that grows past that is refused up front. Every producer may send, and every topic must accept,
 * {@link #MAX_RECORD_BYTES}: an event plus its headers. {@code deploy/k8s/topics.sh} and the in-process broker
 * use the same figure; a test keeps them equal.
 */
public final class RecordSizes {
  /** The largest report accepted as received, on any channel. */
  public static final int MAX_REPORT_BYTES = 1024 * 1024;
  /** The largest classified report event (FHIR JSON) that may be published. */
  public static final int MAX_EVENT_BYTES = 8 * 1024 * 1024;
  /** Producer {@code max.request.size} and topic {@code max.message.bytes}: an event and its headers. */
  public static final int MAX_RECORD_BYTES = MAX_EVENT_BYTES + 512 * 1024;
  /** Room kept in a record for its key and headers when the value's limit is derived from a producer limit. */
  public static final int HEADROOM_BYTES = 64 * 1024;
  /** How much of a message too large to keep is kept on a topic, with its size and hash. */
  public static final int TRUNCATED_BYTES = 64 * 1024;

  private RecordSizes() {}

  /**
   * The largest value a stream may write given its producer's {@code max.request.size}: a cluster configured
   * below {@link #MAX_RECORD_BYTES} lowers every limit with it, so that what is too large is refused before it
   * is sent. (Under exactly-once, a record the producer or broker refuses aborts the whole transaction: it
   * cannot be skipped after the fact.)
   */
  public static int valueLimit(long producerMaxRequestSize, int limit) {
    return (int) Math.max(1024, Math.min(limit, producerMaxRequestSize - HEADROOM_BYTES));
  }
}
