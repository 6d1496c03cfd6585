package io.pathtrack.notify.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.contract.ClassifiedReportEvent;
import io.pathtrack.contract.Concordance;
import io.pathtrack.contract.ImagingCategory;
import io.pathtrack.contract.Outcome;
import io.pathtrack.contract.Priority;
import io.pathtrack.notify.directory.PractitionerDirectory;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The clinical loop in the notification rules (docs/architecture.md §4a, §6): discordant and review concordance, rejected
 * and cancelled specimens, nondiagnostic results, each its own notification to the right person with its reason.
 */
class ClinicalLoopEngineTest {
  /** Monday 23 November 2026, 10:00 London: everyone on duty. */
  private static final Instant MONDAY_10 = Instant.parse("2026-11-23T10:00:00Z");
  private static final String LEE = "Practitioner/dr-lee";
  private static final String RADIOLOGIST = "Practitioner/dr-okafor";

  private final PractitionerDirectory directory = PractitionerDirectory.read(
      getClass().getResourceAsStream("/practitioner-directory.json"), ZoneId.of("Europe/London"));
  private final NotificationEngine engine = new NotificationEngine(new NotificationPolicy(Map.of()), directory);

  private static ClassifiedReportEvent report(Outcome outcome) {
    return new ClassifiedReportEvent("e-1", "S26-1", "r-1", "1", "final", outcome, false, MONDAY_10, Optional.of(MONDAY_10),
        Optional.of(LEE), Optional.empty(), Optional.empty(), Optional.empty(), false);
  }

  private static Concordance concordance(Concordance.State state, Outcome outcome, String... findings) {
    return new Concordance(state, Optional.of(ImagingCategory.biRads("5")), outcome, "DiagnosticReport/r-1", "1",
        Concordance.Calcifications.NOT_TARGETED, List.of(findings));
  }

  private static SpecimenFacts reported(Concordance c, String performer) {
    return new SpecimenFacts(Optional.of(LEE), Optional.ofNullable(performer), Optional.empty(), Optional.empty(),
        Optional.of(c));
  }

  @Test
  void aDiscordantBenignResultIsUrgentToTheOrderingPhysicianAndTheRadiologistAndSettledApartFromTheResult() {
    NotificationEngine.Step result = engine.onReport(AccessionNotifications.empty("S26-1"), report(Outcome.BENIGN), MONDAY_10);
    Notification benign = result.publish().get(0);
    Concordance discordant = concordance(Concordance.State.DISCORDANT, Outcome.BENIGN,
        "benign result, imaging highly suspicious (BI-RADS 5): repeat biopsy or excision per protocol");

    NotificationEngine.Step step = engine.onSpecimen(result.state(), reported(discordant, RADIOLOGIST), MONDAY_10);

    assertThat(step.publish()).hasSize(2).allSatisfy(n -> {
      assertThat(n.trigger()).isEqualTo(Trigger.DISCORDANT);
      assertThat(n.priority()).isEqualTo(Priority.URGENT);
      assertThat(n.ackDeadline()).contains(MONDAY_10.plus(Duration.ofHours(4)));
      assertThat(n.channels()).contains(DeliveryChannel.EMAIL);
      assertThat(n.note()).hasValueSatisfying(note -> assertThat(note).contains("repeat biopsy or excision per protocol"));
      assertThat(n.reportReference()).isEqualTo("DiagnosticReport/r-1");
    });
    assertThat(step.publish()).extracting(Notification::recipient).containsExactly(LEE, RADIOLOGIST);
    assertThat(step.add()).hasSize(2);

    // Acknowledging the routine benign result must not settle the discordance of the same report.
    NotificationEngine.Step acked = engine.onAcknowledged(step.state(), benign.id(), LEE, MONDAY_10);
    assertThat(acked.publish()).singleElement().extracting(Notification::id).isEqualTo(benign.id());
    assertThat(acked.state().all()).filteredOn(n -> n.trigger() == Trigger.DISCORDANT)
        .allSatisfy(n -> assertThat(n.state().isOpen()).isTrue());

    // Unacknowledged, it escalates like a malignant result.
    EscalationTimer deadline = step.add().get(0);
    NotificationEngine.Step escalated = engine.onDeadline(acked.state(), deadline, deadline.at());
    assertThat(escalated.publish()).extracting(Notification::state).contains(NotificationState.ESCALATED);
    Notification next = escalated.publish().get(escalated.publish().size() - 1);
    assertThat(next.trigger()).isEqualTo(Trigger.ESCALATION);
    assertThat(next.note()).as("the one escalated to sees why").isEqualTo(step.publish().get(0).note());

    // Acknowledging the escalated one settles that recipient's chain only: the discordance asks both to act.
    NotificationEngine.Step settled = engine.onAcknowledged(escalated.state(), next.id(), next.recipient(), deadline.at());
    String first = step.publish().get(0).recipient();
    assertThat(settled.state().all()).filteredOn(n -> n.trigger() == Trigger.ESCALATION || n.trigger() == Trigger.DISCORDANT
        && n.recipient().equals(first)).allSatisfy(n -> assertThat(n.state()).isEqualTo(NotificationState.ACKNOWLEDGED));
    assertThat(settled.state().all()).filteredOn(n -> n.trigger() == Trigger.DISCORDANT && !n.recipient().equals(first))
        .singleElement().satisfies(n -> assertThat(n.state().isOpen()).isTrue());
    assertThat(settled.remove()).isNotEmpty();

    // The same specimen event again (a redelivery, a later correction) tells nobody twice.
    assertThat(engine.onSpecimen(step.state(), reported(discordant, RADIOLOGIST), MONDAY_10).publish()).isEmpty();
  }

