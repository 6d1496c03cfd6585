package io.pathtrack.results.classification;

import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.contract.Outcome;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The classifier on a blind evaluation set ({@code classification/blind-evaluation.csv}): conclusions in French, Spanish,
 * Italian and Dutch, superseded diagnoses, history sections, sampling adequacy and ICD-O /1 entities, written from
 * public sources apart from the phrase table the rules are tuned on. It prints the score per family (the README gives
 * it) and holds the rule that matters: atypical, malignant or nondiagnostic material is never reported as benign.
 */
class BlindEvaluationTest {
  private static final String SET = "/classification/blind-evaluation.csv";
  private static final OutcomeClassifier CLASSIFIER = new OutcomeClassifier();

  record Case(String family, String language, String text, Outcome expected) {}

  @Test
  void nothingAtypicalMalignantOrNondiagnosticIsReportedBenignAndTheScoreHolds() throws IOException {
    List<Case> cases = cases();
    Map<String, int[]> byFamily = new TreeMap<>();
    List<String> missedAsBenign = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    for (Case c : cases) {
      Classification result = CLASSIFIER.classify(TestReports.conclusionOnly(c.text()));
      int[] score = byFamily.computeIfAbsent(c.family(), f -> new int[2]);
      score[1]++;
      if (result.outcome() == c.expected()) {
        score[0]++;
      } else {
        wrong.add("[" + c.family() + "] " + c.text() + " -> " + result.outcome() + " (expected " + c.expected() + ")");
        if (result.outcome() == Outcome.BENIGN) {
          missedAsBenign.add(wrong.get(wrong.size() - 1));
        }
      }
    }
    int right = byFamily.values().stream().mapToInt(s -> s[0]).sum();
    StringBuilder table = new StringBuilder("blind evaluation: " + right + "/" + cases.size() + "\n");
    byFamily.forEach((family, s) -> table.append(String.format("  %-12s %3d/%3d  %5.1f %%%n", family, s[0], s[1],
        100.0 * s[0] / s[1])));
    wrong.forEach(w -> table.append("  wrong: ").append(w).append('\n'));
    System.out.println(table);

    assertThat(cases).hasSizeGreaterThanOrEqualTo(200);
    assertThat(byFamily).containsKeys("french", "spanish", "italian", "dutch", "superseding", "history", "adequacy", "icdo1");
    assertThat(missedAsBenign).as("atypical, malignant or nondiagnostic material reported as benign").isEmpty();
    assertThat(100.0 * right / cases.size()).as("overall score (README)").isGreaterThanOrEqualTo(MIN_SCORE);
  }

  /** The score the README states, as a floor: a rule change that lowers it fails here. */
  static final double MIN_SCORE = 91.0;

  private static List<Case> cases() throws IOException {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        Objects.requireNonNull(BlindEvaluationTest.class.getResourceAsStream(SET)), StandardCharsets.UTF_8))) {
      return reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\\|", -1))
          .map(f -> new Case(f[0].trim(), f[1].trim(), f[2].trim(), Outcome.valueOf(f[3].trim()))).toList();
    }
  }
}
