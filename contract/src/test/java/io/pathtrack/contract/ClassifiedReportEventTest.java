package io.pathtrack.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class ClassifiedReportEventTest {

  private static RecordHeaders headers() {
    RecordHeaders h = new RecordHeaders();
    add(h, EventHeaders.TYPE, EventTypes.REPORT_CLASSIFIED);
    add(h, EventHeaders.ID, "e-1");
    add(h, EventHeaders.SUBJECT, "S26-1");
    add(h, EventHeaders.REPORT_ID, "r-1");
    add(h, EventHeaders.REPORT_VERSION, "2");
    add(h, EventHeaders.REPORT_STATUS, "corrected");
    add(h, EventHeaders.OUTCOME, "malignant");
    add(h, EventHeaders.TIME, "2026-11-24T10:00:00Z");
    add(h, EventHeaders.PROCEDURE_TYPE, "ct-bone");
    return h;
  }

  private static void add(RecordHeaders h, String name, String value) {
    h.add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsRoutingFactsFromHeadersWithoutTheBody() {
    ClassifiedReportEvent event = ClassifiedReportEvent.fromHeaders("key", headers()).orElseThrow();
    assertThat(event.accession()).isEqualTo("S26-1");
    assertThat(event.outcome()).isEqualTo(Outcome.MALIGNANT);
    assertThat(event.isFinal()).isTrue();
    assertThat(event.time()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
    assertThat(event.procedureType()).contains(ProcedureType.CT_BONE);
    assertThat(event.orderingPractitioner()).isEmpty();
    assertThat(event.reportReference()).isEqualTo("DiagnosticReport/r-1");
  }

  @Test
  void otherEventTypesAndIncompleteHeadersAreNotClassifiedEvents() {
    RecordHeaders other = headers();
    other.remove(EventHeaders.TYPE);
    add(other, EventHeaders.TYPE, EventTypes.SPECIMEN_REGISTERED);
    assertThat(ClassifiedReportEvent.fromHeaders("k", other)).isEmpty();

    RecordHeaders noOutcome = headers();
    noOutcome.remove(EventHeaders.OUTCOME);
    add(noOutcome, EventHeaders.OUTCOME, "cancerous");
    assertThat(ClassifiedReportEvent.fromHeaders("k", noOutcome)).isEmpty();
  }

  @Test
  void preliminaryIsNotFinal() {
    RecordHeaders h = headers();
    h.remove(EventHeaders.REPORT_STATUS);
    add(h, EventHeaders.REPORT_STATUS, "preliminary");
    assertThat(ClassifiedReportEvent.fromHeaders("k", h).orElseThrow().isFinal()).isFalse();
  }
}
