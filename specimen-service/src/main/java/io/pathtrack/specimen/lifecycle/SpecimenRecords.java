package io.pathtrack.specimen.lifecycle;

import io.pathtrack.specimen.domain.SlaState;
import io.pathtrack.specimen.domain.SpecimenPriority;
import io.pathtrack.specimen.domain.SpecimenRecord;
import io.pathtrack.contract.ProcedureType;
import io.pathtrack.contract.ProcedureTypes;
import io.pathtrack.contract.SpecimenOrders;
import io.pathtrack.contract.serde.JsonSerde;
import io.pathtrack.specimen.domain.LifecycleStatus;
import io.pathtrack.specimen.lifecycle.SpecimenLifecycle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Specimen;

/** Reads a Specimen into a {@link SpecimenRecord}, and records to and from their stored JSON. */
public final class SpecimenRecords {
  /**
   * How the lifecycle's store keeps a record: JSON. A record stored before it had a version has none: it reads as 0,
   * which the record makes 1.
   */
  public static final Serde<SpecimenRecord> SERDE = JsonSerde.of(SpecimenRecord.class);

  private final ProcedureTypes procedures;

  public SpecimenRecords(ProcedureTypes procedures) {
    this.procedures = procedures;
  }

  /** A new record, or the existing one brought up to date with the specimen's latest state. */
  public SpecimenRecord update(Optional<SpecimenRecord> existing, String accession, Specimen specimen, String specimenJson,
      boolean unregistered) {
    ProcedureType procedure = procedure(specimen);
    String lifecycle = SpecimenLifecycle.status(specimen).map(LifecycleStatus::code).orElse(LifecycleStatus.ORDERED.code());
    SpecimenPriority priority = order(specimen).map(o -> o.hasPriority() ? o.getPriority().toCode() : null)
        .map(SpecimenPriority::fromRequestPriority).orElse(SpecimenPriority.ROUTINE);
    String orderer = SpecimenOrders.orderingPractitioner(specimen).orElse(null);
    return existing
        .map(r -> new SpecimenRecord(accession, specimenJson, lifecycle, procedure, procedure == ProcedureType.UNMAPPED,
            priority, orderer != null ? orderer : r.orderingPractitioner(), r.unregistered(), r.plan(), r.slaState(), r.timeline(), r.version(),
            r.followUps()))
        .orElseGet(() -> new SpecimenRecord(accession, specimenJson, lifecycle, procedure,
            procedure == ProcedureType.UNMAPPED, priority, orderer, unregistered, null, SlaState.NOT_STARTED, List.of(), 1));
  }

  /** The procedure: the specimen's collection method, then its order's code, as the vocabulary places them. */
  public ProcedureType procedure(Specimen specimen) {
    List<ProcedureTypes.Concept> concepts = new ArrayList<>();
    add(concepts, specimen.getCollection().getMethod());
    order(specimen).ifPresent(o -> add(concepts, o.getCode()));
    return procedures.classify(concepts);
  }

  private static void add(List<ProcedureTypes.Concept> into, CodeableConcept concept) {
    if (concept == null) {
      return;
    }
    for (Coding c : concept.getCoding()) {
      into.add(new ProcedureTypes.Concept(c.getSystem(), c.getCode(), c.getDisplay()));
    }
    if (concept.hasText()) {
      into.add(new ProcedureTypes.Concept(null, null, concept.getText()));
    }
  }

  static Optional<ServiceRequest> order(Specimen specimen) {
    for (Reference r : specimen.getRequest()) {
      if (r.getResource() instanceof ServiceRequest order) {
        return Optional.of(order);
      }
    }
    return Optional.empty();
  }
}
