package io.pathtrack.specimen.domain;

import io.pathtrack.contract.ProcedureType;
import java.util.ArrayList;
import java.util.List;

/**
 * What specimen-service keeps per accession: the latest Specimen (FHIR JSON), where it is in its
 * lifecycle, its turnaround plan and state, and its timeline.
 *
 * @param unregistered true when the specimen was first seen in a report, never registered by the lab
 * @param plan null until the clock has started
 * @param followUps the follow-ups its final reports recommended (none for a record stored before they were tracked)
 * @param version the record's version, 1 when first stored and one more on every change to it; the
 *     Specimen's {@code meta.versionId} and ETag, which a correction names in If-Match (a record stored
 *     before versions existed reads as version 1)
 */
public record SpecimenRecord(
    String accession,
    String specimenJson,
    String lifecycle,
    ProcedureType procedure,
    boolean procedureUnmapped,
    SpecimenPriority priority,
    String orderingPractitioner,
    boolean unregistered,
    SlaPlan plan,
    SlaState slaState,
    List<TimelineEntry> timeline,
    long version,
    List<FollowUpTask> followUps) {

  public SpecimenRecord {
    timeline = List.copyOf(timeline);
    version = Math.max(1, version);
    followUps = followUps == null ? List.of() : List.copyOf(followUps);
  }

  public SpecimenRecord(String accession, String specimenJson, String lifecycle, ProcedureType procedure,
      boolean procedureUnmapped, SpecimenPriority priority, String orderingPractitioner, boolean unregistered,
      SlaPlan plan, SlaState slaState, List<TimelineEntry> timeline, long version) {
    this(accession, specimenJson, lifecycle, procedure, procedureUnmapped, priority, orderingPractitioner, unregistered,
        plan, slaState, timeline, version, List.of());
  }

  public SpecimenRecord withFollowUps(List<FollowUpTask> next) {
    return new SpecimenRecord(accession, specimenJson, lifecycle, procedure, procedureUnmapped, priority,
        orderingPractitioner, unregistered, plan, slaState, timeline, version, next);
  }

  public SpecimenRecord withTimeline(TimelineEntry entry) {
    List<TimelineEntry> next = new ArrayList<>(timeline);
    next.add(entry);
    return new SpecimenRecord(accession, specimenJson, lifecycle, procedure, procedureUnmapped, priority,
        orderingPractitioner, unregistered, plan, slaState, next, version, followUps);
  }

  public SpecimenRecord withSla(SlaPlan plan, SlaState state) {
    return new SpecimenRecord(accession, specimenJson, lifecycle, procedure, procedureUnmapped, priority,
        orderingPractitioner, unregistered, plan, state, timeline, version, followUps);
  }

  public SpecimenRecord withVersion(long next) {
    return new SpecimenRecord(accession, specimenJson, lifecycle, procedure, procedureUnmapped, priority,
        orderingPractitioner, unregistered, plan, slaState, timeline, next, followUps);
  }
}
