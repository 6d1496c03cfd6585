package io.pathtrack.guard.http;

import io.pathtrack.guard.Redaction;
import io.pathtrack.guard.security.ProblemPages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.StringUtils;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;

/**
 * Every failure of a Spring MVC endpoint (controllers, actuator) becomes an OperationOutcome: unreadable
 * JSON 400, a wrong media type 415 (406 for what cannot be answered), a wrong method 405, an unknown path
 * 404, a refused value 400 naming it, a body over the limit 413, and anything unexpected 500 with a
 * reference that is also in the log — never a message, class or stack trace; to a request for the service's pages
 * ({@code pathtrack.security.pages.enabled}) the same in its problem page. A service's own advice (such
 * as a 503 while its state is restored) comes first; this one takes what is left.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class MvcErrorAnswers {
  private static final Logger log = LoggerFactory.getLogger(MvcErrorAnswers.class);

  private final long maxBodyBytes;
  private final boolean pages;

  MvcErrorAnswers(long maxBodyBytes, boolean pages) {
    this.maxBodyBytes = maxBodyBytes;
    this.pages = pages;
  }

  /** The OperationOutcome below, or for a request to the service's pages the problem page saying the same. */
  @ExceptionHandler(Exception.class)
  Object answer(Exception e, HttpServletRequest request, HttpServletResponse response) {
    ResponseEntity<String> outcome = outcome(e, request, response);
    if (outcome == null || !pages || !ProblemPages.isPage(request)) {
      return outcome;
    }
    return page(outcome, response);
  }

  /** The same status, headers (such as Allow) and words as the OperationOutcome, as the service's problem page. */
  static ModelAndView page(ResponseEntity<String> outcome, HttpServletResponse response) {
    outcome.getHeaders().forEach((name, values) -> {
      if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
        values.forEach(value -> response.addHeader(name, value));
      }
    });
    return ProblemPages.page(outcome.getStatusCode(), OutcomeAnswers.diagnostics(outcome.getBody()));
  }

  private ResponseEntity<String> outcome(Exception e, HttpServletRequest request, HttpServletResponse response) {
    if (response.isCommitted()) {
      // A stream (server-sent events) already under way, or a client gone: nothing more can be said.
      return null;
    }
    if (BodySizeLimitFilter.exceeded(request)) {
      return OutcomeAnswers.entity(HttpStatus.PAYLOAD_TOO_LARGE, OutcomeAnswers.tooLarge(maxBodyBytes));
    }
    if (e instanceof io.pathtrack.guard.security.AccessRefused refused) {
      return OutcomeAnswers.entity(HttpStatus.FORBIDDEN, io.pathtrack.guard.security.AccessRefused.outcome(refused.getMessage()));
    }
    if (e instanceof InvalidRequestValue refused) {
      return OutcomeAnswers.entity(HttpStatus.BAD_REQUEST,
          OutcomeAnswers.outcome(IssueType.VALUE, refused.getMessage(), refused.expression()));
    }
    if (e instanceof HttpMessageNotReadableException unreadable) {
      return OutcomeAnswers.entity(HttpStatus.BAD_REQUEST, OutcomeAnswers.outcome(IssueType.STRUCTURE, unreadable(unreadable)));
    }
    if (e instanceof HttpMediaTypeNotSupportedException media) {
      return OutcomeAnswers.entity(HttpStatus.UNSUPPORTED_MEDIA_TYPE, OutcomeAnswers.outcome(IssueType.NOTSUPPORTED,
          "the request body must be " + media.getSupportedMediaTypes().stream().map(Object::toString)
              .collect(Collectors.joining(" or "))));
    }
    if (e instanceof HttpMediaTypeNotAcceptableException media) {
      return OutcomeAnswers.entity(HttpStatus.NOT_ACCEPTABLE, OutcomeAnswers.outcome(IssueType.NOTSUPPORTED,
          "the answer can only be " + media.getSupportedMediaTypes().stream().map(Object::toString)
              .collect(Collectors.joining(" or "))));
    }
    if (e instanceof HttpRequestMethodNotSupportedException method) {
      return methodNotAllowed(method);
    }
    if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
      return OutcomeAnswers.entity(HttpStatus.NOT_FOUND, OutcomeAnswers.outcome(IssueType.NOTFOUND, "there is no such endpoint"));
    }
    if (e instanceof MissingServletRequestParameterException missing) {
      return OutcomeAnswers.entity(HttpStatus.BAD_REQUEST, OutcomeAnswers.outcome(IssueType.REQUIRED,
          "the query parameter '" + missing.getParameterName() + "' is required", missing.getParameterName()));
    }
    if (e instanceof MethodArgumentTypeMismatchException mismatch) {
      return OutcomeAnswers.entity(HttpStatus.BAD_REQUEST, OutcomeAnswers.outcome(IssueType.VALUE,
          "the parameter '" + mismatch.getName() + "' has the wrong type", mismatch.getName()));
    }
    if (e instanceof IllegalArgumentException && wildcardContentType(request)) {
      // Spring MVC asserts, deep in reading the body, that a Content-Type is concrete: the caller's mistake.
      return OutcomeAnswers.entity(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          OutcomeAnswers.outcome(IssueType.NOTSUPPORTED, "the request body needs a concrete media type, not a wildcard"));
    }
    if (OutcomeAnswers.unreadableParameters(e)) {
      return OutcomeAnswers.entity(HttpStatus.BAD_REQUEST, OutcomeAnswers.unreadableParameters());
    }
    if (e instanceof ResponseStatusException status && status.getStatusCode().value() != 500) {
      return said(status.getStatusCode(), status.getReason());
    }
    if (e instanceof ErrorResponse other && other.getStatusCode().value() != 500) {
      return said(other.getStatusCode(), other.getBody().getDetail());
    }
    return unexpected(e, request);
  }

  private static boolean wildcardContentType(HttpServletRequest request) {
    try {
      MediaType type = request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
      return type != null && (type.isWildcardType() || type.isWildcardSubtype());
    } catch (InvalidMediaTypeException unparseable) {
      return false;
    }
  }

  private static ResponseEntity<String> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
    String allowed = e.getSupportedMethods() == null ? "" : String.join(", ", e.getSupportedMethods());
    OperationOutcome oo = OutcomeAnswers.outcome(IssueType.NOTSUPPORTED,
        "this endpoint does not take that method" + (allowed.isEmpty() ? "" : "; it takes " + allowed));
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).contentType(OutcomeAnswers.FHIR_JSON);
    if (!allowed.isEmpty()) {
      answer.header(HttpHeaders.ALLOW, allowed);
    }
    return answer.body(OutcomeAnswers.json(oo));
  }

  private static ResponseEntity<String> unexpected(Exception e, HttpServletRequest request) {
    String reference = OutcomeAnswers.newReference();
    Object endpoint = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    log.error("Unexpected failure, reference {}: {} on {} {}", reference, Redaction.exception(e), request.getMethod(),
        endpoint == null ? "(no endpoint)" : endpoint);
    return OutcomeAnswers.entity(HttpStatus.INTERNAL_SERVER_ERROR, OutcomeAnswers.unexpected(reference));
  }

  /** The status an endpoint chose with what it said, cleaned; the status's phrase when it said nothing. */
  private static ResponseEntity<String> said(HttpStatusCode status, String reason) {
    String clean = Diagnostics.clean(reason);
    if (!StringUtils.hasText(clean)) {
      HttpStatus known = HttpStatus.resolve(status.value());
      clean = known == null ? "the request failed" : known.getReasonPhrase();
    }
    return OutcomeAnswers.entity(status, OutcomeAnswers.outcome(OutcomeAnswers.issueType(status.value()), clean));
  }

  /** Where the JSON went wrong (line, column, field), not what it held. */
  private static String unreadable(HttpMessageNotReadableException e) {
    JacksonException json = cause(e, JacksonException.class);
    if (json == null) {
      return e.getCause() == null ? "the request body is missing" : "the request body could not be read";
    }
    StringBuilder s = new StringBuilder(json instanceof StreamReadException
        ? "the request body is not well-formed JSON" : "the request body does not have the expected fields and types");
    String field = json.getPath().stream()
        .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
    if (!field.isEmpty()) {
      s.append(" at '").append(Diagnostics.echo(field)).append('\'');
    }
    TokenStreamLocation at = json.getLocation();
    if (at != null && at.getLineNr() > 0) {
      s.append(" (line ").append(at.getLineNr()).append(", column ").append(at.getColumnNr()).append(')');
    }
    return s.toString();
  }

  private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
