package io.pathtrack.results.hl7;

import ca.uhn.hl7v2.model.v251.segment.OBR;
import ca.uhn.hl7v2.model.v251.segment.ORC;
import io.pathtrack.contract.Extensions;
import java.util.Optional;
import org.hl7.fhir.r4.model.DiagnosticReport.DiagnosticReportStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * ORC/OBR → the ServiceRequest a report is based on: status from the report's (OBR-25), identifiers
 * (OBR-2/ORC-2 placer, OBR-3/ORC-3 filler), code (OBR-4), requester (OBR-16, else ORC-12), copies-to
 * (OBR-28) and reason (OBR-31).
 */
final class ServiceRequests {
  private ServiceRequests() {}

  static ServiceRequest of(OBR obr, ORC orc, DiagnosticReportStatus status, Optional<Reference> subject,
      Practitioners practitioners) {
    ServiceRequest order = new ServiceRequest();
    order.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    order.setStatus(status == null ? ServiceRequest.ServiceRequestStatus.UNKNOWN
        : switch (status) {
          case FINAL, CORRECTED, AMENDED, APPENDED -> ServiceRequest.ServiceRequestStatus.COMPLETED;
          case CANCELLED -> ServiceRequest.ServiceRequestStatus.REVOKED;
          default -> ServiceRequest.ServiceRequestStatus.ACTIVE;
        });
    if (!Identifiers.addEi(order.getIdentifier(), obr, 2, "PLAC")) {
      Identifiers.addEi(order.getIdentifier(), orc, 2, "PLAC");
    }
    if (!Identifiers.addEi(order.getIdentifier(), obr, 3, "FILL")) {
      Identifiers.addEi(order.getIdentifier(), orc, 3, "FILL");
    }
    Codes.codeable(obr, 4, 0, null).ifPresent(order::setCode);
    subject.ifPresent(order::setSubject);
    // The ordering provider: OBR-16, or ORC-12 when the OBR leaves it out (v2-to-FHIR: requester)
    practitioners.reference(obr, 16, false).or(() -> practitioners.reference(orc, 12, false))
        .ifPresent(order::setRequester);
    // Result copies to (OBR-28): each a copies-to extension, so the copy recipients are told too.
    for (int rep = 0; rep < Fields.repetitions(obr, 28); rep++) {
      practitioners.reference(obr, 28, rep, false).filter(Reference::hasReference)
          .ifPresent(copy -> order.addExtension(Extensions.COPIES_TO, copy));
    }
    for (int rep = 0; rep < Fields.repetitions(obr, 31); rep++) {
      Codes.codeable(obr, 31, rep, null).ifPresent(order::addReasonCode);
    }
    return order;
  }
}
