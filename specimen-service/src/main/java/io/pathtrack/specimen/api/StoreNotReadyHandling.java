package io.pathtrack.specimen.api;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import io.pathtrack.guard.http.OutcomeAnswers;
import io.pathtrack.specimen.registration.SpecimenStore;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * While Kafka Streams restores or rebalances, the specimen state cannot be read: both APIs answer 503
 * with Retry-After and an OperationOutcome instead of an error. This advice comes before the service
 * guard's, which answers every other failure.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class StoreNotReadyHandling {

  @ExceptionHandler(SpecimenStore.NotReady.class)
  ResponseEntity<String> notReady(SpecimenStore.NotReady e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "2")
        .contentType(OutcomeAnswers.FHIR_JSON)
        .body(OutcomeAnswers.json(OutcomeAnswers.outcome(OperationOutcome.IssueType.TRANSIENT, e.getMessage())));
  }

  /** The same for the FHIR API: HAPI turns this exception into a 503 with an OperationOutcome. */
  static final class Unavailable extends BaseServerResponseException {
    Unavailable(String message) {
      super(503, message);
    }
  }

  /** A HAPI interceptor that maps the store's NotReady to 503. */
  @Interceptor
  static final class FhirNotReady {
    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException map(Throwable exception) {
      Throwable t = exception;
      while (t != null) {
        if (t instanceof SpecimenStore.NotReady notReady) {
          Unavailable unavailable = new Unavailable(notReady.getMessage());
          unavailable.addResponseHeader("Retry-After", "2");
          return unavailable;
        }
        t = t.getCause();
      }
      return exception instanceof BaseServerResponseException b ? b : null;
    }
  }
}
