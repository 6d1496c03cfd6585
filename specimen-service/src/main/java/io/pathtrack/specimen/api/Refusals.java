package io.pathtrack.specimen.api;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import io.pathtrack.contract.Fhir;
import io.pathtrack.specimen.registration.SpecimenRegistration.RegistrationException;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * The one place a refused registration, correction or transition becomes an HTTP error with an
 * OperationOutcome.
 */
final class Refusals {
  /** 428 Precondition Required (RFC 6585): HAPI has no exception of its own for it. */
  private static final int PRECONDITION_REQUIRED = 428;
  private static final int SERVICE_UNAVAILABLE = 503;

  private Refusals() {}

  static BaseServerResponseException of(RegistrationException e) {
    OperationOutcome oo = new OperationOutcome();
    OperationOutcome.OperationOutcomeIssueComponent issue = oo.addIssue()
        .setSeverity(OperationOutcome.IssueSeverity.ERROR)
        .setCode(switch (e.kind()) {
          case REQUIRED, VERSION_REQUIRED -> OperationOutcome.IssueType.REQUIRED;
          case INVALID -> OperationOutcome.IssueType.VALUE;
          case MISMATCH -> OperationOutcome.IssueType.INVALID;
          case NOT_FOUND -> OperationOutcome.IssueType.NOTFOUND;
          case CONFLICT, VERSION_STALE -> OperationOutcome.IssueType.CONFLICT;
          case PENDING -> OperationOutcome.IssueType.TRANSIENT;
        })
        .setDiagnostics(e.getMessage());
    for (String element : e.expressions()) {
      // FHIR names an HTTP header at fault as a location "http." and its name; elements are FHIRPath expressions.
      if (element.startsWith("http.")) {
        issue.addLocation(element);
      } else {
        issue.addExpression(element);
      }
    }
    return switch (e.kind()) {
      case REQUIRED, INVALID -> new UnprocessableEntityException(Fhir.context(), oo);
      case MISMATCH -> new InvalidRequestException(e.getMessage(), oo);
      case NOT_FOUND -> new ResourceNotFoundException(e.getMessage(), oo);
      case CONFLICT -> new ResourceVersionConflictException(e.getMessage(), null, oo);
      case VERSION_REQUIRED -> new UnclassifiedServerFailureException(PRECONDITION_REQUIRED, e.getMessage(), oo);
      case VERSION_STALE -> new PreconditionFailedException(e.getMessage(), oo);
      case PENDING -> new UnclassifiedServerFailureException(SERVICE_UNAVAILABLE, e.getMessage(), oo);
    };
  }
}
