package io.pathtrack.specimen.domain;

import io.pathtrack.contract.WorkingDayCalendar;
import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.contract.ProcedureType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlaClockTest {
  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final Instant MONDAY_10 = Instant.parse("2026-11-23T10:00:00Z");
  private final SlaClock clock = new SlaClock(TurnaroundPolicy.defaults(), WorkingDayCalendar.weekdays(UTC));

  private static SpecimenRecord record(ProcedureType type, String lifecycle) {
    return new SpecimenRecord("S26-1", "{}", lifecycle, type, type == ProcedureType.UNMAPPED, SpecimenPriority.ROUTINE,
        "Practitioner/dr-lee", false, null, SlaState.NOT_STARTED, List.of(), 1);
  }

  private SlaClock.Step received(ProcedureType type, Instant at) {
    return clock.onLifecycle(record(type, "received"), Optional.empty(), Optional.of(at), at);
  }

  @ParameterizedTest(name = "{0}: due {1}")
  @CsvSource({
      "FINE_NEEDLE_ASPIRATION, 2026-11-25T10:00:00Z",
      "US_CORE_NEEDLE, 2026-11-25T10:00:00Z",
      "STEREOTACTIC_VACUUM, 2026-11-25T10:00:00Z",
      "STEREOTACTIC_3D_VACUUM, 2026-11-25T10:00:00Z",
      "MRI_GUIDED, 2026-11-25T10:00:00Z",
      "CT_LUNG_SOFT_TISSUE, 2026-11-26T10:00:00Z",
      "CT_BONE, 2026-11-30T10:00:00Z",
      "SURGICAL_EXCISION, 2026-11-30T10:00:00Z",
      "UNMAPPED, 2026-11-30T10:00:00Z"})
  void eachProcedureTypeHasItsDefaultTarget(ProcedureType type, Instant due) {
    SlaClock.Step step = received(type, MONDAY_10);
    assertThat(step.record().plan().dueAt()).isEqualTo(due);
    assertThat(step.record().slaState()).isEqualTo(SlaState.ON_TRACK);
    assertThat(step.add()).extracting(DueTimer::kind).containsExactly(DueTimer.Kind.WARNING, DueTimer.Kind.BREACH);
  }

  @Test
  void warningFiresAtThreeQuartersOfTheBudget() {
    SlaPlan plan = received(ProcedureType.US_CORE_NEEDLE, MONDAY_10).record().plan();
    assertThat(plan.warningAt()).isEqualTo(MONDAY_10.plus(Duration.ofHours(36)));
  }

  @Test
  void specimenThatWasOnlyOrderedHasNoClockYet() {
    SlaClock.Step step = clock.onLifecycle(record(ProcedureType.FINE_NEEDLE_ASPIRATION, "ordered"),
        Optional.empty(), Optional.empty(), MONDAY_10);
    assertThat(step.record().slaState()).isEqualTo(SlaState.NOT_STARTED);
    assertThat(step.add()).isEmpty();
  }

  @Test
  void warningThenBreachThenLate() {
    SlaClock.Step started = received(ProcedureType.FINE_NEEDLE_ASPIRATION, MONDAY_10);
    DueTimer warning = started.add().get(0);
    DueTimer breach = started.add().get(1);

    SlaClock.Step warned = clock.onDue(started.record(), warning, warning.at());
    assertThat(warned.events()).singleElement().extracting(SlaEvent::kind).isEqualTo(SlaEvent.Kind.WARNING);
    SlaClock.Step breached = clock.onDue(warned.record(), breach, breach.at());
    assertThat(breached.events()).singleElement().extracting(SlaEvent::kind).isEqualTo(SlaEvent.Kind.BREACH);
    assertThat(breached.record().slaState()).isEqualTo(SlaState.BREACHED);

    SlaClock.Step late = clock.onFinalReport(breached.record(), breach.at().plus(Duration.ofHours(5)));
    assertThat(late.events()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(SlaEvent.Kind.LATE);
      assertThat(e.turnaround()).contains(Duration.ofHours(48 + 5));
    });
    assertThat(late.record().slaState()).isEqualTo(SlaState.LATE);
  }

  @Test
  void reportOnTimeIsMetAndDropsItsTimers() {
    SlaClock.Step started = received(ProcedureType.MRI_GUIDED, MONDAY_10);
    SlaClock.Step met = clock.onFinalReport(started.record(), MONDAY_10.plus(Duration.ofHours(20)));
    assertThat(met.events()).singleElement().extracting(SlaEvent::kind).isEqualTo(SlaEvent.Kind.MET);
    assertThat(met.remove()).hasSize(2);
    // A timer that fires after the report does nothing.
    assertThat(clock.onDue(met.record(), started.add().get(1), started.add().get(1).at()).events()).isEmpty();
  }

  @Test
  void cancelledSpecimenStopsItsClock() {
    SlaClock.Step started = received(ProcedureType.CT_BONE, MONDAY_10);
    SpecimenRecord cancelled = new SpecimenRecord("S26-1", "{}", "cancelled", ProcedureType.CT_BONE, false,
        SpecimenPriority.ROUTINE, null, false, started.record().plan(), SlaState.ON_TRACK, List.of(), 1);
    SlaClock.Step stopped = clock.onLifecycle(cancelled, Optional.empty(), Optional.of(MONDAY_10), MONDAY_10.plusSeconds(60));
    assertThat(stopped.record().slaState()).isEqualTo(SlaState.STOPPED);
    assertThat(stopped.remove()).hasSize(2);
    assertThat(clock.onFinalReport(stopped.record(), MONDAY_10.plusSeconds(120)).events()).isEmpty();
  }

  @Test
  void urgentPriorityOverrideUsesHours() {
    TurnaroundPolicy policy = new TurnaroundPolicy(Map.of(ProcedureType.FINE_NEEDLE_ASPIRATION, Map.of(
        SpecimenPriority.ROUTINE, new SlaRule(TurnaroundTarget.workingDays(2), ClockStart.RECEIVED, 0.75),
        SpecimenPriority.URGENT, new SlaRule(TurnaroundTarget.hours(24), ClockStart.RECEIVED, 0.5))),
        new SlaRule(TurnaroundTarget.workingDays(5), ClockStart.RECEIVED, 0.75));
    SlaClock urgentClock = new SlaClock(policy, WorkingDayCalendar.weekdays(UTC));
    SpecimenRecord urgent = new SpecimenRecord("S26-2", "{}", "received", ProcedureType.FINE_NEEDLE_ASPIRATION, false,
        SpecimenPriority.URGENT, null, false, null, SlaState.NOT_STARTED, List.of(), 1);
    SlaPlan plan = urgentClock.onLifecycle(urgent, Optional.empty(), Optional.of(MONDAY_10), MONDAY_10).record().plan();
    assertThat(plan.dueAt()).isEqualTo(MONDAY_10.plus(Duration.ofHours(24)));
    assertThat(plan.warningAt()).isEqualTo(MONDAY_10.plus(Duration.ofHours(12)));
  }

  @Test
  void collectedClockStartCountsFromCollection() {
    TurnaroundPolicy policy = new TurnaroundPolicy(Map.of(ProcedureType.CT_BONE, Map.of(SpecimenPriority.ROUTINE,
        new SlaRule(TurnaroundTarget.workingDays(5), ClockStart.COLLECTED, 0.75))),
        new SlaRule(TurnaroundTarget.workingDays(5), ClockStart.RECEIVED, 0.75));
    SlaClock collectedClock = new SlaClock(policy, WorkingDayCalendar.weekdays(UTC));
    SlaPlan plan = collectedClock.onLifecycle(record(ProcedureType.CT_BONE, "received"),
        Optional.of(MONDAY_10.minus(Duration.ofHours(2))), Optional.of(MONDAY_10), MONDAY_10).record().plan();
    assertThat(plan.start()).isEqualTo(MONDAY_10.minus(Duration.ofHours(2)));
  }

  @Test
  void dueTimerKeysSortByDueTimeAndReadBack() {
    DueTimer early = new DueTimer(Instant.parse("2026-11-23T10:00:00Z"), DueTimer.Kind.BREACH, "Z-9");
    DueTimer late = new DueTimer(Instant.parse("2026-11-24T10:00:00Z"), DueTimer.Kind.WARNING, "A-1");
    assertThat(early.entry().key()).isLessThan(late.entry().key());
    assertThat(DueTimer.of(late.entry())).isEqualTo(late);
  }

}
