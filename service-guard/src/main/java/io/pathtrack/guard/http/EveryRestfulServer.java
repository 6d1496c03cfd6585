package io.pathtrack.guard.http;

import ca.uhn.fhir.rest.server.RestfulServer;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

/**
 * Puts interceptors on every HAPI {@code RestfulServer} a service serves, whether it is a bean or the servlet of a
 * {@code ServletRegistrationBean}, so no FHIR endpoint is left out; once per server, recognised by the first
 * interceptor's class.
 */
public abstract class EveryRestfulServer implements BeanPostProcessor {
  private final Class<?> marker;

  /** {@code marker}: the class of an interceptor that {@link #register} puts on a server, to do it only once. */
  protected EveryRestfulServer(Class<?> marker) {
    this.marker = marker;
  }

  @Override
  public final Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof RestfulServer server) {
      guard(server);
    } else if (bean instanceof ServletRegistrationBean<?> registration && registration.getServlet() instanceof RestfulServer server) {
      guard(server);
    }
    return bean;
  }

  private void guard(RestfulServer server) {
    if (server.getInterceptorService().getAllRegisteredInterceptors().stream().noneMatch(marker::isInstance)) {
      register(server);
    }
  }

  /** Registers the interceptors on a server that does not have them yet. */
  protected abstract void register(RestfulServer server);
}
