package io.pathtrack.guard.http;

import io.pathtrack.contract.Fhir;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The error answers of the HTTP edge, all FHIR OperationOutcomes, whichever part of a service (HAPI's
 * servlet, a Spring MVC controller, a filter, the error page) gives them.
 */
public final class OutcomeAnswers {
  public static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json;charset=UTF-8");

  private static final long KB = 1024;
  private static final long MB = KB * KB;

  private OutcomeAnswers() {}

  /** One error issue with its code, what is wrong, and optionally the elements at fault. */
  public static OperationOutcome outcome(IssueType code, String diagnostics, String... expressions) {
    OperationOutcome oo = new OperationOutcome();
    var issue = oo.addIssue().setSeverity(IssueSeverity.ERROR).setCode(code).setDiagnostics(diagnostics);
    for (String expression : expressions) {
      issue.addExpression(expression);
    }
    return oo;
  }

  public static OperationOutcome tooLarge(long limitBytes) {
    return outcome(IssueType.TOOLONG, "the request body is over the limit of " + size(limitBytes) + "; nothing was read past it");
  }

  /**
   * Tomcat reads parameters (the query string, a form body) lazily, when they are first asked for: bytes that
   * are not UTF-8, or too many parameters, fail there with an InvalidParameterException somewhere in the cause chain.
   */
  static boolean unreadableParameters(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof InvalidParameterException) {
        return true;
      }
    }
    return false;
  }

  static OperationOutcome unreadableParameters() {
    return outcome(IssueType.INVALID, "the request parameters could not be read (not UTF-8, or too many)");
  }

  /** A failure the service did not expect: no detail for the caller, only a reference to the log line. */
  public static OperationOutcome unexpected(String reference) {
    return outcome(IssueType.EXCEPTION, "the service failed unexpectedly; reference " + reference
        + " (quote it when reporting the problem)");
  }

  /** A new reference for an unexpected failure: in the answer and in the log line, nowhere else. */
  public static String newReference() {
    return UUID.randomUUID().toString();
  }

  /** The FHIR issue type that best says what an HTTP error status means. */
  public static IssueType issueType(int status) {
    return switch (status) {
      case 401 -> IssueType.LOGIN;
      case 403 -> IssueType.FORBIDDEN;
      case 404, 410 -> IssueType.NOTFOUND;
      case 405, 406, 415, 501 -> IssueType.NOTSUPPORTED;
      case 409, 412 -> IssueType.CONFLICT;
      case 413 -> IssueType.TOOLONG;
      case 422 -> IssueType.PROCESSING;
      case 429 -> IssueType.THROTTLED;
      case 503, 504 -> IssueType.TRANSIENT;
      default -> status >= 500 ? IssueType.EXCEPTION : IssueType.INVALID;
    };
  }

  public static String json(OperationOutcome oo) {
    return Fhir.json().encodeResourceToString(oo);
  }

  /** What an answer made by {@link #entity} says, in words: its first issue's diagnostics. */
  public static String diagnostics(String json) {
    OperationOutcome oo = Fhir.json().parseResource(OperationOutcome.class, json);
    return oo.getIssue().isEmpty() ? "" : oo.getIssueFirstRep().getDiagnostics();
  }

  public static ResponseEntity<String> entity(HttpStatusCode status, OperationOutcome oo) {
    return ResponseEntity.status(status).contentType(FHIR_JSON).body(json(oo));
  }

  /** Writes the answer unless the response is already on its way (then nothing more can be said). */
  public static boolean write(HttpServletResponse response, int status, OperationOutcome oo) throws IOException {
    if (response.isCommitted()) {
      return false;
    }
    response.resetBuffer();
    byte[] body = json(oo).getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType(FHIR_JSON.toString());
    response.setContentLength(body.length);
    try {
      response.getOutputStream().write(body);
    } catch (IllegalStateException writerInUse) {
      response.getWriter().write(json(oo));
    }
    response.flushBuffer();
    return true;
  }

  /** {@code 1 MB (1048576 bytes)}. */
  static String size(long bytes) {
    String unit = bytes % MB == 0 ? bytes / MB + " MB" : bytes % KB == 0 ? bytes / KB + " KB" : null;
    return unit == null ? bytes + " bytes" : unit + " (" + bytes + " bytes)";
  }
}