  @Test
  void aResultForReviewGoesToTheRadiologistOrElseToTheOrderingPhysician() {
    Concordance review = concordance(Concordance.State.REVIEW, Outcome.MALIGNANT,
        "malignant result for a lesion imaging did not call suspicious (BI-RADS 3): review radiology-pathology correlation");

    NotificationEngine.Step toRadiologist = engine.onSpecimen(AccessionNotifications.empty("S26-1"), reported(review, RADIOLOGIST),
        MONDAY_10);
    NotificationEngine.Step toOrderer = engine.onSpecimen(AccessionNotifications.empty("S26-1"), reported(review, null), MONDAY_10);

    assertThat(toRadiologist.publish()).singleElement().satisfies(n -> {
      assertThat(n.recipient()).isEqualTo(RADIOLOGIST);
      assertThat(n.trigger()).isEqualTo(Trigger.CONCORDANCE_REVIEW);
      assertThat(n.priority()).isEqualTo(Priority.HIGH);
    });
    assertThat(toOrderer.publish()).singleElement().extracting(Notification::recipient).isEqualTo(LEE);
  }

  @Test
  void calcificationsNotConfirmedReachTheRadiologistEvenWhenConcordant() {
    Concordance calcifications = new Concordance(Concordance.State.CONCORDANT, Optional.of(ImagingCategory.biRads("4B")),
        Outcome.BENIGN, "DiagnosticReport/r-1", "1", Concordance.Calcifications.NOT_CONFIRMED,
        List.of("calcifications not confirmed in specimen: check the specimen radiograph or deeper levels"));

    assertThat(engine.onSpecimen(AccessionNotifications.empty("S26-1"), reported(calcifications, RADIOLOGIST), MONDAY_10)
        .publish()).singleElement().satisfies(n -> {
          assertThat(n.recipient()).isEqualTo(RADIOLOGIST);
          assertThat(n.note()).hasValueSatisfying(note -> assertThat(note).startsWith("calcifications not confirmed"));
        });
    Concordance quiet = concordance(Concordance.State.CONCORDANT, Outcome.MALIGNANT);
    assertThat(engine.onSpecimen(AccessionNotifications.empty("S26-1"), reported(quiet, RADIOLOGIST), MONDAY_10).publish())
        .isEmpty();
  }

