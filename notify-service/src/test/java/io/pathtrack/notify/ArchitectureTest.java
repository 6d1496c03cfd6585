package io.pathtrack.notify;

import io.pathtrack.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/**
 * notify-service keeps its rules — who is told, how urgently, by which channels, when to escalate, what an
 * amendment changed — in {@code domain}, free of frameworks, with the adapters around it ({@link ServiceArchitecture}).
 */
class ArchitectureTest {
  private static final ServiceArchitecture SERVICE = ServiceArchitecture.of("io.pathtrack.notify");

  @Test
  void theDomainUsesNoFramework() {
    SERVICE.domainUsesNoFramework();
  }

  @Test
  void theDomainDependsOnlyOnItselfTheContractAndTheJdk() {
    SERVICE.domainDependsOnlyOnItselfTheContractAndTheJdk();
  }

  @Test
  void packagesAreFreeOfCycles() {
    SERVICE.packagesAreFreeOfCycles();
  }
}
