package io.pathtrack.guard.security;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.method.BaseMethodBinding;
import ca.uhn.fhir.rest.server.method.OperationMethodBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint a service serves, read from the real request mappings (Spring MVC's handler mappings and the
 * HAPI FHIR servers' method bindings), each with its access rule. A service refuses to start when one has no
 * rule ({@link #unruled}), and the access tests call every endpoint listed here.
 */
public final class EndpointInventory {
  private EndpointInventory() {}

  /**
   * One endpoint.
   *
   * @param method the HTTP method
   * @param path the path, with {@code {id}}-style variables
   * @param open served without a token (CapabilityStatement, error page)
   * @param need the SMART interaction it needs; empty when open or when it has no rule
   * @param handler what serves it, for messages
   */
  public record Endpoint(String method, String path, boolean open, Optional<SmartScope.Need> need, String handler) {
    public boolean ruled() {
      return open || need.isPresent();
    }

    @Override
    public String toString() {
      return method + " " + path + (open ? " (open)" : need.map(n -> " needs " + n).orElse(" WITHOUT A RULE")) + " — " + handler;
    }
  }

  public static List<Endpoint> of(ApplicationContext context) {
    List<Endpoint> all = new ArrayList<>();
    context.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(mapping -> mapping.getHandlerMethods()
        .forEach((info, method) -> all.addAll(mvc(info, method))));
    for (ServletRegistrationBean<?> registration : context.getBeansOfType(ServletRegistrationBean.class).values()) {
      if (registration.getServlet() instanceof RestfulServer server) {
        String base = registration.getUrlMappings().stream().findFirst().orElse("/fhir/*").replace("/*", "");
        all.addAll(fhir(server, base));
      }
    }
    return all;
  }

  /** Endpoints that no rule covers: nobody can call them, and the service must not start with one. */
  public static List<Endpoint> unruled(ApplicationContext context) {
    return of(context).stream().filter(e -> !e.ruled()).toList();
  }

  private static List<Endpoint> mvc(RequestMappingInfo info, HandlerMethod method) {
    if (ScopeInterceptor.frameworkEndpoint(method)) {
      return List.of();
    }
    ScopeInterceptor.Rule rule = ScopeInterceptor.ruleOf(method);
    Set<String> methods = info.getMethodsCondition().getMethods().stream().map(Enum::name)
        .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    if (methods.isEmpty()) {
      methods = Set.of("GET");
    }
    List<Endpoint> out = new ArrayList<>();
    for (String path : info.getPatternValues()) {
      for (String m : methods) {
        out.add(new Endpoint(m, path, rule.open(), rule.need(), method.getShortLogMessage()));
      }
    }
    return out;
  }

  private static List<Endpoint> fhir(RestfulServer server, String base) {
    FhirScopeInterceptor rules = server.getInterceptorService().getAllRegisteredInterceptors().stream()
        .filter(FhirScopeInterceptor.class::isInstance).map(FhirScopeInterceptor.class::cast).findFirst()
        .orElse(new FhirScopeInterceptor(FhirOperationScopes.of()));
    List<Endpoint> out = new ArrayList<>();
    server.getResourceBindings().forEach(r -> r.getMethodBindings().forEach(b -> out.addAll(fhir(rules, base, r.getResourceName(), b))));
    server.getServerBindings().stream()
        // Without a paging provider a search answers in one Bundle and there is no page to fetch.
        .filter(b -> b.getRestOperationType() != RestOperationTypeEnum.GET_PAGE || server.getPagingProvider() != null)
        .forEach(b -> out.addAll(fhir(rules, base, null, b)));
    out.add(new Endpoint("GET", base + "/metadata", true, Optional.empty(), "CapabilityStatement"));
    return out;
  }

  private static List<Endpoint> fhir(FhirScopeInterceptor rules, String base, String type, BaseMethodBinding binding) {
    RestOperationTypeEnum operation = binding.getRestOperationType();
    String name = binding instanceof OperationMethodBinding o ? o.getName() : null;
    Optional<SmartScope.Need> need;
    boolean open;
    try {
      need = rules.needOf(operation, type, name);
      open = need.isEmpty();
    } catch (FhirScopeInterceptor.NoRule none) {
      need = Optional.empty();
      open = false;
    }
    String handler = binding.getMethod().getDeclaringClass().getSimpleName() + "#" + binding.getMethod().getName();
    String typePath = base + "/" + type;
    List<Endpoint> out = new ArrayList<>();
    switch (operation) {
      case READ -> out.add(new Endpoint("GET", typePath + "/{id}", open, need, handler));
      case SEARCH_TYPE -> out.add(new Endpoint("GET", typePath, open, need, handler));
      case CREATE -> out.add(new Endpoint("POST", typePath, open, need, handler));
      case UPDATE -> out.add(new Endpoint("PUT", typePath + "/{id}", open, need, handler));
      case PATCH -> out.add(new Endpoint("PATCH", typePath + "/{id}", open, need, handler));
      case DELETE -> out.add(new Endpoint("DELETE", typePath + "/{id}", open, need, handler));
      case VALIDATE -> out.add(new Endpoint("POST", typePath + "/$validate", open, need, handler));
      case TRANSACTION, BATCH -> out.add(new Endpoint("POST", base, open, need, handler));
      case GET_PAGE -> out.add(new Endpoint("GET", base + "?_getpages={id}", open, need, handler));
      case EXTENDED_OPERATION_TYPE, EXTENDED_OPERATION_INSTANCE, EXTENDED_OPERATION_SERVER -> {
        OperationMethodBinding o = (OperationMethodBinding) binding;
        if (o.isCanOperateAtInstanceLevel()) {
          out.add(new Endpoint("POST", typePath + "/{id}/" + name, open, need, handler));
        }
        if (o.isCanOperateAtTypeLevel()) {
          out.add(new Endpoint("POST", typePath + "/" + name, open, need, handler));
        }
        if (o.isCanOperateAtServerLevel()) {
          out.add(new Endpoint("POST", base + "/" + name, open, need, handler));
        }
      }
      default -> out.add(new Endpoint("*", typePath, open, need, handler + " (" + operation + ")"));
    }
    return out;
  }
}
