package io.pathtrack.specimen;

import io.pathtrack.testsupport.ServiceArchitecture;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * specimen-service keeps its rules — the turnaround policy, the working-day calendar, the SLA clock, compliance —
 * in {@code domain}, free of frameworks, with the adapters around it ({@link ServiceArchitecture}).
 */
class ArchitectureTest {
  @TestFactory
  Stream<DynamicTest> theDomainIsPlainJavaAndNoPackagesDependOnEachOther() {
    return ServiceArchitecture.of("io.pathtrack.specimen").rules();
  }
}
