package io.pathtrack.contract.serde;

import io.pathtrack.contract.Fhir;
import io.pathtrack.contract.streams.RecordRefusedException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FHIR R4 resources as compact JSON on a topic or in a state store, through the JVM's one HAPI context
 * ({@link Fhir}). Written the way every producer of the system writes them, so a record's bytes do not change when
 * it goes through this serde. Reading is strict (a value that is not the resource throws
 * {@link RecordRefusedException}, which the stream's exception handler dead-letters with the reason) or, for topics
 * whose events are in their headers and whose body is a copy for display, {@link #lenient}: an unreadable body reads
 * as an empty resource of its type, so what the headers say still happens.
 */
public final class FhirSerde {
  private static final Logger log = LoggerFactory.getLogger(FhirSerde.class);

  private FhirSerde() {}

  /** Reads only this resource type; anything else is refused. */
  public static <T extends Resource> Serde<T> strict(Class<T> type) {
    return Serdes.serdeFrom(serializer(), (topic, data) -> data == null ? null : read(type, data));
  }

  /** Reads this resource type; a value that is not one reads as an empty resource of the type, with a warning. */
  public static <T extends Resource> Serde<T> lenient(Class<T> type) {
    return Serdes.serdeFrom(serializer(), (topic, data) -> {
      if (data == null) {
        return null;
      }
      try {
        return read(type, data);
      } catch (RecordRefusedException e) {
        // The body's content is never logged: it may hold a patient's details.
        log.warn("A record on {} is not a FHIR {}: its headers are used, its body is read as empty", topic,
            type.getSimpleName());
        return empty(type);
      }
    });
  }

  /**
   * Reads this resource type only when the stream asks for it ({@link Deferred#get()}), leniently; written back as
   * received.
   */
  public static <T extends Resource> Serde<Deferred<T>> deferred(Class<T> type) {
    Serde<T> lenient = lenient(type);
    return Serdes.serdeFrom((topic, value) -> value == null ? null : value.bytes(),
        (topic, data) -> new Deferred<>(data, bytes -> lenient.deserializer().deserialize(topic, bytes)));
  }

  /** The compact JSON of a resource, as bytes. */
  private static <T extends Resource> Serializer<T> serializer() {
    return (topic, resource) -> resource == null ? null
        : Fhir.json().encodeResourceToString(resource).getBytes(StandardCharsets.UTF_8);
  }

  static <T extends Resource> T read(Class<T> type, byte[] data) {
    try {
      return Fhir.json().parseResource(type, new String(data, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      // HAPI's message may quote the input: only the kind of failure is kept.
      throw new RecordRefusedException("the value is not a FHIR R4 " + type.getSimpleName() + " in JSON ("
          + e.getClass().getSimpleName() + ")");
    }
  }

  private static <T extends Resource> T empty(Class<T> type) {
    try {
      return type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("FHIR type without a public constructor: " + type.getName(), e);
    }
  }
}
