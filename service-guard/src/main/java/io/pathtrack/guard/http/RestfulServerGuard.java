package io.pathtrack.guard.http;

import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.function.LongSupplier;

/** Registers {@link FhirErrorAnswers} (and its body-limit hook) on every HAPI {@code RestfulServer} a service serves. */
class RestfulServerGuard extends EveryRestfulServer {
  private final LongSupplier maxBodyBytes;

  RestfulServerGuard(LongSupplier maxBodyBytes) {
    super(FhirErrorAnswers.class);
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  protected void register(RestfulServer server) {
    server.registerInterceptor(new FhirErrorAnswers.BodyLimit(maxBodyBytes.getAsLong()));
    server.registerInterceptor(new FhirErrorAnswers());
  }
}
