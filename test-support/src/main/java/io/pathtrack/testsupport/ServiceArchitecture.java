package io.pathtrack.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The shape every service keeps, checked by its {@code ArchitectureTest} with ArchUnit on the compiled classes: its
 * domain packages ({@code domain} unless the service names others) are plain Java — the rules: what a result means,
 * when it is due, who must be told — and depend on nothing but themselves, the contract's vocabulary and the JDK: no
 * Spring, Kafka, HAPI FHIR, Micrometer, servlet or JSON library. The adapters (REST, FHIR, Kafka Streams, pages,
 * metrics) sit around them; and there is no cycle between the service's packages.
 */
public final class ServiceArchitecture {
  /** What the domain must never touch: frameworks, transports, FHIR models, metrics, JSON, logging. */
  public static final String[] FRAMEWORKS = {"org.springframework..", "org.apache.kafka..", "ca.uhn..", "org.hl7..",
      "io.micrometer..", "jakarta..", "tools.jackson..", "com.fasterxml..", "org.slf4j..", "org.thymeleaf.."};

  private final String base;
  private final String[] domain;
  private final JavaClasses classes;

  private ServiceArchitecture(String base, String[] domain, JavaClasses classes) {
    this.base = base;
    this.domain = domain;
    this.classes = classes;
  }

  /** The production classes of the service whose packages start with {@code base} (e.g. io.pathtrack.specimen). */
  public static ServiceArchitecture of(String base) {
    return new ServiceArchitecture(base, new String[] {base + ".domain.."}, new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(base));
  }

  /** The same service whose domain is these subpackages of the base (e.g. classification, amendment). */
  public ServiceArchitecture withDomain(String... subpackages) {
    String[] packages = java.util.Arrays.stream(subpackages).map(p -> base + "." + p + "..").toArray(String[]::new);
    return new ServiceArchitecture(base, packages, classes);
  }

  /** The production classes, for a service's own rules. */
  public JavaClasses imported() {
    return classes;
  }

  /** The three rules below, as tests (for a service's {@code @TestFactory}). */
  public java.util.stream.Stream<org.junit.jupiter.api.DynamicTest> rules() {
    return java.util.stream.Stream.of(
        org.junit.jupiter.api.DynamicTest.dynamicTest("the domain uses no framework", this::domainUsesNoFramework),
        org.junit.jupiter.api.DynamicTest.dynamicTest("the domain depends only on itself, the contract and the JDK",
            this::domainDependsOnlyOnItselfTheContractAndTheJdk),
        org.junit.jupiter.api.DynamicTest.dynamicTest("the packages are free of cycles", this::packagesAreFreeOfCycles));
  }

  /** The domain package exists and none of its classes uses a framework type. */
  public void domainUsesNoFramework() {
    noClasses().that().resideInAnyPackage(domain)
        .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
        .because("the rules must read as plain Java and be testable without a broker, a server or a clock of Spring's")
        .check(classes);
  }

  /** The domain depends only on itself, the contract's vocabulary and the JDK: never on the service's adapters. */
  public void domainDependsOnlyOnItselfTheContractAndTheJdk() {
    String[] allowed = java.util.stream.Stream.concat(java.util.Arrays.stream(domain),
        java.util.stream.Stream.of("io.pathtrack.contract..", "java..")).toArray(String[]::new);
    classes().that().resideInAnyPackage(domain)
        .should().onlyDependOnClassesThat().resideInAnyPackage(allowed)
        .check(classes);
  }

  /** No two packages of the service depend on each other, directly or through others. */
  public void packagesAreFreeOfCycles() {
    slices().matching(base + ".(*)..").should().beFreeOfCycles().check(classes);
  }
}
