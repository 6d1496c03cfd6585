package io.pathtrack.guard.http;

import ca.uhn.fhir.rest.server.RestfulServer;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The HTTP edge of every service ({@code pathtrack.http.*}): security headers on every answer, a request
 * body limit on every endpoint, and OperationOutcome error answers from Spring MVC, the error page, every
 * HAPI FHIR server and Tomcat itself — no class names, messages or stack traces, a reference for what was
 * unexpected.
 * Runs before Spring Boot's error handling so its error page takes the place of Boot's.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(HttpEdgeProperties.class)
public class HttpEdgeAutoConfiguration {

  /**
   * First of all filters, on every dispatch, so even an answer that fails early has the headers. A page's forms may
   * also lead to the issuer the pages sign in with ({@code pathtrack.security.issuer-uri}): a browser applies
   * {@code form-action} to every redirect a form's answer makes, and signing out (or signing in again after a form
   * was posted with an expired session) goes on to the issuer.
   */
  @Bean
  FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter(HttpEdgeProperties properties,
      org.springframework.core.env.Environment environment) {
    String pagePolicy = PagePolicy.formsMayReach(properties.pageContentSecurityPolicy(),
        environment.getProperty("pathtrack.security.issuer-uri"));
    var registration = new FilterRegistrationBean<>(
        new SecurityHeadersFilter(properties.contentSecurityPolicy(), pagePolicy));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR,
        DispatcherType.FORWARD, DispatcherType.INCLUDE);
    return registration;
  }

  /** Before anything that reads a body (a service's own filters, HAPI, Spring MVC). */
  @Bean
  FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(HttpEdgeProperties properties) {
    var registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(properties.maxBodySize().toBytes()));
    // After the access audit (HIGHEST_PRECEDENCE + 1), which records what this refuses.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    return registration;
  }

  @Bean
  MvcErrorAnswers mvcErrorAnswers(HttpEdgeProperties properties, org.springframework.core.env.Environment environment) {
    return new MvcErrorAnswers(properties.maxBodySize().toBytes(), pages(environment));
  }

  @Bean
  @ConditionalOnMissingBean(ErrorController.class)
  ErrorPageAnswers errorPageAnswers(ObjectProvider<ErrorAttributes> errorAttributes, HttpEdgeProperties properties,
      org.springframework.core.env.Environment environment) {
    return new ErrorPageAnswers(errorAttributes, properties.maxBodySize().toBytes(), pages(environment));
  }

  /** Whether the service serves pages, whose refusals are its problem page ({@code pathtrack.security.pages.enabled}). */
  private static boolean pages(org.springframework.core.env.Environment environment) {
    return environment.getProperty("pathtrack.security.pages.enabled", Boolean.class, false);
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(ConfigurableTomcatWebServerFactory.class)
  static class TomcatAnswers {
    @Bean
    ContainerErrorAnswers containerErrorAnswers(HttpEdgeProperties properties,
        org.springframework.core.env.Environment environment) {
      return new ContainerErrorAnswers(properties.contentSecurityPolicy(), pages(environment));
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(RestfulServer.class)
  static class FhirServers {
    /** Static: a post-processor is created before the other beans; the limit is read when a server appears. */
    @Bean
    static RestfulServerGuard restfulServerGuard(ObjectProvider<HttpEdgeProperties> properties) {
      return new RestfulServerGuard(() -> properties.getObject().maxBodySize().toBytes());
    }
  }
}
