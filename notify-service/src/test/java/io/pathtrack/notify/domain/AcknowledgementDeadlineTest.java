package io.pathtrack.notify.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.contract.Priority;
import io.pathtrack.contract.WorkingDayCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "Acknowledge within 2 days" counts the site's working days; "4 h" counts the clock. */
class AcknowledgementDeadlineTest {
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final WorkingDayCalendar SITE = new WorkingDayCalendar(LONDON,
      java.util.EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(LocalDate.parse("2026-12-25"),
      LocalDate.parse("2026-12-28")), LocalTime.of(17, 0), LocalTime.of(8, 0));
  private static final NotificationPolicy POLICY = new NotificationPolicy(Map.of(), Map.of(), SITE);

  @ParameterizedTest(name = "{0} created {1} → due {2}")
  @CsvSource({
      // high: 2 working days, same time of day
      "HIGH,    2026-11-25T15:00, 2026-11-27T15:00",   // Wednesday → Friday
      "HIGH,    2026-11-27T15:00, 2026-12-01T15:00",   // Friday → Tuesday, not Sunday
      "HIGH,    2026-11-28T10:00, 2026-12-01T10:00",   // Saturday → Tuesday
      "HIGH,    2026-12-23T09:30, 2026-12-29T09:30",   // over Christmas and the bank holiday
      // urgent: 4 hours of the clock, weekend or not
      "URGENT,  2026-11-27T22:00, 2026-11-28T02:00",
      "URGENT,  2026-12-25T12:00, 2026-12-25T16:00",
  })
  void deadlineFollowsTheSiteCalendarForDaysAndTheClockForHours(Priority priority, String created, String due) {
    Instant at = ZonedDateTime.of(java.time.LocalDateTime.parse(created), LONDON).toInstant();
    assertThat(POLICY.acknowledgeBy(priority, at))
        .contains(ZonedDateTime.of(java.time.LocalDateTime.parse(due), LONDON).toInstant());
  }

  @ParameterizedTest(name = "{0} is counted on the clock")
  @CsvSource({"PT36H", "PT90M", "P1DT6H"})
  void aDeadlineThatIsNotWholeDaysIsElapsedTime(Duration within) {
    NotificationPolicy policy = new NotificationPolicy(Map.of(), Map.of(Priority.HIGH, within), SITE);
    Instant friday = Instant.parse("2026-11-27T15:00:00Z");
    assertThat(policy.acknowledgeBy(Priority.HIGH, friday)).contains(friday.plus(within));
  }

  @ParameterizedTest(name = "urgent within {0} counts the clock")
  @CsvSource({"PT24H", "P2D"})
  void anUrgentDeadlineAlwaysCountsTheClockEvenInWholeDays(Duration within) {
    NotificationPolicy policy = new NotificationPolicy(Map.of(), Map.of(Priority.URGENT, within), SITE);
    Instant friday = Instant.parse("2026-11-27T17:00:00Z");
    assertThat(policy.acknowledgeBy(Priority.URGENT, friday)).contains(friday.plus(within));
  }

  @ParameterizedTest(name = "routine needs no acknowledgement")
  @CsvSource({"2026-11-27T15:00:00Z"})
  void routineHasNoDeadline(Instant created) {
    assertThat(POLICY.acknowledgeBy(Priority.ROUTINE, created)).isEmpty();
  }
}
