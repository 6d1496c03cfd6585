package io.pathtrack.specimen.lifecycle;

import static io.pathtrack.contract.EventHeaders.bytes;

import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.EventTypes;
import io.pathtrack.contract.ProcedureType;
import io.pathtrack.contract.SpecimenOrders;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Specimen;

/** The CloudEvents headers of a specimen event on {@link io.pathtrack.contract.Topics#SPECIMENS}. */
public final class SpecimenEvents {
  private SpecimenEvents() {}

  public static Map<String, byte[]> headers(String type, String source, String accession, Specimen specimen, Instant time) {
    Map<String, byte[]> h = new LinkedHashMap<>();
    h.put(EventHeaders.ID, bytes(UUID.randomUUID().toString()));
    h.put(EventHeaders.TYPE, bytes(type));
    h.put(EventHeaders.SOURCE, bytes(source));
    h.put(EventHeaders.SPEC_VERSION, bytes(EventHeaders.SPEC_VERSION_1_0));
    h.put(EventHeaders.TIME, bytes(time.toString()));
    h.put(EventHeaders.SUBJECT, bytes(accession));
    h.put(EventHeaders.CONTENT_TYPE, bytes(EventHeaders.FHIR_JSON));
    h.put(EventHeaders.PROCEDURE_TYPE,
        bytes(SpecimenOrders.procedureType(specimen).orElse(ProcedureType.UNMAPPED).code()));
    SpecimenLifecycle.status(specimen).ifPresent(s -> h.put(EventHeaders.LIFECYCLE_STATUS, bytes(s.code())));
    SpecimenOrders.orderingPractitioner(specimen)
        .ifPresent(p -> h.put(EventHeaders.ORDERING_PRACTITIONER, bytes(p)));
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
