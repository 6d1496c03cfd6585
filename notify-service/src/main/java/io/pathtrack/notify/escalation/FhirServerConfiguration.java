package io.pathtrack.notify.escalation;

import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import io.pathtrack.contract.Fhir;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Serves {@code /fhir/Communication} with HAPI's RestfulServer, for EHRs that acknowledge in FHIR. */
@Configuration
class FhirServerConfiguration {

  @Bean
  ServletRegistrationBean<RestfulServer> fhirServlet(CommunicationProvider communications) {
    RestfulServer server = new RestfulServer(Fhir.context());
    server.setServerName("PathTrack notify-service");
    server.setDefaultResponseEncoding(EncodingEnum.JSON);
    server.setResourceProviders(communications);
    ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, "/fhir/*");
    registration.setName("fhir");
    registration.setLoadOnStartup(1);
    return registration;
  }
}
