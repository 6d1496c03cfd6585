package io.pathtrack.guard.security;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import io.pathtrack.guard.http.OutcomeAnswers;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The caller is known but may not do this: answered 403 with an OperationOutcome that says why (the scope that is
 * missing, or "not your notification"). The reason is written for the caller: it names no patient and no value.
 */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class AccessRefused extends RuntimeException {
  public AccessRefused(String reason) {
    super(reason);
  }

  /** The same refusal as HAPI FHIR answers it from a resource provider. */
  public static ForbiddenOperationException fhir(String reason) {
    return new ForbiddenOperationException(reason, outcome(reason));
  }

  public static OperationOutcome outcome(String reason) {
    return OutcomeAnswers.outcome(IssueType.FORBIDDEN, reason);
  }
}
