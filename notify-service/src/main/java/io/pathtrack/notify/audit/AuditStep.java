package io.pathtrack.notify.audit;

import java.time.Instant;
import org.hl7.fhir.r4.model.AuditEvent;

/**
 * One entry of the audit trail as {@code GET /audit} and the notification page show it: a step of a notification's
 * life (created, sent, acknowledged…) or a call to the API or a page (read, search-type, update…), who (the
 * practitioner) and through which client application, and about what.
 */
public record AuditStep(Instant at, String step, String who, String client, String notification, String report,
    String detail) {
  private static final String CLIENT_ID = "urn:ietf:params:oauth:client-id";

  public static AuditStep of(AuditEvent e) {
    String who = e.getAgent().stream().map(a -> a.getWho().getReference()).filter(r -> r != null).findFirst().orElse(null);
    String client = e.getAgent().stream().map(a -> a.getWho().getIdentifier())
        .filter(i -> CLIENT_ID.equals(i.getSystem())).map(i -> i.getValue()).findFirst().orElse(null);
    return new AuditStep(e.getRecorded().toInstant(), e.getSubtypeFirstRep().getCode(), who, client,
        e.getEntity().isEmpty() ? null : e.getEntity().get(0).getWhat().getReference(),
        e.getEntity().size() > 1 ? e.getEntity().get(1).getWhat().getReference() : null,
        e.hasOutcomeDesc() ? e.getOutcomeDesc() : null);
  }
}
