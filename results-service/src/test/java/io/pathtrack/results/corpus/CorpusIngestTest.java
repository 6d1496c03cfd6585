package io.pathtrack.results.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pathtrack.contract.Fhir;
import io.pathtrack.contract.Outcome;
import io.pathtrack.results.classification.Classification;
import io.pathtrack.results.classification.OutcomeClassifier;
import io.pathtrack.results.ingest.ClassifiedReport;
import io.pathtrack.results.ingest.InboundReport;
import io.pathtrack.results.ingest.PayloadGuard;
import io.pathtrack.results.ingest.ReportIntake;
import io.pathtrack.results.ingest.ReportReader;
import io.pathtrack.results.ingest.ReportValidator;
import io.pathtrack.results.validation.ReportRejectedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Every third-party example in ../shared/corpus/fhir-r4 goes through ingest: it is accepted with the
 * outcome its text states, or rejected naming the element that stops it. The table is
 * {@code corpus/fhir-r4-expectations.csv}.
 */
class CorpusIngestTest {
  private static final Path CORPUS = Path.of("../../shared/corpus/fhir-r4");
  private static ReportIntake intake;

  @BeforeAll
  static void intake() {
    intake = new ReportIntake(new ReportReader(new PayloadGuard(1024 * 1024)), new ReportValidator(List.of()),
        new OutcomeClassifier());
  }

  @Test
  void everyCorpusFileHasARowInTheTable() throws IOException {
    assertThat(CORPUS).as("the shared corpus beside the checkout").isDirectory();
    List<String> rows = Files.readAllLines(Path.of("src/test/resources/corpus/fhir-r4-expectations.csv")).stream()
        .filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.split(",")[0].trim()).toList();
    try (Stream<Path> files = Files.list(CORPUS)) {
      assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactlyInAnyOrderElementsOf(rows);
    }
  }

  @ParameterizedTest(name = "{0}: {1} {2}, {3}")
  @CsvFileSource(resources = "/corpus/fhir-r4-expectations.csv", commentCharacter = '#')
  void corpusFileIsAcceptedWithItsOutcomeOrRejectedWithAPreciseReason(
      String file, String ingest, String accessionOrElement, String outcome, boolean needsReview) throws IOException {
    byte[] bytes = Files.readAllBytes(CORPUS.resolve(file));
    if (ingest.equals("accepted")) {
      List<ClassifiedReport> reports = intake.assess(bytes, null);
      assertThat(reports).hasSize(1);
      assertThat(reports.get(0).accession()).isEqualTo(accessionOrElement);
      assertClassification(reports.get(0).classification(), outcome, needsReview);
    } else {
      assertThatThrownBy(() -> intake.assess(bytes, null))
          .isInstanceOfSatisfying(ReportRejectedException.class, e -> {
            assertThat(e.primary().expression()).isEqualTo(accessionOrElement);
            assertThat(e.primary().message()).isNotBlank();
          });
      assertClassification(classifyAnyway(bytes), outcome, needsReview);
    }
  }

  /** What the text of a rejected file says: reports are classified as they are, Observations inside a report. */
  private static Classification classifyAnyway(byte[] bytes) {
    IBaseResource resource = Fhir.json().parseResource(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
    if (resource instanceof Observation observation) {
      DiagnosticReport holder = new DiagnosticReport();
      holder.setCode(new CodeableConcept().setText("holder"));
      observation.setId("obs");
      holder.addContained(observation);
      holder.addResult(new Reference(observation));
      return intake.classify(InboundReport.of(holder));
    }
    return intake.classify(ReportReader.reports(resource).get(0));
  }

  private static void assertClassification(Classification c, String outcome, boolean needsReview) {
    assertThat(c.outcome()).isEqualTo(Outcome.fromCode(outcome).orElseThrow());
    assertThat(c.needsReview()).isEqualTo(needsReview);
    assertThat(c.evidence()).isNotEmpty();
    assertThat(c.ruleSetVersion()).isEqualTo(OutcomeClassifier.RULE_SET_VERSION);
  }
}
