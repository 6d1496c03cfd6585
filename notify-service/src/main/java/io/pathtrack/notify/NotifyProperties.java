package io.pathtrack.notify;

import io.pathtrack.contract.Outcome;
import io.pathtrack.notify.domain.NotificationPolicy;
import io.pathtrack.contract.Priority;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of notify-service ({@code pathtrack.notify.*}).
 *
 * @param source the CloudEvents {@code source} of the events this service publishes
 * @param linkBase the base URL recipients follow from a message to the notification
 * @param mailFrom the sender address of notification emails
 * @param directory where the practitioner directory (a FHIR Bundle, JSON) is: {@code classpath:…} or a file path
 * @param zone the time zone of working hours in the directory
 * @param policy priority and channels per outcome (docs/architecture.md §6); rows left out keep the defaults
 * @param acknowledgeWithin the acknowledgement deadline per priority; a priority left out needs none. Whole days
 *     ({@code 2d}) count working days of the site calendar; hours and minutes ({@code 4h}) count elapsed time
 * @param calendar the site's working days and holidays (in {@code zone}), for deadlines in days
 * @param sweepInterval how often escalation deadlines are looked at (wall clock)
 */
@ConfigurationProperties("pathtrack.notify")
public record NotifyProperties(
    @DefaultValue("urn:pathtrack:notify-service") URI source,
    @DefaultValue("http://localhost:8083") URI linkBase,
    @DefaultValue("pathology-alerts@pathtrack.local") String mailFrom,
    @DefaultValue("classpath:practitioner-directory.json") String directory,
    @DefaultValue("Europe/London") ZoneId zone,
    @DefaultValue Map<Outcome, NotificationPolicy.Rule> policy,
    @DefaultValue Map<Priority, Duration> acknowledgeWithin,
    @DefaultValue Calendar calendar,
    @DefaultValue("5s") Duration sweepInterval) {

  /**
   * @param workingDays the days the site works (Monday to Friday unless set)
   * @param holidays dates the site does not work, in {@code pathtrack.notify.zone}
   */
  public record Calendar(
      @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) java.util.List<java.time.DayOfWeek> workingDays,
      @DefaultValue java.util.List<java.time.LocalDate> holidays) {}

  /** The site calendar: {@link #calendar()} in {@link #zone()}. */
  public io.pathtrack.contract.WorkingDayCalendar workingDays() {
    // (the cut-off and day start are specimen-service's; deadlines here do not use them)
    return new io.pathtrack.contract.WorkingDayCalendar(zone, java.util.Set.copyOf(calendar.workingDays()),
        java.util.Set.copyOf(calendar.holidays()), java.time.LocalTime.of(17, 0), java.time.LocalTime.of(8, 0));
  }
}
