package io.pathtrack.notify.escalation;

import io.pathtrack.guard.http.FhirServlets;
import ca.uhn.fhir.rest.server.RestfulServer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Serves {@code /fhir/Communication} with HAPI's RestfulServer, for EHRs that acknowledge in FHIR. */
@Configuration
class FhirServerConfiguration {

  @Bean
  ServletRegistrationBean<RestfulServer> fhirServlet(CommunicationProvider communications) {
    RestfulServer server = FhirServlets.server("notify-service");
    server.setResourceProviders(communications);
    return FhirServlets.registration(server);
  }
}
