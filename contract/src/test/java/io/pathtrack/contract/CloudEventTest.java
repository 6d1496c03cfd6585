package io.pathtrack.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class CloudEventTest {
  private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");

  @Test
  void everyEventCarriesTheRequiredAttributesFirst() {
    Map<String, byte[]> h = CloudEvent.of(EventTypes.SLA_BREACH, "urn:pathtrack:specimen-service", AT)
        .subject("S26-00001").contentType(EventHeaders.FHIR_JSON).with(EventHeaders.DUE_TIME, AT.toString()).headers();
    assertThat(h.keySet()).containsExactly(EventHeaders.ID, EventHeaders.TYPE, EventHeaders.SOURCE,
        EventHeaders.SPEC_VERSION, EventHeaders.TIME, EventHeaders.SUBJECT, EventHeaders.CONTENT_TYPE,
        EventHeaders.DUE_TIME);
    assertThat(text(h, EventHeaders.SPEC_VERSION)).isEqualTo("1.0");
    assertThat(text(h, EventHeaders.TIME)).isEqualTo("2026-11-30T10:00:00Z");
    assertThat(text(h, EventHeaders.TYPE)).isEqualTo(EventTypes.SLA_BREACH);
  }

  @Test
  void aDerivedIdIsTheSameForTheSameEventAndOtherwiseRandom() {
    String a = text(CloudEvent.of("t", "s", AT).idFrom("S26-1", "breach", AT).headers(), EventHeaders.ID);
    String b = text(CloudEvent.of("t", "s", AT.plusSeconds(5)).idFrom("S26-1", "breach", AT).headers(), EventHeaders.ID);
    String c = text(CloudEvent.of("t", "s", AT).idFrom("S26-2", "breach", AT).headers(), EventHeaders.ID);
    assertThat(a).isEqualTo(b).isNotEqualTo(c);
    assertThat(text(CloudEvent.of("t", "s", AT).headers(), EventHeaders.ID))
        .isNotEqualTo(text(CloudEvent.of("t", "s", AT).headers(), EventHeaders.ID));
  }

  @Test
  void absentValuesAreLeftOutAndOnlyCloudEventsHeadersAreTaken() {
    Map<String, byte[]> h = CloudEvent.of("t", "s", AT).subject(null).contentType(null)
        .with(EventHeaders.OUTCOME, Optional.empty()).headers();
    assertThat(h).doesNotContainKeys(EventHeaders.SUBJECT, EventHeaders.CONTENT_TYPE, EventHeaders.OUTCOME);
    assertThatThrownBy(() -> CloudEvent.of("t", "s", AT).with("x-custom", "v")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CloudEvent.of("t", "s", AT).with(EventHeaders.TYPE, "other"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CloudEvent.of(null, "s", AT)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CloudEvent.of("t", " ", AT)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRecordIsCheckedForTheEnvelopeAndWrittenWithoutDuplicates() {
    RecordHeaders record = new RecordHeaders();
    record.add(EventHeaders.CONTENT_TYPE, EventHeaders.bytes("text/plain"));
    assertThat(CloudEvent.missing(record)).containsExactlyElementsOf(CloudEvent.REQUIRED);
    CloudEvent.of("t", "s", AT).contentType(EventHeaders.FHIR_JSON).writeTo(record);
    assertThat(CloudEvent.missing(record)).isEmpty();
    assertThat(record.headers(EventHeaders.CONTENT_TYPE)).hasSize(1);
    record.remove(EventHeaders.SPEC_VERSION);
    record.add(EventHeaders.SPEC_VERSION, EventHeaders.bytes("0.3"));
    assertThat(CloudEvent.missing(record)).containsExactly("ce_specversion (not 1.0)");
  }

  private static String text(Map<String, byte[]> headers, String name) {
    return new String(headers.get(name), StandardCharsets.UTF_8);
  }
}
