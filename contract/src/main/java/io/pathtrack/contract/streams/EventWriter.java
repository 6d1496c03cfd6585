package io.pathtrack.contract.streams;

import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Kafka Streams step that turns a value into an outgoing event: encodes it and gives the record the
 * event's own headers instead of the ones inherited from the record that caused it.
 *
 * @param <V> the value type
 */
public final class EventWriter<V> implements FixedKeyProcessor<String, V, String> {
  private final BiFunction<String, V, Map<String, byte[]>> headers;
  private final Function<V, String> encoder;
  private FixedKeyProcessorContext<String, String> context;

  /**
   * @param headers the event headers, from the key (the accession) and the value
   * @param encoder the record value
   */
  public EventWriter(BiFunction<String, V, Map<String, byte[]>> headers, Function<V, String> encoder) {
    this.headers = headers;
    this.encoder = encoder;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, String> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, V> record) {
    Headers out = record.headers();
    for (Header h : out.toArray()) {
      out.remove(h.key());
    }
    headers.apply(record.key(), record.value()).forEach(out::add);
    context.forward(record.withValue(encoder.apply(record.value())).withHeaders(out));
  }
}
