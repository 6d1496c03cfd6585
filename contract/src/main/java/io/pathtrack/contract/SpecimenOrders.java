package io.pathtrack.contract;

import java.util.Optional;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Specimen;

/** Reads what a specimen event says about its order: the ordering practitioner and the procedure. */
public final class SpecimenOrders {
  private SpecimenOrders() {}

  /** The requester of the first order in {@code Specimen.request} (contained ServiceRequest). */
  public static Optional<String> orderingPractitioner(Specimen specimen) {
    for (Reference request : specimen.getRequest()) {
      if (request.getResource() instanceof ServiceRequest order
          && order.hasRequester() && order.getRequester().hasReference()) {
        return Optional.of(order.getRequester().getReference());
      }
    }
    return Optional.empty();
  }

  /** The procedure type coded in {@code Specimen.collection.method}, if it is one of ours. */
  public static Optional<ProcedureType> procedureType(Specimen specimen) {
    if (!specimen.getCollection().hasMethod()) {
      return Optional.empty();
    }
    return specimen.getCollection().getMethod().getCoding().stream()
        .filter(c -> ProcedureType.SYSTEM.equals(c.getSystem()))
        .map(c -> ProcedureType.fromCode(c.getCode()))
        .flatMap(Optional::stream)
        .findFirst();
  }

  public static Specimen parse(String json) {
    return Fhir.json().parseResource(Specimen.class, json);
  }
}