  @Test
  void aRejectedOrCancelledSpecimenReachesTheOrderingPhysicianWithItsReasonOnce() {
    SpecimenFacts rejected = new SpecimenFacts(Optional.of(LEE), Optional.empty(), Optional.of("rejected"),
        Optional.of("unlabelled container"), Optional.empty());
    NotificationEngine.Step step = engine.onSpecimen(AccessionNotifications.empty("S26-1"), rejected, MONDAY_10);

    assertThat(step.publish()).singleElement().satisfies(n -> {
      assertThat(n.recipient()).isEqualTo(LEE);
      assertThat(n.trigger()).isEqualTo(Trigger.SPECIMEN_REJECTED);
      assertThat(n.priority()).isEqualTo(Priority.HIGH);
      assertThat(n.ackDeadline()).isPresent();
      assertThat(n.note()).contains("The laboratory rejected the specimen: unlabelled container. A new specimen must be obtained.");
    });
    assertThat(engine.onSpecimen(step.state(), rejected, MONDAY_10).publish()).isEmpty();

    SpecimenFacts cancelled = new SpecimenFacts(Optional.of(LEE), Optional.empty(), Optional.of("cancelled"), Optional.empty(),
        Optional.empty());
    assertThat(engine.onSpecimen(AccessionNotifications.empty("S26-2"), cancelled, MONDAY_10).publish()).singleElement()
        .satisfies(n -> {
          assertThat(n.trigger()).isEqualTo(Trigger.SPECIMEN_CANCELLED);
          assertThat(n.note()).contains("The specimen was cancelled (no reason given). A new specimen must be obtained.");
        });
  }

  @Test
  void aNondiagnosticResultIsItsOwnNotificationSayingARepeatBiopsyIsNeeded() {
    NotificationEngine.Step step = engine.onReport(AccessionNotifications.empty("S26-1"), report(Outcome.NONDIAGNOSTIC), MONDAY_10);

    assertThat(step.publish()).singleElement().satisfies(n -> {
      assertThat(n.trigger()).isEqualTo(Trigger.NONDIAGNOSTIC);
      assertThat(n.priority()).isEqualTo(Priority.HIGH);
      assertThat(n.note()).hasValueSatisfying(note -> assertThat(note).contains("arrange a repeat biopsy"));
    });
  }

  @Test
  void anOverdueFollowUpReachesTheOrderingPhysicianOnceAndIsSettledApartFromTheResult() {
    NotificationEngine.Step result = engine.onReport(AccessionNotifications.empty("S26-1"), report(Outcome.ATYPICAL), MONDAY_10);
    FollowUpAlert overdue = new FollowUpAlert("S26-1", "repeat-biopsy", MONDAY_10.minusSeconds(60), "DiagnosticReport/r-1",
        Optional.of(LEE));

    NotificationEngine.Step step = engine.onFollowUpOverdue(result.state(), overdue, MONDAY_10);

    assertThat(step.publish()).singleElement().satisfies(n -> {
      assertThat(n.trigger()).isEqualTo(Trigger.FOLLOW_UP_OVERDUE);
      assertThat(n.recipient()).isEqualTo(LEE);
      assertThat(n.priority()).isEqualTo(Priority.HIGH);
      assertThat(n.note()).hasValueSatisfying(note -> assertThat(note).startsWith("Recommended follow-up overdue: Repeat biopsy"));
    });
    assertThat(engine.onFollowUpOverdue(step.state(), overdue, MONDAY_10).publish()).isEmpty();
    NotificationEngine.Step acked = engine.onAcknowledged(step.state(), result.publish().get(0).id(), LEE, MONDAY_10);
    assertThat(acked.state().all()).filteredOn(n -> n.trigger() == Trigger.FOLLOW_UP_OVERDUE)
        .allSatisfy(n -> assertThat(n.state().isOpen()).isTrue());
  }

  private static ClassifiedReportEvent version(String version, String status, Outcome outcome, Outcome previous) {
    return new ClassifiedReportEvent("e-" + version, "S26-1", "r-1", version, status, outcome, false, MONDAY_10,
        Optional.of(MONDAY_10), Optional.of(LEE), Optional.empty(),
        previous == null ? Optional.empty() : Optional.of("1"), Optional.ofNullable(previous), false);
  }

