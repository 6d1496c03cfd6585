package io.pathtrack.guard.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Sets the browser-facing security headers on every answer — FHIR, JSON, server-sent events, errors,
 * actuator — before anything else runs, so they are there however the answer ends: {@code nosniff} (a JSON
 * answer is never run as a script or page), a {@code Content-Security-Policy} that allows nothing by default,
 * and {@code Referrer-Policy: no-referrer} (URLs carry accession numbers). The pages under {@code /ui/} get a policy
 * of their own that lets them load their own style sheets and scripts. Registered for every dispatch,
 * the error page's included; setting a header twice is harmless.
 */
class SecurityHeadersFilter implements Filter {
  static final String NOSNIFF = "X-Content-Type-Options";
  static final String CSP = "Content-Security-Policy";
  static final String REFERRER_POLICY = "Referrer-Policy";

  static final String PAGES = "/ui/";

  private final String contentSecurityPolicy;
  private final String pageContentSecurityPolicy;

  SecurityHeadersFilter(String contentSecurityPolicy, String pageContentSecurityPolicy) {
    this.contentSecurityPolicy = contentSecurityPolicy;
    this.pageContentSecurityPolicy = pageContentSecurityPolicy;
  }

  SecurityHeadersFilter(String contentSecurityPolicy) {
    this(contentSecurityPolicy, contentSecurityPolicy);
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (response instanceof HttpServletResponse http && !http.isCommitted()) {
      // An error dispatch answers the request it is about: a page's refusal is a page too (ErrorPageAnswers).
      boolean page = request instanceof HttpServletRequest r
          && (r.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String about ? about : r.getRequestURI())
              .startsWith(PAGES);
      apply(http, page ? pageContentSecurityPolicy : contentSecurityPolicy);
    }
    chain.doFilter(request, response);
  }

  /** The headers on one answer; also for the answers the container gives itself ({@link ContainerErrorAnswers}). */
  static void apply(HttpServletResponse response, String contentSecurityPolicy) {
    response.setHeader(NOSNIFF, "nosniff");
    response.setHeader(CSP, contentSecurityPolicy);
    response.setHeader(REFERRER_POLICY, "no-referrer");
  }
}
