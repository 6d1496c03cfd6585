package io.pathtrack.notify.routing;

import io.pathtrack.contract.Outcome;
import io.pathtrack.contract.Priority;
import io.pathtrack.notify.NotifyProperties.Rule;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Priority and channels by outcome (DESIGN §6): malignant is urgent and goes out by email as well as
 * the inbox; atypical and nondiagnostic are high; benign is routine and stays in the inbox. A site can
 * override any row; rows it leaves out keep these defaults.
 */
public final class NotificationPolicy {
  private final Map<Outcome, Rule> rules = new EnumMap<>(Outcome.class);

  public NotificationPolicy(Map<Outcome, Rule> overrides) {
    rules.put(Outcome.MALIGNANT, new Rule(Priority.URGENT, EnumSet.of(DeliveryChannel.INBOX, DeliveryChannel.EMAIL)));
    rules.put(Outcome.ATYPICAL, new Rule(Priority.HIGH, EnumSet.of(DeliveryChannel.INBOX, DeliveryChannel.EMAIL)));
    rules.put(Outcome.NONDIAGNOSTIC, new Rule(Priority.HIGH, EnumSet.of(DeliveryChannel.INBOX, DeliveryChannel.EMAIL)));
    rules.put(Outcome.BENIGN, new Rule(Priority.ROUTINE, EnumSet.of(DeliveryChannel.INBOX)));
    overrides.forEach((outcome, rule) -> {
      Rule base = rules.get(outcome);
      rules.put(outcome, new Rule(
          rule.priority() == null ? base.priority() : rule.priority(),
          rule.channels() == null || rule.channels().isEmpty() ? base.channels() : EnumSet.copyOf(rule.channels())));
    });
  }

  public Priority priority(Outcome outcome) {
    return rules.get(outcome).priority();
  }

  public Set<DeliveryChannel> channels(Outcome outcome) {
    Set<DeliveryChannel> channels = EnumSet.copyOf(rules.get(outcome).channels());
    // Every notification is in the inbox, whatever else a site configures: it is the record of it.
    channels.add(DeliveryChannel.INBOX);
    return channels;
  }
}
