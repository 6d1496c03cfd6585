package io.pathtrack.results.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.pathtrack.contract.Fhir;
import io.pathtrack.results.hl7.Er7Text;
import io.pathtrack.results.ingest.ClassifiedReport;
import io.pathtrack.results.ingest.ConfiguredIntake;
import io.pathtrack.results.ingest.ReportIntake;
import io.pathtrack.results.validation.ReportRejectedException;
import io.pathtrack.testsupport.PathologyFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DiagnosticReport.DiagnosticReportStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the fuzz tests found, each fixed and held here by name (their inputs are also regression seeds). */
class FixedFindingsTest {
  private static ReportIntake intake;

  @BeforeAll
  static void intake() {
    intake = ConfiguredIntake.asConfigured();
  }

  @Test
  void doctypeAfterALongCommentIsRefused() {
    byte[] xml = ("<?xml version=\"1.0\"?><!--" + "x".repeat(5_000) + "--><!DOCTYPE DiagnosticReport [<!ENTITY e \"x\">]>"
        + PathologyFixtures.report("FZ-FIX-1").conclusion("Benign fibroadenoma.").xml()).getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> intake.assess(xml, "application/fhir+xml"))
        .isInstanceOfSatisfying(ReportRejectedException.class, e -> assertThat(e.primary().code()).isEqualTo("security"));
  }

  @Test
  void longRunOfBlanksInAnHl7SegmentIsReadInLinearTime() throws IOException {
    // 60,000 blanks took minutes when the segment split was quadratic; linear reading takes milliseconds.
    String message = Files.readString(Path.of("src/test/resources/hl7/benign.hl7"))
        .replace("Fibroadenomatous stroma", "Fibroadenomatous" + " ".repeat(60_000) + "stroma");
    byte[] payload = message.getBytes(StandardCharsets.UTF_8);
    List<ClassifiedReport> reports = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> intake.assess(payload, Er7Text.CONTENT_TYPE));
    assertThat(reports).hasSize(1);
  }

  @Test
  void preliminaryReportWithAValuelessIssuedIsVersionedByItsStatus() {
    DiagnosticReport report = PathologyFixtures.report("FZ-FIX-3").status(DiagnosticReportStatus.PRELIMINARY)
        .issued(null).conclusion("Atypical cells; final report to follow.").build();
    report.getIssuedElement().addExtension("http://hl7.org/fhir/StructureDefinition/data-absent-reason", new CodeType("unknown"));
    byte[] json = Fhir.json().encodeResourceToString(report).getBytes(StandardCharsets.UTF_8);
    assertThat(intake.assess(json, "application/fhir+json")).singleElement()
        .satisfies(r -> assertThat(r.version()).isEqualTo("preliminary"));
  }
}
