package io.pathtrack.notify.audit;

import io.pathtrack.guard.security.RequiresScope;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /audit?about=DiagnosticReport/…} (or {@code Communication/…}): who was told what, when. */
@RestController
class AuditController {
  private final AuditLog audit;

  AuditController(AuditLog audit) {
    this.audit = audit;
  }

  /**
   * One entry: a step of a notification's life (created, sent, acknowledged…) or a call to the API (read,
   * search-type, update…), who (the practitioner) and through which client application, and about what.
   */
  record Step(Instant at, String step, String who, String client, String notification, String report, String detail) {
    static Step of(AuditEvent e) {
      String who = e.getAgent().stream().map(a -> a.getWho().getReference()).filter(r -> r != null).findFirst().orElse(null);
      String client = e.getAgent().stream().map(a -> a.getWho().getIdentifier())
          .filter(i -> CLIENT_ID.equals(i.getSystem())).map(i -> i.getValue()).findFirst().orElse(null);
      return new Step(e.getRecorded().toInstant(), e.getSubtypeFirstRep().getCode(), who, client,
          e.getEntity().isEmpty() ? null : e.getEntity().get(0).getWhat().getReference(),
          e.getEntity().size() > 1 ? e.getEntity().get(1).getWhat().getReference() : null,
          e.hasOutcomeDesc() ? e.getOutcomeDesc() : null);
    }
  }

  private static final String CLIENT_ID = "urn:ietf:params:oauth:client-id";

  @GetMapping("/audit")
  @RequiresScope("AuditEvent.s")
  List<Step> about(@RequestParam String about) {
    return audit.about(about).stream().map(Step::of).toList();
  }
}
