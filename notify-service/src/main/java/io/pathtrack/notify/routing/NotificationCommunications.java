package io.pathtrack.notify.routing;


import io.pathtrack.notify.domain.DeliveryChannel;
import io.pathtrack.notify.domain.Notification;
import io.pathtrack.notify.domain.NotificationState;
import io.pathtrack.notify.domain.Trigger;
import io.pathtrack.contract.CloudEvent;
import io.pathtrack.contract.Accessions;
import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.EventTypes;
import io.pathtrack.contract.Extensions;
import io.pathtrack.contract.Fhir;
import io.pathtrack.contract.Outcome;
import io.pathtrack.contract.Priority;
import io.pathtrack.contract.Vocabulary;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * A notification as the FHIR Communication it is on {@link io.pathtrack.contract.Topics#NOTIFICATIONS}, and back.
 * The Communication holds no diagnosis text: the outcome code, the priority and references only.
 */
public final class NotificationCommunications {
  public static final String NOTIFICATION_ID_SYSTEM = Vocabulary.BASE + "/notification-id";

  private NotificationCommunications() {}

  public static Communication toCommunication(Notification n) {
    Communication c = new Communication();
    c.setId(n.id());
    c.addIdentifier().setSystem(NOTIFICATION_ID_SYSTEM).setValue(n.id());
    c.addIdentifier().setValue(n.accession()).getType()
        .addCoding(new Coding(Accessions.IDENTIFIER_TYPE_SYSTEM, Accessions.IDENTIFIER_TYPE_CODE, "Accession ID"));
    c.setStatus(Communication.CommunicationStatus.fromCode(n.state().communicationStatus()));
    c.setPriority(Communication.CommunicationPriority.fromCode(n.priority().fhirCode()));
    c.addAbout(new Reference(n.reportReference()));
    c.addRecipient(new Reference(n.recipient()).setDisplay(n.recipientName()));
    c.addReasonCode(new CodeableConcept(new Coding(Outcome.SYSTEM, n.outcome().code(), n.outcome().display())));
    for (DeliveryChannel channel : n.channels()) {
      c.addMedium(new CodeableConcept(new Coding(DeliveryChannel.SYSTEM, channel.code(), null)));
    }
    c.addExtension(Extensions.REPORT_VERSION, new StringType(n.reportVersion()));
    c.addExtension(Extensions.NEEDS_REVIEW, new BooleanType(n.needsReview()));
    c.addExtension(Extensions.FALLBACK_RECIPIENT, new BooleanType(n.fallbackRecipient()));
    c.addExtension(Extensions.NOTIFICATION_STATE, new CodeType(n.state().code()));
    c.addExtension(Extensions.TRIGGER, new CodeType(n.trigger().code()));
    c.addExtension(Extensions.ESCALATION_LEVEL, new IntegerType(n.escalationLevel()));
    n.ackDeadline().ifPresent(d -> c.addExtension(Extensions.ACK_DEADLINE, new DateTimeType(Date.from(d))));
    n.acknowledgedBy().ifPresent(by -> c.addExtension(Extensions.ACKNOWLEDGED_BY, new Reference(by)));
    n.replaces().ifPresent(id -> c.addExtension(Extensions.REPLACES, new Reference("Communication/" + id)));
    n.note().ifPresent(note -> c.addExtension(Extensions.NOTIFICATION_NOTE, new StringType(note)));
    n.acknowledgedAt().ifPresent(at -> c.addExtension(Extensions.ACKNOWLEDGED_AT, new DateTimeType(Date.from(at))));
    c.getMeta().setLastUpdated(Date.from(n.createdAt()));
    c.setReceived(Date.from(n.createdAt()));
    n.sentAt().ifPresent(at -> c.setSent(Date.from(at)));
    n.failure().ifPresent(reason -> c.setStatusReason(new CodeableConcept().setText(reason)));
    return c;
  }

  public static Notification fromCommunication(Communication c) {
    String id = c.getIdentifier().stream()
        .filter(i -> NOTIFICATION_ID_SYSTEM.equals(i.getSystem())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Communication without notification id")).getValue();
    String accession = c.getIdentifier().stream().filter(Accessions::isAccessionType).findFirst()
        .map(i -> i.getValue()).orElse("");
    Set<DeliveryChannel> channels = EnumSet.noneOf(DeliveryChannel.class);
    c.getMedium().forEach(m -> m.getCoding().forEach(coding -> {
      for (DeliveryChannel ch : DeliveryChannel.values()) {
        if (ch.code().equals(coding.getCode())) {
          channels.add(ch);
        }
      }
    }));
    Priority priority = Priority.ROUTINE;
    for (Priority p : Priority.values()) {
      if (c.hasPriority() && p.fhirCode().equals(c.getPriority().toCode())) {
        priority = p;
      }
    }
    return new Notification(
        id,
        accession,
        c.getAboutFirstRep().getReference(),
        string(c.getExtensionByUrl(Extensions.REPORT_VERSION)),
        Outcome.fromCode(c.getReasonCodeFirstRep().getCodingFirstRep().getCode()).orElse(Outcome.ATYPICAL),
        bool(c.getExtensionByUrl(Extensions.NEEDS_REVIEW)),
        priority,
        c.getRecipientFirstRep().getReference(),
        c.getRecipientFirstRep().getDisplay(),
        bool(c.getExtensionByUrl(Extensions.FALLBACK_RECIPIENT)),
        channels,
        c.getExtensionByUrl(Extensions.NOTIFICATION_STATE) != null
            ? NotificationState.fromCode(string(c.getExtensionByUrl(Extensions.NOTIFICATION_STATE)))
            : NotificationState.fromCommunicationStatus(c.getStatus().toCode()),
        c.hasReceived() ? c.getReceived().toInstant() : Instant.EPOCH,
        c.hasSent() ? Optional.of(c.getSent().toInstant()) : Optional.empty(),
        c.hasStatusReason() ? Optional.ofNullable(c.getStatusReason().getText()) : Optional.empty(),
        c.getExtensionByUrl(Extensions.TRIGGER) == null ? Trigger.RESULT : Trigger.fromCode(string(c.getExtensionByUrl(Extensions.TRIGGER))),
        c.getExtensionByUrl(Extensions.ESCALATION_LEVEL) == null ? 0
            : Integer.parseInt(string(c.getExtensionByUrl(Extensions.ESCALATION_LEVEL))),
        c.getExtensionByUrl(Extensions.ACK_DEADLINE) == null ? Optional.empty()
            : Optional.of(((DateTimeType) c.getExtensionByUrl(Extensions.ACK_DEADLINE).getValue()).getValue().toInstant()),
        reference(c.getExtensionByUrl(Extensions.ACKNOWLEDGED_BY)),
        reference(c.getExtensionByUrl(Extensions.REPLACES)).map(r -> r.substring(r.indexOf('/') + 1)),
        Optional.ofNullable(c.getExtensionByUrl(Extensions.NOTIFICATION_NOTE)).map(NotificationCommunications::string),
        Optional.ofNullable(c.getExtensionByUrl(Extensions.ACKNOWLEDGED_AT))
            .filter(e -> e.getValue() instanceof DateTimeType d && d.getValue() != null)
            .map(e -> ((DateTimeType) e.getValue()).getValue().toInstant()));
  }

  public static String json(Notification n) {
    return Fhir.json().encodeResourceToString(toCommunication(n));
  }

  public static Notification parse(String json) {
    return fromCommunication(Fhir.json().parseResource(Communication.class, json));
  }

  /** The CloudEvents headers of a notification event; the type follows the notification's state. */
  public static Map<String, byte[]> headers(Notification n, String source, Instant time) {
    return CloudEvent.of(eventType(n.state()), source, time)
        .subject(n.accession())
        .contentType(EventHeaders.FHIR_JSON)
        .with(EventHeaders.PRIORITY, n.priority().code())
        .with(EventHeaders.OUTCOME, n.outcome().code())
        .headers();
  }

  public static String eventType(NotificationState state) {
    return switch (state) {
      case CREATED -> EventTypes.NOTIFICATION_CREATED;
      case SENT -> EventTypes.NOTIFICATION_SENT;
      case FAILED -> EventTypes.NOTIFICATION_FAILED;
      case ACKNOWLEDGED -> EventTypes.NOTIFICATION_ACKNOWLEDGED;
      case ESCALATED -> EventTypes.NOTIFICATION_ESCALATED;
      case RETRACTED -> EventTypes.NOTIFICATION_RETRACTED;
      case DECLINED -> EventTypes.NOTIFICATION_DECLINED;
    };
  }

  private static Optional<String> reference(Extension e) {
    return e == null ? Optional.empty() : Optional.ofNullable(((Reference) e.getValue()).getReference());
  }

  private static String string(Extension e) {
    return e == null ? "" : e.getValue().primitiveValue();
  }

  private static boolean bool(Extension e) {
    return e != null && Boolean.parseBoolean(e.getValue().primitiveValue());
  }
}
