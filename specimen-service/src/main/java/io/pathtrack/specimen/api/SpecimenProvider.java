package io.pathtrack.specimen.api;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import io.pathtrack.contract.Fhir;
import io.pathtrack.specimen.registration.SpecimenRegistration;
import io.pathtrack.specimen.registration.SpecimenStore;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Specimen;
import org.springframework.stereotype.Component;

/**
 * {@code /fhir/Specimen}: register a specimen (create) and read its latest state by accession number,
 * which is the specimen's logical id here.
 */
@Component
public class SpecimenProvider implements IResourceProvider {
  private final SpecimenRegistration registration;
  private final SpecimenStore store;

  public SpecimenProvider(SpecimenRegistration registration, SpecimenStore store) {
    this.registration = registration;
    this.store = store;
  }

  @Override
  public Class<? extends IBaseResource> getResourceType() {
    return Specimen.class;
  }

  @Create
  public MethodOutcome create(@ResourceParam Specimen specimen) {
    String accession;
    try {
      accession = registration.register(specimen);
    } catch (IllegalArgumentException e) {
      OperationOutcome oo = new OperationOutcome();
      oo.addIssue()
          .setSeverity(OperationOutcome.IssueSeverity.ERROR)
          .setCode(OperationOutcome.IssueType.REQUIRED)
          .setDiagnostics("accessionIdentifier is required: the lab's accession number of the specimen")
          .addExpression("Specimen.accessionIdentifier");
      throw new UnprocessableEntityException(Fhir.context(), oo);
    }
    MethodOutcome outcome = new MethodOutcome(new IdType("Specimen", accession), true);
    outcome.setResource(specimen);
    return outcome;
  }

  @Read
  public Specimen read(@IdParam IdType id) {
    return store.find(id.getIdPart())
        .map(s -> {
          s.setId(new IdType("Specimen", id.getIdPart()));
          return s;
        })
        .orElseThrow(() -> new ResourceNotFoundException(id));
  }
}
