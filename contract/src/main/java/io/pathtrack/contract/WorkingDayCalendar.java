package io.pathtrack.contract;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * The site's working calendar: its time zone, working days, holidays and the daily cut-off after which
 * a specimen counts as received on the next working day (docs/architecture.md §5; specimen turnaround and notification deadlines).
 *
 * @param dayStart when a working day's clock starts for specimens that arrived after the cut-off or on
 *     a non-working day
 */
public record WorkingDayCalendar(
    ZoneId zone, Set<DayOfWeek> workingDays, Set<LocalDate> holidays, LocalTime cutOff, LocalTime dayStart) {

  public WorkingDayCalendar {
    workingDays = workingDays.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(workingDays);
    holidays = Set.copyOf(holidays);
    if (workingDays.isEmpty()) {
      throw new IllegalArgumentException("a calendar needs at least one working day");
    }
  }

  /** Monday to Friday, no holidays, cut-off 17:00, day start 08:00. */
  public static WorkingDayCalendar weekdays(ZoneId zone) {
    return new WorkingDayCalendar(zone, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(),
        LocalTime.of(17, 0), LocalTime.of(8, 0));
  }

  public boolean isWorkingDay(LocalDate date) {
    return workingDays.contains(date.getDayOfWeek()) && !holidays.contains(date);
  }

  /**
   * When the turnaround clock starts for a specimen that arrived at {@code arrival}: then, on a working
   * day before the cut-off; otherwise at the start of the next working day.
   */
  public Instant clockStart(Instant arrival) {
    ZonedDateTime at = arrival.atZone(zone);
    if (isWorkingDay(at.toLocalDate()) && at.toLocalTime().isBefore(cutOff)) {
      return arrival;
    }
    LocalDate next = nextWorkingDay(at.toLocalDate());
    return next.atTime(dayStart).atZone(zone).toInstant();
  }

  /** The same time of day, {@code days} working days later. */
  public Instant plusWorkingDays(Instant start, int days) {
    ZonedDateTime at = start.atZone(zone);
    LocalDate date = at.toLocalDate();
    for (int i = 0; i < days; i++) {
      date = nextWorkingDay(date);
    }
    return date.atTime(at.toLocalTime()).atZone(zone).toInstant();
  }

  public LocalDate nextWorkingDay(LocalDate after) {
    LocalDate d = after.plusDays(1);
    // A year of holidays and weekends cannot hold more than 366 days in a row.
    for (int guard = 0; guard < 366 && !isWorkingDay(d); guard++) {
      d = d.plusDays(1);
    }
    return d;
  }
}
