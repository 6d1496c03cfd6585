package io.pathtrack.specimen.sla;

import io.pathtrack.contract.Accessions;
import io.pathtrack.contract.CloudEvent;
import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.EventTypes;
import io.pathtrack.contract.Fhir;
import io.pathtrack.contract.Vocabulary;
import io.pathtrack.specimen.domain.FollowUpTask;
import io.pathtrack.specimen.domain.SpecimenRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/**
 * A recommended follow-up as it goes on {@link io.pathtrack.contract.Topics#SLA_EVENTS}: a FHIR Task whose focus is the
 * specimen, {@code basedOn} the report that recommended it, {@code code} the kind, {@code businessStatus} open,
 * overdue, completed or cancelled, {@code restriction.period.end} the due date and {@code owner} the ordering physician.
 */
public final class FollowUpEvents {
  public static final String KIND_SYSTEM = Vocabulary.BASE + "/CodeSystem/follow-up-kind";
  public static final String STATUS_SYSTEM = Vocabulary.BASE + "/CodeSystem/follow-up-status";

  private FollowUpEvents() {}

  public static String json(FollowUpTask f, SpecimenRecord record, Instant at) {
    Task task = new Task();
    // One Task per specimen, kind and recommending report: its states are versions of it.
    task.setId(UUID.nameUUIDFromBytes((record.accession() + "|" + f.kind() + "|" + f.reportReference())
        .getBytes(StandardCharsets.UTF_8)).toString());
    task.setStatus(switch (f.status()) {
      case OPEN, OVERDUE -> Task.TaskStatus.REQUESTED;
      case COMPLETED -> Task.TaskStatus.COMPLETED;
      case CANCELLED -> Task.TaskStatus.CANCELLED;
    });
    task.setIntent(Task.TaskIntent.PLAN);
    task.setCode(new CodeableConcept(new Coding(KIND_SYSTEM, f.kind(), null)).setText("Recommended follow-up"));
    task.setBusinessStatus(new CodeableConcept(new Coding(STATUS_SYSTEM, f.status().code(), f.status().code())));
    task.addIdentifier().setValue(record.accession()).getType()
        .addCoding(new Coding(Accessions.IDENTIFIER_TYPE_SYSTEM, Accessions.IDENTIFIER_TYPE_CODE, "Accession ID"));
    task.setFocus(new Reference("Specimen/" + record.accession()));
    task.addBasedOn(new Reference(f.reportReference()));
    if (record.orderingPractitioner() != null) {
      task.setOwner(new Reference(record.orderingPractitioner()));
    }
    task.setAuthoredOn(Date.from(f.recommendedAt()));
    task.getRestriction().getPeriod().setEnd(Date.from(f.dueAt()));
    task.setLastModified(Date.from(at));
    return Fhir.json().encodeResourceToString(task);
  }

  public static Map<String, byte[]> headers(FollowUpTask f, SpecimenRecord record, String source, Instant at) {
    return CloudEvent.of(type(f.status()), source, at)
        // One event per specimen, kind, report and state, however often it is worked out.
        .idFrom(record.accession(), f.kind(), f.reportReference(), f.status().code())
        .subject(record.accession())
        .contentType(EventHeaders.FHIR_JSON)
        .with(EventHeaders.FOLLOW_UP_KIND, f.kind())
        .with(EventHeaders.DUE_TIME, f.dueAt().toString())
        .with(EventHeaders.REPORT, f.reportReference())
        .with(EventHeaders.ORDERING_PRACTITIONER, record.orderingPractitioner())
        .headers();
  }

  public static String type(FollowUpTask.Status status) {
    return switch (status) {
      case OPEN -> EventTypes.FOLLOW_UP_CREATED;
      case OVERDUE -> EventTypes.FOLLOW_UP_OVERDUE;
      case COMPLETED, CANCELLED -> EventTypes.FOLLOW_UP_CLOSED;
    };
  }
}
