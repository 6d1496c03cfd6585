package io.pathtrack.notify.domain;

import io.pathtrack.contract.Concordance;
import io.pathtrack.contract.EventTypes;
import io.pathtrack.contract.SpecimenOrders;
import java.util.Optional;
import org.hl7.fhir.r4.model.Specimen;

/**
 * What a specimen event tells the notification engine.
 *
 * @param orderer the ordering practitioner of its order
 * @param performer who performed the biopsy (the radiologist a concordance question goes to)
 * @param closedAs {@code rejected} or {@code cancelled} when the lab closed the specimen without a report
 * @param reason the reason the lab gave for closing it
 * @param concordance the radiology-pathology concordance of its final report
 */
public record SpecimenFacts(Optional<String> orderer, Optional<String> performer, Optional<String> closedAs,
    Optional<String> reason, Optional<Concordance> concordance) {

  /** Longest reason carried into a notification; a longer one is cut. */
  static final int MAX_REASON = 200;

  /**
   * @param type the event's type: a concordance is read only from specimen-service's own reported events (reported,
   *     reported in part, status changed to amended), never from what a lab sent
   */
  public static SpecimenFacts of(Specimen specimen, String type) {
    boolean decidedByLifecycle = EventTypes.SPECIMEN_REPORTED.equals(type)
        || EventTypes.SPECIMEN_REPORTED_IN_PART.equals(type)
        || EventTypes.SPECIMEN_STATUS_CHANGED.equals(type)
            && SpecimenOrders.lifecycleStatus(specimen).map("amended"::equals).orElse(false);
    Optional<String> closed = SpecimenOrders.lifecycleStatus(specimen)
        .filter(s -> s.equals("rejected") || s.equals("cancelled"));
    Optional<String> reason = closed.flatMap(status -> SpecimenOrders.reasonFor(specimen, status))
        .map(r -> r.length() > MAX_REASON ? r.substring(0, MAX_REASON) + "…" : r);
    return new SpecimenFacts(SpecimenOrders.orderingPractitioner(specimen), SpecimenOrders.performer(specimen), closed,
        reason, decidedByLifecycle ? Concordance.readFrom(specimen) : Optional.empty());
  }
}
