package io.pathtrack.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  // 2026-12-25 (Fri) and 2026-12-28 (Mon) are holidays.
  private final WorkingDayCalendar calendar = new WorkingDayCalendar(LONDON, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
      Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28)), LocalTime.of(17, 0), LocalTime.of(8, 0));

  private static Instant london(String localDateTime) {
    return java.time.LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
  }

  @Test
  void specimenReceivedBeforeCutOffOnAWorkingDayStartsAtOnce() {
    assertThat(calendar.clockStart(london("2026-11-23T10:15"))).isEqualTo(london("2026-11-23T10:15"));
  }

  @Test
  void specimenReceivedAfterCutOffStartsNextWorkingDay() {
    assertThat(calendar.clockStart(london("2026-11-23T17:30"))).isEqualTo(london("2026-11-24T08:00"));
  }

  @Test
  void specimenReceivedOnFridayEveningStartsOnMonday() {
    assertThat(calendar.clockStart(london("2026-11-27T18:00"))).isEqualTo(london("2026-11-30T08:00"));
  }

  @Test
  void specimenReceivedOnSaturdayStartsOnMonday() {
    assertThat(calendar.clockStart(london("2026-11-28T09:00"))).isEqualTo(london("2026-11-30T08:00"));
  }

  @Test
  void workingDaysSkipWeekends() {
    assertThat(calendar.plusWorkingDays(london("2026-11-26T10:00"), 2)).isEqualTo(london("2026-11-30T10:00"));
  }

  @Test
  void workingDaysSkipHolidays() {
    // Thu 24 Dec + 2 working days: Fri 25 (holiday), weekend, Mon 28 (holiday) -> Tue 29, Wed 30.
    assertThat(calendar.plusWorkingDays(london("2026-12-24T10:00"), 2)).isEqualTo(london("2026-12-30T10:00"));
  }

  @Test
  void specimenReceivedOnAHolidayStartsTheNextWorkingDay() {
    assertThat(calendar.clockStart(london("2026-12-25T11:00"))).isEqualTo(london("2026-12-29T08:00"));
  }
}
