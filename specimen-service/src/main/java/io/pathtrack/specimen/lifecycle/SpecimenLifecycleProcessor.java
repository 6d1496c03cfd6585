package io.pathtrack.specimen.lifecycle;

import io.pathtrack.specimen.domain.LifecycleStatus;
import io.pathtrack.contract.Accessions;
import io.pathtrack.contract.ClassifiedReportEvent;
import io.pathtrack.contract.Concordance;
import io.pathtrack.contract.Discipline;
import io.pathtrack.contract.Extensions;
import org.hl7.fhir.r4.model.CodeType;
import io.pathtrack.contract.ReportCues;
import io.pathtrack.specimen.concordance.ConcordancePolicy;
import io.pathtrack.specimen.domain.FollowUpTask;
import io.pathtrack.specimen.domain.FollowUps;
import io.pathtrack.specimen.sla.FollowUpEvents;
import io.pathtrack.contract.EventTypes;
import io.pathtrack.contract.serde.Deferred;
import io.pathtrack.contract.streams.RecordRefusedException;
import io.pathtrack.contract.Fhir;
import io.pathtrack.contract.SpecimenOrders;
import io.pathtrack.contract.streams.RoutedRecord;
import io.pathtrack.contract.streams.RoutingProcessor;
import io.pathtrack.guard.Redaction;
import io.pathtrack.specimen.domain.DueTimer;
import io.pathtrack.specimen.sla.DueTimerIndex;
import io.pathtrack.specimen.domain.SlaClock;
import io.pathtrack.specimen.domain.SlaEvent;
import io.pathtrack.specimen.sla.SlaEvents;
import io.pathtrack.specimen.sla.SlaMetrics;
import io.pathtrack.specimen.domain.SlaState;
import io.pathtrack.specimen.domain.SpecimenRecord;
import io.pathtrack.specimen.lifecycle.SpecimenRecords;
import io.pathtrack.specimen.domain.TimelineEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Specimen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The specimen-service state machine in Kafka Streams. Input: specimen events and classified reports,
 * both keyed by accession. State: each specimen's record, and the due-time index of its SLA timers.
 * Output 0: specimen events (reported, amended, created from a report); output 1: SLA events. A
 * wall-clock punctuator fires the timers that are due by range-scanning the index from its start, so it
 * touches only what is due; timers live in the stores and their changelogs, so they survive restarts.
 */
final class SpecimenLifecycleProcessor extends RoutingProcessor<LifecycleInput> {
  static final int SPECIMENS = 0;
  static final int SLA = 1;
  /** Timers fired per sweep at most; the rest wait for the next sweep, so one sweep stays short. */
  static final int SWEEP_BATCH = 10_000;
  private static final Logger log = LoggerFactory.getLogger(SpecimenLifecycleProcessor.class);

  private final SlaClock slaClock;
  private final SpecimenRecords records;
  private final SlaMetrics metrics;
  private final Clock clock;
  private final String source;
  private final ConcordancePolicy concordance;
  private final FollowUps followUps;
  private KeyValueStore<String, SpecimenRecord> store;
  private DueTimerIndex timers;

  SpecimenLifecycleProcessor(SlaClock slaClock, SpecimenRecords records, SlaMetrics metrics, Clock clock,
      Duration sweepInterval, String source, ConcordancePolicy concordance, FollowUps followUps) {
    super(sweepInterval);
    this.concordance = concordance;
    this.followUps = followUps;
    this.slaClock = slaClock;
    this.records = records;
    this.metrics = metrics;
    this.clock = clock;
    this.source = source;
  }

  @Override
  protected void open(ProcessorContext<String, RoutedRecord<String>> context) {
    store = context.getStateStore(SpecimenTopology.RECORDS);
    timers = new DueTimerIndex(context.getStateStore(SpecimenTopology.TIMERS));
    try (KeyValueIterator<String, SpecimenRecord> all = store.all()) {
      all.forEachRemaining(kv -> metrics.restored(kv.value.slaState()));
    }
  }

