package io.pathtrack.results.classification;

import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.contract.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The outcome examples the README shows hold true. */
class ReadmeOutcomeExamplesTest {
  private static final OutcomeClassifier CLASSIFIER = new OutcomeClassifier();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Left breast, 10 o'clock, core biopsy: invasive ductal carcinoma, grade 2 | MALIGNANT
      Lymph node, history of breast carcinoma: reactive follicular hyperplasia, negative for malignancy | BENIGN
      Thyroid FNA: atypia of undetermined significance (Bethesda III) | ATYPICAL
      Lung, CT-guided core: suspicious for adenocarcinoma | ATYPICAL
      Iliac crest biopsy: nondiagnostic; crushed bone and blood only | NONDIAGNOSTIC
      A. Hyperplastic polyp. B. Tubular adenoma with high-grade dysplasia | ATYPICAL
      Gut differenziertes azinäres Adenokarzinom der Prostata | MALIGNANT
      Carcinome canalaire infiltrant de grade II | MALIGNANT
      Benign fibrofatty tissue; lesion not sampled | NONDIAGNOSTIC
      """)
  void readmeExampleHolds(String conclusion, Outcome expected) {
    assertThat(CLASSIFIER.classify(TestReports.conclusionOnly(conclusion)).outcome()).isEqualTo(expected);
  }

  @Test
  void supersededFrozenSectionWorseThanTheFinalDiagnosisNeedsReview() {
    Classification c = CLASSIFIER.classify(TestReports.conclusionOnly(
        "Frozen section diagnosis: suspicious for carcinoma. Final diagnosis: fibroadenoma"));
    assertThat(c.outcome()).isEqualTo(Outcome.BENIGN);
    assertThat(c.needsReview()).isTrue();
  }

  @Test
  void emptyReportNeedsReview() {
    Classification c = CLASSIFIER.classify(TestReports.report().build());
    assertThat(c.outcome()).isEqualTo(Outcome.ATYPICAL);
    assertThat(c.needsReview()).isTrue();
  }
}
