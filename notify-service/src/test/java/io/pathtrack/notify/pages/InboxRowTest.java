package io.pathtrack.notify.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pathtrack.contract.Outcome;
import io.pathtrack.contract.Priority;
import io.pathtrack.guard.http.InvalidRequestValue;
import io.pathtrack.notify.domain.DeliveryChannel;
import io.pathtrack.notify.domain.Notification;
import io.pathtrack.notify.domain.NotificationState;
import io.pathtrack.notify.domain.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class InboxRowTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  @Test
  void unacknowledgedComeFirstThenUrgentBeforeHighBeforeRoutineThenTheLongestWaiting() {
    List<String> order = List.of(
            row("done-urgent", Priority.URGENT, NotificationState.ACKNOWLEDGED, "09:00"),
            row("high-old", Priority.HIGH, NotificationState.SENT, "08:00"),
            row("urgent-new", Priority.URGENT, NotificationState.SENT, "11:00"),
            row("routine", Priority.ROUTINE, NotificationState.SENT, "07:00"),
            row("urgent-old", Priority.URGENT, NotificationState.FAILED, "10:00"),
            row("done-routine-new", Priority.ROUTINE, NotificationState.ACKNOWLEDGED, "11:30"))
        .stream().sorted(InboxRow.ORDER).map(InboxRow::id).toList();
    assertThat(order).containsExactly("urgent-old", "urgent-new", "high-old", "routine", "done-urgent", "done-routine-new");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "PT4H, 4 h 0 min left",
      "PT3H20M30S, 3 h 20 min left",
      "PT12M, 12 min left",
      "PT20S, under 1 min left",
      "P2D, 2 d 0 h left",
      "-PT12M, overdue by 12 min",
      "-PT26H, overdue by 1 d 2 h"})
  void timeLeftToTheDeadlineInWords(String left, String words) {
    assertThat(InboxRow.describe(Duration.parse(left))).isEqualTo(words);
  }

  @Test
  void onlyWhatAwaitsAcknowledgementHasTimeLeft() {
    InboxRow open = row("open", Priority.URGENT, NotificationState.SENT, "10:00");
    InboxRow done = row("done", Priority.URGENT, NotificationState.ACKNOWLEDGED, "10:00");
    assertThat(open.timeLeftText()).isEqualTo("2 h 0 min left");
    assertThat(done.timeLeftText()).isEmpty();
    assertThat(row("late", Priority.URGENT, NotificationState.SENT, "07:00").overdue()).isTrue();
    assertThat(open.deadline()).isEqualTo(open.when(Instant.parse("2026-11-23T14:00:00Z")));
    assertThat(row("declined", Priority.URGENT, NotificationState.DECLINED, "10:00").deadline())
        .as("a declined notification is the results desk's to acknowledge, by its own deadline").isEmpty();
  }

  @Test
  void filtersAcceptOnlyTheirOwnValues() {
    Notification n = row("n", Priority.HIGH, NotificationState.SENT, "10:00").notification();
    assertThat(InboxFilter.of("open", "high", "atypical").accepts(n)).isTrue();
    assertThat(InboxFilter.of("acknowledged", null, "").accepts(n)).isFalse();
    assertThat(InboxFilter.of(null, "urgent", null).accepts(n)).isFalse();
    assertThatThrownBy(() -> InboxFilter.of("<script>", null, null)).isInstanceOf(InvalidRequestValue.class);
    assertThatThrownBy(() -> InboxFilter.of(null, "stat", null)).isInstanceOf(InvalidRequestValue.class);
  }

  @Test
  void theDateFilterTakesTheDaysItWasReceivedBothIncluded() {
    ZoneId utc = ZoneId.of("UTC");
    Notification n = row("n", Priority.HIGH, NotificationState.SENT, "23:30").notification();
    String day = "2026-11-23";
    String next = "2026-11-24";
    assertThat(InboxFilter.of(null, null, null, day, day, utc).accepts(n)).isTrue();
    assertThat(InboxFilter.of(null, null, null, null, day, utc).accepts(n)).isTrue();
    assertThat(InboxFilter.of(null, null, null, next, null, utc).accepts(n)).isFalse();
    assertThatThrownBy(() -> InboxFilter.of(null, null, null, "23/11/2026", null, utc)).isInstanceOf(InvalidRequestValue.class)
        .hasMessageContaining("from");
    assertThatThrownBy(() -> InboxFilter.of(null, null, null, next, day, utc)).isInstanceOf(InvalidRequestValue.class);
  }

  @Test
  void theAccessionFilterNarrowsTheInboxToOneSpecimen() {
    ZoneId utc = ZoneId.of("UTC");
    Notification n = row("n", Priority.HIGH, NotificationState.SENT, "10:00").notification();
    assertThat(InboxFilter.of(null, null, null, null, null, utc, n.accession()).accepts(n)).isTrue();
    assertThat(InboxFilter.of(null, null, null, null, null, utc, "S26-OTHER").accepts(n)).isFalse();
    assertThatThrownBy(() -> InboxFilter.of(null, null, null, null, null, utc, "S26\r\n<b>")).isInstanceOf(InvalidRequestValue.class)
        .hasMessageContaining("accession");
  }

  private static InboxRow row(String id, Priority priority, NotificationState state, String created) {
    Instant at = Instant.parse("2026-11-23T" + created + ":00Z");
    Notification n = new Notification(id, "S26-" + id, "DiagnosticReport/r", "v1", Outcome.ATYPICAL, false, priority,
        "Practitioner/dr-lee", "Dr Lee", false, Set.of(DeliveryChannel.INBOX), state, at, Optional.empty(), Optional.empty(),
        Trigger.RESULT, 0, Optional.of(at.plus(Duration.ofHours(4))), Optional.empty(), Optional.empty());
    return InboxRow.of(n, NOW, ZoneId.of("UTC"));
  }
}
