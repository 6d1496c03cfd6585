package io.pathtrack.guard.security;

import io.pathtrack.guard.http.OutcomeAnswers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The answers of the security layer as FHIR OperationOutcomes: 401 with {@code WWW-Authenticate: Bearer …} when
 * there is no valid token (what is wrong with it, never its content), 403 when the token does not allow the call.
 */
final class OutcomeSecurityAnswers implements AuthenticationEntryPoint, AccessDeniedHandler {
  private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
  private final String issuer;

  OutcomeSecurityAnswers(String issuer) {
    this.issuer = issuer;
    bearer.setRealmName("pathtrack");
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    bearer.commence(request, response, failure);
    String header = response.getHeader("WWW-Authenticate");
    OutcomeAnswers.write(response, HttpServletResponse.SC_UNAUTHORIZED, OutcomeAnswers.outcome(IssueType.LOGIN, reason(request, failure)));
    if (header != null) {
      // write() resets the buffer, not the headers; set again in case a container dropped it.
      response.setHeader("WWW-Authenticate", header);
    }
  }

  private String reason(HttpServletRequest request, AuthenticationException failure) {
    String authorization = request.getHeader("Authorization");
    if (authorization == null || authorization.isBlank()) {
      return "this endpoint needs a bearer token (OAuth 2.0) from " + issuer;
    }
    String said = String.valueOf(failure.getMessage()).toLowerCase(java.util.Locale.ROOT);
    if (said.contains("expired")) {
      return "the bearer token has expired; get a new one from " + issuer;
    }
    if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return "only bearer tokens are accepted (Authorization: Bearer <token>)";
    }
    return "the bearer token is not valid here (format, signature, issuer or audience); get one from " + issuer;
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) throws IOException {
    OutcomeAnswers.write(response, HttpServletResponse.SC_FORBIDDEN, AccessRefused.outcome("this token does not allow this request"));
  }
}
