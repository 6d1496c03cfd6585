package io.pathtrack.guard.security;

import io.pathtrack.guard.http.OutcomeAnswers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * A request the security layer's firewall refuses before anything reads it (an encoded line break, a {@code ..},
 * a semicolon or a non-printable character in the path, an unknown method): 400 with an OperationOutcome that
 * says so, without repeating the path; to a request for the pages the same as a plain problem page.
 */
final class FirewallAnswers implements RequestRejectedHandler {
  private final boolean pages;

  /** {@code pages}: whether the service serves pages, whose refusals are its problem page ({@link ProblemPages}). */
  FirewallAnswers(boolean pages) {
    this.pages = pages;
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
      throws IOException {
    if (pages && ProblemPages.isPage(request) && !response.isCommitted()) {
      response.resetBuffer();
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType("text/html;charset=UTF-8");
      response.getWriter().write(ProblemPages.plain(HttpServletResponse.SC_BAD_REQUEST, ProblemPages.title(400),
          "the address holds what is not allowed (an encoded line break or slash, '..', ';' or a control character)"));
      response.flushBuffer();
      return;
    }
    OutcomeAnswers.write(response, HttpServletResponse.SC_BAD_REQUEST, OutcomeAnswers.outcome(IssueType.INVALID,
        "the request's path or method holds what is not allowed (an encoded line break or slash, '..', ';', "
            + "a control character, or an unknown method)"));
  }
}
