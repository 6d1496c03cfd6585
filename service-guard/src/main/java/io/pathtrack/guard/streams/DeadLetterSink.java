package io.pathtrack.guard.streams;

import static io.pathtrack.contract.EventHeaders.bytes;

import io.micrometer.core.instrument.MeterRegistry;
import io.pathtrack.contract.Accessions;
import io.pathtrack.contract.CloudEvent;
import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.EventTypes;
import io.pathtrack.contract.Fhir;
import io.pathtrack.contract.RecordSizes;
import io.pathtrack.contract.TruncatedRecord;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a stream application sets aside a record it could not process or publish: the application's dead-letter
 * topic, written synchronously with a producer of its own (outside the stream's transaction, so a record is
 * never lost with an aborted one; after a retry it may be set aside twice). The record keeps its key and, up
 * to {@link RecordSizes#MAX_REPORT_BYTES}, its bytes as read (larger ones: the first
 * {@link RecordSizes#TRUNCATED_BYTES}, their size and SHA-256); the headers say what failed, where and from
 * which topic, partition and offset. No exception message is copied: it may quote the record's content.
 */
public final class DeadLetterSink implements AutoCloseable {
  /** The streams configuration key under which Kafka Streams hands the sink to the exception handlers. */
  public static final String CONFIG = "pathtrack.dead-letter.sink";
  /** The streams configuration key naming the application's dead-letter topic. */
  public static final String TOPIC_CONFIG = "pathtrack.dead-letter.topic";
  /** Counter of records set aside, by topic and reason, on every service. */
  public static final String METER = "pathtrack.dead.letters";

  private static final Logger log = LoggerFactory.getLogger(DeadLetterSink.class);
  private static final long SEND_TIMEOUT_SECONDS = 30;

  /** What failed: the kind of failure, the processor node, where the record was read, its key, value and headers. */
  public record Failure(String kind, String node, String topic, int partition, long offset, byte[] key, byte[] value,
      Headers headers, Throwable exception, String reason) {}

  private final Producer<byte[], byte[]> producer;
  private final String topic;
  private final String application;
  private final MeterRegistry meters;
  private final Clock clock;

  public DeadLetterSink(Producer<byte[], byte[]> producer, String topic, String application, MeterRegistry meters,
      Clock clock) {
    this.producer = producer;
    this.topic = topic;
    this.application = application;
    this.meters = meters;
    this.clock = clock;
    // registered at zero: a counter that first appears at 1 shows no increase, and its first failure would not alert
    meters.counter(METER + ".failed", "topic", topic);
  }

  /** A sink whose producer reaches the same cluster, with the same client settings, as the stream's. */
  public static DeadLetterSink forStreams(Map<?, ?> streamsConfig, String topic, String application, MeterRegistry meters,
      Clock clock) {
    Properties p = new Properties();
    for (String name : ProducerConfig.configNames()) {
      Object value = streamsConfig.get(name);
      if (value != null) {
        p.put(name, value);
      }
    }
    p.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, application + "-dead-letters");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(RecordSizes.MAX_RECORD_BYTES));
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return new DeadLetterSink(new KafkaProducer<>(p), topic, application, meters, clock);
  }

  public String topic() {
    return topic;
  }

  /** Writes the dead letter; false when it could not be written (the caller must then stop, not drop the record). */
  public boolean write(Failure failure) {
    String reason = failure.kind() + ":" + failure.exception().getClass().getSimpleName();
    log.error("{} could not {} a record of {}-{}@{} at {} ({}); it is dead-lettered to {}", application,
        failure.kind().equals("production") ? "publish" : "process", failure.topic(), failure.partition(),
        failure.offset(), failure.node(), failure.exception().getClass().getName(), topic);
    try {
      producer.send(record(failure)).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      meters.counter(METER, "topic", topic, "reason", reason).increment();
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      log.error("{}: the dead letter could not be written to {} ({}); the stream stops rather than lose the record",
          application, topic, e.getClass().getName());
      meters.counter(METER + ".failed", "topic", topic).increment();
      return false;
    }
  }

  /** Counts a failure that had no record to set aside (a punctuator, a scheduled sweep). */
  public void counted(String kind, Throwable exception) {
    log.error("{}: {} failed without a record ({})", application, kind, exception.getClass().getName());
    meters.counter(METER, "topic", "none", "reason", kind + ":" + exception.getClass().getSimpleName()).increment();
  }

  ProducerRecord<byte[], byte[]> record(Failure failure) {
    RecordHeaders h = new RecordHeaders();
    String contentType = failure.headers() == null ? null : last(failure.headers(), EventHeaders.CONTENT_TYPE);
    Optional<TruncatedRecord> cut = TruncatedRecord.ifOver(failure.value(), RecordSizes.MAX_REPORT_BYTES,
        RecordSizes.TRUNCATED_BYTES);
    cut.ifPresent(t -> t.headers().forEach((name, value) -> h.add(name, bytes(value))));
    byte[] value = cut.map(TruncatedRecord::kept).orElse(failure.value());
    String subject = failure.key() == null ? null : new String(failure.key(), StandardCharsets.UTF_8);
    CloudEvent.of(EventTypes.RECORD_FAILED, "urn:pathtrack:" + application, clock.instant())
        .subject(subject != null && Accessions.problem(subject).isEmpty() ? subject : null)
        .contentType(contentType)
        .headers().forEach(h::add);
    String reason = failure.reason();
    h.add(EventHeaders.REJECTION_REASON, bytes(reason));
    h.add(EventHeaders.REJECTION_ELEMENT, bytes(failure.node()));
    h.add(EventHeaders.REJECTION_OUTCOME, bytes(Fhir.json().encodeResourceToString(outcome(reason))));
    h.add(EventHeaders.FAILURE_EXCEPTION, bytes(failure.exception().getClass().getName()));
    h.add(EventHeaders.FAILURE_NODE, bytes(failure.node()));
    if (failure.topic() != null) {
      h.add(EventHeaders.ORIGINAL_TOPIC, bytes(failure.topic()));
      h.add(EventHeaders.ORIGINAL_PARTITION, bytes(String.valueOf(failure.partition())));
      h.add(EventHeaders.ORIGINAL_OFFSET, bytes(String.valueOf(failure.offset())));
    }
    return new ProducerRecord<>(topic, null, failure.key(), value, h);
  }

  private static OperationOutcome outcome(String reason) {
    OperationOutcome outcome = new OperationOutcome();
    outcome.addIssue()
        .setSeverity(OperationOutcome.IssueSeverity.ERROR)
        .setCode(OperationOutcome.IssueType.EXCEPTION)
        .setDiagnostics(reason);
    return outcome;
  }

  private static String last(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    producer.close(java.time.Duration.ofSeconds(5));
  }
}
