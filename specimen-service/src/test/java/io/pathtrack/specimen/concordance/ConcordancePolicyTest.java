package io.pathtrack.specimen.concordance;

import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.contract.ClassifiedReportEvent;
import io.pathtrack.contract.Concordance;
import io.pathtrack.contract.ImagingCategory;
import io.pathtrack.contract.Outcome;
import io.pathtrack.contract.ProcedureType;
import io.pathtrack.contract.ReportCues;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Specimen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The concordance table (docs/architecture.md §4a): every imaging category against every outcome, and calcification targets. */
class ConcordancePolicyTest {
  private static final ConcordancePolicy POLICY = new ConcordanceProperties(
      Set.of("bi-rads-4c", "bi-rads-5", "bi-rads-6", "lung-rads-4b", "lung-rads-4x", "imaging-highly-suspicious"),
      Set.of("bi-rads-1", "bi-rads-2", "bi-rads-3", "lung-rads-1", "lung-rads-2", "lung-rads-3", "imaging-probably-benign"),
      Set.of("bi-rads-5", "bi-rads-6", "imaging-highly-suspicious"), Set.of("stereotactic-vab", "stereotactic-3d-vab"),
      true).toPolicy();

  @ParameterizedTest(name = "{0} + {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      BI-RADS 5                     | BENIGN        | DISCORDANT
      BI-RADS 5                     | ATYPICAL      | REVIEW
      BI-RADS 5                     | MALIGNANT     | CONCORDANT
      BI-RADS 5                     | NONDIAGNOSTIC | NOT_ASSESSED
      BI-RADS 4C                    | BENIGN        | DISCORDANT
      BI-RADS 4C                    | ATYPICAL      | CONCORDANT
      BI-RADS 4C                    | MALIGNANT     | CONCORDANT
      BI-RADS 4B                    | BENIGN        | CONCORDANT
      BI-RADS 4A                    | BENIGN        | CONCORDANT
      BI-RADS 4A                    | MALIGNANT     | CONCORDANT
      BI-RADS 4                     | BENIGN        | CONCORDANT
      BI-RADS 6                     | BENIGN        | DISCORDANT
      BI-RADS 6                     | ATYPICAL      | REVIEW
      BI-RADS 3                     | MALIGNANT     | REVIEW
      BI-RADS 3                     | BENIGN        | CONCORDANT
      BI-RADS 3                     | ATYPICAL      | CONCORDANT
      BI-RADS 2                     | MALIGNANT     | REVIEW
      BI-RADS 2                     | BENIGN        | CONCORDANT
      Lung-RADS 4X                  | BENIGN        | DISCORDANT
      Lung-RADS 4B                  | BENIGN        | DISCORDANT
      Lung-RADS 4A                  | BENIGN        | CONCORDANT
      Lung-RADS 3                   | MALIGNANT     | REVIEW
      Lung-RADS 4X                  | MALIGNANT     | CONCORDANT
      highly suspicious lung mass   | BENIGN        | DISCORDANT
      highly suspicious lung mass   | ATYPICAL      | REVIEW
      suspicious lesion             | BENIGN        | CONCORDANT
      probably benign nodule        | MALIGNANT     | REVIEW
      lytic bone lesion             | BENIGN        | NOT_ASSESSED
      lytic bone lesion             | MALIGNANT     | NOT_ASSESSED
      """)
  void theImagingCategoryAndTheOutcomeGiveTheState(String reason, Outcome outcome, Concordance.State expected) {
    Concordance c = POLICY.assess(specimen(reason), Optional.of(ProcedureType.US_CORE_NEEDLE), report(outcome), ReportCues.none());

    assertThat(c.state()).isEqualTo(expected);
    assertThat(c.needsAction()).isEqualTo(expected == Concordance.State.DISCORDANT || expected == Concordance.State.REVIEW);
    assertThat(c.findings()).hasSize(c.needsAction() ? 1 : 0);
    if (expected == Concordance.State.DISCORDANT) {
      assertThat(c.findings().get(0)).contains("repeat biopsy or excision per protocol").contains(c.category().orElseThrow().display());
    }
    assertThat(c.calcifications()).isEqualTo(Concordance.Calcifications.NOT_TARGETED);
  }

  @ParameterizedTest(name = "{0} by {1}, {2}, report says {3} -> {4}, {5} findings")
  @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
      microcalcifications, BI-RADS 4B | stereotactic-vab    | BENIGN    | present       | CONFIRMED     | 0
      microcalcifications, BI-RADS 4B | stereotactic-vab    | BENIGN    | not-mentioned | NOT_CONFIRMED | 1
      microcalcifications, BI-RADS 4B | stereotactic-3d-vab | BENIGN    | absent        | NOT_CONFIRMED | 1
      microcalcifications, BI-RADS 4B | stereotactic-vab    | BENIGN    | none          | NOT_CONFIRMED | 1
      microcalcifications, BI-RADS 4B | us-core             | BENIGN    | present       | CONFIRMED     | 1
      microcalcifications, BI-RADS 4B | us-core             | BENIGN    | not-mentioned | NOT_CONFIRMED | 2
      microcalcifications, BI-RADS 4B | stereotactic-vab    | MALIGNANT | not-mentioned | NOT_CONFIRMED | 0
      microcalcifications, BI-RADS 4B | stereotactic-vab    | ATYPICAL  | present       | CONFIRMED     | 0
      Mikrokalk, BI-RADS 4C           | stereotactic-vab    | BENIGN    | present       | CONFIRMED     | 1
      mass, BI-RADS 4B                | us-core             | BENIGN    | not-mentioned | NOT_TARGETED  | 0
      mass, BI-RADS 4B                | unmapped            | BENIGN    | absent        | NOT_TARGETED  | 0
      """)
  void aCalcificationTargetMustBeConfirmedInABenignReport(String reason, String procedure, Outcome outcome,
      String calcifications, Concordance.Calcifications expected, int findings) {
    ReportCues cues = new ReportCues(Optional.empty(), Optional.ofNullable(calcifications), List.of());
    Concordance c = POLICY.assess(specimen(reason), ProcedureType.fromCode(procedure), report(outcome), cues);

    assertThat(c.calcifications()).isEqualTo(expected);
    assertThat(c.findings()).as("%s", c.findings()).hasSize(findings);
    if (expected == Concordance.Calcifications.NOT_CONFIRMED && outcome == Outcome.BENIGN) {
      assertThat(c.findings()).anyMatch(f -> f.startsWith("calcifications not confirmed in specimen"));
    }
    if (procedure.equals("us-core") && expected != Concordance.Calcifications.NOT_TARGETED) {
      assertThat(c.findings()).anyMatch(f -> f.contains("not stereotactically"));
    }
  }