  /**
   * A record that cannot be applied throws: the stream's exception handler sets it aside on
   * {@link io.pathtrack.contract.Topics#SPECIMENS_DLQ} with the reason and the stream goes on with the next one.
   */
  @Override
  protected void apply(Record<String, LifecycleInput> record, String type) {
    if (type.equals(EventTypes.SPECIMEN_REGISTERED) || type.equals(EventTypes.SPECIMEN_STATUS_CHANGED)
        || type.equals(EventTypes.SPECIMEN_CORRECTED)) {
      if (!(record.value() instanceof LifecycleInput.SpecimenEvent event) || event.specimen() == null) {
        throw new RecordRefusedException("a specimen event whose body is not a Specimen");
      }
      onSpecimen(record.key(), event.specimen(), type);
    } else if (type.equals(EventTypes.SPECIMEN_FOLLOW_UP_CLOSED)) {
      onFollowUpClosed(record.key(), record.headers());
    } else if (type.equals(EventTypes.REPORT_CLASSIFIED)) {
      // The event is in the headers; the body is read only if the specimen was never registered.
      Optional<Deferred<DiagnosticReport>> body = record.value() instanceof LifecycleInput.Report report
          ? Optional.ofNullable(report.body()) : Optional.empty();
      ClassifiedReportEvent.fromHeaders(record.key(), record.headers())
          .ifPresent(event -> onReport(event, ReportCues.fromHeaders(record.headers()), body));
    }
  }

  /**
   * A registration, a correction or a lab's lifecycle move. Against a specimen already held, each changes
   * only its own part ({@link SpecimenChanges}): a registration naming another patient or ordering
   * practitioner is refused, and neither a registration nor a late or repeated event moves the lifecycle
   * back. This processor's own events (reported, and status changed to amended), read back from the topic,
   * were applied before they were published; applying them again could undo what happened since (a
   * correction, an amendment), so they are skipped.
   */
  private void onSpecimen(String accession, Specimen event, String type) {
    Optional<LifecycleStatus> eventStatus = SpecimenLifecycle.status(event);
    if (type.equals(EventTypes.SPECIMEN_STATUS_CHANGED) && eventStatus.map(LifecycleStatus::isReported).orElse(false)) {
      return;
    }
    Optional<SpecimenRecord> existing = load(accession);
    Specimen specimen;
    Optional<TimelineEntry> correction = Optional.empty();
    if (existing.isEmpty()) {
      if (type.equals(EventTypes.SPECIMEN_CORRECTED)) {
        throw new RecordRefusedException("a correction of a specimen that is not registered");
      }
      // What the lifecycle decides is never taken from the lab: a concordance or the disciplines reported.
      event.getExtension().removeIf(e -> Extensions.CONCORDANCE.equals(e.getUrl())
          || Extensions.REPORTED_DISCIPLINE.equals(e.getUrl()));
      specimen = event;
    } else {
      Specimen held = SpecimenOrders.parse(existing.get().specimenJson());
      LifecycleStatus from = SpecimenLifecycle.status(held).orElse(LifecycleStatus.ORDERED);
      if (type.equals(EventTypes.SPECIMEN_REGISTERED)) {
        List<String> conflicts = SpecimenChanges.identityConflicts(held, event);
        if (!conflicts.isEmpty()) {
          throw new RecordRefusedException("a registration names another " + String.join(" and ", conflicts)
              + " than the specimen registered under its accession; a correction is a PUT with If-Match");
        }
        specimen = SpecimenChanges.registeredAgain(held, event);
      } else if (type.equals(EventTypes.SPECIMEN_CORRECTED)) {
        specimen = SpecimenChanges.corrected(held, event);
        List<String> changed = SpecimenChanges.changed(held, specimen);
        correction = changed.isEmpty() ? Optional.empty()
            : Optional.of(new TimelineEntry(clock.instant(), "corrected", String.join(", ", changed)));
      } else if (eventStatus.isEmpty()) {
        throw new RecordRefusedException("a status change that names no lifecycle status");
      } else if (from.allows(eventStatus.get())) {
        specimen = SpecimenChanges.moved(held, event);
      } else {
        // A move decided on an older state (a report arrived meanwhile): the specimen has moved on.
        log.info("Status change of specimen {} to {} not applied: it is {} now", Redaction.accession(accession),
            eventStatus.get().code(), from.code());
        return;
      }
    }
    SpecimenChanges.unversioned(specimen).setId(accession);
    String stored = Fhir.json().encodeResourceToString(specimen);
    SpecimenRecord updated = records.update(existing, accession, specimen, stored, false);
    if (existing.isEmpty() || !existing.get().lifecycle().equals(updated.lifecycle())) {
      updated = updated.withTimeline(new TimelineEntry(clock.instant(), updated.lifecycle(),
          type.equals(EventTypes.SPECIMEN_REGISTERED) ? "registered" : "status changed"));
    }
    updated = correction.map(updated::withTimeline).orElse(updated);
    apply(existing, slaClock.onLifecycle(updated, collected(specimen), received(specimen), clock.instant()));
  }

