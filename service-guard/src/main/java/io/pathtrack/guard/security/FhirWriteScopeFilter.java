package io.pathtrack.guard.security;

import io.pathtrack.guard.http.OutcomeAnswers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a FHIR write (create, update, operation, transaction) whose token lacks the scope before the FHIR server
 * reads its body, so that a caller without the scope learns nothing from how the body parses. The path is read as
 * the FHIR server reads it: {@code [base]/Type}, {@code [base]/Type/id}, {@code [base]/Type[/id]/$op}, {@code [base]}.
 */
final class FhirWriteScopeFilter extends OncePerRequestFilter {
  private final String base;
  private final Supplier<FhirScopeInterceptor> rules;

  FhirWriteScopeFilter(String base, Supplier<FhirScopeInterceptor> rules) {
    this.base = base;
    this.rules = rules;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<SmartScope.Need> need = need(request.getMethod(), request.getRequestURI());
    Optional<Caller> caller = Caller.current();
    if (need.isPresent() && caller.isPresent() && !caller.get().permits(need.get())) {
      OutcomeAnswers.write(response, HttpServletResponse.SC_FORBIDDEN,
          AccessRefused.outcome(ScopeInterceptor.missingScope(need.get())));
      return;
    }
    chain.doFilter(request, response);
  }

  Optional<SmartScope.Need> need(String method, String uri) {
    if (!uri.equals(base) && !uri.startsWith(base + "/")) {
      return Optional.empty();
    }
    String[] parts = uri.substring(base.length()).split("/");
    String type = null;
    String id = null;
    String operation = null;
    for (int i = 1; i < parts.length; i++) {
      String part = URLDecoder.decode(parts[i], StandardCharsets.UTF_8);
      if (part.startsWith("$")) {
        operation = part;
        break;
      } else if (type == null) {
        type = part;
      } else if (id == null) {
        id = part;
      }
    }
    return rules.get().writeNeed(method, type, id != null, operation);
  }
}
