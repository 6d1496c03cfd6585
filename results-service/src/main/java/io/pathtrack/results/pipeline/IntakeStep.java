package io.pathtrack.results.pipeline;

import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.streams.RoutedRecord;
import io.pathtrack.results.ingest.ClassifiedReport;
import io.pathtrack.results.ingest.ReportIntake;
import io.pathtrack.results.publish.ClassifiedEvents;
import io.pathtrack.results.publish.DeadLetters;
import io.pathtrack.results.validation.ReportRejectedException;
import io.pathtrack.results.validation.ValidationIssue;
import io.pathtrack.contract.RecordSizes;
import io.pathtrack.contract.TruncatedRecord;
import java.time.Clock;
import java.util.Optional;
import java.util.Map;
import java.util.List;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads, checks and classifies one inbound record. Every record leaves: each report it holds as an
 * accepted event keyed by accession, or the record itself, unchanged, as a dead letter with its reason.
 * Nothing a record contains can stop the stream.
 */
final class IntakeStep extends ContextualProcessor<String, byte[], String, RoutedRecord<byte[]>> {
  /** Output of accepted report versions (to the classified topic). */
  static final int CLASSIFIED = 0;
  /** Output of rejected records (to the dead-letter topic). */
  static final int DEAD_LETTER = 1;

  private static final Logger log = LoggerFactory.getLogger(IntakeStep.class);

  private final ReportIntake intake;
  private final ReportMetrics metrics;
  private final Clock clock;
  private final String source;

  private final int deadLetterBytes;

  IntakeStep(ReportIntake intake, ReportMetrics metrics, Clock clock, String source, int deadLetterBytes) {
    this.deadLetterBytes = deadLetterBytes;
    this.intake = intake;
    this.metrics = metrics;
    this.clock = clock;
    this.source = source;
  }

  @Override
  public void process(Record<String, byte[]> record) {
    String contentType = EventHeaders.last(record.headers(), EventHeaders.CONTENT_TYPE);
    String channel = EventHeaders.last(record.headers(), EventHeaders.CHANNEL);
    if (channel == null) {
      channel = "kafka";
    }
    // REST requests were counted, and answered, when they arrived.
    boolean counted = !"kafka".equals(channel);
    if (!counted) {
      metrics.received(channel);
    }
    byte[] payload = record.value() == null ? new byte[0] : record.value();
    if ("true".equals(EventHeaders.last(record.headers(), EventHeaders.TRUNCATED))) {
      // A channel kept only the start of a message too large to accept; the sender was refused already.
      reject(record, payload, contentType, channel, new ReportRejectedException(List.of(new ValidationIssue(
          "DiagnosticReport", "too-long", "the message of " + EventHeaders.last(record.headers(), EventHeaders.ORIGINAL_SIZE)
              + " bytes (SHA-256 " + EventHeaders.last(record.headers(), EventHeaders.ORIGINAL_SHA256)
              + ") was over the size limit; only its start was kept")), true), counted);
      return;
    }
    try {
      String ct = contentType;
      List<ClassifiedReport> reports = metrics.intakeTimer().record(
          () -> counted ? intake.assessWritten(payload, ct) : intake.assess(payload, ct));
      for (ClassifiedReport r : reports) {
        context().forward(new Record<>(r.accession(),
            new RoutedRecord<>(CLASSIFIED, r.json(), ClassifiedEvents.headers(r, channel, source + "/" + channel, clock.instant())),
            record.timestamp()));
      }
    } catch (ReportRejectedException rejection) {
      reject(record, payload, contentType, channel, rejection, counted);
    } catch (RuntimeException unexpected) {
      // The exception's message may quote the record: only its class goes to the log and the dead letter.
      log.error("Inbound record could not be processed ({}); it is dead-lettered", unexpected.getClass().getName());
      reject(record, payload, contentType, channel, new ReportRejectedException(List.of(new ValidationIssue(
          "DiagnosticReport", "exception", "could not be processed (" + unexpected.getClass().getSimpleName() + ")")),
          false), counted);
    }
  }

  private void reject(Record<String, byte[]> record, byte[] payload, String contentType, String channel,
      ReportRejectedException rejection, boolean counted) {
    if (!counted) {
      metrics.rejected(channel, rejection);
    }
    metrics.deadLettered(rejection);
    RecordMetadata meta = context().recordMetadata().orElse(null);
    DeadLetters.Origin origin = meta == null
        ? new DeadLetters.Origin(null, -1, -1, contentType)
        : new DeadLetters.Origin(meta.topic(), meta.partition(), meta.offset(), contentType);
    Map<String, byte[]> headers = DeadLetters.headers(rejection, origin, source + "/" + channel, clock.instant());
    // Too large to publish whole (a record the producer refuses would abort the transaction and stop the stream).
    Optional<TruncatedRecord> cut = TruncatedRecord.ifOver(payload, deadLetterBytes,
        Math.min(RecordSizes.TRUNCATED_BYTES, deadLetterBytes));
    cut.ifPresent(t -> t.headers().forEach((name, value) -> headers.put(name, EventHeaders.bytes(value))));
    byte[] kept = cut.map(TruncatedRecord::kept).orElse(payload);
    context().forward(new Record<>(record.key(), new RoutedRecord<>(DEAD_LETTER, kept, headers), record.timestamp()));
  }

}
