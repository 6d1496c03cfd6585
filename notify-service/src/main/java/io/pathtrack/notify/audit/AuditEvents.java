package io.pathtrack.notify.audit;


import io.pathtrack.contract.CloudEvent;
import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.EventTypes;
import io.pathtrack.contract.Fhir;
import io.pathtrack.contract.Vocabulary;
import io.pathtrack.notify.domain.Notification;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;

/**
 * One step of a notification's life as a FHIR AuditEvent on {@link io.pathtrack.contract.Topics#AUDIT}: what happened
 * (subtype: created, sent, failed, acknowledged, escalated, declined, retracted), when, to whom or by whom, and
 * which notification and report it concerns. No diagnosis and no patient name.
 */
public final class AuditEvents {
  public static final String SUBTYPE_SYSTEM = Vocabulary.BASE + "/CodeSystem/notification-step";

  private AuditEvents() {}

  public static String json(Notification n, String step, Instant at, String detail) {
    return json(n, step, at, detail, Optional.empty());
  }

  /** @param by who took the step (declined it) when it was not the recipient's own acknowledgement */
  public static String json(Notification n, String step, Instant at, String detail, Optional<String> by) {
    AuditEvent e = new AuditEvent();
    e.setType(new Coding("http://terminology.hl7.org/CodeSystem/iso-21089-lifecycle", "transmit", "Transmit Record Lifecycle Event"));
    e.addSubtype(new Coding(SUBTYPE_SYSTEM, step, step));
    e.setAction(AuditEvent.AuditEventAction.E);
    e.setRecorded(Date.from(at));
    e.setOutcome("failed".equals(step) ? AuditEvent.AuditEventOutcome._4 : AuditEvent.AuditEventOutcome._0);
    if (detail != null) {
      e.setOutcomeDesc(detail);
    }
    if (by.isPresent()) {
      e.addAgent().setWho(new Reference(by.get())).setRequestor(true);
    } else {
      e.addAgent().setWho(new Reference(n.acknowledgedBy().orElse(n.recipient())).setDisplay(n.recipientName()))
          .setRequestor(n.acknowledgedBy().isPresent());
    }
    e.getSource().setObserver(new Reference().setDisplay("notify-service"));
    e.addEntity().setWhat(new Reference("Communication/" + n.id())).setName(n.priority().code() + " " + n.trigger().code());
    e.addEntity().setWhat(new Reference(n.reportReference()));
    return Fhir.json().encodeResourceToString(e);
  }

  public static Map<String, byte[]> headers(Notification n, String step, String source, Instant at) {
    return CloudEvent.of(EventTypes.AUDIT_RECORDED, source, at)
        .subject(n.accession())
        .contentType(EventHeaders.FHIR_JSON)
        .with(EventHeaders.STEP, step)
        .with(EventHeaders.NOTIFICATION_ID, n.id())
        .with(EventHeaders.REPORT, n.reportReference())
        .headers();
  }
}
