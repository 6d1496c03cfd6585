package io.pathtrack.specimen.api;

import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import io.pathtrack.contract.Fhir;
import io.pathtrack.guard.security.FhirOperationScopes;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Serves the FHIR REST API at {@code /fhir} with HAPI's RestfulServer. */
@Configuration
class FhirServerConfiguration {

  @Bean
  ServletRegistrationBean<RestfulServer> fhirServlet(SpecimenProvider specimens, ServiceRequestProvider orders,
      SpecimenTransactionProvider transactions) {
    RestfulServer server = new RestfulServer(Fhir.context());
    server.setServerName("PathTrack specimen-service");
    server.setDefaultResponseEncoding(EncodingEnum.JSON);
    server.setResourceProviders(specimens, orders);
    server.setPlainProviders(transactions);
    server.registerInterceptor(new StoreNotReadyHandling.FhirNotReady());
    ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, "/fhir/*");
    registration.setName("fhir");
    registration.setLoadOnStartup(1);
    return registration;
  }

  /** What the FHIR operations need beyond plain reads and writes: a status change is an update of the specimen. */
  @Bean
  FhirOperationScopes fhirOperationScopes() {
    return FhirOperationScopes.of("$transition", "Specimen.u",
        FhirOperationScopes.TRANSACTION, "Specimen.c", FhirOperationScopes.BATCH, "Specimen.c");
  }
}
