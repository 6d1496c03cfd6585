package io.pathtrack.notify.domain;

import io.pathtrack.contract.Outcome;
import io.pathtrack.contract.Priority;
import io.pathtrack.notify.domain.Contact;
import io.pathtrack.contract.WorkingDayCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * docs/architecture.md §6 as a table: malignant is urgent (webhook + inbox + email, acknowledge within 4 h);
 * atypical and nondiagnostic are high (inbox + email, within 2 working days); benign is routine (inbox, no
 * acknowledgement). An outcome changed by an amendment is urgent whatever it became. A site overrides
 * any row; the inbox always stays, and a recipient whose EHR takes FHIR also gets a Communication there.
 */
public final class NotificationPolicy {
  /** What an outcome's notification gets: its priority and the channels it goes by. */
  public record Rule(Priority priority, Set<DeliveryChannel> channels) {}

  private final Map<Outcome, Rule> rules = new EnumMap<>(Outcome.class);
  private final Map<Priority, Duration> acknowledgeWithin = new EnumMap<>(Priority.class);
  private final WorkingDayCalendar calendar;

  /**
   * @param acknowledgeWithin deadlines per priority that replace the defaults (urgent 4 h, high 2 working days)
   * @param calendar the site's working days: a deadline of whole days counts them
   */
  public NotificationPolicy(Map<Outcome, Rule> overrides, Map<Priority, Duration> acknowledgeWithin,
      WorkingDayCalendar calendar) {
    this.calendar = calendar;
    rules.put(Outcome.MALIGNANT, new Rule(Priority.URGENT,
        EnumSet.of(DeliveryChannel.INBOX, DeliveryChannel.EMAIL, DeliveryChannel.WEBHOOK)));
    rules.put(Outcome.ATYPICAL, new Rule(Priority.HIGH, EnumSet.of(DeliveryChannel.INBOX, DeliveryChannel.EMAIL)));
    rules.put(Outcome.NONDIAGNOSTIC, new Rule(Priority.HIGH, EnumSet.of(DeliveryChannel.INBOX, DeliveryChannel.EMAIL)));
    rules.put(Outcome.BENIGN, new Rule(Priority.ROUTINE, EnumSet.of(DeliveryChannel.INBOX)));
    overrides.forEach((outcome, rule) -> {
      Rule base = rules.get(outcome);
      rules.put(outcome, new Rule(
          rule.priority() == null ? base.priority() : rule.priority(),
          rule.channels() == null || rule.channels().isEmpty() ? base.channels() : EnumSet.copyOf(rule.channels())));
    });
    this.acknowledgeWithin.put(Priority.URGENT, Duration.ofHours(4));
    this.acknowledgeWithin.put(Priority.HIGH, Duration.ofDays(2));
    this.acknowledgeWithin.putAll(acknowledgeWithin);
  }

  public NotificationPolicy(Map<Outcome, Rule> overrides) {
    this(overrides, Map.of(), WorkingDayCalendar.weekdays(java.time.ZoneId.of("Europe/London")));
  }

  public Priority priority(Outcome outcome) {
    return rules.get(outcome).priority();
  }

  /** The channels for an outcome, at their widest; {@link #channelsFor} narrows them to a recipient. */
  public Set<DeliveryChannel> channels(Outcome outcome) {
    Set<DeliveryChannel> channels = EnumSet.copyOf(rules.get(outcome).channels());
    channels.add(DeliveryChannel.INBOX);
    return channels;
  }

  /** What a recipient can take of {@code wanted}: email needs an address, a webhook an endpoint; FHIR when their EHR has a base. */
  public static Set<DeliveryChannel> channelsFor(Set<DeliveryChannel> wanted, Contact contact) {
    Set<DeliveryChannel> out = EnumSet.of(DeliveryChannel.INBOX);
    if (wanted.contains(DeliveryChannel.EMAIL) && contact.email().isPresent()) {
      out.add(DeliveryChannel.EMAIL);
    }
    if (wanted.contains(DeliveryChannel.WEBHOOK) && contact.webhook().isPresent()) {
      out.add(DeliveryChannel.WEBHOOK);
    }
    if (contact.fhirBase().isPresent()) {
      out.add(DeliveryChannel.FHIR);
    }
    return out;
  }

  public Optional<Duration> acknowledgeWithin(Priority priority) {
    return Optional.ofNullable(acknowledgeWithin.get(priority));
  }

  /**
   * When a notification of this priority created at {@code created} must be acknowledged: a deadline of whole days
   * is that many working days later at the same time of day (a high-priority result on Friday afternoon is due on
   * Tuesday afternoon, not on Sunday), one of hours or minutes is that much elapsed time later; an urgent one always
   * counts the clock (urgent results wait for no weekend); empty when none is awaited.
   */
  public Optional<Instant> acknowledgeBy(Priority priority, Instant created) {
    // Urgent results count the clock whatever the figure: "24h" and "1d" are the same Duration, and an urgent one
    // must never wait for Monday.
    return acknowledgeWithin(priority).map(within -> priority != Priority.URGENT && wholeDays(within)
        ? calendar.plusWorkingDays(created, (int) within.toDays())
        : created.plus(within));
  }

  private static boolean wholeDays(Duration d) {
    return d.toDays() >= 1 && d.equals(Duration.ofDays(d.toDays()));
  }
}
