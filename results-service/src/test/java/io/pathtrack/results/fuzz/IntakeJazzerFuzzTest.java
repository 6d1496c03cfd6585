package io.pathtrack.results.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pathtrack.results.ingest.ConfiguredIntake;
import java.time.Duration;

/**
 * The intake property under Jazzer's coverage-guided fuzzing, one target per channel, with the same
 * structure-aware mutators as {@link IntakeFuzzTest} taking their decisions from Jazzer's data. Jazzer
 * fuzzes one target per JVM, so these run only on demand (tag {@code jazzer}, README "Testing"):
 * {@code JAZZER_FUZZ=1 ./mvnw -o -pl results-service -am verify -Pfuzz -Dtest='IntakeJazzerFuzzTest#fhirJson'}.
 */
class IntakeJazzerFuzzTest {
  private static final IntakeProperty PROPERTY = new IntakeProperty(ConfiguredIntake.asConfigured(), Duration.ofSeconds(20));
  private static final FhirJsonMutator JSON = new FhirJsonMutator(Seeds.fhirJson());
  private static final FhirXmlMutator XML = new FhirXmlMutator(Seeds.fhirJson());
  private static final Er7Mutator HL7 = new Er7Mutator(Seeds.hl7());

  @FuzzTest(maxDuration = "30m")
  void fhirJson(FuzzedDataProvider data) {
    PROPERTY.check(JSON.next(FuzzChoices.jazzer(data)));
  }

  @FuzzTest(maxDuration = "30m")
  void fhirXml(FuzzedDataProvider data) {
    PROPERTY.check(XML.next(FuzzChoices.jazzer(data)));
  }

  @FuzzTest(maxDuration = "30m")
  void hl7(FuzzedDataProvider data) {
    PROPERTY.check(HL7.next(FuzzChoices.jazzer(data)));
  }
}
