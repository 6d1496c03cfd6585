package io.pathtrack.guard.http;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import io.pathtrack.guard.Redaction;
import jakarta.servlet.http.HttpServletRequest;
import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The error answers of a HAPI {@code RestfulServer}, registered on every one a service serves. A failure
 * nobody threw on purpose is a 500 with a reference that is also in the log, never its message or class;
 * a parse error is a 400 saying what is wrong (HAPI's words, without class names, quoted values cut short);
 * a refusal keeps its OperationOutcome, cleaned the same way; a body read past the limit is a 413 however
 * the reading failed ({@link BodyLimit}). Every exception leaves here with an OperationOutcome, so HAPI
 * never logs an exception's message (which can quote the request) on its own, and no hook ever ends the
 * handling itself (HAPI would log the exception as if handling had failed).
 */
@Interceptor
public class FhirErrorAnswers {
  /**
   * Hook orders: well before and well after a service's own (0). Not Integer.MIN/MAX_VALUE: HAPI compares
   * orders by subtraction, which overflows.
   */
  static final int FIRST = -1_000_000;
  static final int LAST = 1_000_000;

  private static final Logger log = LoggerFactory.getLogger(FhirErrorAnswers.class);

  /**
   * Last of the hooks that turn an exception into an answer, so a service's own (such as a 503 while its
   * state is restored) comes first; whatever they leave gets an OperationOutcome here.
   */
  @Hook(value = Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION, order = LAST)
  public BaseServerResponseException classify(RequestDetails details, Throwable exception) {
    boolean answered = exception instanceof BaseServerResponseException answer && answer.getStatusCode() < 500;
    if (!answered && !(exception instanceof DataFormatException) && thrownByParser(exception)) {
      InvalidRequestException invalid = new InvalidRequestException(
          "the body cannot be parsed as FHIR: a resource or element in it is malformed");
      invalid.setOperationOutcome(OutcomeAnswers.outcome(IssueType.STRUCTURE, invalid.getMessage()));
      return invalid;
    }
    if (!answered && thrownReadingThePath(exception)) {
      InvalidRequestException invalid = new InvalidRequestException("the request path could not be read");
      invalid.setOperationOutcome(OutcomeAnswers.outcome(IssueType.INVALID,
          "the request path could not be read: it has a '%' that does not start an escape"));
      return invalid;
    }
    if (!answered && OutcomeAnswers.unreadableParameters(exception)) {
      InvalidRequestException invalid = new InvalidRequestException("the request parameters could not be read");
      invalid.setOperationOutcome(OutcomeAnswers.unreadableParameters());
      return invalid;
    }
    if (exception instanceof BaseServerResponseException answer) {
      return safe(answer, details);
    }
    if (exception instanceof DataFormatException) {
      InvalidRequestException invalid = new InvalidRequestException(Diagnostics.clean(exception.getMessage()));
      invalid.setOperationOutcome(OutcomeAnswers.outcome(IssueType.STRUCTURE, invalid.getMessage()));
      return invalid;
    }
    return unexpected(exception, details);
  }

  /**
   * HAPI's parser fails on some malformed bodies with exceptions other than DataFormatException (an empty
   * resourceType in a contained resource, a bundle entry whose resource is not an object): the body is then as
   * unreadable as with a DataFormatException, and the answer is 400, not 500.
   */
  static boolean thrownByParser(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
      for (StackTraceElement frame : t.getStackTrace()) {
        String type = frame.getClassName();
        if (type.startsWith("ca.uhn.fhir.parser.")) {
          return true;
        }
        if (type.startsWith("ca.uhn.fhir.rest.server.") || type.startsWith("io.pathtrack.")) {
          break;
        }
      }
    }
    return false;
  }

  /**
   * HAPI unescapes the request path once more after the container has decoded it, so an id sent as
   * {@code %25} (a lone '%') fails there, before any provider runs: the caller's path, a 400.
   */
  static boolean thrownReadingThePath(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IllegalArgumentException) {
        for (StackTraceElement frame : t.getStackTrace()) {
          if (frame.getClassName().equals("ca.uhn.fhir.rest.server.RestfulServer")
              && frame.getMethodName().equals("populateRequestDetailsFromRequestPath")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The answer as it will be sent, whatever a service's hook made of it. */
  @Hook(Pointcut.SERVER_HANDLE_EXCEPTION)
  public boolean answer(RequestDetails details, BaseServerResponseException exception) {
    BaseServerResponseException safe = safe(exception, details);
    if (safe != exception) {
      exception.setOperationOutcome(safe.getOperationOutcome());
    }
    return true;
  }

  /** A 500 says nothing but its reference; anything else keeps what it says, cleaned. */
  private static BaseServerResponseException safe(BaseServerResponseException exception, RequestDetails details) {
    if (exception instanceof Unexpected) {
      return exception;
    }
    if (exception.getStatusCode() == 500) {
      return unexpected(exception, details);
    }
    IBaseOperationOutcome outcome = exception.getOperationOutcome();
    if (outcome instanceof OperationOutcome oo && oo.hasIssue()) {
      oo.getIssue().forEach(issue -> issue.setDiagnostics(Diagnostics.clean(issue.getDiagnostics())));
    } else {
      exception.setOperationOutcome(OutcomeAnswers.outcome(OutcomeAnswers.issueType(exception.getStatusCode()),
          Diagnostics.clean(exception.getMessage())));
    }
    return exception;
  }

  private static Unexpected unexpected(Throwable exception, RequestDetails details) {
    String reference = OutcomeAnswers.newReference();
    log.error("Unexpected failure, reference {}: {} on FHIR {} {}", reference, Redaction.exception(exception),
        details == null ? "" : details.getRequestType(),
        details == null || details.getRestOperationType() == null ? "" : details.getRestOperationType().getCode());
    return new Unexpected(reference);
  }

  /** A 500 whose answer says only that it happened and its reference. */
  static final class Unexpected extends InternalErrorException {
    Unexpected(String reference) {
      super("unexpected failure, reference " + reference);
      setOperationOutcome(OutcomeAnswers.unexpected(reference));
    }
  }

  /**
   * First of the hooks: a body read past the limit is a 413, whatever HAPI made of the failed read (it
   * reports it as a 400 it could not load).
   */
  @Interceptor
  public static final class BodyLimit {
    private final long maxBodyBytes;

    public BodyLimit(long maxBodyBytes) {
      this.maxBodyBytes = maxBodyBytes;
    }

    @Hook(value = Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION, order = FIRST)
    public BaseServerResponseException tooLarge(HttpServletRequest request) {
      if (!BodySizeLimitFilter.exceeded(request)) {
        return null;
      }
      OperationOutcome oo = OutcomeAnswers.tooLarge(maxBodyBytes);
      return new PayloadTooLargeException(oo.getIssueFirstRep().getDiagnostics(), oo);
    }
  }
}
