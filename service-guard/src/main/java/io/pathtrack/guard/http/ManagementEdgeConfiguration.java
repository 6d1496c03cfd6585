package io.pathtrack.guard.http;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * The same HTTP edge on the management port (health, Prometheus) as on the service's own: security headers on
 * every answer and the request body limit.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
class ManagementEdgeConfiguration {

  @Bean
  FilterRegistrationBean<SecurityHeadersFilter> managementSecurityHeaders(HttpEdgeProperties properties) {
    var registration = new FilterRegistrationBean<>(new SecurityHeadersFilter(properties.contentSecurityPolicy()));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
    return registration;
  }

  @Bean
  FilterRegistrationBean<BodySizeLimitFilter> managementBodySizeLimit(HttpEdgeProperties properties) {
    var registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(properties.maxBodySize().toBytes()));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }
}
