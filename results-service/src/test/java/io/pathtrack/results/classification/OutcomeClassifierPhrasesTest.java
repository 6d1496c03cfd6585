package io.pathtrack.results.classification;

import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.contract.Outcome;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * The outcome policy as a table (docs/architecture.md §4): conclusion phrasings from practice across organ systems and
 * reporting systems, each with the outcome it must get. The table is
 * {@code src/test/resources/classification/conclusion-phrases.csv}.
 */
class OutcomeClassifierPhrasesTest {

  private static final String TABLE = "/classification/conclusion-phrases.csv";
  private static final OutcomeClassifier CLASSIFIER = new OutcomeClassifier();

  @ParameterizedTest(name = "[{0}] {1} -> {2} {3}")
  @CsvFileSource(resources = TABLE, delimiterString = "|")
  void conclusionGetsTheOutcomeOfTheTable(String group, String phrase, Outcome expected, String review) {
    Classification result = CLASSIFIER.classify(TestReports.conclusionOnly(phrase));

    assertThat(result.outcome()).as("outcome of [%s] %s; evidence %s", group, phrase, result.evidence())
        .isEqualTo(expected);
    // "review": nothing places the text; "superseded": the final diagnosis decides, and an earlier diagnosis it
    // replaced in the same text was worse, so the result is flagged
    boolean unplaceable = "review".equals(review);
    assertThat(result.needsReview()).as("needsReview of %s; evidence %s", phrase, result.evidence())
        .isEqualTo(unplaceable || "superseded".equals(review));
    assertThat(result.evidence()).isNotEmpty();
    assertThat(result.decidingEvidence().outcome()).isEqualTo(expected);
    assertThat(result.decidingEvidence().source())
        .isEqualTo(unplaceable ? EvidenceSource.NONE : EvidenceSource.CONCLUSION_TEXT);
    if ("superseded".equals(review)) {
      assertThat(result.evidence()).as("evidence of %s", phrase)
          .anySatisfy(e -> assertThat(e.matched()).endsWith(", superseded)"));
    }
    assertThat(result.ruleSetVersion()).isEqualTo(OutcomeClassifier.RULE_SET_VERSION);
  }

  @Test
  void tableCoversEveryOrganSystemAndReportingSystem() throws IOException {
    List<String[]> rows = rows();
    Map<String, Long> perGroup = rows.stream().collect(Collectors.groupingBy(r -> r[0], Collectors.counting()));

    assertThat(rows).hasSizeGreaterThanOrEqualTo(220);
    for (String organ : List.of("breast", "thyroid", "lymph node", "bone", "lung", "liver", "kidney", "prostate",
        "skin", "soft tissue", "salivary", "pancreas", "cervix", "colon")) {
      assertThat(perGroup.getOrDefault(organ, 0L)).as("rows for %s", organ).isGreaterThanOrEqualTo(10);
    }
    assertThat(perGroup).containsKeys("bethesda thyroid", "rcpath", "milan", "yokohama", "pap", "negation",
        "hedge", "history", "multipart", "german", "safety");
    for (String group : List.of("french", "spanish", "italian", "dutch", "superseding", "history section", "adequacy",
        "icdo1")) {
      assertThat(perGroup.getOrDefault(group, 0L)).as("rows for %s", group).isGreaterThanOrEqualTo(12);
    }
    assertThat(rows).extracting(r -> r[2]).containsAll(
        List.of("MALIGNANT", "ATYPICAL", "NONDIAGNOSTIC", "BENIGN"));
  }

  @Test
  void tableStatesEveryBethesdaRcpathAndMilanCategory() throws IOException {
    String phrases = rows().stream().map(r -> r[1]).collect(Collectors.joining("\n"));

    for (String category : List.of("Bethesda category I:", "Bethesda II", "Bethesda category III", "TBSRTC category IV",
        "Bethesda V", "Bethesda category VI", "B1", "B2", "B3", "B4", "B5a", "B5b", "C1", "C2", "C3", "C4", "C5",
        "Milan category I", "Milan II", "Milan III", "Milan IVA", "Milan IVB", "Milan V", "Milan VI",
        "Yokohama category 1", "Yokohama category 2", "Yokohama category 3", "Yokohama category 4",
        "Yokohama category 5", "NILM", "ASC-US", "ASC-H", "LSIL", "HSIL", "AGC")) {
      assertThat(phrases).as("the table states %s", category).contains(category);
    }
  }

  private static List<String[]> rows() throws IOException {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        Objects.requireNonNull(OutcomeClassifierPhrasesTest.class.getResourceAsStream(TABLE)), StandardCharsets.UTF_8))) {
      return reader.lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> line.split("\\|", -1))
          .toList();
    }
  }
}
