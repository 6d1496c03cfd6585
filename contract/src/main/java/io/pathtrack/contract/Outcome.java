package io.pathtrack.contract;

import java.util.Arrays;
import java.util.Optional;

/**
 * The outcome of a pathology report (docs/architecture.md §4). Every accepted report gets exactly one.
 * Declared in order of severity, worst first: the outcome of a multi-part report is its worst part's.
 */
public enum Outcome {
  MALIGNANT("malignant", "Malignant"),
  ATYPICAL("atypical", "Atypical"),
  NONDIAGNOSTIC("nondiagnostic", "Nondiagnostic"),
  BENIGN("benign", "Benign");

  /** Code system of these codes when carried as a FHIR Coding. */
  public static final String SYSTEM = Vocabulary.BASE + "/CodeSystem/outcome";

  private final String code;
  private final String display;

  Outcome(String code, String display) {
    this.code = code;
    this.display = display;
  }

  public String code() {
    return code;
  }

  public String display() {
    return display;
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
    return Arrays.stream(values()).filter(o -> o.code.equalsIgnoreCase(code)).findFirst();
  }
}
