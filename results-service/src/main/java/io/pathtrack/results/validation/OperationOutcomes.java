package io.pathtrack.results.validation;

import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** Turns validation issues into the FHIR OperationOutcome every channel answers with. */
public final class OperationOutcomes {
  private OperationOutcomes() {}

  public static OperationOutcome of(List<ValidationIssue> issues) {
    OperationOutcome outcome = new OperationOutcome();
    for (ValidationIssue issue : issues) {
      outcome.addIssue()
          .setSeverity(IssueSeverity.ERROR)
          .setCode(IssueType.fromCode(issue.code()))
          .setDiagnostics(issue.message())
          .addExpression(issue.expression());
    }
    return outcome;
  }
}
