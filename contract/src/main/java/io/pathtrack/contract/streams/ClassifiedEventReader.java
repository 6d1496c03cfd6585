package io.pathtrack.contract.streams;

import io.pathtrack.contract.ClassifiedReportEvent;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Kafka Streams step that replaces a classified-report record's value by the event its headers
 * describe, without parsing the body; null when the record is not such an event (filter it next).
 */
public final class ClassifiedEventReader implements FixedKeyProcessor<String, String, ClassifiedReportEvent> {
  private FixedKeyProcessorContext<String, ClassifiedReportEvent> context;

  @Override
  public void init(FixedKeyProcessorContext<String, ClassifiedReportEvent> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, String> record) {
    context.forward(record.withValue(
        ClassifiedReportEvent.fromHeaders(record.key(), record.headers()).orElse(null)));
  }
}
