package io.pathtrack.specimen.api;

import io.pathtrack.guard.http.FhirServlets;
import ca.uhn.fhir.rest.server.RestfulServer;
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
    RestfulServer server = FhirServlets.server("specimen-service");
    server.setResourceProviders(specimens, orders);
    server.setPlainProviders(transactions);
    server.registerInterceptor(new StoreNotReadyHandling.FhirNotReady());
    return FhirServlets.registration(server);
  }

  /** What the FHIR operations need beyond plain reads and writes: a status change is an update of the specimen. */
  @Bean
  FhirOperationScopes fhirOperationScopes() {
    return FhirOperationScopes.of("$transition", "Specimen.u", "$follow-up", "Specimen.u",
        FhirOperationScopes.TRANSACTION, "Specimen.c", FhirOperationScopes.BATCH, "Specimen.c");
  }
}
