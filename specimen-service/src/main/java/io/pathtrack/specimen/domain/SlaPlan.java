package io.pathtrack.specimen.domain;

import io.pathtrack.contract.WorkingDayCalendar;
import java.time.Duration;
import java.time.Instant;

/**
 * A specimen's turnaround plan: when its clock started, when the warning fires and when it is due.
 * The warning falls at the rule's share of the elapsed time from start to due.
 */
public record SlaPlan(Instant start, Instant warningAt, Instant dueAt, String target) {

  public static SlaPlan of(SlaRule rule, WorkingDayCalendar calendar, Instant clockEvent) {
    Instant start = calendar.clockStart(clockEvent);
    Instant due = rule.target().inWorkingDays()
        ? calendar.plusWorkingDays(start, rule.target().workingDays())
        : start.plus(rule.target().elapsed());
    long budget = Duration.between(start, due).toMillis();
    Instant warning = start.plusMillis((long) (budget * rule.warningShare()));
    return new SlaPlan(start, warning, due, rule.target().toString());
  }
}
