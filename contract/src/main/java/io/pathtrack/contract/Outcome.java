package io.pathtrack.contract;

import java.util.Optional;

/**
 * The outcome of a pathology report (docs/architecture.md §4). Every accepted report gets exactly one.
 * Declared in order of severity, worst first: the outcome of a multi-part report is its worst part's.
 */
public enum Outcome implements Coded {
  MALIGNANT("malignant", "Malignant"),
  ATYPICAL("atypical", "Atypical"),
  NONDIAGNOSTIC("nondiagnostic", "Nondiagnostic"),
  BENIGN("benign", "Benign");

  /** Code system of these codes when carried as a FHIR Coding. */
  public static final String SYSTEM = Vocabulary.BASE + "/CodeSystem/outcome";

  private final Concept concept;

  Outcome(String code, String display) {
    this.concept = new Concept(code, display);
  }

  @Override
  public Concept concept() {
    return concept;
  }

  /** Higher is worse: malignant > atypical > nondiagnostic > benign. */
  public int severity() {
    return values().length - ordinal();
  }

  /** The worse of two outcomes. */
  public Outcome worse(Outcome other) {
    return other.severity() > severity() ? other : this;
  }

  public static Optional<Outcome> fromCode(String code) {
    return Coded.byCode(Outcome.class, code);
  }
}
