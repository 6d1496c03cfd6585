package io.pathtrack.specimen.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.contract.ProcedureType;
import io.pathtrack.contract.ReportCues;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Recommended follow-ups tracked to their due dates (docs/architecture.md §4a). */
class FollowUpsTest {
  private static final Instant ISSUED = Instant.parse("2026-12-01T10:00:00Z");
  private final FollowUps followUps = new FollowUps(Map.of("excision", Period.ofDays(21)));

  private static SpecimenRecord record() {
    return new SpecimenRecord("S26-F1", "{}", "reported", ProcedureType.US_CORE_NEEDLE, false, SpecimenPriority.ROUTINE,
        "Practitioner/dr-lee", false, null, SlaState.NOT_STARTED, List.of(), 1);
  }

  @ParameterizedTest(name = "{0} {1} -> due {2}")
  @CsvSource(nullValues = "none", textBlock = """
      repeat-biopsy, none, 2026-12-15T10:00:00Z
      excision,      none, 2026-12-22T10:00:00Z
      imaging,       none, 2027-06-01T10:00:00Z
      imaging,       P3M,  2027-03-01T10:00:00Z
      correlation,   none, 2026-12-08T10:00:00Z
      mdt,           none, 2026-12-15T10:00:00Z
      something-new, none, 2026-12-31T10:00:00Z
      """)
  void aFollowUpIsDueAfterTheStatedIntervalElseTheSitesDefault(String kind, String interval, Instant due) {
    ReportCues.FollowUp recommended = new ReportCues.FollowUp(kind, Optional.ofNullable(interval).map(Period::parse));

    FollowUps.Step step = followUps.onReport(record(), List.of(recommended), "DiagnosticReport/r1", "1", ISSUED);

    assertThat(step.changed()).singleElement().satisfies(t -> {
      assertThat(t.dueAt()).isEqualTo(due);
      assertThat(t.status()).isEqualTo(FollowUpTask.Status.OPEN);
    });
    assertThat(step.add()).singleElement().satisfies(timer -> {
      assertThat(timer.at()).isEqualTo(due);
      assertThat(DueTimer.of(timer.entry())).isEqualTo(timer);
    });
    assertThat(step.record().timeline()).extracting(TimelineEntry::event).containsExactly("follow-up-recommended");
  }

  @Test
  void anOpenFollowUpBecomesOverdueAtItsDueTimeAndIsClosedByTheLab() {
    FollowUps.Step created = followUps.onReport(record(), List.of(new ReportCues.FollowUp("repeat-biopsy", Optional.empty()),
        new ReportCues.FollowUp("imaging", Optional.of(Period.ofMonths(6)))), "DiagnosticReport/r1", "1", ISSUED);
    DueTimer biopsy = created.add().get(0);

    // An amendment repeating the recommendation does not track it twice.
    assertThat(followUps.onReport(created.record(), List.of(new ReportCues.FollowUp("repeat-biopsy", Optional.empty())),
        "DiagnosticReport/r1", "2", ISSUED.plusSeconds(3600)).changed()).isEmpty();

    FollowUps.Step early = followUps.onDue(created.record(), biopsy, biopsy.at().minusSeconds(1));
    assertThat(early.changed()).isEmpty();

    FollowUps.Step overdue = followUps.onDue(created.record(), biopsy, biopsy.at());
    assertThat(overdue.changed()).singleElement().satisfies(t -> {
      assertThat(t.kind()).isEqualTo("repeat-biopsy");
      assertThat(t.status()).isEqualTo(FollowUpTask.Status.OVERDUE);
    });
    assertThat(followUps.onDue(overdue.record(), biopsy, biopsy.at().plusSeconds(5)).changed()).as("told once").isEmpty();

    FollowUps.Step closed = followUps.onClosed(overdue.record(), "repeat-biopsy", FollowUpTask.Status.COMPLETED,
        "Practitioner/dr-lee via ehr", biopsy.at().plusSeconds(60)).orElseThrow();
    assertThat(closed.changed()).singleElement().satisfies(t -> {
      assertThat(t.status()).isEqualTo(FollowUpTask.Status.COMPLETED);
      assertThat(t.closedBy()).isEqualTo("Practitioner/dr-lee via ehr");
    });
    assertThat(followUps.onClosed(closed.record(), "repeat-biopsy", FollowUpTask.Status.CANCELLED, "x", ISSUED)).isEmpty();

    FollowUps.Step imagingCancelled = followUps.onClosed(closed.record(), "imaging", FollowUpTask.Status.CANCELLED, "lab",
        ISSUED.plusSeconds(7200)).orElseThrow();
    assertThat(imagingCancelled.remove()).as("an open follow-up's timer is dropped").hasSize(1);
    assertThat(imagingCancelled.record().followUps()).extracting(FollowUpTask::status)
        .containsExactly(FollowUpTask.Status.COMPLETED, FollowUpTask.Status.CANCELLED);
    // The same report again (a redelivery) does not reopen what was closed.
    assertThat(followUps.onReport(imagingCancelled.record(), List.of(new ReportCues.FollowUp("imaging", Optional.empty())),
        "DiagnosticReport/r1", "1", ISSUED.plusSeconds(9000)).changed()).isEmpty();
    // A new report recommending a closed kind again is tracked again.
    assertThat(followUps.onReport(imagingCancelled.record(), List.of(new ReportCues.FollowUp("imaging", Optional.empty())),
        "DiagnosticReport/r2", "1", ISSUED.plusSeconds(9000)).changed()).hasSize(1);
  }

  @Test
  void aMalformedFollowUpTimerReadsAsOneThatFiresNothing() {
    DueTimer odd = DueTimer.of(new io.pathtrack.contract.streams.DueIndex.Entry(ISSUED, "F|no-bar"));
    assertThat(odd.kind()).isEqualTo(DueTimer.Kind.FOLLOW_UP);
    assertThat(followUps.onDue(record(), odd, ISSUED).changed()).isEmpty();
  }

  @Test
  void slaTimersStillReadAsBefore() {
    DueTimer warning = new DueTimer(ISSUED, DueTimer.Kind.WARNING, "S26-F1");
    assertThat(warning.entry().name()).isEqualTo("W|S26-F1");
    assertThat(DueTimer.of(warning.entry())).isEqualTo(warning);
    assertThat(DueTimer.of(new DueTimer(ISSUED, DueTimer.Kind.BREACH, "S26-F1").entry()).kind()).isEqualTo(DueTimer.Kind.BREACH);
  }
}
