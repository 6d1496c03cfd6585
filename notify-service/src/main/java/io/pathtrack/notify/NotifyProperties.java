package io.pathtrack.notify;

import io.pathtrack.contract.Outcome;
import io.pathtrack.contract.Priority;
import io.pathtrack.notify.routing.DeliveryChannel;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of notify-service ({@code pathtrack.notify.*}).
 *
 * @param source the CloudEvents {@code source} of the events this service publishes
 * @param linkBase the base URL recipients follow from a message to the notification
 * @param mailFrom the sender address of notification emails
 * @param practitioners who can be notified and how to reach them
 * @param fallback who is notified when a result has no resolvable recipient (e.g. the results desk)
 * @param policy priority and channels per outcome (DESIGN §6)
 */
@ConfigurationProperties("pathtrack.notify")
public record NotifyProperties(
    @DefaultValue("urn:pathtrack:notify-service") URI source,
    @DefaultValue("http://localhost:8083") URI linkBase,
    @DefaultValue("pathology-alerts@pathtrack.local") String mailFrom,
    @DefaultValue List<Practitioner> practitioners,
    Practitioner fallback,
    @DefaultValue Map<Outcome, Rule> policy) {

  /** A person (or desk) who receives notifications. */
  public record Practitioner(String reference, String name, String email) {}

  /** What an outcome's notification gets. */
  public record Rule(Priority priority, Set<DeliveryChannel> channels) {}
}
