package io.pathtrack.results.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.results.classification.OutcomeClassifier;
import io.pathtrack.results.ingest.ClassifiedReport;
import io.pathtrack.results.ingest.PayloadGuard;
import io.pathtrack.results.ingest.ReportIntake;
import io.pathtrack.results.ingest.ReportReader;
import io.pathtrack.results.ingest.ReportValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Every message of ../shared/corpus/hl7v2 through ingest as the pipeline reads it (content type
 * application/hl7-v2): accepted under its accession with the outcome SOURCES.md states. The table,
 * {@code hl7/corpus-expectations.csv}, is also what the MLLP integration test checks over a socket.
 */
class Hl7CorpusTest {
  private static ReportIntake intake;

  @BeforeAll
  static void intake() {
    intake = new ReportIntake(new ReportReader(new PayloadGuard(1024 * 1024)), new ReportValidator(List.of()),
        new OutcomeClassifier());
  }

  @Test
  void everyCorpusMessageHasARowInTheTable() throws IOException {
    assertThat(Hl7Fixtures.CORPUS).as("the shared corpus beside the checkout").isDirectory();
    List<String> rows = Files.readAllLines(Path.of("src/test/resources/hl7/corpus-expectations.csv")).stream()
        .filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.split(",")[0].trim()).toList();
    assertThat(Hl7Fixtures.corpusFiles()).containsExactlyInAnyOrderElementsOf(rows);
  }

  @ParameterizedTest(name = "{0}: {1} {2} {3}")
  @CsvFileSource(resources = "/hl7/corpus-expectations.csv", commentCharacter = '#')
  void corpusMessageIsAcceptedUnderItsAccessionWithItsOutcome(String file, String ack, String accession, String outcome) {
    assertThat(ack).isEqualTo("AA");
    List<ClassifiedReport> reports = intake.assess(Hl7Fixtures.corpus(file), Er7Text.CONTENT_TYPE);
    assertThat(reports).hasSize(1);
    assertThat(reports.get(0).accession()).isEqualTo(accession);
    assertThat(reports.get(0).classification().outcome().code()).isEqualTo(outcome);
    assertThat(reports.get(0).classification().needsReview()).isFalse();
    assertThat(reports.get(0).orderingPractitioner()).as("ordering provider (OBR-16/ORC-12)")
        .matches(p -> file.contains("Narrative_short") ? p.isEmpty() : p.isPresent());
  }
}