  @Test
  void theReportsOwnOrderStatesTheCategoryWhenTheRegisteredOrderDoesNot() {
    ReportCues fromReport = new ReportCues(Optional.of(ImagingCategory.biRads("5")), Optional.empty(), List.of());

    assertThat(POLICY.assess(specimen("mass"), Optional.empty(), report(Outcome.BENIGN), fromReport).state())
        .isEqualTo(Concordance.State.DISCORDANT);
    assertThat(POLICY.assess(specimen("BI-RADS 3"), Optional.empty(), report(Outcome.BENIGN), fromReport).state())
        .as("the registered order wins").isEqualTo(Concordance.State.CONCORDANT);
  }

  @Test
  void aSiteTableDecides() {
    ConcordancePolicy site = new ConcordanceProperties(Set.of("BI-RADS-4B"), Set.of(), Set.of(), Set.of("us-core"), false)
        .toPolicy();

    assertThat(site.assess(specimen("BI-RADS 4B, calcifications"), Optional.of(ProcedureType.US_CORE_NEEDLE),
        report(Outcome.BENIGN), ReportCues.none()))
        .satisfies(c -> {
          assertThat(c.state()).isEqualTo(Concordance.State.DISCORDANT);
          assertThat(c.calcifications()).isEqualTo(Concordance.Calcifications.NOT_TARGETED);
        });
    assertThat(site.assess(specimen("BI-RADS 5"), Optional.empty(), report(Outcome.BENIGN), ReportCues.none()).state())
        .isEqualTo(Concordance.State.CONCORDANT);
  }

  static Specimen specimen(String reason) {
    Specimen specimen = new Specimen();
    ServiceRequest order = new ServiceRequest();
    order.setId("order");
    order.addReasonCode(new CodeableConcept().setText(reason));
    specimen.addContained(order);
    specimen.addRequest(new Reference("#order"));
    return specimen;
  }

  static ClassifiedReportEvent report(Outcome outcome) {
    Instant at = Instant.parse("2026-12-01T10:00:00Z");
    return new ClassifiedReportEvent("e1", "S26-00001", "r1", "1", "final", outcome, false, at, Optional.of(at),
        Optional.of("Practitioner/dr-lee"), Optional.empty(), Optional.empty(), Optional.empty(), false);
  }
}
