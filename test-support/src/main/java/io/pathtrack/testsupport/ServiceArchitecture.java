package io.pathtrack.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The shape every service keeps, checked by its {@code ArchitectureTest} with ArchUnit on the compiled classes: a
 * {@code domain} package of plain Java (the rules: what a result means, when it is due, who must be told) that
 * depends on nothing but itself, the contract's vocabulary and the JDK — no Spring, Kafka, HAPI FHIR, Micrometer,
 * servlet or JSON library — with the adapters (REST, FHIR, Kafka Streams, pages, metrics) around it; and no cycle
 * between the service's packages.
 */
public final class ServiceArchitecture {
  /** What the domain must never touch: frameworks, transports, FHIR models, metrics, JSON, logging. */
  public static final String[] FRAMEWORKS = {"org.springframework..", "org.apache.kafka..", "ca.uhn..", "org.hl7..",
      "io.micrometer..", "jakarta..", "tools.jackson..", "com.fasterxml..", "org.slf4j..", "org.thymeleaf.."};

  private final String base;
  private final JavaClasses classes;

  private ServiceArchitecture(String base) {
    this.base = base;
    this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(base);
  }

  /** The production classes of the service whose packages start with {@code base} (e.g. io.pathtrack.specimen). */
  public static ServiceArchitecture of(String base) {
    return new ServiceArchitecture(base);
  }

  /** The domain package exists and none of its classes uses a framework type. */
  public void domainUsesNoFramework() {
    noClasses().that().resideInAPackage(base + ".domain..")
        .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
        .because("the rules must read as plain Java and be testable without a broker, a server or a clock of Spring's")
        .check(classes);
  }

  /** The domain depends only on itself, the contract's vocabulary and the JDK: never on the service's adapters. */
  public void domainDependsOnlyOnItselfTheContractAndTheJdk() {
    classes().that().resideInAPackage(base + ".domain..")
        .should().onlyDependOnClassesThat().resideInAnyPackage(base + ".domain..", "io.pathtrack.contract..", "java..")
        .check(classes);
  }

  /** No two packages of the service depend on each other, directly or through others. */
  public void packagesAreFreeOfCycles() {
    slices().matching(base + ".(*)..").should().beFreeOfCycles().check(classes);
  }
}
