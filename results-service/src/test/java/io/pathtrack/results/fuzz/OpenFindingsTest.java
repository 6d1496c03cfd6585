package io.pathtrack.results.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pathtrack.contract.Fhir;
import io.pathtrack.results.hl7.Er7Text;
import io.pathtrack.results.ingest.ConfiguredIntake;
import io.pathtrack.results.ingest.ReportIntake;
import io.pathtrack.testsupport.PathologyFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DiagnosticReport.DiagnosticReportStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each {@link OpenFindings} entry still reproduces. When one of these fails, the bug it names has been
 * fixed: remove the entry (and this test of it), and keep its input under {@code fuzz/regressions/}.
 */
class OpenFindingsTest {
  private static final String FIXED = "fixed: remove this open finding and keep the input as a regression seed";
  private static ReportIntake intake;

  @BeforeAll
  static void intake() {
    intake = ConfiguredIntake.asConfigured();
  }

  @Test
  void doctypeAfterALongCommentIsStillAccepted() {
    byte[] xml = doctypeAfterALongComment().getBytes(StandardCharsets.UTF_8);
    assertThat(OpenFindings.explainingAcceptedDeclaration(xml)).contains(OpenFindings.DOCTYPE_BEYOND_GUARD_WINDOW);
    assertThat(intake.assess(xml, "application/fhir+xml")).as(FIXED).hasSize(1);
  }

  @Test
  void blankRunInAnHl7SegmentStillTakesSeconds() throws IOException {
    String message = Files.readString(Path.of("src/test/resources/hl7/benign.hl7"))
        .replace("Fibroadenomatous stroma", "Fibroadenomatous" + " ".repeat(10_000) + "stroma");
    byte[] payload = message.getBytes(StandardCharsets.UTF_8);
    assertThat(OpenFindings.notRun(new FuzzInput("hl7", payload, Er7Text.CONTENT_TYPE, false, java.util.List.of())))
        .contains(OpenFindings.ER7_BLANK_RUN_IS_QUADRATIC);
    // about four seconds on one core; linear splitting answers in milliseconds
    CompletableFuture<?> answer = CompletableFuture.runAsync(() -> intake.assess(payload, Er7Text.CONTENT_TYPE));
    assertThatThrownBy(() -> answer.get(1, TimeUnit.SECONDS)).as(FIXED).isInstanceOf(TimeoutException.class);
  }

  @Test
  void preliminaryReportWithAValuelessIssuedStillFailsToBeVersioned() {
    DiagnosticReport report = PathologyFixtures.report("FZ-OPEN-3").status(DiagnosticReportStatus.PRELIMINARY)
        .issued(null).conclusion("Atypical cells; final report to follow.").build();
    report.getIssuedElement().addExtension("http://hl7.org/fhir/StructureDefinition/data-absent-reason", new CodeType("unknown"));
    byte[] json = Fhir.json().encodeResourceToString(report).getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> intake.assess(json, "application/fhir+json")).as(FIXED)
        .isInstanceOf(NullPointerException.class)
        .satisfies(e -> assertThat(OpenFindings.explainingException(e)).contains(OpenFindings.VALUELESS_ISSUED_FAILS_REPORT_VERSION));
  }

  static String doctypeAfterALongComment() {
    return "<?xml version=\"1.0\"?><!--" + "x".repeat(5_000) + "--><!DOCTYPE DiagnosticReport [<!ENTITY e \"x\">]>"
        + PathologyFixtures.report("FZ-OPEN-1").conclusion("Benign fibroadenoma.").xml();
  }
}
