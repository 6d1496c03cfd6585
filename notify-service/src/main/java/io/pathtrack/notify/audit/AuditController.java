package io.pathtrack.notify.audit;

import io.pathtrack.guard.security.RequiresScope;
import java.util.List;
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

  @GetMapping("/audit")
  @RequiresScope("AuditEvent.s")
  List<AuditStep> about(@RequestParam String about) {
    return audit.about(about).stream().map(AuditStep::of).toList();
  }
}
