package io.pathtrack.notify.audit;

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

  record Step(Instant at, String step, String who, String notification, String report, String detail) {
    static Step of(AuditEvent e) {
      return new Step(e.getRecorded().toInstant(), e.getSubtypeFirstRep().getCode(),
          e.getAgentFirstRep().getWho().getReference(),
          e.getEntity().get(0).getWhat().getReference(),
          e.getEntity().size() > 1 ? e.getEntity().get(1).getWhat().getReference() : null,
          e.hasOutcomeDesc() ? e.getOutcomeDesc() : null);
    }
  }

  @GetMapping("/audit")
  List<Step> about(@RequestParam String about) {
    return audit.about(about).stream().map(Step::of).toList();
  }
}
