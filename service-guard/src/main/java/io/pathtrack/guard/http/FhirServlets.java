package io.pathtrack.guard.http;

import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import io.pathtrack.contract.Fhir;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

/**
 * Every service's FHIR endpoint: one HAPI {@code RestfulServer} on the JVM's FHIR context, JSON by default, served at
 * {@code /fhir/*} and started with the service (so a broken provider fails the start, not the first request). The
 * service adds its providers; service-guard adds error answers, limits and access checks ({@link EveryRestfulServer}).
 */
public final class FhirServlets {
  private FhirServlets() {}

  /** A server named after its service ("PathTrack results-service"). */
  public static RestfulServer server(String service) {
    RestfulServer server = new RestfulServer(Fhir.context());
    server.setServerName("PathTrack " + service);
    server.setDefaultResponseEncoding(EncodingEnum.JSON);
    return server;
  }

  /** The server at {@code /fhir/*}. */
  public static ServletRegistrationBean<RestfulServer> registration(RestfulServer server) {
    ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, "/fhir/*");
    registration.setName("fhir");
    registration.setLoadOnStartup(1);
    return registration;
  }
}
