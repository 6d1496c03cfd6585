package io.pathtrack.notify.routing;

import io.pathtrack.contract.SpecimenOrders;
import io.pathtrack.contract.streams.ClassifiedEventReader;
import io.pathtrack.contract.streams.EventWriter;
import io.pathtrack.notify.NotifyProperties;
import io.pathtrack.notify.directory.PractitionerDirectory;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BiFunction;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Kafka Streams: each classified report becomes a notification.created event on
 * {@code pathology.notifications}. Input 0 is {@code pathology.reports.classified}; input 1 the
 * specimen table ({@code pathology.specimens}), where the ordering practitioner is found when the
 * report does not name one. Routing reads the report's headers only; the body is not parsed.
 */
@Configuration
public class NotificationRoutingTopology {

  @Bean
  NotificationRouter notificationRouter(NotifyProperties properties, PractitionerDirectory directory) {
    return new NotificationRouter(new NotificationPolicy(properties.policy()), directory);
  }

  @Bean
  public BiFunction<KStream<String, String>, KTable<String, String>, KStream<String, String>> notificationRouting(
      NotificationRouter router, Clock clock, NotifyProperties properties) {
    String source = properties.source().toString();
    return (classified, specimens) -> classified
        .processValues(ClassifiedEventReader::new)
        .filter((accession, event) -> event != null)
        .leftJoin(specimens, (event, specimenJson) -> router.route(event,
            specimenJson == null ? Optional.empty() : SpecimenOrders.orderingPractitioner(SpecimenOrders.parse(specimenJson)),
            clock.instant()))
        .processValues(() -> new EventWriter<Notification>(
            (accession, n) -> NotificationCommunications.headers(n, source, clock.instant()),
            NotificationCommunications::json));
  }
}
