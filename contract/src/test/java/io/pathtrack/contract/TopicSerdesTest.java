package io.pathtrack.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pathtrack.contract.streams.RecordRefusedException;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Specimen;
import org.junit.jupiter.api.Test;

/** Each topic's serde: what it writes is what the producers always wrote; what it cannot read, it says so, unquoted. */
class TopicSerdesTest {
  private static final byte[] NOT_JSON = "not json: Jane Doe, born 1961".getBytes(StandardCharsets.UTF_8);

  private static <V> V read(Topic<V> topic, byte[] data) {
    return topic.read(data);
  }

  private static <V> byte[] write(Topic<V> topic, V value) {
    return topic.write(value);
  }

  @Test
  void aFhirTopicWritesTheCompactJsonEveryProducerWritesAndReadsItBack() {
    Specimen specimen = new Specimen();
    specimen.getAccessionIdentifier().setValue("S26-1");
    specimen.setSubject(new Reference("Patient/p-1"));
    byte[] written = write(Topics.SPECIMENS, specimen);
    assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(Fhir.json().encodeResourceToString(specimen));
    Specimen back = read(Topics.SPECIMENS, written);
    assertThat(back.getAccessionIdentifier().getValue()).isEqualTo("S26-1");
    assertThat(back.getSubject().getReference()).isEqualTo("Patient/p-1");
  }

  @Test
  void aValueThatIsNotTheTopicsResourceIsRefusedNamingTheTypeWithoutQuotingIt() {
    assertThatThrownBy(() -> read(Topics.SPECIMENS, NOT_JSON))
        .isInstanceOf(RecordRefusedException.class)
        .hasMessage("the value is not a FHIR R4 Specimen in JSON (DataFormatException)");
    byte[] report = write(Topics.REPORTS_CLASSIFIED, new DiagnosticReport().setConclusion("Jane Doe"));
    assertThatThrownBy(() -> read(Topics.SPECIMENS, report))
        .isInstanceOf(RecordRefusedException.class)
        .hasMessageStartingWith("the value is not a FHIR R4 Specimen in JSON")
        .hasMessageNotContaining("Jane");
  }

  @Test
  void aClassifiedReportsBodyThatCannotBeReadIsAnEmptyReportSoTheHeadersStillCount() {
    DiagnosticReport body = read(Topics.REPORTS_CLASSIFIED, NOT_JSON);
    assertThat(body.isEmpty()).isTrue();
    assertThat(read(Topics.REPORTS_CLASSIFIED, null)).as("no body at all").isNull();
    DiagnosticReport report = new DiagnosticReport().setConclusion("Invasive carcinoma");
    assertThat(read(Topics.REPORTS_CLASSIFIED, write(Topics.REPORTS_CLASSIFIED, report)).getConclusion())
        .isEqualTo("Invasive carcinoma");
  }

  @Test
  void aNotificationRequestIsJsonAndAnythingElseIsRefusedWithoutQuotingIt() {
    NotificationRequest request = new NotificationRequest("n-1", "Practitioner/dr-lee");
    byte[] written = write(Topics.NOTIFICATION_ACKS, request);
    assertThat(new String(written, StandardCharsets.UTF_8)).contains("\"notificationId\":\"n-1\"");
    assertThat(read(Topics.NOTIFICATION_ACKS, written)).isEqualTo(request);
    assertThatThrownBy(() -> read(Topics.NOTIFICATION_ACKS, NOT_JSON))
        .isInstanceOf(RecordRefusedException.class)
        .hasMessageStartingWith("the value is not a JSON NotificationRequest (")
        .hasMessageNotContaining("Jane");
  }

  @Test
  void aTopicOfRecordsAsReceivedKeepsTheirBytesAndEveryOtherTopicButTheClassifiedReportsIsReadStrictly() {
    for (Topic<?> topic : Topics.ALL) {
      if (topic.contentType().equals("as received")) {
        @SuppressWarnings("unchecked")
        Topic<byte[]> raw = (Topic<byte[]>) topic;
        assertThat(read(raw, write(raw, NOT_JSON))).as(topic.name()).isEqualTo(NOT_JSON);
      } else if (topic != Topics.REPORTS_CLASSIFIED) {
        assertThat(topic.contentType()).as(topic.name()).isIn(EventHeaders.FHIR_JSON, "application/json");
        assertThatThrownBy(() -> topic.read(NOT_JSON)).as(topic.name())
            .isInstanceOf(RecordRefusedException.class);
      }
    }
  }

  @Test
  void aDeferredBodyIsReadOnlyWhenAskedForAndWrittenBackAsReceived() {
    var serde = io.pathtrack.contract.serde.FhirSerde.deferred(DiagnosticReport.class);
    byte[] report = write(Topics.REPORTS_CLASSIFIED, new DiagnosticReport().setConclusion("Invasive carcinoma"));
    var deferred = serde.deserializer().deserialize(Topics.REPORTS_CLASSIFIED.name(), report);
    assertThat(serde.serializer().serialize(Topics.REPORTS_CLASSIFIED.name(), deferred)).isEqualTo(report);
    assertThat(deferred.get().getConclusion()).isEqualTo("Invasive carcinoma");
    assertThat(deferred.get()).as("read once").isSameAs(deferred.get());
    assertThat(serde.deserializer().deserialize(Topics.REPORTS_CLASSIFIED.name(), NOT_JSON).get().isEmpty())
        .as("an unreadable body reads as an empty report, when it is read at all").isTrue();
  }
}
