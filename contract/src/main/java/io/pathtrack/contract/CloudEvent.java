package io.pathtrack.contract;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.common.header.Headers;

/**
 * The CloudEvents envelope of every record the services write (CloudEvents 1.0, Kafka protocol binding, binary mode):
 * {@code ce_id}, {@code ce_type}, {@code ce_source}, {@code ce_specversion}, {@code ce_time}, and where they apply
 * {@code ce_subject} (the accession number) and {@code content-type}; then the event's own extension attributes. Every
 * producer builds its headers here, so no record leaves without the required attributes, and every header name is one
 * of {@link EventHeaders}.
 *
 * <pre>{@code
 * Map<String, byte[]> headers = CloudEvent.of(EventTypes.SPECIMEN_REGISTERED, source, clock.instant())
 *     .subject(accession).contentType(EventHeaders.FHIR_JSON)
 *     .with(EventHeaders.PROCEDURE_TYPE, procedure.code())
 *     .headers();
 * }</pre>
 */
public final class CloudEvent {
  /** The attributes CloudEvents requires of every event, and the time every PathTrack event carries. */
  public static final List<String> REQUIRED = List.of(EventHeaders.ID, EventHeaders.TYPE, EventHeaders.SOURCE,
      EventHeaders.SPEC_VERSION, EventHeaders.TIME);

  private final Map<String, byte[]> headers = new LinkedHashMap<>();

  private CloudEvent(String type, String source, Instant time) {
    put(EventHeaders.ID, UUID.randomUUID().toString());
    put(EventHeaders.TYPE, required(type, "type"));
    put(EventHeaders.SOURCE, required(source, "source"));
    put(EventHeaders.SPEC_VERSION, EventHeaders.SPEC_VERSION_1_0);
    put(EventHeaders.TIME, time.toString());
  }

  /** A new event of this type (one of {@link EventTypes}), from this source (the service), at this time. */
  public static CloudEvent of(String type, String source, Instant time) {
    return new CloudEvent(type, source, time);
  }

  /** An id of its own (by default a random UUID): for an event that must be recognised when written again. */
  public CloudEvent id(String id) {
    return put(EventHeaders.ID, required(id, "id"));
  }

  /**
   * An id derived from what makes the event unique (a name-based UUID of the parts), so that writing the same event
   * twice gives the same id and a consumer can drop the second.
   */
  public CloudEvent idFrom(Object... parts) {
    List<String> text = new ArrayList<>();
    for (Object part : parts) {
      text.add(String.valueOf(part));
    }
    return id(UUID.nameUUIDFromBytes(String.join("|", text).getBytes(StandardCharsets.UTF_8)).toString());
  }

  /** The subject: the accession number the event is about. */
  public CloudEvent subject(String accession) {
    return with(EventHeaders.SUBJECT, accession);
  }

  /** The value's media type ({@code content-type}). */
  public CloudEvent contentType(String contentType) {
    return with(EventHeaders.CONTENT_TYPE, contentType);
  }

  /** An extension attribute, one of {@link EventHeaders}; a null value is left out. */
  public CloudEvent with(String header, String value) {
    if (!header.equals(EventHeaders.CONTENT_TYPE) && !header.startsWith("ce_")) {
      throw new IllegalArgumentException("Not a CloudEvents header of the Kafka binding: " + header);
    }
    if (REQUIRED.contains(header)) {
      throw new IllegalArgumentException(header + " is set by the envelope itself");
    }
    return value == null ? this : put(header, value);
  }

  /** An extension attribute when present. */
  public CloudEvent with(String header, Optional<String> value) {
    return with(header, value.orElse(null));
  }

  /** The headers, in the order they were set (the envelope first): a copy, which a caller may add to. */
  public Map<String, byte[]> headers() {
    return new LinkedHashMap<>(headers);
  }

  /** Adds the headers to a Kafka record's, replacing any of the same name. */
  public void writeTo(Headers record) {
    headers.forEach((name, value) -> {
      record.remove(name);
      record.add(name, value);
    });
  }

  /** The required attributes a record's headers lack (empty for a well-formed event). */
  public static List<String> missing(Headers record) {
    List<String> missing = new ArrayList<>();
    for (String name : REQUIRED) {
      String value = EventHeaders.last(record, name);
      if (value == null || value.isBlank()) {
        missing.add(name);
      }
    }
    if (!EventHeaders.SPEC_VERSION_1_0.equals(EventHeaders.last(record, EventHeaders.SPEC_VERSION))
        && !missing.contains(EventHeaders.SPEC_VERSION)) {
      missing.add(EventHeaders.SPEC_VERSION + " (not " + EventHeaders.SPEC_VERSION_1_0 + ")");
    }
    return missing;
  }

  private CloudEvent put(String name, String value) {
    headers.put(name, EventHeaders.bytes(value));
    return this;
  }

  private static String required(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("A CloudEvent needs its " + what);
    }
    return value;
  }
}
