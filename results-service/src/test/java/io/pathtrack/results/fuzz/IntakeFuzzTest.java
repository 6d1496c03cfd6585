package io.pathtrack.results.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.results.ingest.ConfiguredIntake;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mutated FHIR JSON, FHIR XML and HL7 v2 payloads through {@code ReportIntake.assess}, built as
 * results-service builds it: each is answered (classified, or refused with its issues), none is
 * classified benign once its findings are taken out, none with a DOCTYPE or ENTITY declaration is
 * accepted. A fixed number of tries from a fixed seed in the normal build; {@code -Pfuzz} for more.
 */
class IntakeFuzzTest {
  private static final Duration ANSWER_LIMIT = Duration.ofSeconds(20);
  private static IntakeProperty property;

  @BeforeAll
  static void intake() {
    property = new IntakeProperty(ConfiguredIntake.asConfigured(), ANSWER_LIMIT);
  }

  @Test
  void mutatedFhirJsonIsAnsweredAndNeverBenignWithoutFindings() {
    FhirJsonMutator json = new FhirJsonMutator(Seeds.fhirJson());
    FuzzRun.Summary run = FuzzRun.run("FHIR JSON", 2_500, property, json::next);
    assertThat(run.accepted()).as("accepted inputs").isPositive();
    assertThat(run.refused()).as("refused inputs").isPositive();
    assertThat(run.withoutDiagnosticContent()).as("inputs without findings").isPositive();
  }

  @Test
  void mutatedFhirXmlIsAnsweredAndEveryDoctypeIsRefused() {
    FhirXmlMutator xml = new FhirXmlMutator(Seeds.fhirJson());
    FuzzRun.Summary run = FuzzRun.run("FHIR XML", 800, property, xml::next);
    assertThat(run.accepted()).as("accepted inputs").isPositive();
    assertThat(run.withDeclaration()).as("inputs with a DOCTYPE or ENTITY declaration").isPositive();
  }

  @Test
  void mutatedHl7MessagesAreAnsweredAndNeverBenignWithoutObservations() {
    Er7Mutator hl7 = new Er7Mutator(Seeds.hl7());
    FuzzRun.Summary run = FuzzRun.run("HL7 v2", 800, property, hl7::next);
    assertThat(run.accepted()).as("accepted inputs").isPositive();
    assertThat(run.refused()).as("refused inputs").isPositive();
    assertThat(run.withoutDiagnosticContent()).as("inputs without findings").isPositive();
  }
}
