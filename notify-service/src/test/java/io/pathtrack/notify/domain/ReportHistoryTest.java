package io.pathtrack.notify.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.notify.report.ReportReading;
import io.pathtrack.notify.report.ReportStore;
import io.pathtrack.contract.ClassifiedReportEvent;
import io.pathtrack.contract.Extensions;
import io.pathtrack.contract.Fhir;
import io.pathtrack.contract.Outcome;
import io.pathtrack.contract.ProcedureType;
import io.pathtrack.contract.Topics;
import io.pathtrack.testsupport.PathologyFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/** What the notification page reads from a classified report, and what an amendment changed. */
class ReportHistoryTest {
  private static final Instant ISSUED = Instant.parse("2026-11-23T09:40:00Z");

  private static ClassifiedReportEvent event(String version, Outcome outcome, String status) {
    return new ClassifiedReportEvent("e-" + version, "S26-1", "r-1", version, status, outcome, false, ISSUED,
        Optional.of(ISSUED), Optional.of("Practitioner/dr-lee"), Optional.of(ProcedureType.values()[0]), Optional.empty(),
        Optional.empty(), false);
  }

  /** The report as the engine reads it: written and read back through the topic's serde. */
  private static DiagnosticReport body(String conclusion, String evidence, String text) {
    DiagnosticReport report = PathologyFixtures.report("S26-1").conclusion(conclusion).build();
    report.addExtension(Extensions.OUTCOME_EVIDENCE, new StringType(evidence));
    report.addPresentedForm().setContentType("text/plain; charset=utf-8").setData(text.getBytes(StandardCharsets.UTF_8));
    return read(Fhir.json().encodeResourceToString(report));
  }

  /** The history as the engine's store gives it back. */
  private static ReportHistory stored(ReportHistory history) {
    return ReportStore.SERDE.deserializer().deserialize("notify-reports",
        ReportStore.SERDE.serializer().serialize("notify-reports", history));
  }

  private static DiagnosticReport read(String json) {
    return Topics.REPORTS_CLASSIFIED.read(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsTheReportAsThePageShowsItWithThePatientAsAReferenceOnly() {
    ReportVersion v = ReportReading.read(event("1", Outcome.MALIGNANT, "final"),
        body("Invasive carcinoma", "malignant <- conclusion: invasive carcinoma", "DIAGNOSIS\nInvasive carcinoma"));
    assertThat(v.patient()).contains("Patient/p-1001");
    assertThat(v.procedure()).contains(ProcedureType.values()[0].display());
    assertThat(v.specimens()).singleElement().asString().contains("S26-1");
    assertThat(v.issued()).contains(ISSUED);
    assertThat(v.evidence()).containsExactly("malignant <- conclusion: invasive carcinoma");
    assertThat(v.conclusion()).contains("Invasive carcinoma");
    assertThat(v.text()).contains("DIAGNOSIS\nInvasive carcinoma");
  }

  @Test
  void anAmendmentSaysWhatChangedAndKeepsTheEarlierVersion() {
    ReportHistory history = ReportHistory.empty("S26-1")
        .with(ReportReading.read(event("1", Outcome.ATYPICAL, "final"), body("Atypia", "atypical <- conclusion: atypia", "Atypia")))
        .with(ReportReading.read(event("2", Outcome.MALIGNANT, "amended"),
            body("Invasive carcinoma", "malignant <- conclusion: invasive carcinoma", "Invasive carcinoma")));
    history = stored(history);

    assertThat(history.find("r-1", "2")).get().extracting(ReportVersion::outcome).isEqualTo(Outcome.MALIGNANT);
    assertThat(history.earlier("r-1", "2")).extracting(ReportVersion::version).containsExactly("1");
    assertThat(history.changes("r-1", "2")).singleElement().satisfies(c -> {
      assertThat(c.outcomeBefore()).isEqualTo(Outcome.ATYPICAL);
      assertThat(c.outcomeAfter()).isEqualTo(Outcome.MALIGNANT);
      assertThat(c.conclusionChanged()).isTrue();
    });
    assertThat(history.changes("r-1", "1")).isEmpty();
  }

  @Test
  void aRedeliveredVersionReplacesItself() {
    ReportVersion v = ReportReading.read(event("1", Outcome.BENIGN, "final"), body("Benign", "benign <- conclusion: benign", "Benign"));
    assertThat(ReportHistory.empty("S26-1").with(v).with(v).versions()).hasSize(1);
  }

  @Test
  void anAccessionsHistoryAlwaysFitsInOneKafkaRecord() {
    // Twenty amendments, each a report at the intake's limit in three-byte characters: the worst an LIS can send.
    String huge = "\u20ac".repeat(io.pathtrack.contract.RecordSizes.MAX_REPORT_BYTES / 3);
    ReportHistory history = ReportHistory.empty("S26-1");
    for (int i = 1; i <= 20; i++) {
      history = history.with(ReportReading.read(event(String.valueOf(i), Outcome.MALIGNANT, "amended"),
          body(huge, huge, huge)));
    }
    assertThat(ReportStore.SERDE.serializer().serialize("notify-reports", history).length).isLessThan(io.pathtrack.contract.RecordSizes.MAX_RECORD_BYTES
        - io.pathtrack.contract.RecordSizes.HEADROOM_BYTES);
    assertThat(history.versions()).extracting(ReportVersion::version).as("the newest are kept")
        .containsExactly("13", "14", "15", "16", "17", "18", "19", "20");
    ReportVersion last = history.find("r-1", "20").orElseThrow();
    assertThat(last.text().orElseThrow()).endsWith(ReportVersion.SHORTENED);
    assertThat(stored(history)).as("shortening is stable across a store round trip")
        .isEqualTo(history);
  }

  @Test
  void aBodyThatCannotBeReadStillGivesWhatTheHeadersSay() {
    ReportVersion v = ReportReading.read(event("1", Outcome.MALIGNANT, "final"), read("{not json"));
    assertThat(v.outcome()).isEqualTo(Outcome.MALIGNANT);
    assertThat(v.text()).isEmpty();
  }
}
