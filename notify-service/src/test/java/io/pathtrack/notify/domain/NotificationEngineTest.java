package io.pathtrack.notify.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.contract.ClassifiedReportEvent;
import io.pathtrack.contract.Outcome;
import io.pathtrack.contract.Priority;
import io.pathtrack.notify.directory.PractitionerDirectory;
import io.pathtrack.notify.domain.DeliveryChannel;
import io.pathtrack.notify.domain.Notification;
import io.pathtrack.notify.routing.NotificationCommunications;
import io.pathtrack.notify.domain.NotificationPolicy;
import io.pathtrack.notify.domain.NotificationState;
import io.pathtrack.notify.domain.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The notification rules of docs/architecture.md §6 with the shipped directory and a fixed time. */
class NotificationEngineTest {
  /** Monday 23 November 2026, 10:00 London: Dr Lee is on duty (07:00–19:00 on weekdays). */
  private static final Instant MONDAY_10 = Instant.parse("2026-11-23T10:00:00Z");
  private static final Instant SATURDAY_10 = Instant.parse("2026-11-28T10:00:00Z");

  private final PractitionerDirectory directory = PractitionerDirectory.read(
      getClass().getResourceAsStream("/practitioner-directory.json"), ZoneId.of("Europe/London"));
  private final NotificationEngine engine = new NotificationEngine(new NotificationPolicy(Map.of()), directory);

  private static ClassifiedReportEvent report(String accession, Outcome outcome, String version, String orderer,
      Outcome previous, boolean retraction) {
    return new ClassifiedReportEvent("e-" + version, accession, "r-" + accession, version, retraction ? "entered-in-error" : "final",
        outcome, false, MONDAY_10, Optional.of(MONDAY_10), Optional.ofNullable(orderer), Optional.empty(),
        previous == null ? Optional.empty() : Optional.of("v0"), Optional.ofNullable(previous), retraction);
  }

  private NotificationEngine.Step first(Outcome outcome, String orderer, Instant now) {
    return engine.onReport(AccessionNotifications.empty("S26-1"), report("S26-1", outcome, "v1", orderer, null, false), now);
  }

  @Test
  void malignantResultIsUrgentToTheOrderingPhysicianWithA4HourDeadline() {
    NotificationEngine.Step step = first(Outcome.MALIGNANT, "Practitioner/dr-lee", MONDAY_10);
    Notification n = step.publish().get(0);
    assertThat(n.priority()).isEqualTo(Priority.URGENT);
    assertThat(n.recipient()).isEqualTo("Practitioner/dr-lee");
    assertThat(n.channels()).contains(DeliveryChannel.INBOX, DeliveryChannel.EMAIL);
    assertThat(n.ackDeadline()).contains(MONDAY_10.plus(Duration.ofHours(4)));
    assertThat(step.add()).singleElement().extracting(EscalationTimer::at).isEqualTo(MONDAY_10.plus(Duration.ofHours(4)));
  }

  @Test
  void benignResultIsRoutineInTheInboxWithNoDeadline() {
    NotificationEngine.Step step = first(Outcome.BENIGN, "Practitioner/dr-lee", MONDAY_10);
    assertThat(step.publish()).singleElement().satisfies(n -> {
      assertThat(n.priority()).isEqualTo(Priority.ROUTINE);
      assertThat(n.channels()).containsExactly(DeliveryChannel.INBOX);
      assertThat(n.ackDeadline()).isEmpty();
    });
    assertThat(step.add()).isEmpty();
  }

  @Test
  void urgentResultForAnOffDutyPhysicianGoesToTheCoveringPhysician() {
    assertThat(first(Outcome.MALIGNANT, "Practitioner/dr-lee", SATURDAY_10).publish().get(0).recipient())
        .isEqualTo("Practitioner/dr-patel");
  }

  @Test
  void resultWithNoResolvableRecipientGoesToTheResultsDeskFlagged() {
    Notification n = first(Outcome.ATYPICAL, "Practitioner/unknown", MONDAY_10).publish().get(0);
    assertThat(n.recipient()).isEqualTo("Practitioner/results-desk");
    assertThat(n.fallbackRecipient()).isTrue();
  }

  @Test
  void ordererComesFromTheSpecimenOrderWhenTheReportNamesNone() {
    AccessionNotifications state = engine.onOrderer(AccessionNotifications.empty("S26-1"),
        Optional.of("Practitioner/dr-okafor")).state();
    Notification n = engine.onReport(state, report("S26-1", Outcome.MALIGNANT, "v1", null, null, false), MONDAY_10).publish().get(0);
    assertThat(n.recipient()).isEqualTo("Practitioner/dr-okafor");
  }

