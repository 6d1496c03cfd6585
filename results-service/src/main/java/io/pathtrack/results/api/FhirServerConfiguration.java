package io.pathtrack.results.api;

import io.pathtrack.guard.http.FhirServlets;
import ca.uhn.fhir.rest.server.RestfulServer;
import io.pathtrack.guard.security.FhirOperationScopes;
import io.pathtrack.results.ingest.PayloadGuard;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Serves the FHIR REST API at {@code /fhir} with HAPI's RestfulServer. Its CapabilityStatement
 * ({@code GET /fhir/metadata}) is generated from the providers, so it lists what is really served:
 * DiagnosticReport create, $validate and $classify, and transaction/batch at the base.
 */
@Configuration
class FhirServerConfiguration {

  @Bean
  ServletRegistrationBean<RestfulServer> fhirServlet(DiagnosticReportProvider reports, TransactionProvider bundles) {
    RestfulServer server = FhirServlets.server("results-service");
    server.setImplementationDescription("Pathology report intake: validation, outcome classification, publication");
    server.setResourceProviders(reports);
    server.setPlainProviders(bundles);
    return FhirServlets.registration(server);
  }

  /** What the FHIR operations need: classifying or validating a report, or a Bundle of them, is creating one. */
  @Bean
  FhirOperationScopes fhirOperationScopes() {
    return FhirOperationScopes.of("$classify", "DiagnosticReport.c", "$validate", "DiagnosticReport.c",
        FhirOperationScopes.TRANSACTION, "DiagnosticReport.c", FhirOperationScopes.BATCH, "DiagnosticReport.c");
  }

  @Bean
  FilterRegistrationBean<PayloadLimitFilter> payloadLimitFilter(PayloadGuard guard) {
    FilterRegistrationBean<PayloadLimitFilter> registration = new FilterRegistrationBean<>(new PayloadLimitFilter(guard));
    registration.addUrlPatterns("/fhir/*");
    return registration;
  }
}
