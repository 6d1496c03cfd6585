package io.pathtrack.guard.streams;

import io.pathtrack.contract.streams.RecordRefusedException;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The deserialization, processing and production exception handler of every stream application: a record that
 * cannot be read, processed or published is set aside on the application's dead-letter topic with its reason
 * ({@link DeadLetterSink}) and the stream goes on with the next. Only when the dead letter itself cannot be
 * written does the handler answer FAIL: the stream client then stops and its health goes DOWN, rather than a
 * record being dropped. Faults that concern every record (authorisation, a fenced producer) never reach these
 * handlers; Kafka Streams stops the client for them.
 */
public final class DeadLetteringExceptionHandler
    implements DeserializationExceptionHandler, ProcessingExceptionHandler, ProductionExceptionHandler {
  private DeadLetterSink sink;

  @Override
  public void configure(Map<String, ?> configs) {
    if (!(configs.get(DeadLetterSink.CONFIG) instanceof DeadLetterSink configured)) {
      throw new ConfigException(DeadLetterSink.CONFIG, null, "the stream application has no dead-letter sink");
    }
    this.sink = configured;
  }

  @Override
  public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
      Exception exception) {
    boolean written = sink.write(new DeadLetterSink.Failure("deserialization", context.processorNodeId(),
        record.topic(), record.partition(), record.offset(), record.key(), record.value(), record.headers(), exception,
        exception instanceof RecordRefusedException refused
            ? "the record could not be read at " + context.processorNodeId() + ": " + refused.getMessage()
            : "the record could not be read (" + exception.getClass().getSimpleName() + ")"));
    return written ? DeserializationHandlerResponse.CONTINUE : DeserializationHandlerResponse.FAIL;
  }

  @Override
  public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    if (context.topic() == null && context.sourceRawValue() == null) {
      // A punctuator (a timer sweep) failed: there is no record to set aside; it runs again at the next tick.
      sink.counted("punctuation", exception);
      return ProcessingHandlerResponse.CONTINUE;
    }
    boolean written = sink.write(new DeadLetterSink.Failure("processing", context.processorNodeId(), context.topic(),
        context.partition(), context.offset(), context.sourceRawKey(), context.sourceRawValue(), context.headers(),
        exception, exception instanceof RecordRefusedException refused
            ? "the record was refused at " + context.processorNodeId() + ": " + refused.getMessage()
            : "the record could not be processed at " + context.processorNodeId()
                + " (" + exception.getClass().getSimpleName() + ")"));
    return written ? ProcessingHandlerResponse.CONTINUE : ProcessingHandlerResponse.FAIL;
  }

  @Override
  public ProductionExceptionHandlerResponse handle(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
      Exception exception) {
    return published(context, record, exception, sizeReason(record, exception));
  }

  @Override
  @SuppressWarnings("rawtypes")
  public ProductionExceptionHandlerResponse handleSerializationException(ErrorHandlerContext context,
      ProducerRecord record, Exception exception, SerializationExceptionOrigin origin) {
    return published(context, null, exception,
        "the " + origin.name().toLowerCase(java.util.Locale.ROOT) + " of a record for " + record.topic()
            + " could not be serialized (" + exception.getClass().getSimpleName() + ")");
  }

  private ProductionExceptionHandlerResponse published(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
      Exception exception, String reason) {
    byte[] key = context.sourceRawKey() != null ? context.sourceRawKey() : record == null ? null : record.key();
    byte[] value = context.sourceRawValue() != null ? context.sourceRawValue() : record == null ? null : record.value();
    boolean written = sink.write(new DeadLetterSink.Failure("production", context.processorNodeId(), context.topic(),
        context.partition(), context.offset(), key, value, context.headers(), exception, reason));
    return written ? ProductionExceptionHandlerResponse.CONTINUE : ProductionExceptionHandlerResponse.FAIL;
  }

  private static String sizeReason(ProducerRecord<byte[], byte[]> record, Exception exception) {
    if (exception instanceof RecordTooLargeException && record != null) {
      int size = (record.value() == null ? 0 : record.value().length) + (record.key() == null ? 0 : record.key().length);
      return "a record of " + size + " bytes for " + record.topic() + " is larger than the producer or topic allows";
    }
    return "a record for " + (record == null ? "its topic" : record.topic()) + " could not be published ("
        + exception.getClass().getSimpleName() + ")";
  }
}