  @Test
  void noAcknowledgementEscalatesAlongTheChainAndAcknowledgementStopsIt() {
    NotificationEngine.Step step = first(Outcome.MALIGNANT, "Practitioner/dr-lee", MONDAY_10);
    EscalationTimer deadline = step.add().get(0);
    NotificationEngine.Step escalated = engine.onDeadline(step.state(), deadline, deadline.at());
    assertThat(escalated.publish()).extracting(Notification::state, Notification::recipient).containsExactly(
        org.assertj.core.groups.Tuple.tuple(NotificationState.ESCALATED, "Practitioner/dr-lee"),
        org.assertj.core.groups.Tuple.tuple(NotificationState.CREATED, "Practitioner/dr-patel"));
    Notification covering = escalated.publish().get(1);
    assertThat(covering.trigger()).isEqualTo(Trigger.ESCALATION);
    assertThat(covering.replaces()).contains(step.publish().get(0).id());

    NotificationEngine.Step next = engine.onDeadline(escalated.state(), escalated.add().get(0), escalated.add().get(0).at());
    assertThat(next.publish().get(1).recipient()).isEqualTo("Practitioner/dr-chen");

    NotificationEngine.Step acked = engine.onAcknowledged(next.state(), next.publish().get(1).id(), "Practitioner/dr-chen",
        next.add().get(0).at().minusSeconds(60));
    assertThat(acked.publish()).isNotEmpty().allMatch(n -> n.state() == NotificationState.ACKNOWLEDGED);
    assertThat(acked.remove()).isNotEmpty();
    assertThat(engine.onDeadline(acked.state(), next.add().get(0), next.add().get(0).at()).publish()).isEmpty();
  }

  @Test
  void acknowledgementBeforeTheDeadlineMeansNoEscalation() {
    NotificationEngine.Step step = first(Outcome.MALIGNANT, "Practitioner/dr-lee", MONDAY_10);
    NotificationEngine.Step acked = engine.onAcknowledged(step.state(), step.publish().get(0).id(), "Practitioner/dr-lee", MONDAY_10);
    assertThat(acked.publish()).singleElement().satisfies(n -> assertThat(n.acknowledgedBy()).contains("Practitioner/dr-lee"));
    assertThat(engine.onDeadline(acked.state(), step.add().get(0), step.add().get(0).at()).publish()).isEmpty();
  }

  @Test
  void notMyPatientReroutesToTheResultsDeskAtOnceAndTellsTheLab() {
    NotificationEngine.Step step = first(Outcome.MALIGNANT, "Practitioner/dr-lee", MONDAY_10);
    Notification lees = step.publish().get(0);
    Instant later = MONDAY_10.plus(Duration.ofMinutes(20));
    NotificationEngine.Step declined = engine.onDeclined(step.state(), lees.id(), "Practitioner/dr-lee", later);

    assertThat(declined.publish()).hasSize(3);
    assertThat(declined.publish().get(0)).satisfies(n -> {
      assertThat(n.id()).isEqualTo(lees.id());
      assertThat(n.state()).isEqualTo(NotificationState.DECLINED);
    });
    assertThat(declined.actedBy()).containsExactly(Map.entry(lees.id(), "Practitioner/dr-lee"));
    assertThat(declined.publish().get(1)).satisfies(desk -> {
      assertThat(desk.recipient()).isEqualTo("Practitioner/results-desk");
      assertThat(desk.trigger()).isEqualTo(Trigger.DECLINED);
      assertThat(desk.priority()).isEqualTo(Priority.URGENT);
      assertThat(desk.replaces()).contains(lees.id());
      assertThat(desk.fallbackRecipient()).isTrue();
      assertThat(desk.ackDeadline()).contains(later.plus(Duration.ofHours(4)));
    });
    assertThat(declined.publish().get(2)).satisfies(lab -> {
      assertThat(lab.recipient()).isEqualTo(directory.labContact().orElseThrow().reference());
      assertThat(lab.trigger()).isEqualTo(Trigger.DECLINED_NOTICE);
      assertThat(lab.priority()).isEqualTo(Priority.ROUTINE);
      assertThat(lab.ackDeadline()).isEmpty();
    });
    assertThat(declined.remove()).containsExactlyElementsOf(step.add());
    assertThat(declined.add()).singleElement().extracting(EscalationTimer::notificationId).isEqualTo(declined.publish().get(1).id());
    assertThat(engine.onDeadline(declined.state(), step.add().get(0), step.add().get(0).at()).publish())
        .as("the declined notification no longer escalates").isEmpty();
  }

  @Test
  void aDeclineIsAppliedOnceAndNeverToWhatIsSettledOrAlreadyWithTheResultsDesk() {
    NotificationEngine.Step step = first(Outcome.MALIGNANT, "Practitioner/dr-lee", MONDAY_10);
    String id = step.publish().get(0).id();
    NotificationEngine.Step declined = engine.onDeclined(step.state(), id, "Practitioner/dr-lee", MONDAY_10);
    assertThat(engine.onDeclined(declined.state(), id, "Practitioner/dr-lee", MONDAY_10).publish()).as("redelivered").isEmpty();

    NotificationEngine.Step acked = engine.onAcknowledged(step.state(), id, "Practitioner/dr-lee", MONDAY_10);
    assertThat(engine.onDeclined(acked.state(), id, "Practitioner/dr-lee", MONDAY_10).publish()).as("acknowledged").isEmpty();

    String desk = declined.publish().get(1).id();
    assertThat(engine.onDeclined(declined.state(), desk, "Practitioner/results-desk", MONDAY_10).publish())
        .as("the results desk has nobody to reroute to").isEmpty();
  }