  private void onReport(ClassifiedReportEvent event, ReportCues cues, Optional<Deferred<DiagnosticReport>> report) {
    Instant now = clock.instant();
    Optional<SpecimenRecord> existing = load(event.accession());
    if (!event.isFinal()) {
      existing.ifPresent(r -> save(r.withTimeline(new TimelineEntry(now, "report-" + event.reportStatus(),
          event.reportReference() + " " + event.outcome().code()))));
      return;
    }
    boolean unregistered = existing.isEmpty();
    Specimen specimen = existing.map(r -> SpecimenOrders.parse(r.specimenJson()))
        .orElseGet(() -> fromReport(event.accession(), report));
    if (unregistered) {
      SpecimenLifecycle.register(specimen);
    }
    boolean amendment = SpecimenLifecycle.status(specimen)
        .map(s -> s == LifecycleStatus.REPORTED || s == LifecycleStatus.AMENDED).orElse(false);
    // Who performed the biopsy, when only the report's Procedure says: the radiologist a concordance question goes to.
    if (!specimen.getCollection().hasCollector() && cues.performer().isPresent()) {
      specimen.getCollection().setCollector(new org.hl7.fhir.r4.model.Reference(cues.performer().get()));
    }
    // Every discipline ordered must report before the specimen is reported and its clock stops (a CT-guided bone
    // biopsy sent to pathology and microbiology waits for both).
    java.util.Set<Discipline> ordered = SpecimenOrders.disciplines(specimen);
    java.util.Set<Discipline> reported = SpecimenOrders.reportedDisciplines(specimen);
    if (!reported.contains(cues.discipline())) {
      specimen.addExtension(Extensions.REPORTED_DISCIPLINE, new CodeType(cues.discipline().code()));
      reported.add(cues.discipline());
    }
    java.util.Set<Discipline> waiting = java.util.EnumSet.noneOf(Discipline.class);
    waiting.addAll(ordered);
    waiting.removeAll(reported);
    // A histology report while a culture is awaited (or the other way round) is reported in part: its concordance and
    // follow-ups are decided and told now; the specimen is reported, and its clock stopped, when all have reported.
    boolean inPart = !amendment && !waiting.isEmpty();
    if (!inPart) {
      SpecimenLifecycle.reported(specimen, event);
    }
    Concordance assessed = null;
    if (cues.discipline() == Discipline.HISTOLOGY) {
      assessed = concordance.assess(specimen, existing.map(SpecimenRecord::procedure)
          .or(() -> SpecimenOrders.procedureType(specimen)), event, cues);
      assessed.writeTo(specimen);
      metrics.concordance(assessed);
    }
    specimen.setId(event.accession());
    String json = Fhir.json().encodeResourceToString(specimen);
    String what = event.reportReference() + " " + event.reportStatus() + ", " + event.outcome().code();
    SpecimenRecord record = records.update(existing, event.accession(), specimen, json, unregistered)
        .withTimeline(inPart
            ? new TimelineEntry(now, "reported-in-part", cues.discipline().code() + ": " + what + "; waiting for "
                + String.join(", ", waiting.stream().map(Discipline::code).toList()))
            : new TimelineEntry(now, amendment ? "amended" : "reported",
                what + (unregistered ? " (specimen never registered: created from the report)" : "")));
    if (assessed != null && (assessed.state() != Concordance.State.NOT_ASSESSED || assessed.needsAction())) {
      Concordance c = assessed;
      record = record.withTimeline(new TimelineEntry(now, "concordance", c.state().code()
          + c.category().map(category -> " (" + category.display() + ")").orElse("")
          + (c.findings().isEmpty() ? "" : ": " + String.join("; ", c.findings()))));
    }
    if (inPart) {
      save(record);
    } else {
      if (record.slaState() == SlaState.NOT_STARTED) {
        // A report for a specimen never registered: its clock can still be judged from the report's own times.
        SlaClock.Step started = slaClock.onLifecycle(record, collected(specimen), received(specimen), now);
        record = started.record();
      }
      SlaClock.Step step = slaClock.onFinalReport(record, event.issued().orElse(event.time()));
      apply(existing, step);
      record = step.record();
    }
    if (!cues.followUps().isEmpty()) {
      apply(followUps.onReport(load(event.accession()).orElse(record), cues.followUps(), event.reportReference(),
          event.reportVersion(), event.issued().orElse(event.time())), now);
    }
    forward(event.accession(), SPECIMENS, json, SpecimenEvents.headers(inPart ? EventTypes.SPECIMEN_REPORTED_IN_PART
        : amendment ? EventTypes.SPECIMEN_STATUS_CHANGED : EventTypes.SPECIMEN_REPORTED, source, event.accession(),
        specimen, now));
  }

