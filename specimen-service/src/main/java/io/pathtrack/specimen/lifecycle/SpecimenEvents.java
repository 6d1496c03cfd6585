package io.pathtrack.specimen.lifecycle;

import static io.pathtrack.contract.EventHeaders.bytes;

import io.pathtrack.contract.CloudEvent;
import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.EventTypes;
import io.pathtrack.contract.ProcedureType;
import io.pathtrack.contract.SpecimenOrders;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Specimen;

/** The CloudEvents headers of a specimen event on {@link io.pathtrack.contract.Topics#SPECIMENS}. */
public final class SpecimenEvents {
  private SpecimenEvents() {}

  public static Map<String, byte[]> headers(String type, String source, String accession, Specimen specimen, Instant time) {
    return CloudEvent.of(type, source, time)
        .subject(accession)
        .contentType(EventHeaders.FHIR_JSON)
        .with(EventHeaders.PROCEDURE_TYPE, SpecimenOrders.procedureType(specimen).orElse(ProcedureType.UNMAPPED).code())
        .with(EventHeaders.LIFECYCLE_STATUS, SpecimenLifecycle.status(specimen).map(s -> s.code()))
        .with(EventHeaders.ORDERING_PRACTITIONER, SpecimenOrders.orderingPractitioner(specimen))
        .headers();
  }

  /** The headers of a follow-up closed by the lab or the EHR: those of every specimen event, and the follow-up's kind, status and who. */
  public static Map<String, byte[]> followUpClosed(String source, String accession, Specimen specimen, Instant time,
      String kind, String status, String by) {
    Map<String, byte[]> h = headers(EventTypes.SPECIMEN_FOLLOW_UP_CLOSED, source, accession, specimen, time);
    h.put(EventHeaders.FOLLOW_UP_KIND, bytes(kind));
    h.put(EventHeaders.FOLLOW_UP_STATUS, bytes(status));
    h.put(EventHeaders.FOLLOW_UP_BY, bytes(by));
    return h;
  }

  /** The headers of a correction: those of every specimen event, and {@code ce_changed}, the elements it changed. */
  public static Map<String, byte[]> correction(String source, String accession, Specimen specimen, Instant time,
      List<String> changed) {
    Map<String, byte[]> h = headers(EventTypes.SPECIMEN_CORRECTED, source, accession, specimen, time);
    h.put(EventHeaders.CHANGED, bytes(String.join(",", changed)));
    return h;
  }
}
