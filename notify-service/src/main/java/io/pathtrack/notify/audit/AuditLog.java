package io.pathtrack.notify.audit;

import io.pathtrack.contract.Fhir;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/** The audit trail, as read from {@code pathology.audit} (the topic is the record; this is a view of it). */
@Component
public class AuditLog {
  private final List<AuditEvent> events = new CopyOnWriteArrayList<>();

  public void apply(String json) {
    events.add(Fhir.json().parseResource(AuditEvent.class, json));
  }

  /** Every step that concerns a report (DiagnosticReport/…) or a notification (Communication/…). */
  public List<AuditEvent> about(String reference) {
    List<AuditEvent> out = new ArrayList<>();
    for (AuditEvent e : events) {
      if (e.getEntity().stream().map(AuditEvent.AuditEventEntityComponent::getWhat).map(Reference::getReference)
          .anyMatch(reference::equals)) {
        out.add(e);
      }
    }
    return out;
  }
}
