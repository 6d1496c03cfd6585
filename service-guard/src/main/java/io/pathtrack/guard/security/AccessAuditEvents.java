package io.pathtrack.guard.security;

import io.pathtrack.contract.Fhir;
import io.pathtrack.guard.http.FhirIds;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentNetworkType;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * One call to a service's API as a FHIR AuditEvent, in the style of IHE Basic Audit Log Patterns (BALP): a RESTful
 * operation (type {@code rest}, subtype the FHIR interaction), who (the user as {@code fhirUser}, the client as its
 * {@code client_id}, and whom the client acted for), what (the resource, or the search), when, from where, and how
 * it ended. Nothing from the request body or the answer is in it.
 */
public final class AccessAuditEvents {
  /** Request attribute a service may set: what it adds to the record (e.g. the elements a correction changed). */
  public static final String DETAIL = "io.pathtrack.audit.detail";
  /** Request attribute a service may set: the practitioner a system client acted for ({@code Practitioner/…}). */
  public static final String ON_BEHALF_OF = "io.pathtrack.audit.on-behalf-of";

  static final String CLIENT_ID_SYSTEM = "urn:ietf:params:oauth:client-id";
  private static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";
  private static final String PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";

  private AccessAuditEvents() {}

  /**
   * What was done.
   *
   * @param interaction the FHIR restful interaction: read, search-type, create, update, operation, transaction
   * @param entity the resource touched ({@code Specimen/S26-00001}) or, for a search, the resource type
   * @param query the search, as the caller sent it, or null
   * @param detail what the service adds (for a correction: the elements that changed), or null
   */
  public record Access(String interaction, String entity, String query, String detail) {}

  /** The caller as the audit names it: the token's, and the practitioner a client acted for, if any. */
  public record Who(Optional<Caller> caller, Optional<String> onBehalfOf, String address) {}

  static String json(Access access, Who who, int status, String service, Instant at) {
    AuditEvent e = new AuditEvent();
    e.setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "RESTful Operation"));
    e.addSubtype(new Coding("http://hl7.org/fhir/restful-interaction", access.interaction(), access.interaction()));
    e.setAction(action(access.interaction()));
    e.setRecorded(Date.from(at));
    e.setOutcome(status < 400 ? AuditEventOutcome._0 : status < 500 ? AuditEventOutcome._4 : AuditEventOutcome._8);
    e.setOutcomeDesc("HTTP " + status);
    Optional<Caller> caller = who.caller();
    caller.flatMap(Caller::fhirUser).ifPresent(user -> e.addAgent()
        .setType(new CodeableConcept(new Coding(PARTICIPATION, "IRCP", "information recipient")))
        .setWho(new Reference(user)).setAltId(caller.get().subject()).setRequestor(true));
    who.onBehalfOf().ifPresent(user -> e.addAgent()
        .setType(new CodeableConcept(new Coding(PARTICIPATION, "IRCP", "information recipient")))
        .setWho(new Reference(user)).setRequestor(true));
    var client = e.addAgent().setType(new CodeableConcept(new Coding(DCM, "110153", "Source Role ID")))
        .setRequestor(caller.flatMap(Caller::fhirUser).isEmpty() && who.onBehalfOf().isEmpty());
    caller.ifPresentOrElse(c -> client.setWho(new Reference().setIdentifier(new Identifier().setSystem(CLIENT_ID_SYSTEM)
        .setValue(c.clientId()))), () -> client.setWho(new Reference().setDisplay("unauthenticated caller")));
    client.getNetwork().setAddress(who.address()).setType(AuditEventAgentNetworkType._2);
    e.addAgent().setType(new CodeableConcept(new Coding(DCM, "110152", "Destination Role ID")))
        .setWho(new Reference().setDisplay(service)).setRequestor(false);
    e.getSource().setObserver(new Reference().setDisplay(service))
        .addType(new Coding("http://terminology.hl7.org/CodeSystem/security-source-type", "4", "Application Server"));
    var entity = e.addEntity();
    if (access.entity() != null && access.entity().contains("/")) {
      int slash = access.entity().indexOf('/');
      String id = access.entity().substring(slash + 1);
      // What a caller put in the address is a reference only when it is an id: "#" would be read as a contained one.
      entity.setWhat(FhirIds.problem(id).isEmpty() ? new Reference(access.entity())
          : new Reference().setType(access.entity().substring(0, slash)).setDisplay(access.entity()));
    } else if (access.entity() != null) {
      entity.setWhat(new Reference().setType(access.entity()));
    }
    entity.setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2", "System Object"));
    if (access.query() != null && !access.query().isEmpty()) {
      entity.setQuery(access.query().getBytes(StandardCharsets.UTF_8));
    }
    if (access.detail() != null) {
      entity.addDetail().setType("changes").setValue(new org.hl7.fhir.r4.model.StringType(access.detail()));
    }
    return Fhir.json().encodeResourceToString(e);
  }

  private static AuditEventAction action(String interaction) {
    return switch (interaction) {
      case "create" -> AuditEventAction.C;
      case "read", "vread", "search-type", "search" -> AuditEventAction.R;
      case "update", "patch" -> AuditEventAction.U;
      case "delete" -> AuditEventAction.D;
      default -> AuditEventAction.E;
    };
  }
}
