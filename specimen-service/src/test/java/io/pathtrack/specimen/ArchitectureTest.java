package io.pathtrack.specimen;

import io.pathtrack.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/**
 * specimen-service keeps its rules — the turnaround policy, the working-day calendar, the SLA clock, compliance —
 * in {@code domain}, free of frameworks, with the adapters around it ({@link ServiceArchitecture}).
 */
class ArchitectureTest {
  private static final ServiceArchitecture SERVICE = ServiceArchitecture.of("io.pathtrack.specimen");

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
