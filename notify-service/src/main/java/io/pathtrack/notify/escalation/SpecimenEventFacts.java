package io.pathtrack.notify.escalation;

import io.pathtrack.contract.Concordance;
import io.pathtrack.contract.EventTypes;
import io.pathtrack.contract.SpecimenOrders;
import io.pathtrack.notify.domain.SpecimenFacts;
import java.util.Optional;
import org.hl7.fhir.r4.model.Specimen;

/** Reads what a specimen event tells the notification engine ({@link SpecimenFacts}) from its FHIR Specimen. */
final class SpecimenEventFacts {
  private SpecimenEventFacts() {}

  /**
   * @param type the event's type: a concordance is read only from specimen-service's own reported events (reported,
   *     reported in part, status changed to amended), never from what a lab sent
   */
  static SpecimenFacts of(Specimen specimen, String type) {
    boolean decidedByLifecycle = EventTypes.SPECIMEN_REPORTED.equals(type)
        || EventTypes.SPECIMEN_REPORTED_IN_PART.equals(type)
        || EventTypes.SPECIMEN_STATUS_CHANGED.equals(type)
            && SpecimenOrders.lifecycleStatus(specimen).map("amended"::equals).orElse(false);
    Optional<String> closed = SpecimenOrders.lifecycleStatus(specimen)
        .filter(s -> s.equals("rejected") || s.equals("cancelled"));
    Optional<String> reason = closed.flatMap(status -> SpecimenOrders.reasonFor(specimen, status))
        .map(r -> r.length() > SpecimenFacts.MAX_REASON ? r.substring(0, SpecimenFacts.MAX_REASON) + "…" : r);
    return new SpecimenFacts(SpecimenOrders.orderingPractitioner(specimen), SpecimenOrders.performer(specimen), closed,
        reason, decidedByLifecycle ? Concordance.readFrom(specimen) : Optional.empty());
  }
}
