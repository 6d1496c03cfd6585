package io.pathtrack.guard.security;

import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.function.Supplier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

/**
 * Puts SMART scope checks ({@link FhirScopeInterceptor}) and the security part of the CapabilityStatement
 * ({@link CapabilitySecurity}) on every HAPI {@code RestfulServer} a service serves, so no FHIR endpoint is left out.
 */
final class RestfulServerAccess implements BeanPostProcessor {
  private final Supplier<FhirOperationScopes> operations;
  private final Supplier<IssuerMetadata> issuer;

  RestfulServerAccess(Supplier<FhirOperationScopes> operations, Supplier<IssuerMetadata> issuer) {
    this.operations = operations;
    this.issuer = issuer;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof RestfulServer server) {
      guard(server);
    } else if (bean instanceof ServletRegistrationBean<?> registration && registration.getServlet() instanceof RestfulServer server) {
      guard(server);
    }
    return bean;
  }

  private void guard(RestfulServer server) {
    boolean guarded = server.getInterceptorService().getAllRegisteredInterceptors().stream()
        .anyMatch(FhirScopeInterceptor.class::isInstance);
    if (!guarded) {
      server.registerInterceptor(new FhirScopeInterceptor(operations.get()));
      server.registerInterceptor(new CapabilitySecurity(issuer.get()));
    }
  }
}
