package io.pathtrack.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Specimen;

/** Reads what a specimen event says about its order: the ordering practitioner and the procedure. */
public final class SpecimenOrders {
  private SpecimenOrders() {}

  /** The requester of the first order in {@code Specimen.request} (contained ServiceRequest). */
  public static Optional<String> orderingPractitioner(Specimen specimen) {
    return orders(specimen).stream().filter(order -> order.hasRequester() && order.getRequester().hasReference())
        .map(order -> order.getRequester().getReference()).findFirst();
  }

  /**
   * The orders {@code Specimen.request} refers to: resolved by the parser, or local references ({@code #order})
   * to the ServiceRequests the Specimen contains, as a Specimen built in code holds them.
   */
  public static List<ServiceRequest> orders(Specimen specimen) {
    List<ServiceRequest> orders = new ArrayList<>();
    for (Reference request : specimen.getRequest()) {
      if (request.getResource() instanceof ServiceRequest order) {
        orders.add(order);
      } else if (request.hasReference() && request.getReference().startsWith("#")) {
        String id = request.getReference().substring(1);
        specimen.getContained().stream().filter(ServiceRequest.class::isInstance).map(ServiceRequest.class::cast)
            .filter(order -> id.equals(order.getIdElement().getIdPart())).findFirst().ifPresent(orders::add);
      }
    }
    return orders;
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
