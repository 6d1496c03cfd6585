package io.pathtrack.results.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OperationOutcomesTest {
  @Test
  void issuesBecomeAnOperationOutcomeWithExpressions() {
    var outcome = OperationOutcomes.of(List.of(ValidationIssue.required("DiagnosticReport.subject", "subject is required")));
    assertThat(outcome.getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo("DiagnosticReport.subject");
    assertThat(outcome.getIssueFirstRep().getCode().toCode()).isEqualTo("required");
  }
}
