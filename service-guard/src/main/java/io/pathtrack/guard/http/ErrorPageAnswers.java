package io.pathtrack.guard.http;

import io.pathtrack.guard.Redaction;
import io.pathtrack.guard.security.ProblemPages;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error page, in place of Spring Boot's: what the servlet container sends there (an exception that
 * escaped a filter, a {@code sendError}) is answered with an OperationOutcome like every other error —
 * never the exception, its message, a stack trace or the request path; to a request for the service's pages the
 * same in its problem page.
 */
@Controller
@io.pathtrack.guard.security.OpenEndpoint("the error page: it says what went wrong with the request, nothing else")
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorPageAnswers implements ErrorController {
  private static final Logger log = LoggerFactory.getLogger(ErrorPageAnswers.class);

  private final ObjectProvider<ErrorAttributes> errorAttributes;
  private final long maxBodyBytes;
  private final boolean pages;

  ErrorPageAnswers(ObjectProvider<ErrorAttributes> errorAttributes, long maxBodyBytes, boolean pages) {
    this.errorAttributes = errorAttributes;
    this.maxBodyBytes = maxBodyBytes;
    this.pages = pages;
  }

  /**
   * The OperationOutcome below, or for a request to the service's pages the problem page saying the same (or what
   * the refusal gave as its reason, {@link ProblemPages#REASON}).
   */
  @RequestMapping
  Object error(HttpServletRequest request, HttpServletResponse response) {
    ResponseEntity<String> outcome = outcome(request);
    // A stream already under way (its client gone) cannot become a page.
    if (!pages || !ProblemPages.isPage(request) || response.isCommitted()) {
      return outcome;
    }
    ModelAndView page = MvcErrorAnswers.page(outcome, response);
    if (request.getAttribute(ProblemPages.REASON) instanceof String reason) {
      page.addObject("reason", reason);
    }
    return page;
  }

  private ResponseEntity<String> outcome(HttpServletRequest request) {
    if (BodySizeLimitFilter.exceeded(request)) {
      return OutcomeAnswers.entity(HttpStatus.PAYLOAD_TOO_LARGE, OutcomeAnswers.tooLarge(maxBodyBytes));
    }
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    if (code == null) {
      // Asked for directly, not forwarded here by the container: there is nothing to report.
      return OutcomeAnswers.entity(HttpStatus.NOT_FOUND, OutcomeAnswers.outcome(IssueType.NOTFOUND, "there is no such endpoint"));
    }
    int status = code instanceof Integer i && i >= 400 ? i : 500;
    if (status == 500) {
      String reference = OutcomeAnswers.newReference();
      Throwable failure = failure(request);
      log.error("Unexpected failure, reference {}: {}", reference,
          failure == null ? "an error status without an exception" : Redaction.exception(failure));
      return OutcomeAnswers.entity(HttpStatus.INTERNAL_SERVER_ERROR, OutcomeAnswers.unexpected(reference));
    }
    HttpStatus known = HttpStatus.resolve(status);
    IssueType type = OutcomeAnswers.issueType(status);
    return OutcomeAnswers.entity(HttpStatusCode.valueOf(status),
        OutcomeAnswers.outcome(type, known == null ? "the request failed" : known.getReasonPhrase()));
  }

  private Throwable failure(HttpServletRequest request) {
    ErrorAttributes attributes = errorAttributes.getIfAvailable();
    Throwable failure = attributes == null ? null : attributes.getError(new ServletWebRequest(request));
    return failure != null ? failure : request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t ? t : null;
  }
}
