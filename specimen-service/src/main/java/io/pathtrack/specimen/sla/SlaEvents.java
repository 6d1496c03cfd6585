package io.pathtrack.specimen.sla;


import io.pathtrack.specimen.domain.SlaEvent;
import io.pathtrack.specimen.domain.SpecimenRecord;
import io.pathtrack.contract.CloudEvent;
import io.pathtrack.contract.Accessions;
import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.EventTypes;
import io.pathtrack.contract.Extensions;
import io.pathtrack.contract.Fhir;
import io.pathtrack.contract.Vocabulary;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/**
 * An SLA event as it goes on {@link io.pathtrack.contract.Topics#SLA_EVENTS}: a FHIR Task whose focus is the specimen,
 * {@code businessStatus} the SLA state, {@code restriction.period.end} the due time and
 * {@code executionPeriod} the clock (start, and the report time for met and late).
 */
public final class SlaEvents {
  public static final String SYSTEM = Vocabulary.BASE + "/CodeSystem/sla-state";

  private SlaEvents() {}

  public static String json(SlaEvent event, SpecimenRecord record) {
    Task task = new Task();
    task.setId(UUID.randomUUID().toString());
    task.setStatus(event.kind() == SlaEvent.Kind.MET || event.kind() == SlaEvent.Kind.LATE
        ? Task.TaskStatus.COMPLETED : Task.TaskStatus.INPROGRESS);
    task.setIntent(Task.TaskIntent.ORDER);
    task.setCode(new CodeableConcept().setText("Pathology turnaround"));
    task.setBusinessStatus(new CodeableConcept(new Coding(SYSTEM, code(event.kind()), code(event.kind()))));
    task.addIdentifier().setValue(event.accession()).getType()
        .addCoding(new Coding(Accessions.IDENTIFIER_TYPE_SYSTEM, Accessions.IDENTIFIER_TYPE_CODE, "Accession ID"));
    task.setFocus(new Reference("Specimen/" + event.accession()));
    if (record.orderingPractitioner() != null) {
      task.setOwner(new Reference(record.orderingPractitioner()));
    }
    task.getRestriction().getPeriod().setEnd(Date.from(event.plan().dueAt()));
    task.getExecutionPeriod().setStart(Date.from(event.plan().start()));
    if (event.turnaround().isPresent()) {
      task.getExecutionPeriod().setEnd(Date.from(event.at()));
      org.hl7.fhir.r4.model.Duration d = new org.hl7.fhir.r4.model.Duration();
      d.setValue(event.turnaround().get().toMinutes()).setUnit("min").setSystem("http://unitsofmeasure.org").setCode("min");
      task.addExtension(Extensions.TURNAROUND, d);
    }
    task.setLastModified(Date.from(event.at()));
    task.addNote().setText("target " + event.plan().target() + ", procedure " + record.procedure().code()
        + (record.procedureUnmapped() ? " (unmapped)" : "") + ", priority " + record.priority().code());
    return Fhir.json().encodeResourceToString(task);
  }

  public static Map<String, byte[]> headers(SlaEvent event, SpecimenRecord record, String source) {
    return CloudEvent.of(type(event.kind()), source, event.at())
        // One event per specimen, kind and due time, however often it is worked out.
        .idFrom(event.accession(), event.kind(), event.plan().dueAt())
        .subject(event.accession())
        .contentType(EventHeaders.FHIR_JSON)
        .with(EventHeaders.PROCEDURE_TYPE, record.procedure().code())
        .with(EventHeaders.DUE_TIME, event.plan().dueAt().toString())
        .with(EventHeaders.ORDERING_PRACTITIONER, record.orderingPractitioner())
        .with(EventHeaders.TURNAROUND_MINUTES, event.turnaround().map(t -> String.valueOf(t.toMinutes())))
        .headers();
  }

  public static String type(SlaEvent.Kind kind) {
    return switch (kind) {
      case WARNING -> EventTypes.SLA_WARNING;
      case BREACH -> EventTypes.SLA_BREACH;
      case MET -> EventTypes.SLA_MET;
      case LATE -> EventTypes.SLA_LATE;
    };
  }

  private static String code(SlaEvent.Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}