  @Test
  void anAmendedReportReachesEveryoneToldOfAnEarlierVersionAndTheCareTeam() {
    // Version 1, malignant: dr-lee, a copy to dr-novak; unacknowledged, escalated to dr-chen.
    NotificationEngine.Step first = engine.onReport(AccessionNotifications.empty("S26-1"),
        version("1", "final", Outcome.MALIGNANT, null), List.of("Practitioner/dr-novak"), MONDAY_10);
    EscalationTimer deadline = first.add().get(0);
    NotificationEngine.Step escalated = engine.onDeadline(first.state(), deadline, deadline.at());
    String escalatedTo = escalated.publish().get(escalated.publish().size() - 1).recipient();

    // Version 2 amends it, outcome unchanged; the report names the attending (dr-okafor) in its care team.
    NotificationEngine.Step amended = engine.onReport(escalated.state(), version("2", "amended", Outcome.MALIGNANT,
        Outcome.MALIGNANT), List.of(), List.of(RADIOLOGIST), deadline.at().plusSeconds(60));

    assertThat(amended.publish()).extracting(Notification::recipient)
        .containsExactlyInAnyOrder(LEE, "Practitioner/dr-novak", escalatedTo, RADIOLOGIST);
    assertThat(amended.publish()).allSatisfy(n -> {
      assertThat(n.trigger()).isEqualTo(Trigger.AMENDED);
      assertThat(n.reportVersion()).isEqualTo("2");
      assertThat(n.note()).hasValueSatisfying(note -> assertThat(note).contains("version 2 (amended) replaces version 1")
          .contains("the outcome is unchanged (malignant)"));
    });
    assertThat(amended.publish()).filteredOn(n -> n.recipient().equals(LEE)).singleElement()
        .satisfies(n -> assertThat(n.ackDeadline()).isPresent());

    // A first result is not sent to the care team: only amendments follow the patient.
    assertThat(engine.onReport(AccessionNotifications.empty("S26-2"), version("1", "final", Outcome.BENIGN, null), List.of(),
        List.of(RADIOLOGIST), MONDAY_10).publish()).extracting(Notification::recipient).containsExactly(LEE);
  }

  private static io.pathtrack.contract.ReportCues culture(String result) {
    return new io.pathtrack.contract.ReportCues(Optional.empty(), Optional.empty(), List.of(),
        io.pathtrack.contract.Discipline.MICROBIOLOGY, Optional.of(result));
  }

  @Test
  void aPositiveCultureIsHighAFinalNoGrowthRoutineAndAPreliminaryNoGrowthNotToldYet() {
    NotificationEngine.Step growth = engine.onReport(AccessionNotifications.empty("S26-1"), version("1", "final",
        Outcome.ATYPICAL, null), List.of(), List.of(), culture("growth"), MONDAY_10);
    assertThat(growth.publish()).singleElement().satisfies(n -> {
      assertThat(n.trigger()).isEqualTo(Trigger.CULTURE);
      assertThat(n.priority()).isEqualTo(Priority.HIGH);
      assertThat(n.channels()).contains(DeliveryChannel.EMAIL);
      assertThat(n.note()).hasValueSatisfying(note -> assertThat(note).contains("growth (positive culture)"));
    });

    NotificationEngine.Step preliminary = engine.onReport(AccessionNotifications.empty("S26-2"), version("1", "preliminary",
        Outcome.BENIGN, null), List.of(), List.of(), culture("no-growth"), MONDAY_10);
    assertThat(preliminary.publish()).isEmpty();
    NotificationEngine.Step sterile = engine.onReport(preliminary.state(), version("2", "final", Outcome.BENIGN, null),
        List.of(), List.of(), culture("no-growth"), MONDAY_10);
    assertThat(sterile.publish()).singleElement().satisfies(n -> {
      assertThat(n.priority()).isEqualTo(Priority.ROUTINE);
      assertThat(n.channels()).containsExactly(DeliveryChannel.INBOX);
      assertThat(n.ackDeadline()).isEmpty();
    });
    assertThat(engine.onReport(AccessionNotifications.empty("S26-3"), version("1", "final", Outcome.BENIGN, null), List.of(),
        List.of(), culture("pending"), MONDAY_10).publish()).isEmpty();
  }

