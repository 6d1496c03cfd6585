package io.pathtrack.results.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.pathtrack.contract.Outcome;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Texts built to make a text pass quadratic: an unclosed tag repeated a megabyte long once took the normaliser minutes
 * (its tag pattern scanned to the end of the text from every "&lt;br"). The guard is generous; it is not a benchmark.
 */
class ClassifierHostileTextTest {
  private static final OutcomeClassifier CLASSIFIER = new OutcomeClassifier();

  @ParameterizedTest
  @ValueSource(strings = {"<br ", "<p ", "</div ", "<li\t", "< br x=", "<h1 class='"})
  void anUnclosedTagRepeatedAMegabyteLongIsReadInBoundedTimeAndNeverBenign(String unit) {
    String text = unit.repeat(1024 * 1024 / unit.length());

    Classification result = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> CLASSIFIER.classify(ReportFacts.ofConclusion(text)));

    assertThat(result.outcome()).isNotEqualTo(Outcome.BENIGN);
  }
}