  @Test
  void amendmentFromBenignToMalignantIsUrgentAndReferencesTheFirstNotification() {
    NotificationEngine.Step benign = first(Outcome.BENIGN, "Practitioner/dr-lee", MONDAY_10);
    NotificationEngine.Step amended = engine.onReport(benign.state(),
        report("S26-1", Outcome.MALIGNANT, "v2", "Practitioner/dr-lee", Outcome.BENIGN, false), MONDAY_10.plusSeconds(3600));
    Notification n = amended.publish().get(0);
    assertThat(n.trigger()).isEqualTo(Trigger.OUTCOME_CHANGED);
    assertThat(n.priority()).isEqualTo(Priority.URGENT);
    assertThat(n.replaces()).contains(benign.publish().get(0).id());
  }

  @Test
  void enteredInErrorRetractsTheEarlierNotifications() {
    NotificationEngine.Step step = first(Outcome.MALIGNANT, "Practitioner/dr-lee", MONDAY_10);
    NotificationEngine.Step retracted = engine.onReport(step.state(),
        report("S26-1", Outcome.MALIGNANT, "v2", "Practitioner/dr-lee", null, true), MONDAY_10.plusSeconds(60));
    assertThat(retracted.publish()).singleElement().satisfies(n -> {
      assertThat(n.state()).isEqualTo(NotificationState.RETRACTED);
      assertThat(n.id()).isEqualTo(step.publish().get(0).id());
    });
    assertThat(retracted.remove()).hasSize(1);
  }

  @Test
  void sameReportVersionDeliveredTwiceNotifiesOnce() {
    NotificationEngine.Step step = first(Outcome.MALIGNANT, "Practitioner/dr-lee", MONDAY_10);
    assertThat(engine.onReport(step.state(), report("S26-1", Outcome.MALIGNANT, "v1", "Practitioner/dr-lee", null, false),
        MONDAY_10.plusSeconds(5)).publish()).isEmpty();
  }

  @Test
  void slaWarningGoesToTheLabAndABreachAlsoInformsTheOrderingPhysician() {
    SlaAlert warning = new SlaAlert(false, "S26-9", MONDAY_10.plus(Duration.ofHours(12)), Optional.of("Practitioner/dr-lee"), "w1");
    assertThat(engine.onSla(AccessionNotifications.empty("S26-9"), warning, MONDAY_10).publish())
        .singleElement().satisfies(n -> {
          assertThat(n.recipient()).isEqualTo("Practitioner/lab-manager");
          assertThat(n.priority()).isEqualTo(Priority.HIGH);
          assertThat(n.trigger()).isEqualTo(Trigger.SLA_WARNING);
        });
    SlaAlert breach = new SlaAlert(true, "S26-9", MONDAY_10, Optional.of("Practitioner/dr-lee"), "b1");
    assertThat(engine.onSla(AccessionNotifications.empty("S26-9"), breach, MONDAY_10).publish())
        .extracting(Notification::recipient, Notification::priority)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Practitioner/lab-manager", Priority.HIGH),
            org.assertj.core.groups.Tuple.tuple("Practitioner/dr-lee", Priority.ROUTINE));
  }

  @Test
  void copiesToPractitionersAreToldWithTheSamePriorityButNoDeadlineOfTheirOwn() {
    NotificationEngine.Step step = engine.onReport(AccessionNotifications.empty("S26-1"),
        report("S26-1", Outcome.MALIGNANT, "v1", "Practitioner/dr-lee", null, false),
        java.util.List.of("Practitioner/dr-okafor", "Practitioner/unknown", "Practitioner/dr-lee"), MONDAY_10);
    assertThat(step.publish()).extracting(Notification::recipient)
        .containsExactly("Practitioner/dr-lee", "Practitioner/dr-okafor");
    Notification copy = step.publish().get(1);
    assertThat(copy.priority()).isEqualTo(Priority.URGENT);
    assertThat(copy.ackDeadline()).isEmpty();
    assertThat(step.add()).hasSize(1);
  }

  @Test
  void notificationSurvivesTheTripThroughACommunication() {
    NotificationEngine.Step step = first(Outcome.MALIGNANT, "Practitioner/dr-lee", MONDAY_10);
    Notification n = step.publish().get(0).acknowledged("Practitioner/dr-patel");
    assertThat(NotificationCommunications.parse(NotificationCommunications.json(n))).isEqualTo(n);
  }
}