  @Test
  void aLaterSpecimenEventMakesNoSecondNotificationWhoeverIsOnDutyNow() {
    SpecimenFacts rejected = new SpecimenFacts(Optional.of(LEE), Optional.empty(), Optional.of("rejected"),
        Optional.of("wrong container"), Optional.empty());
    Concordance discordant = concordance(Concordance.State.DISCORDANT, Outcome.BENIGN, "benign result, imaging highly suspicious");
    NotificationEngine.Step monday = engine.onSpecimen(AccessionNotifications.empty("S26-1"), rejected, MONDAY_10);
    NotificationEngine.Step both = engine.onSpecimen(monday.state(), reported(discordant, RADIOLOGIST), MONDAY_10);
    Instant saturday = Instant.parse("2026-11-28T10:00:00Z");

    assertThat(engine.onSpecimen(both.state(), rejected, saturday).publish()).isEmpty();
    assertThat(engine.onSpecimen(both.state(), reported(discordant, RADIOLOGIST), saturday).publish()).isEmpty();
  }

  @Test
  void acknowledgingTheLabsDeclineNoticeSettlesOnlyTheNotice() {
    NotificationEngine.Step result = engine.onReport(AccessionNotifications.empty("S26-1"), report(Outcome.MALIGNANT), MONDAY_10);
    Notification urgent = result.publish().get(0);
    NotificationEngine.Step declined = engine.onDeclined(result.state(), urgent.id(), LEE, MONDAY_10);
    Notification notice = declined.publish().stream().filter(n -> n.trigger() == Trigger.DECLINED_NOTICE).findFirst()
        .orElseThrow();

    NotificationEngine.Step acked = engine.onAcknowledged(declined.state(), notice.id(), notice.recipient(), MONDAY_10);

    assertThat(acked.publish()).extracting(Notification::id).containsExactly(notice.id());
    assertThat(acked.state().all()).filteredOn(n -> n.trigger() == Trigger.DECLINED).singleElement()
        .satisfies(n -> assertThat(n.state().isOpen()).isTrue());
  }

  @Test
  void closingAFollowUpSettlesItsOverdueNotice() {
    FollowUpAlert overdue = new FollowUpAlert("S26-1", "excision", MONDAY_10.minusSeconds(60), "DiagnosticReport/r-1",
        Optional.of(LEE));
    NotificationEngine.Step told = engine.onFollowUpOverdue(AccessionNotifications.empty("S26-1"), overdue, MONDAY_10);

    NotificationEngine.Step closed = engine.onFollowUpClosed(told.state(), overdue, MONDAY_10.plusSeconds(600));

    assertThat(closed.publish()).singleElement().satisfies(n -> {
      assertThat(n.state()).isEqualTo(NotificationState.ACKNOWLEDGED);
      assertThat(n.acknowledgedBy()).contains("follow-up closed");
    });
    assertThat(closed.remove()).hasSize(1);
    assertThat(engine.onFollowUpClosed(closed.state(), overdue, MONDAY_10.plusSeconds(700)).publish()).isEmpty();
  }

  @Test
  void anAmendmentIsNotSentToWhoeverDeclinedTheResult() {
    NotificationEngine.Step first = engine.onReport(AccessionNotifications.empty("S26-1"),
        version("1", "final", Outcome.MALIGNANT, null), List.of("Practitioner/dr-novak"), MONDAY_10);
    Notification novak = first.publish().stream().filter(n -> n.recipient().equals("Practitioner/dr-novak")).findFirst()
        .orElseThrow();
    NotificationEngine.Step declined = engine.onDeclined(first.state(), novak.id(), "Practitioner/dr-novak", MONDAY_10);

    NotificationEngine.Step amended = engine.onReport(declined.state(), version("2", "amended", Outcome.MALIGNANT,
        Outcome.MALIGNANT), List.of(), List.of(), MONDAY_10.plusSeconds(60));

    assertThat(amended.publish()).extracting(Notification::recipient).doesNotContain("Practitioner/dr-novak")
        .contains(LEE);
  }
}
