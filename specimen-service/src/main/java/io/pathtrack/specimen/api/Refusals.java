package io.pathtrack.specimen.api;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import io.pathtrack.contract.Fhir;
import io.pathtrack.specimen.registration.SpecimenRegistration.RegistrationException;
import org.hl7.fhir.r4.model.OperationOutcome;

/** The one place a refused registration or transition becomes an HTTP error with an OperationOutcome. */
final class Refusals {
  private Refusals() {}

  static BaseServerResponseException of(RegistrationException e) {
    OperationOutcome oo = new OperationOutcome();
    oo.addIssue()
        .setSeverity(OperationOutcome.IssueSeverity.ERROR)
        .setCode(switch (e.kind()) {
          case REQUIRED -> OperationOutcome.IssueType.REQUIRED;
          case INVALID -> OperationOutcome.IssueType.VALUE;
          case CONFLICT -> OperationOutcome.IssueType.CONFLICT;
        })
        .setDiagnostics(e.getMessage())
        .addExpression(e.expression());
    return e.conflict() ? new ResourceVersionConflictException(e.getMessage(), null, oo)
        : new UnprocessableEntityException(Fhir.context(), oo);
  }
}
