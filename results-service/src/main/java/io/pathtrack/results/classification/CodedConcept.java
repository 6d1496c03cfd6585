package io.pathtrack.results.classification;

/**
 * One coding as the report carries it (a FHIR Coding, an HL7 v2 CWE triplet). Any field may be null:
 * LIS feeds send codes without displays, displays without systems, local systems, and so on.
 */
public record CodedConcept(String system, String code, String display) {

  /** Shorthand for a SNOMED CT coding. */
  public static CodedConcept snomed(String code, String display) {
    return new CodedConcept(CodeSystems.SNOMED_CT, code, display);
  }

  /** Shorthand for an ICD-O-3 morphology coding such as {@code 8500/3}. */
  public static CodedConcept icdO3(String code, String display) {
    return new CodedConcept(CodeSystems.ICD_O_3, code, display);
  }
}
