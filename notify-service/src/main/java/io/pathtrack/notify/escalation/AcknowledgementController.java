package io.pathtrack.notify.escalation;

import static io.pathtrack.contract.EventHeaders.bytes;

import io.pathtrack.contract.CloudEvent;
import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.EventTypes;
import io.pathtrack.contract.NotificationRequest;
import io.pathtrack.contract.Topics;
import io.pathtrack.guard.http.FhirIds;
import io.pathtrack.guard.http.InvalidRequestValue;
import io.pathtrack.guard.security.AccessAuditEvents;
import io.pathtrack.guard.security.Caller;
import io.pathtrack.guard.security.RequiresScope;
import io.pathtrack.notify.directory.PractitionerDirectory;
import io.pathtrack.notify.inbox.NotificationAccess;
import io.pathtrack.notify.inbox.NotificationLog;
import io.pathtrack.notify.domain.Notification;
import io.pathtrack.notify.domain.PractitionerReference;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /notifications/{id}/acknowledge}: the signed-in practitioner acknowledges a notification addressed
 * to them or to someone they cover; the acknowledging identity is the token's ({@code {"by": …}} may be left out,
 * and one that names someone else is 403). A system client (the EHR) acknowledges on behalf of the practitioner it
 * names in {@code by}; the audit trail records both. The id must be a FHIR
 * id and {@code by} a practitioner reference, or the answer is 400 naming which. The request goes to
 * {@link io.pathtrack.contract.Topics#NOTIFICATION_ACKS}, keyed by accession, where the engine applies it in order with
 * everything else about that accession; the answer is 202.
 */
@RestController
public class AcknowledgementController {
  static final String BINDING = "acks-out";

  private final NotificationLog notifications;
  private final NotificationAccess access;
  private final StreamBridge bridge;
  private final Clock clock;
  private final PractitionerDirectory directory;
  private final String source;

  AcknowledgementController(NotificationLog notifications, NotificationAccess access, StreamBridge bridge, Clock clock,
      PractitionerDirectory directory, io.pathtrack.notify.NotifyProperties properties) {
    this.directory = directory;
    this.source = properties.source().toString();
    this.notifications = notifications;
    this.access = access;
    this.bridge = bridge;
    this.clock = clock;
  }

  record AckBody(String by) {}

  @PostMapping("/notifications/{id}/acknowledge")
  @RequiresScope("Communication.u")
  ResponseEntity<Map<String, String>> acknowledge(@PathVariable String id, @RequestBody(required = false) AckBody body,
      HttpServletRequest request) {
    Notification n = notification(id, body);
    String by = acknowledger(n, named(body), "by", request);
    if (!request(n, by)) {
      throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "acknowledgement could not be recorded; retry");
    }
    return ResponseEntity.accepted().body(Map.of("notification", id, "acknowledgedBy", by));
  }

  /**
   * {@code POST /notifications/{id}/decline}: "not my patient". The same rules of who may act as for acknowledging;
   * the engine reroutes the notification to the results desk and tells the lab. 409 when it is no longer open or is
   * addressed to the results desk itself.
   */
  @PostMapping("/notifications/{id}/decline")
  @RequiresScope("Communication.u")
  ResponseEntity<Map<String, String>> decline(@PathVariable String id, @RequestBody(required = false) AckBody body,
      HttpServletRequest request) {
    Notification n = notification(id, body);
    String by = acknowledger(n, named(body), "by", request);
    declinable(n).ifPresent(reason -> {
      throw new ResponseStatusException(HttpStatus.CONFLICT, reason);
    });
    if (!decline(n, by)) {
      throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "the decline could not be recorded; retry");
    }
    return ResponseEntity.accepted().body(Map.of("notification", id, "declinedBy", by));
  }

  /** Why the notification cannot be declined, if it cannot. */
  public Optional<String> declinable(Notification n) {
    if (!n.state().isOpen()) {
      return Optional.of("this notification is " + n.state().code() + " and can no longer be declined");
    }
    if (n.recipient().equals(directory.fallback().reference())) {
      return Optional.of("this notification is addressed to the results desk, which has nobody to reroute it to");
    }
    return Optional.empty();
  }

  private static Optional<String> named(AckBody body) {
    return body != null && body.by() != null && !body.by().isBlank() ? Optional.of(body.by()) : Optional.empty();
  }

  private Notification notification(String id, AckBody body) {
    FhirIds.problem(id).ifPresent(problem -> {
      throw new InvalidRequestValue("id", "the notification id in the path " + problem);
    });
    named(body).flatMap(PractitionerReference::problem).ifPresent(problem -> {
      throw new InvalidRequestValue("by", "'by' " + problem);
    });
    return notifications.find(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no notification with this id"));
  }

  /**
   * Who acknowledges, as {@link NotificationAccess} decides from the token; a system client's practitioner is
   * recorded in the access audit as the one it acted for.
   */
  public String acknowledger(Notification n, Optional<String> named, String field, HttpServletRequest request) {
    Caller caller = Caller.required();
    String by = access.acknowledger(caller, n, named, field);
    if (caller.fhirUser().isEmpty()) {
      request.setAttribute(AccessAuditEvents.ON_BEHALF_OF, by);
    }
    return by;
  }

  /** Writes an acknowledgement request for the engine; false when it could not be written. */
  public boolean request(Notification n, String by) {
    return send(n, by, EventTypes.NOTIFICATION_ACK_REQUESTED);
  }

  /** Writes a decline request ("not my patient") for the engine; false when it could not be written. */
  public boolean decline(Notification n, String by) {
    return send(n, by, EventTypes.NOTIFICATION_DECLINE_REQUESTED);
  }

  private boolean send(Notification n, String by, String type) {
    String id = n.id();
    var message = MessageBuilder.withPayload(Topics.NOTIFICATION_ACKS.write(new NotificationRequest(id, by)))
        .setHeader(KafkaHeaders.KEY, bytes(n.accession()));
    CloudEvent.of(type, source, clock.instant()).subject(n.accession()).contentType("application/json")
        .with(EventHeaders.NOTIFICATION_ID, id).headers().forEach(message::setHeader);
    return bridge.send(BINDING, message.build());
  }
}
