package io.pathtrack.contract.serde;

import io.pathtrack.contract.streams.RecordRefusedException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Java records as JSON (Jackson) on a topic or in a state store: the contract's own records and the services' stored
 * state. A value that is not the record throws {@link RecordRefusedException} naming the record type, never quoting
 * the value. A number or flag missing from JSON stored by an older version reads as zero or false.
 */
public final class JsonSerde {
  private static final JsonMapper JSON = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

  private JsonSerde() {}

  /** A serde of this record type. */
  public static <T> Serde<T> of(Class<T> type) {
    return Serdes.serdeFrom(
        (topic, value) -> value == null ? null : JSON.writeValueAsBytes(value),
        (topic, data) -> data == null ? null : read(type, data));
  }

  static <T> T read(Class<T> type, byte[] data) {
    try {
      return JSON.readValue(data, type);
    } catch (JacksonException e) {
      // Jackson's message quotes the input: only the kind of failure is kept.
      throw new RecordRefusedException("the value is not a JSON " + type.getSimpleName() + " ("
          + e.getClass().getSimpleName() + ")");
    }
  }
}
