package io.pathtrack.guard.security;

import ca.uhn.fhir.rest.server.RestfulServer;
import io.pathtrack.guard.http.EveryRestfulServer;
import java.util.function.Supplier;

/**
 * Puts SMART scope checks ({@link FhirScopeInterceptor}) and the security part of the CapabilityStatement
 * ({@link CapabilitySecurity}) on every HAPI {@code RestfulServer} a service serves.
 */
final class RestfulServerAccess extends EveryRestfulServer {
  private final Supplier<FhirOperationScopes> operations;
  private final Supplier<IssuerMetadata> issuer;

  RestfulServerAccess(Supplier<FhirOperationScopes> operations, Supplier<IssuerMetadata> issuer) {
    super(FhirScopeInterceptor.class);
    this.operations = operations;
    this.issuer = issuer;
  }

  @Override
  protected void register(RestfulServer server) {
    server.registerInterceptor(new FhirScopeInterceptor(operations.get()));
    server.registerInterceptor(new CapabilitySecurity(issuer.get()));
  }
}
