package io.pathtrack.results.validation;

/**
 * One problem with an inbound report.
 *
 * @param expression the FHIRPath of the failing element, e.g. {@code DiagnosticReport.subject}
 * @param code the FHIR issue-type code (required, structure, value, invalid, too-long…)
 * @param message what is wrong, for the integrator who reads it
 */
public record ValidationIssue(String expression, String code, String message) {

  public static ValidationIssue required(String expression, String message) {
    return new ValidationIssue(expression, "required", message);
  }

  public static ValidationIssue structure(String expression, String message) {
    return new ValidationIssue(expression, "structure", message);
  }

  public static ValidationIssue invalid(String expression, String message) {
    return new ValidationIssue(expression, "invalid", message);
  }
}
