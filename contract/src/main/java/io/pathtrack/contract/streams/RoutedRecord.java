package io.pathtrack.contract.streams;

import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * A record on its way out of a processor that feeds several output topics: which output, the value
 * and the headers it leaves with. Split on {@link #output()}, then {@link Unwrap} each branch.
 *
 * @param <V> the value type on the wire
 */
public record RoutedRecord<V>(int output, V value, Map<String, byte[]> headers) {

  /** Gives the record its routed value and headers, replacing the ones it inherited. */
  public static final class Unwrap<V> implements FixedKeyProcessor<String, RoutedRecord<V>, V> {
    private FixedKeyProcessorContext<String, V> context;

    @Override
    public void init(FixedKeyProcessorContext<String, V> context) {
      this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, RoutedRecord<V>> record) {
      Headers headers = record.headers();
      for (Header h : headers.toArray()) {
        headers.remove(h.key());
      }
      record.value().headers().forEach(headers::add);
      context.forward(record.withValue(record.value().value()).withHeaders(headers));
    }
  }
}
