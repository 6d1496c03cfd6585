package io.pathtrack.guard.http;

import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

/**
 * Registers {@link FhirErrorAnswers} (and its body-limit hook) on every HAPI {@code RestfulServer} a service serves, whether it is a
 * bean or the servlet of a {@code ServletRegistrationBean}, so no FHIR endpoint is left out.
 */
class RestfulServerGuard implements BeanPostProcessor {
  private final LongSupplier maxBodyBytes;

  RestfulServerGuard(LongSupplier maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
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
        .anyMatch(FhirErrorAnswers.class::isInstance);
    if (!guarded) {
      server.registerInterceptor(new FhirErrorAnswers.BodyLimit(maxBodyBytes.getAsLong()));
      server.registerInterceptor(new FhirErrorAnswers());
    }
  }
}
