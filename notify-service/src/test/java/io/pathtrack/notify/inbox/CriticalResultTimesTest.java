package io.pathtrack.notify.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pathtrack.contract.ClassifiedReportEvent;
import io.pathtrack.contract.Outcome;
import io.pathtrack.notify.directory.PractitionerDirectory;
import io.pathtrack.notify.domain.AccessionNotifications;
import io.pathtrack.notify.domain.EscalationTimer;
import io.pathtrack.notify.domain.Notification;
import io.pathtrack.notify.domain.NotificationEngine;
import io.pathtrack.notify.domain.NotificationPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Time-to-acknowledge of urgent results, per department of the first recipient, from the notifications the engine makes. */
class CriticalResultTimesTest {
  private static final Instant MONDAY_10 = Instant.parse("2026-11-23T10:00:00Z");
  private final PractitionerDirectory directory = PractitionerDirectory.read(
      getClass().getResourceAsStream("/practitioner-directory.json"), ZoneId.of("Europe/London"));
  private final NotificationEngine engine = new NotificationEngine(new NotificationPolicy(Map.of()), directory);
  private final CriticalResultTimes times = new CriticalResultTimes(new NotificationLog(), directory,
      Clock.fixed(MONDAY_10, ZoneOffset.UTC), new SimpleMeterRegistry());

  private NotificationEngine.Step malignant(String accession, String orderer) {
    return engine.onReport(AccessionNotifications.empty(accession), new ClassifiedReportEvent("e-" + accession, accession,
        "r-" + accession, "1", "final", Outcome.MALIGNANT, false, MONDAY_10, Optional.of(MONDAY_10), Optional.of(orderer),
        Optional.empty(), Optional.empty(), Optional.empty(), false), MONDAY_10);
  }

  @Test
  void theShareWithinTheDeadlineAndTheTimesArePerDepartment() {
    List<Notification> all = new ArrayList<>();
    // Breast surgery: one acknowledged after 30 min, one after 3 h (both within 4 h), one escalated and acknowledged late.
    for (var c : List.of(new Object[] {"A1", Duration.ofMinutes(30)}, new Object[] {"A2", Duration.ofHours(3)})) {
      NotificationEngine.Step step = malignant((String) c[0], "Practitioner/dr-lee");
      Instant at = MONDAY_10.plus((Duration) c[1]);
      all.addAll(engine.onAcknowledged(step.state(), step.publish().get(0).id(), "Practitioner/dr-lee", at).state().all());
    }
    NotificationEngine.Step late = malignant("A3", "Practitioner/dr-lee");
    EscalationTimer deadline = late.add().get(0);
    NotificationEngine.Step escalated = engine.onDeadline(late.state(), deadline, deadline.at());
    Notification toNext = escalated.publish().get(escalated.publish().size() - 1);
    all.addAll(engine.onAcknowledged(escalated.state(), toNext.id(), toNext.recipient(), deadline.at().plusSeconds(600))
        .state().all());
    // Respiratory medicine: one still unacknowledged past its deadline, one not yet due (not counted).
    all.addAll(malignant("B1", "Practitioner/dr-okafor").state().all());
    // An unknown orderer goes to the results desk (Pathology).
    Map<String, CriticalResultTimes.Department> figures = times.count(all, MONDAY_10.plus(Duration.ofHours(5)));
    Map<String, CriticalResultTimes.Department> early = times.count(malignant("B2", "Practitioner/dr-okafor").state().all(),
        MONDAY_10.plus(Duration.ofHours(1)));

    assertThat(figures.get("Breast surgery")).satisfies(d -> {
      assertThat(d.due()).isEqualTo(3);
      assertThat(d.withinDeadline()).isEqualTo(2);
      assertThat(d.acknowledged()).isEqualTo(3);
      assertThat(d.share()).isEqualTo(2.0 / 3);
      assertThat(d.median()).isEqualTo(Duration.ofHours(3));
      assertThat(d.ninetieth()).isEqualTo(Duration.ofHours(4).plusMinutes(10));
    });
    assertThat(figures.get("Respiratory medicine")).satisfies(d -> {
      assertThat(d.due()).isEqualTo(1);
      assertThat(d.withinDeadline()).isZero();
      assertThat(d.share()).isZero();
    });
    assertThat(early).isEmpty();
  }
}
