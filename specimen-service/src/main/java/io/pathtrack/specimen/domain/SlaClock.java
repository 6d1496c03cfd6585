package io.pathtrack.specimen.domain;

import io.pathtrack.contract.WorkingDayCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The turnaround rules as plain functions: a specimen's record and an event in, the new record, the
 * SLA events to publish and the timers to add or drop out. No Kafka, no clock of its own.
 */
public final class SlaClock {
  private final TurnaroundPolicy policy;
  private final WorkingDayCalendar calendar;

  public SlaClock(TurnaroundPolicy policy, WorkingDayCalendar calendar) {
    this.policy = policy;
    this.calendar = calendar;
  }

  /** What a step decided. */
  public record Step(SpecimenRecord record, List<SlaEvent> events, List<DueTimer> add, List<DueTimer> remove) {
    static Step of(SpecimenRecord record) {
      return new Step(record, List.of(), List.of(), List.of());
    }
  }

  /**
   * The specimen's lifecycle moved (registered, collected, received, cancelled…). Starts the clock when
   * the rule's clock-start event is known; stops it when the specimen is cancelled or rejected.
   *
   * @param collected when it was collected, if known
   * @param received when the lab received it, if known
   */
  public Step onLifecycle(SpecimenRecord record, Optional<Instant> collected, Optional<Instant> received, Instant now) {
    if (record.slaState().isOpen() && ("cancelled".equals(record.lifecycle()) || "rejected".equals(record.lifecycle()))) {
      SpecimenRecord stopped = record.withSla(record.plan(), SlaState.STOPPED)
          .withTimeline(new TimelineEntry(now, "clock-stopped", record.lifecycle()));
      return new Step(stopped, List.of(), List.of(), timers(record));
    }
    if (record.slaState() != SlaState.NOT_STARTED || "cancelled".equals(record.lifecycle())
        || "rejected".equals(record.lifecycle())) {
      return Step.of(record);
    }
    SlaRule rule = policy.rule(record.procedure(), record.priority());
    Optional<Instant> startEvent = rule.clockStart() == ClockStart.COLLECTED ? collected.or(() -> received) : received;
    if (startEvent.isEmpty()) {
      return Step.of(record);
    }
    SlaPlan plan = SlaPlan.of(rule, calendar, startEvent.get());
    SpecimenRecord started = record.withSla(plan, SlaState.ON_TRACK).withTimeline(new TimelineEntry(plan.start(),
        "clock-started", "target " + plan.target() + (record.procedureUnmapped() ? " (procedure unmapped)" : "")
            + ", due " + plan.dueAt()));
    return new Step(started, List.of(), timers(started), List.of());
  }

  /** The final report arrived: met when on or before the due time, late after it. */
  public Step onFinalReport(SpecimenRecord record, Instant reportedAt) {
    if (!record.slaState().isOpen()) {
      return Step.of(record);
    }
    SlaPlan plan = record.plan();
    boolean met = !reportedAt.isAfter(plan.dueAt());
    Duration turnaround = Duration.between(plan.start(), reportedAt);
    SlaEvent event = new SlaEvent(met ? SlaEvent.Kind.MET : SlaEvent.Kind.LATE, record.accession(), reportedAt, plan,
        Optional.of(turnaround.isNegative() ? Duration.ZERO : turnaround));
    SpecimenRecord done = record.withSla(plan, met ? SlaState.MET : SlaState.LATE)
        .withTimeline(new TimelineEntry(reportedAt, met ? "sla-met" : "sla-late", "turnaround " + turnaround.toMinutes() + " min"));
    return new Step(done, List.of(event), List.of(), timers(record));
  }

  /** A timer fell due. A timer that no longer applies (the specimen was reported, say) does nothing. */
  public Step onDue(SpecimenRecord record, DueTimer timer, Instant now) {
    if (record.plan() == null) {
      return new Step(record, List.of(), List.of(), List.of(timer));
    }
    if (timer.kind() == DueTimer.Kind.WARNING && record.slaState() == SlaState.ON_TRACK) {
      SpecimenRecord warned = record.withSla(record.plan(), SlaState.WARNING)
          .withTimeline(new TimelineEntry(now, "sla-warning", "due " + record.plan().dueAt()));
      return new Step(warned, List.of(new SlaEvent(SlaEvent.Kind.WARNING, record.accession(), now, record.plan(),
          Optional.empty())), List.of(), List.of(timer));
    }
    if (timer.kind() == DueTimer.Kind.BREACH
        && (record.slaState() == SlaState.ON_TRACK || record.slaState() == SlaState.WARNING)) {
      SpecimenRecord breached = record.withSla(record.plan(), SlaState.BREACHED)
          .withTimeline(new TimelineEntry(now, "sla-breach", "was due " + record.plan().dueAt()));
      return new Step(breached, List.of(new SlaEvent(SlaEvent.Kind.BREACH, record.accession(), now, record.plan(),
          Optional.empty())), List.of(), List.of(timer));
    }
    return new Step(record, List.of(), List.of(), List.of(timer));
  }

  /** The timers of a started plan. */
  static List<DueTimer> timers(SpecimenRecord record) {
    List<DueTimer> timers = new ArrayList<>();
    if (record.plan() != null) {
      timers.add(new DueTimer(record.plan().warningAt(), DueTimer.Kind.WARNING, record.accession()));
      timers.add(new DueTimer(record.plan().dueAt(), DueTimer.Kind.BREACH, record.accession()));
    }
    return timers;
  }
}
