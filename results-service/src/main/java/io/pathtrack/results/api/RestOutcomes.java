package io.pathtrack.results.api;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import io.pathtrack.contract.Fhir;
import io.pathtrack.results.ingest.ClassifiedReport;
import io.pathtrack.results.validation.OperationOutcomes;
import io.pathtrack.results.validation.ReportRejectedException;
import org.hl7.fhir.r4.model.OperationOutcome;

/** How the REST channel answers: the one place rejections become HTTP errors with an OperationOutcome. */
final class RestOutcomes {
  private RestOutcomes() {}

  /** 413 over the size limit, 400 when unreadable, 422 when read but incomplete or wrong. */
  static BaseServerResponseException of(ReportRejectedException rejection) {
    OperationOutcome outcome = OperationOutcomes.of(rejection.issues());
    if ("too-long".equals(rejection.primary().code())) {
      return new PayloadTooLargeException(rejection.getMessage(), outcome);
    }
    if (rejection.parseFailure()) {
      return new InvalidRequestException(rejection.getMessage(), outcome);
    }
    return new UnprocessableEntityException(Fhir.context(), outcome);
  }

  static OperationOutcome accepted(ClassifiedReport r) {
    OperationOutcome info = new OperationOutcome();
    info.addIssue()
        .setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
        .setCode(OperationOutcome.IssueType.INFORMATIONAL)
        .setDiagnostics("accession " + r.accession() + " classified " + r.classification().outcome().code()
            + (r.classification().needsReview() ? " (needs review)" : ""));
    return info;
  }
}
