package io.pathtrack.specimen.api;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.IResourceProvider;
import io.pathtrack.specimen.registration.SpecimenRegistration;
import io.pathtrack.specimen.registration.SpecimenRegistration.Registration;
import io.pathtrack.specimen.registration.SpecimenRegistration.RegistrationException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.springframework.stereotype.Component;

/** {@code POST /fhir/ServiceRequest}: an order on its own registers an ordered specimen by its accession. */
@Component
public class ServiceRequestProvider implements IResourceProvider {
  private final SpecimenRegistration registration;

  public ServiceRequestProvider(SpecimenRegistration registration) {
    this.registration = registration;
  }

  @Override
  public Class<? extends IBaseResource> getResourceType() {
    return ServiceRequest.class;
  }

  @Create
  public MethodOutcome create(@ResourceParam ServiceRequest order) {
    try {
      Registration registered = registration.registerOrder(order);
      return new MethodOutcome(new IdType("Specimen", registered.accession(), Long.toString(registered.version())),
          registered.created());
    } catch (RegistrationException e) {
      throw Refusals.of(e);
    }
  }
}
