package io.pathtrack.results;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import io.pathtrack.testsupport.ServiceArchitecture;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * results-service keeps its rules — the outcome classifier, the report history that tells an amendment, the readers
 * of follow-up recommendations and calcifications, the culture reader — in {@code classification}, {@code amendment},
 * {@code followup} and {@code microbiology}, free of frameworks ({@link ServiceArchitecture}); the HL7 v2 translation ({@code hl7}) is pure
 * too, and the MLLP listener an adapter that uses intake, never the other way.
 */
class ArchitectureTest {
  private static final ServiceArchitecture SERVICE = ServiceArchitecture.of("io.pathtrack.results")
      .withDomain("classification", "amendment", "followup", "microbiology");

  @TestFactory
  Stream<DynamicTest> theDomainIsPlainJavaAndNoPackagesDependOnEachOther() {
    return SERVICE.rules();
  }

  /** ER7 in, FHIR out: no Spring, Kafka or network, and nothing of intake, the pipeline or the MLLP listener. */
  @Test
  void theHl7TranslationIsPureAndKnowsNoChannel() {
    noClasses().that().resideInAPackage("io.pathtrack.results.hl7..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..", "java.net..",
            "javax.net..", "java.nio.channels..", "io.pathtrack.results.ingest..", "io.pathtrack.results.pipeline..",
            "io.pathtrack.results.mllp..", "io.pathtrack.results.api..", "io.pathtrack.results.publish..")
        .check(SERVICE.imported());
  }
}
