package io.pathtrack.guard.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Checks the {@link RequiresScope} rule of every Spring MVC endpoint before it runs; an endpoint without a rule
 * (and not {@link OpenEndpoint}) is refused to everyone.
 */
final class ScopeInterceptor implements HandlerInterceptor {

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method) || frameworkEndpoint(method)) {
      return true;
    }
    Rule rule = ruleOf(method);
    if (rule.open()) {
      return true;
    }
    if (rule.need().isEmpty()) {
      throw new AccessRefused("this endpoint has no access rule, so nobody may call it");
    }
    SmartScope.Need need = rule.need().get();
    describe(request, need);
    if (!Caller.required().permits(need)) {
      throw new AccessRefused(missingScope(need));
    }
    return true;
  }

  /** Tells the access audit what this call is: the interaction, and the resource when the path names one. */
  private static void describe(HttpServletRequest request, SmartScope.Need need) {
    request.setAttribute(AccessAudit.INTERACTION, switch (need.interaction()) {
      case 'r' -> "read";
      case 's' -> "search-type";
      case 'c' -> "create";
      case 'u' -> "update";
      case 'd' -> "delete";
      default -> "operation";
    });
    Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    String id = null;
    if (variables instanceof java.util.Map<?, ?> map) {
      Object value = map.get("id") != null ? map.get("id") : map.get("accession");
      id = value == null ? null : value.toString();
    }
    request.setAttribute(AccessAudit.ENTITY, id == null ? need.resource() : need.resource() + "/" + id);
  }

  static String missingScope(SmartScope.Need need) {
    return "the token does not grant " + need + ": it needs scope " + need.scopesThatWouldDo();
  }

  /** What an endpoint's annotations say: open, a scope it needs, or nothing (refused to all). */
  record Rule(boolean open, Optional<SmartScope.Need> need) {}

  static Rule ruleOf(HandlerMethod method) {
    if (find(method, OpenEndpoint.class) != null) {
      return new Rule(true, Optional.empty());
    }
    RequiresScope scope = find(method, RequiresScope.class);
    return new Rule(false, Optional.ofNullable(scope)
        .map(s -> s.systemOnly() ? SmartScope.Need.of(s.value()).forSystemOnly() : SmartScope.Need.of(s.value())));
  }

  private static <A extends java.lang.annotation.Annotation> A find(HandlerMethod method, Class<A> type) {
    A onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), type);
    return onMethod != null ? onMethod : AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), type);
  }

  /** Spring Boot's own handlers (actuator on the management port), which have their own exposure rules. */
  static boolean frameworkEndpoint(HandlerMethod method) {
    return method.getBeanType().getName().startsWith("org.springframework.boot.");
  }
}
