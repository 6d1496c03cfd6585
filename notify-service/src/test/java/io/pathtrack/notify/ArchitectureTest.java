package io.pathtrack.notify;

import io.pathtrack.testsupport.ServiceArchitecture;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * notify-service keeps its rules — who is told, how urgently, by which channels, when to escalate, what an
 * amendment changed — in {@code domain}, free of frameworks, with the adapters around it ({@link ServiceArchitecture}).
 */
class ArchitectureTest {
  @TestFactory
  Stream<DynamicTest> theDomainIsPlainJavaAndNoPackagesDependOnEachOther() {
    return ServiceArchitecture.of("io.pathtrack.notify").rules();
  }
}