  /** Fires the timers due now. Runs on the stream thread, so it never races the records it changes. */
  @Override
  protected void sweep() {
    Instant now = clock.instant();
    for (DueTimer timer : timers.due(now, SWEEP_BATCH)) {
      timers.remove(timer);
      Optional<SpecimenRecord> record = load(timer.accession());
      if (record.isPresent() && timer.kind() == DueTimer.Kind.FOLLOW_UP) {
        apply(followUps.onDue(record.get(), timer, now), now);
      } else if (record.isPresent()) {
        apply(record, slaClock.onDue(record.get(), timer, now));
      }
    }
  }

  /**
   * A follow-up closed by the lab or the EHR ({@code $follow-up}): the kind, status and who in the headers. A specimen or
   * follow-up not held, or one already closed, changes nothing (the request was checked when it was made).
   */
  private void onFollowUpClosed(String accession, org.apache.kafka.common.header.Headers headers) {
    String kind = io.pathtrack.contract.EventHeaders.last(headers, io.pathtrack.contract.EventHeaders.FOLLOW_UP_KIND);
    Optional<FollowUpTask.Status> status = Optional.ofNullable(
        io.pathtrack.contract.EventHeaders.last(headers, io.pathtrack.contract.EventHeaders.FOLLOW_UP_STATUS))
        .flatMap(FollowUpTask.Status::fromCode);
    if (kind == null || status.isEmpty()) {
      throw new RecordRefusedException("a follow-up closed event without its kind or status");
    }
    Instant now = clock.instant();
    load(accession).flatMap(r -> followUps.onClosed(r, kind, status.get(),
        io.pathtrack.contract.EventHeaders.last(headers, io.pathtrack.contract.EventHeaders.FOLLOW_UP_BY), now))
        .ifPresent(step -> apply(step, now));
  }

  private void apply(FollowUps.Step step, Instant now) {
    save(step.record());
    step.remove().forEach(timers::remove);
    step.add().forEach(timers::add);
    for (FollowUpTask f : step.changed()) {
      forward(step.record().accession(), SLA, FollowUpEvents.json(f, step.record(), now),
          FollowUpEvents.headers(f, step.record(), source, now));
    }
  }

  private void apply(Optional<SpecimenRecord> before, SlaClock.Step step) {
    SpecimenRecord record = step.record();
    save(record);
    metrics.transition(before.map(SpecimenRecord::slaState).orElse(SlaState.NOT_STARTED), record.slaState());
    step.remove().forEach(timers::remove);
    step.add().forEach(timers::add);
    for (SlaEvent event : step.events()) {
      if (event.kind() == SlaEvent.Kind.MET || event.kind() == SlaEvent.Kind.LATE) {
        metrics.reported(record.procedure(), event);
      }
      forward(record.accession(), SLA, SlaEvents.json(event, record), SlaEvents.headers(event, record, source));
    }
  }

  private void forward(String key, int output, String value, java.util.Map<String, byte[]> headers) {
    // The record timestamp is stream time (the broker checks it); the event's own time is in ce_time.
    context().forward(new Record<>(key, new RoutedRecord<>(output, value, headers), causeTime()));
  }

  private Optional<SpecimenRecord> load(String accession) {
    return Optional.ofNullable(store.get(accession));
  }

  /** Stores the record one version on from the one held, when it changed at all. */
  private void save(SpecimenRecord record) {
    SpecimenRecord held = store.get(record.accession());
    long version = held == null ? 0 : held.version();
    if (record.withVersion(version).equals(held)) {
      return;
    }
    store.put(record.accession(), record.withVersion(version + 1));
  }

  /** The specimen a report describes (contained or referenced), else a bare one with its accession. */
  private static Specimen fromReport(String accession, Optional<Deferred<DiagnosticReport>> body) {
    DiagnosticReport report = body.map(Deferred::get).orElse(null);
    if (report != null) {
      for (Reference ref : report.getSpecimen()) {
        if (ref.getResource() instanceof Specimen s && Accessions.ofSpecimen(s).map(accession::equals).orElse(false)) {
          return s.copy();
        }
      }
      for (Resource contained : report.getContained()) {
        if (contained instanceof Specimen s) {
          return s.copy();
        }
      }
    }
    Specimen specimen = new Specimen();
    specimen.getAccessionIdentifier().setValue(accession);
    return specimen;
  }

  private static Optional<Instant> received(Specimen s) {
    return s.hasReceivedTime() ? Optional.of(s.getReceivedTime().toInstant()) : Optional.empty();
  }

  private static Optional<Instant> collected(Specimen s) {
    return s.getCollection().hasCollectedDateTimeType()
        ? Optional.ofNullable(s.getCollection().getCollectedDateTimeType().getValue()).map(java.util.Date::toInstant)
        : Optional.empty();
  }


}
