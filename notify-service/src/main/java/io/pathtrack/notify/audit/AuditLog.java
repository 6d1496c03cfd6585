package io.pathtrack.notify.audit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * The audit trail, as read from {@link io.pathtrack.contract.Topics#AUDIT} (the topic is the record; this is a view of it): the
 * most recent {@link #KEPT} entries, notification steps and API calls alike, so that it never outgrows memory.
 */
@Component
public class AuditLog {
  /** How many entries the view keeps; older ones stay on the topic. */
  static final int KEPT = 50_000;

  private final Deque<AuditEvent> events = new ArrayDeque<>();

  public void apply(AuditEvent event) {
    synchronized (events) {
      events.addLast(event);
      if (events.size() > KEPT) {
        events.removeFirst();
      }
    }
  }

  /** Every step that concerns a report (DiagnosticReport/…) or a notification (Communication/…). */
  public List<AuditEvent> about(String reference) {
    List<AuditEvent> out = new ArrayList<>();
    List<AuditEvent> all;
    synchronized (events) {
      all = new ArrayList<>(events);
    }
    for (AuditEvent e : all) {
      if (e.getEntity().stream().map(AuditEvent.AuditEventEntityComponent::getWhat).map(Reference::getReference)
          .anyMatch(reference::equals)) {
        out.add(e);
      }
    }
    return out;
  }
}
