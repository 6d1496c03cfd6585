package io.pathtrack.guard.security;

import ca.uhn.fhir.rest.server.RestfulServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pathtrack.guard.kafka.ServiceProducers;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.function.IntPredicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every service is an OAuth 2.0 resource server ({@code pathtrack.security.*}): each call but the open ones
 * (CapabilityStatement, SMART discovery, the management port's health and metrics) needs a valid bearer token
 * from the configured issuer (signature from its keys, issuer, audience, expiry), and a SMART scope for what it
 * does — Spring MVC endpoints by their {@link RequiresScope} rule, FHIR interactions by {@link FhirScopeInterceptor}.
 * Refusals are OperationOutcomes (401 with {@code WWW-Authenticate}, 403 naming what is missing), and every call
 * is recorded by {@link AccessAudit}. A service that serves pages signs people in with a session ({@link PageSignIn}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({AccessProperties.class, PageProperties.class})
@EnableWebSecurity
@org.springframework.context.annotation.Import(PageSignIn.class)
public class AccessControlAutoConfiguration {
  /** The SMART scopes this system uses, for the discovery document. */
  static final List<String> SCOPES = List.of("openid", "profile", "fhirUser",
      "system/DiagnosticReport.c", "system/Specimen.cru", "system/ServiceRequest.c", "system/Communication.rsu",
      "system/Specimen.rs", "system/DiagnosticReport.rs",
      "user/Communication.rsu", "user/Specimen.rs", "user/DiagnosticReport.rs", "user/AuditEvent.rs");

  /** What a token must be, beyond its signature: not expired (and with an expiry), from the issuer, for us. */
  static OAuth2TokenValidator<Jwt> tokenValidator(AccessProperties properties) {
    JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
    // A token without an expiry would be good for ever: refused.
    timestamps.setAllowEmptyExpiryClaim(false);
    return new DelegatingOAuth2TokenValidator<>(
        timestamps,
        new JwtIssuerValidator(properties.requiredIssuer()),
        new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(properties.audience())));
  }

  @Bean
  JwtDecoder pathtrackJwtDecoder(AccessProperties properties) {
    String issuer = properties.requiredIssuer();
    OAuth2TokenValidator<Jwt> validators = tokenValidator(properties);
    // Keys are fetched when the first token arrives, so a service starts while its issuer is still starting.
    return new SupplierJwtDecoder(() -> {
      NimbusJwtDecoder decoder = properties.jwkSetUri() != null && !properties.jwkSetUri().isBlank()
          ? NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build()
          : NimbusJwtDecoder.withIssuerLocation(issuer).build();
      decoder.setJwtValidator(validators);
      return decoder;
    });
  }

  /**
   * The firewall refuses what is wrong with a request's path and method at the door. Parameters and headers it
   * would check only when read — inside the FHIR server or a controller, where a refusal would be a 500 — are left
   * to the HTTP edge and the endpoints, which answer a bad one 400 naming it.
   */
  @Bean
  org.springframework.security.web.firewall.HttpFirewall pathtrackFirewall() {
    var firewall = new org.springframework.security.web.firewall.StrictHttpFirewall();
    firewall.setAllowedParameterNames(name -> true);
    firewall.setAllowedParameterValues(value -> true);
    firewall.setAllowedHeaderNames(name -> true);
    firewall.setAllowedHeaderValues(value -> true);
    return firewall;
  }

  /** Requests the firewall refuses are answered 400 with an OperationOutcome, like every other refusal. */
  @Bean
  org.springframework.security.web.firewall.RequestRejectedHandler firewallAnswers(
      org.springframework.core.env.Environment environment) {
    return new FirewallAnswers(environment.getProperty("pathtrack.security.pages.enabled", Boolean.class, false));
  }

  @Bean
  IssuerMetadata issuerMetadata(AccessProperties properties) {
    return new IssuerMetadata(properties.requiredIssuer());
  }

  @Bean
  SecurityFilterChain pathtrackSecurity(HttpSecurity http, JwtDecoder decoder, AccessProperties properties, Environment environment)
      throws Exception {
    OutcomeSecurityAnswers answers = new OutcomeSecurityAnswers(properties.requiredIssuer());
    IntPredicate management = managementPort(environment);
    http.csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(c -> c.disable())
        .authorizeHttpRequests(a -> a
            .requestMatchers(request -> management.test(request.getLocalPort())).permitAll()
            .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
            .requestMatchers("/fhir/metadata", SmartConfigurationFilter.PATH, "/error").permitAll()
            .requestMatchers(org.springframework.http.HttpMethod.GET, "/fhir/OperationDefinition/**").permitAll()
            .anyRequest().authenticated())
        .oauth2ResourceServer(o -> o
            .jwt(j -> j.decoder(decoder).jwtAuthenticationConverter(CallerAuthentication.converter(properties)))
            .authenticationEntryPoint(answers)
            .accessDeniedHandler(answers))
        .exceptionHandling(e -> e.authenticationEntryPoint(answers).accessDeniedHandler(answers))
        .addFilterAfter(new CallerCapture(), BearerTokenAuthenticationFilter.class);
    return http.build();
  }

  /** The management port, when it is not the service's own: health and metrics, no patient data, no token. */
  static IntPredicate managementPort(Environment environment) {
    return port -> {
      String management = environment.getProperty("local.management.port");
      return management != null && !management.equals(environment.getProperty("local.server.port"))
          && Integer.parseInt(management) == port;
    };
  }

  @Bean
  WebMvcConfigurer scopeRules() {
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ScopeInterceptor());
      }
    };
  }

  /** Before the body limit and the security layer, so that refused calls are recorded too. */
  @Bean
  FilterRegistrationBean<AccessAudit> accessAudit(AccessProperties properties, Environment environment,
      ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> meters) {
    String service = environment.getProperty("spring.application.name", "pathtrack");
    AccessAudit audit = new AccessAudit(auditProducer(environment, service), properties.auditTopic(), service,
        clock.getIfAvailable(Clock::systemUTC), meters.getIfAvailable(SimpleMeterRegistry::new), managementPort(environment));
    FilterRegistrationBean<AccessAudit> registration = new FilterRegistrationBean<>(audit);
    // Right after the security headers, before the body limit: a call refused for its size is recorded too.
    registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 1);
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    return registration;
  }

  private static KafkaProducer<String, String> auditProducer(Environment environment, String service) {
    Properties p = ServiceProducers.settings(environment, service + "-access-audit");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    return new KafkaProducer<>(p);
  }

  /**
   * This service's own client ({@code pathtrack.instances.client-id} and {@code …client-secret}), when it runs as
   * several instances: the token one instance shows another when it asks for the state that instance holds.
   */
  @Bean
  @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty("pathtrack.instances.client-id")
  ServiceToken serviceToken(IssuerMetadata issuer, Environment environment, ObjectProvider<Clock> clock) {
    String secret = environment.getProperty("pathtrack.instances.client-secret", "");
    if (secret.isBlank()) {
      throw new IllegalStateException("pathtrack.instances.client-id is set without pathtrack.instances.client-secret");
    }
    return new ServiceToken(issuer, environment.getRequiredProperty("pathtrack.instances.client-id"), secret,
        environment.getProperty("pathtrack.instances.scope", ""), clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  FilterRegistrationBean<SmartConfigurationFilter> smartConfiguration(IssuerMetadata issuer) {
    FilterRegistrationBean<SmartConfigurationFilter> registration =
        new FilterRegistrationBean<>(new SmartConfigurationFilter(issuer, SCOPES));
    registration.addUrlPatterns(SmartConfigurationFilter.PATH);
    return registration;
  }

  /** A service with an endpoint that no access rule covers does not start: nobody could call it. */
  @Bean
  org.springframework.context.ApplicationListener<org.springframework.boot.context.event.ApplicationStartedEvent> everyEndpointRuled() {
    return event -> {
      List<EndpointInventory.Endpoint> unruled = EndpointInventory.unruled(event.getApplicationContext());
      if (!unruled.isEmpty()) {
        throw new IllegalStateException("endpoints without an access rule (@RequiresScope, @OpenEndpoint, or "
            + "FhirOperationScopes): " + unruled);
      }
    };
  }

  /** After the security layer (so the caller is known), before the FHIR servlet reads a body. */
  @Bean
  FilterRegistrationBean<FhirWriteScopeFilter> fhirWriteScopes(ObjectProvider<FhirOperationScopes> operations) {
    FilterRegistrationBean<FhirWriteScopeFilter> registration = new FilterRegistrationBean<>(new FhirWriteScopeFilter("/fhir",
        () -> new FhirScopeInterceptor(operations.getIfAvailable(() -> FhirOperationScopes.of()))));
    registration.addUrlPatterns("/fhir", "/fhir/*");
    registration.setOrder(0);
    return registration;
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(RestfulServer.class)
  static class FhirServers {
    @Bean
    static RestfulServerAccess restfulServerAccess(ObjectProvider<FhirOperationScopes> operations,
        ObjectProvider<IssuerMetadata> issuer) {
      return new RestfulServerAccess(() -> operations.getIfAvailable(() -> FhirOperationScopes.of()), issuer::getObject);
    }
  }

  /** Keeps the validated caller on the request, for the access audit that runs outside the security layer. */
  static final class CallerCapture extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Caller.current().ifPresent(caller -> request.setAttribute(AccessAudit.CALLER, caller));
      chain.doFilter(request, response);
    }
  }
}
